<?php
/**
 * The daily license recheck: one WP-Cron event per site, and a fallback for sites whose cron
 * does not run.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\License_Service;
use BatchKeys\Kit\License\Lock;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\License\Transition;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Keeps exactly one single event, `batchkeys_recheck`, scheduled at the earliest time anything is
 * due (the recheck rules of docs/license-states.md):
 *
 * - each product's record carries its own `next_check`, decided by the core's Transition: the
 *   site's daily slot (a random second of the day, picked once per site, so installs spread over
 *   the day), or the retries after a failure (1 h, 4 h, then the next slot), or one hour after a
 *   first not-valid answer;
 * - the event is moved to the earliest `next_check` of the products with a key, never before the
 *   site-wide rate-limit pause ends (nothing for 24 h after `rate_limited`); with no key stored it
 *   sits at the next daily slot, where a run costs nothing;
 * - whenever a record or the pause changes (an activation, a check now, a run), the event follows;
 * - a run rechecks only the products that are due, each under a lock row and after re-reading the
 *   record inside it, so overlapping cron requests make one API call per product;
 * - the event is re-created on `init` when missing (one lookup in the autoloaded cron array), and
 *   removed when the plugin (or a product's plugin) is deactivated or uninstalled;
 * - when WP-Cron does not run (DISABLE_WP_CRON, or the event more than 12 h overdue), an admin
 *   page load runs the due checks at most once per 12 h, after the response has been sent.
 *
 * Nothing here calls BatchKeys but a run (through License_Service::check()); every other page
 * load makes no outbound request.
 */
final class Scheduler {

	/**
	 * The cron hook (one event per site).
	 */
	const HOOK = 'batchkeys_recheck';

	/**
	 * Prefix of the lock row held around one product's recheck (batchkeys_cron_lock_<slug>).
	 */
	const LOCK_PREFIX = 'batchkeys_cron_lock_';

	/**
	 * Lock row claimed by a fallback run from an admin page; it expires, never released, so the
	 * fallback runs at most once per FALLBACK_EVERY.
	 */
	const FALLBACK_LOCK = 'batchkeys_cron_fallback';

	/**
	 * Non-autoloaded option: time, source and outcomes of the last run.
	 */
	const LAST_RUN = 'batchkeys_cron_last_run';

	/**
	 * How late the event may be before WP-Cron counts as not running.
	 */
	const OVERDUE = 43200;

	/**
	 * Shortest time between two fallback runs from admin pages.
	 */
	const FALLBACK_EVERY = 43200;

	/**
	 * After a run that left a product due (its lock was held by another process), the earliest
	 * next run: no tight loop of cron requests.
	 */
	const RUN_AGAIN_AFTER = 60;

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * Whether a run is in progress in this process (record writes then wait for its end).
	 *
	 * @var bool
	 */
	private $running = false;

	/**
	 * Whether this request has queued a fallback run for shutdown.
	 *
	 * @var bool
	 */
	private $fallback_queued = false;

	/**
	 * A scheduler.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Hooks the run, the upkeep of the event and the fallback in.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_action( self::HOOK, array( $this, 'run_event' ) );
		add_action( 'init', array( $this, 'ensure_scheduled' ), 20 );
		add_action( 'batchkeys_product_registered', array( $this, 'product_registered' ) );
		add_action( 'batchkeys_plugin_activated', array( $this, 'sync' ) );
		add_action( 'added_option', array( $this, 'option_changed' ), 10, 1 );
		add_action( 'updated_option', array( $this, 'option_changed' ), 10, 1 );
		add_action( 'deleted_option', array( $this, 'option_changed' ), 10, 1 );
		add_action( 'deactivate_plugin', array( $this, 'plugin_deactivated' ), 10, 1 );
		add_action( 'admin_init', array( $this, 'maybe_fallback' ) );
	}

	/**
	 * The cron callback.
	 *
	 * @return void
	 */
	public function run_event() {
		$this->run( 'cron' );
	}

	/**
	 * Rechecks every product that is due, then moves the event to the next due time.
	 *
	 * @param string $source What started the run: cron, fallback or cli.
	 * @return array<string, string> Slug => outcome, for each product that was due: the kit code
	 *                               of the check, or `locked` (another process is checking it) or
	 *                               `rate_limited` (the site-wide pause; no call made).
	 */
	public function run( $source = 'cron' ) {
		if ( $this->running ) {
			return array();
		}
		$this->running = true;
		$outcomes      = array();
		try {
			foreach ( $this->kit->registry()->all() as $slug => $product ) {
				$outcome = $this->recheck_if_due( $product );
				if ( null !== $outcome ) {
					$outcomes[ $slug ] = $outcome;
				}
			}
		} finally {
			$this->running = false;
		}
		update_option(
			self::LAST_RUN,
			array(
				'time'     => Clock::now(),
				'source'   => (string) $source,
				'outcomes' => $outcomes,
			),
			false
		);
		$this->sync( true );

		/**
		 * Fires after a recheck run.
		 *
		 * @param array<string, string> $outcomes Slug => outcome, for each product that was due.
		 * @param string                $source   cron, fallback or cli.
		 */
		do_action( 'batchkeys_recheck_done', $outcomes, (string) $source );
		return $outcomes;
	}

