<?php
/**
 * Helpers for the recheck, Site Health and WP-CLI tests: simulated cron ticks, outbound request
 * counting, products with keys.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\Product\Product;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Base class: time starts at T0, every outbound request is counted. */
abstract class Cron_Test_Case extends Kit_Test_Case {

	/**
	 * Start of the simulated time: 2100-01-01 08:00:00 UTC (the daily slot is 03:00 UTC). Far in
	 * the future, so the served site's own WP-Cron (real time) never finds a simulated event due
	 * while the WP-CLI tests run.
	 */
	const T0 = 4102473600;

	/**
	 * Every outbound request of this process: [time (simulated), url, key header].
	 *
	 * @var array<int, array{0: int, 1: string, 2: string}>
	 */
	protected $requests = array();

	/** Counts requests through pre_http_request; the clock at T0; no event left from before. */
	protected function setUp(): void {
		parent::setUp();
		$this->requests = array();
		$this->add_test_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				$key              = isset( $args['headers']['key'] ) ? (string) $args['headers']['key'] : '';
				$this->requests[] = array( Clock::now(), (string) $url, $key );
				return $pre;
			},
			1,
			3
		);
		$this->set_now( self::T0 );
		wp_clear_scheduled_hook( Scheduler::HOOK );
	}

	/**
	 * The scheduler the kit wired.
	 *
	 * @return Scheduler
	 */
	protected function scheduler() {
		$scheduler = $this->kit()->concern( Scheduler::class );
		$this->assertInstanceOf( Scheduler::class, $scheduler );
		return $scheduler;
	}

	/**
	 * Activates a key with the service (the REST path without HTTP), asserting it is valid.
	 *
	 * @param Product $product Product.
	 * @param string  $key     Key.
	 */
	protected function activate_key( Product $product, $key ) {
		$result = $this->kit()->licenses()->activate( $product, $key );
		$this->assertSame( 'valid', $result->code, 'activation of ' . $product->slug );
	}

	/**
	 * One page load at $now with WP-Cron on: runs the event when due, exactly as wp-cron.php does
	 * for a single event (unschedule, then the hook).
	 *
	 * @param int $now Unix timestamp.
	 * @return bool Whether the event ran.
	 */
	protected function tick( $now ) {
		$this->set_now( $now );
		$next = wp_next_scheduled( Scheduler::HOOK );
		if ( false === $next || $next > $now ) {
			return false;
		}
		wp_unschedule_event( $next, Scheduler::HOOK );
		do_action( Scheduler::HOOK );
		return true;
	}

	/**
	 * API requests counted so far (to the mock's /api.php).
	 *
	 * @return array<int, array{0: int, 1: string, 2: string}>
	 */
	protected function api_requests() {
		return array_values(
			array_filter(
				$this->requests,
				static function ( $request ) {
					return false !== strpos( $request[1], '/api.php' );
				}
			)
		);
	}

	/**
	 * The mock's log entries for one key.
	 *
	 * @param string|null $key Key, or null for all.
	 * @return array<int, array<string, mixed>>
	 */
	protected function mock_calls( $key = null ) {
		return array_values(
			array_filter(
				$this->mock->log(),
				static function ( $entry ) use ( $key ) {
					return null === $key || ( isset( $entry['headers']['key'] ) && $entry['headers']['key'] === $key );
				}
			)
		);
	}

	/**
	 * A product's stored record, fresh from the database.
	 *
	 * @param string $slug Product slug.
	 * @return Record
	 */
	protected function record( $slug ) {
		return $this->kit()->licenses()->store()->get( $slug, true );
	}

	/**
	 * Stores a record for a product as given (to put a license in a state directly).
	 *
	 * @param string               $slug   Product slug.
	 * @param array<string, mixed> $fields Record fields.
	 */
	protected function store_record( $slug, array $fields ) {
		$this->kit()->licenses()->store()->put( $slug, Record::from_array( $fields ) );
	}

	/**
	 * Makes is_admin() true, as on an admin page (undone in tearDown).
	 */
	protected function on_admin_page() {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$GLOBALS['current_screen'] = \WP_Screen::get( 'dashboard' );
	}

	/** Leaves the admin page. */
	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}
}
