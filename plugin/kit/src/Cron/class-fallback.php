<?php
/**
 * Dead cron: an admin page load starts the due checks in a request of their own.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Lock;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * When WP-Cron does not run (DISABLE_WP_CRON, or the event more than 12 h overdue), an admin page
 * load claims a 12-hour window (a lock row that expires, never released) and a one-time token,
 * then sends a loopback request to admin-ajax.php the way WP-Cron's spawn does, without waiting
 * for any answer: the checks run in that request, so no admin response ever waits for BatchKeys
 * (on mod_php or PHP's built-in server a shutdown callback would hold the response open).
 */
final class Fallback {

	/**
	 * Lock row of the 12-hour window (its value: when the window ends).
	 */
	const LOCK = 'batchkeys_cron_fallback';

	/**
	 * Non-autoloaded option: the one-time token the loopback request must carry, and its expiry.
	 */
	const TOKEN = 'batchkeys_cron_fallback_token';

	/**
	 * The admin-ajax action of the loopback request.
	 */
	const ACTION = 'batchkeys_cron_fallback';

	/**
	 * How late the event may be before WP-Cron counts as not running.
	 */
	const OVERDUE = 43200;

	/**
	 * Shortest time between two fallback runs.
	 */
	const EVERY = 43200;

	/**
	 * How long a token is good for (the loopback arrives within seconds).
	 */
	const TOKEN_TTL = 600;

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The scheduler whose run the loopback request starts.
	 *
	 * @var Scheduler
	 */
	private $scheduler;

	/**
	 * Whether this request already looked (admin_init may fire more than once in tests).
	 *
	 * @var bool
	 */
	private $looked = false;

	/**
	 * A fallback.
	 *
	 * @param Kit       $kit       The kit.
	 * @param Scheduler $scheduler The scheduler.
	 */
	public function __construct( Kit $kit, Scheduler $scheduler ) {
		$this->kit       = $kit;
		$this->scheduler = $scheduler;
	}

	/**
	 * Whether WP-Cron's page-load trigger is off (DISABLE_WP_CRON; a site may say so with the
	 * `batchkeys_wp_cron_disabled` filter when its cron runs otherwise).
	 *
	 * @return bool
	 */
	public static function wp_cron_disabled() {
		/**
		 * Filters whether WP-Cron is switched off on page loads.
		 *
		 * @param bool $disabled Default: the DISABLE_WP_CRON constant.
		 */
		return (bool) apply_filters( 'batchkeys_wp_cron_disabled', defined( 'DISABLE_WP_CRON' ) && constant( 'DISABLE_WP_CRON' ) );
	}

	/**
	 * Whether WP-Cron cannot be relied on: DISABLE_WP_CRON, or the event more than 12 h overdue.
	 *
	 * @param int $now Unix timestamp.
	 * @return bool
	 */
	public function cron_stalled( $now ) {
		if ( self::wp_cron_disabled() ) {
			return true;
		}
		$next = wp_next_scheduled( Scheduler::HOOK );
		return false !== $next && $now - $next > self::OVERDUE;
	}

	/**
	 * Whether the due checks should be started: cron stalled, no pause, a product due, and no
	 * fallback in the last 12 h.
	 *
	 * @param int $now Unix timestamp.
	 * @return bool
	 */
	public function needed( $now ) {
		if ( ! $this->cron_stalled( $now ) ) {
			return false;
		}
		$store = $this->kit->licenses()->store();
		if ( $store->rate_limited_until() > $now ) {
			return false;
		}
		$due = false;
		foreach ( Schedule::products( $this->kit ) as $product ) {
			if ( Schedule::is_due( $store->get( $product->slug ), $now ) ) {
				$due = true;
				break;
			}
		}
		// Last, the one query that admin screens do not make anyway.
		return $due && 0 === ( new Lock( self::LOCK ) )->remaining( $now );
	}

	/**
	 * Whether this request is a page of the admin (not AJAX, REST, cron, WP-CLI or admin-post).
	 *
	 * @return bool
	 */
	public static function is_admin_page_load() {
		if ( ! is_admin() || wp_doing_ajax() || wp_doing_cron() ) {
			return false;
		}
		if ( ( defined( 'REST_REQUEST' ) && REST_REQUEST ) || ( defined( 'WP_CLI' ) && WP_CLI ) ) {
			return false;
		}
		return ! ( isset( $GLOBALS['pagenow'] ) && 'admin-post.php' === $GLOBALS['pagenow'] );
	}