	/**
	 * Rechecks one product when its next check is due.
	 *
	 * @param Product $product Product.
	 * @return string|null The outcome (see run()), or null when it was not due.
	 */
	private function recheck_if_due( Product $product ) {
		$store = $this->kit->licenses()->store();
		if ( ! self::is_due( $store->get( $product->slug ), Clock::now() ) ) {
			return null;
		}
		$lock = new Lock( self::LOCK_PREFIX . $product->slug );
		if ( ! $lock->acquire( License_Service::LOCK_TTL, Clock::now() ) ) {
			return 'locked';
		}
		try {
			// Another process may have checked it between our first look and the lock.
			if ( ! self::is_due( $store->get( $product->slug, true ), Clock::now() ) ) {
				return null;
			}
			return $this->kit->licenses()->check( $product, 'background' )->code;
		} finally {
			$lock->release();
		}
	}

	/**
	 * Whether a record's automatic check is due.
	 *
	 * @param Record $record Record.
	 * @param int    $now    Unix timestamp.
	 * @return bool
	 */
	public static function is_due( Record $record, $now ) {
		return $record->has_key() && ( null === $record->next_check || $record->next_check <= $now );
	}

	/**
	 * When the event should run next: the earliest next check of the products with a key (else
	 * the next daily slot), not before the rate-limit pause ends; null when no product is
	 * registered.
	 *
	 * @param bool $after_run Whether a run just ended (then not sooner than RUN_AGAIN_AFTER).
	 * @return int|null Unix timestamp (may be in the past: due now).
	 */
	public function next_run_time( $after_run = false ) {
		$products = $this->kit->registry()->all();
		if ( ! $products ) {
			return null;
		}
		$now      = Clock::now();
		$store    = $this->kit->licenses()->store();
		$earliest = null;
		foreach ( $products as $product ) {
			$record = $store->get( $product->slug );
			if ( ! $record->has_key() ) {
				continue;
			}
			$due      = null === $record->next_check ? $now : $record->next_check;
			$earliest = null === $earliest ? $due : min( $earliest, $due );
		}
		if ( null === $earliest ) {
			$earliest = $this->first_slot( $now );
		}
		$earliest = max( $earliest, $store->rate_limited_until() );
		if ( $after_run ) {
			$earliest = max( $earliest, $now + self::RUN_AGAIN_AFTER );
		}
		return (int) $earliest;
	}

	/**
	 * The site's first daily slot after $now (at least an hour away), as the core's Transition
	 * computes it for a newly activated key: the "first run at a random time of day".
	 *
	 * @param int      $now  Unix timestamp.
	 * @param int|null $slot Second of the day; default: the site's (picked at random once, kept in
	 *                       the non-autoloaded option batchkeys_daily_slot).
	 * @return int
	 */
	public function first_slot( $now, $slot = null ) {
		return Transition::next_slot( $now, null === $slot ? $this->kit->licenses()->store()->daily_slot() : (int) $slot );
	}

	/**
	 * Moves the event to next_run_time(), or removes it when no product is registered. Writes the
	 * cron array only when the time changes.
	 *
	 * @param bool $after_run Whether a run just ended.
	 * @return int|false The event's time, or false when there is none.
	 */
	public function sync( $after_run = false ) {
		$target  = $this->next_run_time( (bool) $after_run );
		$current = wp_next_scheduled( self::HOOK );
		if ( null === $target ) {
			if ( false !== $current ) {
				wp_clear_scheduled_hook( self::HOOK );
			}
			return false;
		}
		if ( $current === $target ) {
			return $target;
		}
		if ( false !== $current ) {
			wp_clear_scheduled_hook( self::HOOK );
		}
		return true === wp_schedule_single_event( $target, self::HOOK ) ? $target : false;
	}

	/**
	 * Re-creates the event when it went missing (on init: one lookup in the cron array).
	 *
	 * @return void
	 */
	public function ensure_scheduled() {
		if ( false === wp_next_scheduled( self::HOOK ) && $this->kit->registry()->all() ) {
			$this->sync();
		}
	}

	/**
	 * A product registered after init (a late registration): the event must exist.
	 *
	 * @return void
	 */
	public function product_registered() {
		if ( did_action( 'init' ) ) {
			$this->ensure_scheduled();
		}
	}

	/**
	 * Follows a change of a license record or of the rate-limit pause (an activation, a check
	 * now, a removal) with the event, except during a run, which syncs once at its end.
	 *
	 * @param string $option Option name.
	 * @return void
	 */
	public function option_changed( $option ) {
		if ( $this->running || ! is_string( $option ) ) {
			return;
		}
		if ( 0 === strpos( $option, 'batchkeys_license_' ) || 'batchkeys_rate_limited_until' === $option ) {
			$this->sync();
		}
	}

