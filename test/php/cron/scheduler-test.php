<?php
/**
 * The recheck event: created, re-created, moved, removed; overlapping runs; no request on page
 * loads.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Runner;
use BatchKeys\Kit\Cron\Schedule;
use BatchKeys\Kit\Cron\Scheduler;

require_once __DIR__ . '/class-cron-test-case.php';

/** The event's life and the locks around a run. */
final class Scheduler_Test extends Cron_Test_Case {

	/**
	 * No key, no cost: with products registered but no key stored, nothing is scheduled and no
	 * row is written; the event comes with the first stored key and goes with the last.
	 */
	public function test_no_event_and_no_row_until_the_first_key() {
		$first  = $this->temporary_product( 'cron-none-a' );
		$second = $this->temporary_product( 'cron-none-b' );
		$rows   = $this->kit_rows();
		$this->assertFalse( $this->scheduler()->schedule()->sync() );
		$this->scheduler()->schedule()->ensure();
		do_action( 'batchkeys_plugin_activated' );
		$this->on_admin_page();
		$this->scheduler()->admin_init();
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ) );
		$this->assertSame( $rows, $this->kit_rows(), 'no row written while no key is stored' );
		$this->scheduler()->status();
		$this->assertSame( $rows, $this->kit_rows(), 'reading the status writes nothing either' );

		$this->activate_key( $first, self::GOOD );
		// T0 is 08:00 UTC; the slot 03:00 UTC: the next day.
		$this->assertSame( self::T0 + 19 * HOUR_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ) );
		$this->activate_key( $second, self::GOOD2 );
		$this->assertSame( 1, $this->count_events() );

		$this->kit()->licenses()->deactivate( $first );
		$this->assertNotFalse( wp_next_scheduled( Scheduler::HOOK ), 'one key is left' );
		$this->kit()->licenses()->deactivate( $second );
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ), 'gone with the last key' );
		$this->assertSame( 0, $this->count_events() );
	}

	/** Re-created on the plugins screen when it went missing; one event only, whatever calls sync(). */
	public function test_recreated_on_the_plugins_screen_when_missing() {
		$this->activate_key( $this->temporary_product( 'cron-missing' ), self::GOOD );
		wp_clear_scheduled_hook( Scheduler::HOOK );
		do_action( 'init' );
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ), 'not on the front end' );
		$this->on_admin_page();
		$pagenow            = isset( $GLOBALS['pagenow'] ) ? $GLOBALS['pagenow'] : null;
		$GLOBALS['pagenow'] = 'index.php';
		$this->scheduler()->admin_init();
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ), 'not on every admin page' );
		$GLOBALS['pagenow'] = 'plugins.php';
		$this->scheduler()->admin_init();
		$GLOBALS['pagenow'] = $pagenow;
		$this->assertNotFalse( wp_next_scheduled( Scheduler::HOOK ) );
		$this->scheduler()->schedule()->sync();
		$this->scheduler()->schedule()->sync();
		$this->assertSame( 1, $this->count_events() );
	}

	/** The plugin's activation schedules it; deactivating the plugin that holds the kit removes it. */
	public function test_activation_and_deactivation() {
		$this->activate_key( $this->temporary_product( 'cron-plugin' ), self::GOOD );
		wp_clear_scheduled_hook( Scheduler::HOOK );
		do_action( 'batchkeys_plugin_activated' );
		$this->assertNotFalse( wp_next_scheduled( Scheduler::HOOK ) );
		do_action( 'deactivate_plugin', 'akismet/akismet.php', false );
		$this->assertNotFalse( wp_next_scheduled( Scheduler::HOOK ), 'another plugin leaves it alone' );
		$this->assertSame( 'batchkeys/kit/load.php', plugin_basename( $this->kit()->path() . '/load.php' ) );
		do_action( 'deactivate_plugin', 'batchkeys/batchkeys.php', false );
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ) );
	}

	/** A product's plugin being deactivated also removes it (any remaining key re-creates it). */
	public function test_deactivating_a_product_plugin() {
		$product = $this->temporary_product( 'cron-bundled', array( 'file' => WP_PLUGIN_DIR . '/acme-bundled/acme-bundled.php' ) );
		$this->activate_key( $product, self::GOOD );
		$this->assertNotFalse( wp_next_scheduled( Scheduler::HOOK ) );
		do_action( 'deactivate_plugin', 'acme-bundled/acme-bundled.php', false );
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ) );
		$this->scheduler()->schedule()->ensure();
		$this->assertNotFalse( wp_next_scheduled( Scheduler::HOOK ) );
	}

	/** The event follows the store's action, not option writes made around it. */
	public function test_the_event_follows_the_store_not_option_writes() {
		$product = $this->temporary_product( 'cron-action' );
		$this->activate_key( $product, self::GOOD );
		$record             = $this->record( 'cron-action' );
		$record->next_check = self::T0 + 5 * HOUR_IN_SECONDS;
		update_option( 'batchkeys_license_cron-action', $record->to_array(), false );
		$this->assertSame( self::T0 + 19 * HOUR_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ), 'a raw option write is not listened to' );
		$record->next_check = self::T0 + 6 * HOUR_IN_SECONDS;
		$this->kit()->licenses()->store()->put( 'cron-action', $record );
		$this->assertSame( self::T0 + 6 * HOUR_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ), 'the store announces its writes' );
	}

	/** The event follows the records: activation, a failed check now, the rate-limit pause. */
	public function test_the_event_follows_the_records() {
		$product = $this->temporary_product( 'cron-follow' );
		$this->activate_key( $product, self::GOOD );
		$next = $this->record( 'cron-follow' )->next_check;
		$this->assertSame( self::T0 + 19 * HOUR_IN_SECONDS, $next );
		$this->assertSame( $next, wp_next_scheduled( Scheduler::HOOK ) );

		// A person's check now that cannot reach BatchKeys: retry in an hour, and the event too.
		$this->set_now( self::T0 + 60 );
		$this->mock->fault( array( 'mode' => 'http500' ) );
		$this->kit()->licenses()->check( $product );
		$this->assertSame( self::T0 + 60 + HOUR_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ) );

		// BatchKeys says too fast: nothing before 24 h.
		$this->set_now( self::T0 + 120 );
		$this->answer_too_fast();
		$this->later();
		$this->kit()->licenses()->check( $product );
		$this->assertGreaterThanOrEqual( Clock::now() + DAY_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ) );
		$this->assertSame( 1, $this->count_events() );

		// Removing the only key: no event.
		$this->kit()->licenses()->deactivate( $product );
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ) );
	}

	/** A run checks only what is due; the event moves to the next due time. */
	public function test_a_run_checks_only_due_products() {
		$first  = $this->temporary_product( 'cron-first' );
		$second = $this->temporary_product( 'cron-second' );
		$this->activate_key( $first, self::GOOD );
		$this->set_now( self::T0 + 2 * HOUR_IN_SECONDS );
		$this->activate_key( $second, self::GOOD2 );
		// Make the second due a day later than the first.
		$record             = $this->record( 'cron-second' );
		$record->next_check = self::T0 + 43 * HOUR_IN_SECONDS;
		$this->kit()->licenses()->store()->put( 'cron-second', $record );
		$this->requests = array();

		$this->assertTrue( $this->tick( self::T0 + 19 * HOUR_IN_SECONDS + 30 ) );
		$this->assertSame( array( self::GOOD ), array_column( $this->api_requests(), 2 ) );
		$this->assertSame( self::T0 + 43 * HOUR_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ) );
		$last = get_option( Runner::LAST_RUN );
		$this->assertSame( array( 'cron-first' => 'valid' ), $last['outcomes'] );
		$this->assertSame( 'cron', $last['source'] );
	}

	/** Another process holds the product's lock row: this run makes no call and looks again soon. */
	public function test_a_held_lock_means_no_call() {
		global $wpdb;
		$product = $this->temporary_product( 'cron-held' );
		$this->activate_key( $product, self::GOOD );
		$due = self::T0 + 19 * HOUR_IN_SECONDS;
		$this->set_now( $due );
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->options} ( option_name, option_value, autoload ) VALUES ( %s, %s, 'off' )", Runner::LOCK_PREFIX . 'cron-held', (string) ( $due + 50 ) ) );
		$this->mock->reset();

		$this->assertSame( array( 'cron-held' => 'locked' ), array_intersect_key( $this->scheduler()->run(), array( 'cron-held' => 1 ) ) );
		$this->assertSame( array(), $this->mock_calls() );
		$this->assertSame( $due + Schedule::RUN_AGAIN_AFTER, wp_next_scheduled( Scheduler::HOOK ) );

		// Once the other process's lock has expired, the check happens (once).
		$this->tick( $due + 61 );
		$this->assertCount( 1, $this->mock_calls() );
	}

	/**
	 * Two overlapping runs (a second process starts while the first waits for BatchKeys, and a
	 * third one right after): one call per product.
	 */
	public function test_overlapping_runs_make_one_call_per_product() {
		$products = array( $this->temporary_product( 'cron-lap-a' ), $this->temporary_product( 'cron-lap-b' ) );
		$this->activate_key( $products[0], self::GOOD );
		$this->activate_key( $products[1], self::GOOD2 );
		$this->mock->reset();
		$this->requests = array();
		$this->set_now( self::T0 + 19 * HOUR_IN_SECONDS + 5 );

		$kit    = $this->kit();
		$nested = array();
		$this->add_test_filter(
			'pre_http_request',
			static function ( $pre ) use ( $kit, &$nested ) {
				if ( ! $nested ) {
					$nested[] = 'started';
					// Another PHP process: its own Scheduler, the same database.
					$nested[] = ( new Scheduler( $kit ) )->run();
				}
				return $pre;
			},
			5
		);
		$first = $this->scheduler()->run();
		$third = ( new Scheduler( $kit ) )->run();

		$this->assertSame( 'locked', $nested[1]['cron-lap-a'], 'the second process found the first product locked' );
		$this->assertSame( 'valid', $nested[1]['cron-lap-b'], 'and checked the second itself' );
		$this->assertSame( array( 'cron-lap-a' => 'valid' ), $first, 'the first process skipped what the second had checked' );
		$this->assertSame( array(), $third );
		$this->assertCount( 1, $this->mock_calls( self::GOOD ) );
		$this->assertCount( 1, $this->mock_calls( self::GOOD2 ) );
		$this->assertCount( 2, $this->api_requests() );
	}

	/** A page load (init, admin_init with a healthy cron, the license view) makes no request. */
	public function test_no_request_on_page_loads() {
		$product = $this->temporary_product( 'cron-quiet' );
		$this->activate_key( $product, self::GOOD );
		$this->requests = array();
		$this->mock->reset();
		$this->on_admin_page();
		$spawned = 0;
		$this->add_test_filter(
			'batchkeys_fallback_spawn',
			static function () use ( &$spawned ) {
				++$spawned;
				return true;
			}
		);
		foreach ( array( self::T0 + 60, self::T0 + 5 * HOUR_IN_SECONDS, self::T0 + 18 * HOUR_IN_SECONDS ) as $now ) {
			$this->set_now( $now );
			do_action( 'init' );
			( new Scheduler( $this->kit() ) )->admin_init();
			$this->kit()->licenses()->view( $product );
			batchkeys_is_active( 'cron-quiet' );
		}
		$this->assertSame( 0, $spawned );
		// WordPress 6.8 spawns its own wp-cron.php on init when an event is due; that is core's
		// request, not the kit's. Every other request counts.
		$kit_requests = array_filter(
			$this->requests,
			static function ( $request ) {
				return false === strpos( $request[1], '/wp-cron.php' );
			}
		);
		$this->assertSame( array(), array_values( $kit_requests ) );
		$this->assertSame( array(), $this->mock_calls() );
	}

	/**
	 * The kit's rows in the options table.
	 *
	 * @return array<int, string>
	 */
	private function kit_rows() {
		global $wpdb;
		return $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'batchkeys\\_%' ORDER BY option_name" );
	}

	/**
	 * Events of the recheck hook in the cron array.
	 *
	 * @return int
	 */
	private function count_events() {
		$count = 0;
		foreach ( (array) _get_cron_array() as $hooks ) {
			if ( isset( $hooks[ Scheduler::HOOK ] ) ) {
				$count += count( $hooks[ Scheduler::HOOK ] );
			}
		}
		return $count;
	}
}