	/**
	 * On an admin page load (admin_init): when needed, claims the window and a token and starts
	 * the loopback request. Makes no call to BatchKeys and waits for nothing.
	 *
	 * @return bool Whether a loopback request was started.
	 */
	public function maybe_spawn() {
		if ( $this->looked || ! self::is_admin_page_load() ) {
			return false;
		}
		$this->looked = true;
		$now          = Clock::now();
		if ( ! $this->needed( $now ) || ! ( new Lock( self::LOCK ) )->acquire( self::EVERY, $now ) ) {
			return false;
		}
		$token = wp_generate_password( 32, false );
		update_option(
			self::TOKEN,
			array(
				'token'   => $token,
				'expires' => $now + self::TOKEN_TTL,
			),
			false
		);
		return $this->spawn( $token );
	}

	/**
	 * The loopback request (admin-ajax, logged in or not: the token is the permission).
	 *
	 * @return void
	 */
	public function handle_request() {
		// The page that sent it has hung up already.
		ignore_user_abort( true );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- the one-time token is the check.
		$token = isset( $_POST['token'] ) && is_string( $_POST['token'] ) ? sanitize_text_field( wp_unslash( $_POST['token'] ) ) : '';
		$ran   = $this->run( $token );
		wp_send_json( array( 'ran' => $ran ), 200 );
	}

	/**
	 * Runs the due checks when $token is the stored one-time token (deleted first, so one
	 * request wins).
	 *
	 * @param string $token Token from the loopback request.
	 * @return array<string, string> Outcomes (see Runner::run()); empty for a wrong token.
	 */
	public function run( $token ) {
		wp_cache_delete( self::TOKEN, 'options' );
		$stored = get_option( self::TOKEN, null );
		if ( ! is_string( $token ) || '' === $token || ! is_array( $stored ) || ! isset( $stored['token'], $stored['expires'] )
			|| ! hash_equals( (string) $stored['token'], $token ) || (int) $stored['expires'] < Clock::now() ) {
			return array();
		}
		if ( ! delete_option( self::TOKEN ) ) {
			return array();
		}
		return $this->scheduler->run( 'fallback' );
	}

	/**
	 * Sends the loopback request and hangs up at once: the request is written into the socket and
	 * the connection closed, so the page never waits for the server to answer (even a server with
	 * a single worker, busy with this very page). The `batchkeys_fallback_spawn` filter may send
	 * it otherwise (return true or false).
	 *
	 * @param string $token One-time token.
	 * @return bool Whether the request was sent.
	 */
	private function spawn( $token ) {
		$url  = admin_url( 'admin-ajax.php' );
		$body = http_build_query(
			array(
				'action' => self::ACTION,
				'token'  => $token,
			)
		);
		/**
		 * Sends the fallback's loopback request another way (return a bool), or null for the default.
		 *
		 * @param bool|null $sent Null.
		 * @param string    $url  admin-ajax.php URL.
		 * @param string    $body Form-encoded body.
		 */
		$sent = apply_filters( 'batchkeys_fallback_spawn', null, $url, $body );
		if ( null !== $sent ) {
			return (bool) $sent;
		}
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return false;
		}
		$https   = isset( $parts['scheme'] ) && 'https' === $parts['scheme'];
		$port    = isset( $parts['port'] ) ? (int) $parts['port'] : ( $https ? 443 : 80 );
		$verify  = (bool) apply_filters( 'https_local_ssl_verify', false ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's filter, as its cron spawn uses it.
		$context = stream_context_create(
			array(
				'ssl' => array(
					'verify_peer'      => $verify,
					'verify_peer_name' => $verify,
				),
			)
		);
		$socket  = @stream_socket_client( ( $https ? 'ssl://' : 'tcp://' ) . $parts['host'] . ':' . $port, $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $context ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a refused loopback is reported by the return value.
		if ( false === $socket ) {
			return false;
		}
		$path    = ( isset( $parts['path'] ) ? $parts['path'] : '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
		$request = 'POST ' . $path . " HTTP/1.1\r\nHost: " . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $port : '' )
			. "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " . strlen( $body )
			. "\r\nConnection: close\r\n\r\n" . $body;
		$written = fwrite( $socket, $request ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a socket, not a file.
		fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a socket, not a file.
		return strlen( $request ) === $written;
	}
}