	/**
	 * Removes the event when the plugin holding this copy of the kit, or a product's plugin, is
	 * deactivated. Any remaining product re-creates it on the next init.
	 *
	 * @param string $plugin Plugin basename, e.g. batchkeys/batchkeys.php.
	 * @return void
	 */
	public function plugin_deactivated( $plugin ) {
		if ( ! is_string( $plugin ) || '' === $plugin ) {
			return;
		}
		$mine = false;
		$kit  = plugin_basename( $this->kit->path() . '/load.php' );
		if ( false !== strpos( $plugin, '/' ) && 0 === strpos( $kit, dirname( $plugin ) . '/' ) ) {
			$mine = true;
		}
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( $product->plugin_basename() === $plugin ) {
				$mine = true;
			}
		}
		if ( $mine ) {
			self::unschedule();
		}
	}

	/**
	 * Removes the event (deactivation, uninstall).
	 *
	 * @return void
	 */
	public static function unschedule() {
		wp_clear_scheduled_hook( self::HOOK );
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
		$next = wp_next_scheduled( self::HOOK );
		return false !== $next && $now - $next > self::OVERDUE;
	}

	/**
	 * Whether an admin page load should run the due checks after its response: cron stalled, no
	 * fallback in the last 12 h, and a product due.
	 *
	 * @param int $now Unix timestamp.
	 * @return bool
	 */
	public function fallback_needed( $now ) {
		if ( ! $this->kit->registry()->all() || ! $this->cron_stalled( $now ) ) {
			return false;
		}
		$store = $this->kit->licenses()->store();
		if ( $store->rate_limited_until() > $now ) {
			return false;
		}
		$due = false;
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( self::is_due( $store->get( $product->slug ), $now ) ) {
				$due = true;
				break;
			}
		}
		// Last, the one query that admin screens do not make anyway.
		return $due && 0 === ( new Lock( self::FALLBACK_LOCK ) )->remaining( $now );
	}

	/**
	 * On an admin page load (admin_init): when the fallback is needed, queues it for shutdown,
	 * after the response. Does nothing else, and nothing at all while WP-Cron is healthy.
	 *
	 * @return void
	 */
	public function maybe_fallback() {
		if ( $this->fallback_queued || ! self::is_admin_page_load() ) {
			return;
		}
		if ( $this->fallback_needed( Clock::now() ) ) {
			$this->fallback_queued = true;
			add_action( 'shutdown', array( $this, 'run_fallback' ), 1000 );
		}
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
	 * The fallback run (shutdown): claims the 12-hour window, lets the response go, then runs.
	 *
	 * @return array<string, string> Outcomes (see run()); empty when another request had the window.
	 */
	public function run_fallback() {
		$lock = new Lock( self::FALLBACK_LOCK );
		if ( ! $lock->acquire( self::FALLBACK_EVERY, Clock::now() ) ) {
			return array();
		}
		self::finish_response();
		return $this->run( 'fallback' );
	}

	/**
	 * Sends the response before the checks, on shutdown only: fastcgi_finish_request() (PHP-FPM)
	 * or litespeed_finish_request() when available; otherwise (mod_php, php -S) every output
	 * buffer is flushed, so the whole page has reached the browser before any call starts.
	 *
	 * @return void
	 */
	private static function finish_response() {
		if ( ! doing_action( 'shutdown' ) ) {
			return;
		}
		ignore_user_abort( true );
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
			return;
		}
		if ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
			return;
		}
		while ( ob_get_level() > 0 && ob_end_flush() ) {
			continue;
		}
		flush();
	}

	/**
	 * What Site Health and WP-CLI show about the schedule.
	 *
	 * @return array{hook: string, next_run: int|null, overdue: int, wp_cron_disabled: bool, daily_slot: int, rate_limited_until: int|null, last_run: array{time: int, source: string, outcomes: array<string, string>}|null, fallback_until: int|null}
	 */
	public function status() {
		$now      = Clock::now();
		$store    = $this->kit->licenses()->store();
		$next     = wp_next_scheduled( self::HOOK );
		$limited  = $store->rate_limited_until();
		$fallback = ( new Lock( self::FALLBACK_LOCK ) )->remaining( $now );
		$last     = get_option( self::LAST_RUN, null );
		$last_run = null;
		if ( is_array( $last ) && isset( $last['time'] ) && is_numeric( $last['time'] ) ) {
			$outcomes = array();
			if ( isset( $last['outcomes'] ) && is_array( $last['outcomes'] ) ) {
				foreach ( $last['outcomes'] as $slug => $code ) {
					$outcomes[ (string) $slug ] = (string) $code;
				}
			}
			$last_run = array(
				'time'     => (int) $last['time'],
				'source'   => isset( $last['source'] ) ? (string) $last['source'] : '',
				'outcomes' => $outcomes,
			);
		}
		return array(
			'hook'               => self::HOOK,
			'next_run'           => false === $next ? null : (int) $next,
			'overdue'            => false === $next ? 0 : max( 0, $now - (int) $next ),
			'wp_cron_disabled'   => self::wp_cron_disabled(),
			'daily_slot'         => $store->daily_slot(),
			'rate_limited_until' => $limited > $now ? $limited : null,
			'last_run'           => $last_run,
			'fallback_until'     => $fallback > 0 ? $now + $fallback : null,
		);
	}
}
