<?php
/**
 * Site Health: the asynchronous connectivity test and its REST route.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Api\Client;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The asynchronous test "Communication with BatchKeys", served by the kit's REST route
 * GET batchkeys/v1/site-health/connectivity (view_site_health_checks). It never calls BatchKeys
 * (see run()).
 */
final class Connectivity {

	/**
	 * REST namespace and route of the asynchronous test.
	 */
	const REST_NAMESPACE = 'batchkeys/v1';
	const ROUTE          = '/site-health/connectivity';

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The connectivity test.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Registers the asynchronous test's route.
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			self::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'rest_connectivity' ),
				'permission_callback' => array( $this, 'rest_permission' ),
			)
		);
	}

	/**
	 * Who may run the asynchronous test: whoever may see Site Health (as core's own tests).
	 *
	 * @return true|\WP_Error
	 */
	public function rest_permission() {
		if ( current_user_can( 'view_site_health_checks' ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to view Site Health checks.', 'batchkeys' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * The asynchronous test's REST answer.
	 *
	 * @return \WP_REST_Response
	 */
	public function rest_connectivity() {
		return new \WP_REST_Response( $this->run(), 200 );
	}

	/**
	 * The asynchronous connectivity test.
	 *
	 * It never contacts BatchKeys: BatchKeys counts connectivity pings (every request counts
	 * toward the site's rate limit), and Site Health runs its tests on every visit to its screen
	 * and weekly in the background. It reports what the last real check found, which is at most a
	 * day old, plus what this site can know without a request: whether the API URL may be used
	 * and whether WordPress blocks outbound requests to it (WP_HTTP_BLOCK_EXTERNAL), and whether
	 * BatchKeys asked the site to pause.
	 *
	 * @return array<string, mixed>
	 */
	public function run() {
		$test     = 'batchkeys_connectivity';
		$now      = Clock::now();
		$note     = __( 'This test does not contact BatchKeys (every request counts toward the site’s rate limit); it reports the outcome of the last license check.', 'batchkeys' );
		$products = $this->kit->registry()->all();
		$problems = array();
		$failed   = array();
		$latest   = null;

		foreach ( $products as $product ) {
			$url = Client::api_url( $product );
			if ( ! Client::is_allowed_url( $url ) ) {
				$problems[] = sprintf(
					/* translators: 1: product name, 2: URL. */
					__( '%1$s is set to reach BatchKeys at %2$s, which is not HTTPS; the kit refuses to send keys there.', 'batchkeys' ),
					esc_html( $product->name ),
					'<code>' . esc_html( $url ) . '</code>'
				);
			} elseif ( ( new \WP_Http() )->block_request( $url ) ) {
				$problems[] = sprintf(
					/* translators: 1: product name, 2: host name. */
					__( 'This site blocks outbound requests (WP_HTTP_BLOCK_EXTERNAL), so %1$s cannot reach %2$s. Add the host to WP_ACCESSIBLE_HOSTS.', 'batchkeys' ),
					esc_html( $product->name ),
					'<code>' . esc_html( (string) wp_parse_url( $url, PHP_URL_HOST ) ) . '</code>'
				);
			}
			$record = $this->kit->licenses()->store()->get( $product->slug );
			if ( null === $record->last_checked ) {
				continue;
			}
			if ( 'connection' === $record->code ) {
				$failed[] = sprintf(
					/* translators: 1: product name, 2: date and time, 3: date and time. */
					__( 'The last check of %1$s, on %2$s, could not reach BatchKeys. It was last reached for this product on %3$s.', 'batchkeys' ),
					esc_html( $product->name ),
					Report::when( $record->last_checked ),
					Report::when( $record->last_success )
				);
			} elseif ( 'not_configured' !== $record->code ) {
				$latest = null === $latest ? $record->last_checked : max( $latest, $record->last_checked );
			}
		}

		$until = $this->kit->licenses()->store()->rate_limited_until();
		if ( $until > $now ) {
			$problems[] = sprintf(
				/* translators: %s: date and time. */
				__( 'BatchKeys asked this site to slow down. The site sends it nothing until %s.', 'batchkeys' ),
				Report::when( $until )
			);
		}

		if ( $problems ) {
			return Report::result( $test, 'critical', __( 'This site cannot communicate with BatchKeys', 'batchkeys' ), array_merge( $problems, $failed, array( $note ) ), null );
		}
		if ( $failed ) {
			return Report::result( $test, 'recommended', __( 'BatchKeys could not be reached at the last license check', 'batchkeys' ), array_merge( $failed, array( __( 'An active license keeps working for a grace period; the site tries again later.', 'batchkeys' ), $note ) ), null );
		}
		$lines   = null === $latest
			? array( __( 'No license has been checked yet.', 'batchkeys' ) )
			: array(
				sprintf(
					/* translators: %s: date and time. */
					__( 'BatchKeys answered the last license check, on %s.', 'batchkeys' ),
					Report::when( $latest )
				),
			);
		$lines[] = $note;
		return Report::result( $test, 'good', __( 'This site can communicate with BatchKeys', 'batchkeys' ), $lines, null );
	}
}
