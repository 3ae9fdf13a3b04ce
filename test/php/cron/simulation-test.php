<?php
/**
 * Days of simulated cron runs (time through the batchkeys_now filter, never sleep): one call a
 * day, outages with grace and lapse, the 24-hour pause after rate_limited, first-run spread.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\License\Store;
use BatchKeys\Kit\License\Transition;

require_once __DIR__ . '/class-cron-test-case.php';

/** Long runs of the daily recheck. */
final class Simulation_Test extends Cron_Test_Case {

	/**
	 * 50 days of cron with three products: WP-Cron fires at a random minute of every hour (when
	 * the event is due), and an extra run starts every 5 hours (a stray or overlapping cron
	 * request). Each product is checked exactly once a day: counted by pre_http_request and in
	 * the mock's log.
	 */
	public function test_fifty_days_one_call_per_product_per_day() {
		$this->mock->key( array( 'key' => 'CRONKEY-THREE00-AAAAAAA-BBBBBBB-CCCCCCC' ) );
		$keys = array(
			'cron-day-a' => self::GOOD,
			'cron-day-b' => self::GOOD2,
			'cron-day-c' => 'CRONKEY-THREE00-AAAAAAA-BBBBBBB-CCCCCCC',
		);
		foreach ( $keys as $slug => $key ) {
			$this->activate_key( $this->temporary_product( $slug ), $key );
		}
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$this->mock->key( array( 'key' => 'CRONKEY-THREE00-AAAAAAA-BBBBBBB-CCCCCCC' ) );
		$this->requests = array();

		mt_srand( 50 );
		$days = 50;
		$runs = 0;
		for ( $hour = 1; $hour <= $days * 24; $hour++ ) {
			$runs += (int) $this->tick( self::T0 + $hour * HOUR_IN_SECONDS + mt_rand( 0, 3599 ) );
			if ( 0 === $hour % 5 ) {
				$this->set_now( self::T0 + $hour * HOUR_IN_SECONDS + mt_rand( 0, 3599 ) );
				( new Scheduler( $this->kit() ) )->run();
			}
		}

		// Calls per product per simulated day (days start at T0; the slot is 03:00, 19 h later).
		$per_day = array();
		foreach ( $this->api_requests() as $request ) {
			$slug                     = array_search( $request[2], $keys, true );
			$day                      = intdiv( $request[0] - self::T0, DAY_IN_SECONDS );
			$per_day[ $slug ][ $day ] = ( isset( $per_day[ $slug ][ $day ] ) ? $per_day[ $slug ][ $day ] : 0 ) + 1;
		}
		foreach ( $keys as $slug => $key ) {
			$this->assertSame( array_fill( 0, $days, 1 ), $per_day[ $slug ], "$slug: one call a day" );
			$this->assertCount( $days, $this->mock_calls( $key ), "$slug: the mock saw $days calls" );
			$this->assertSame( 'active', $this->record( $slug )->state );
		}
		$this->assertCount( 3 * $days, $this->api_requests() );
		$this->assertCount( 3 * $days, $this->mock_calls() );
		// The event fired once a day (all three products share the site's slot).
		$this->assertSame( $days, $runs );
	}

	/**
	 * An outage of 10 days: retries after 1 h and 4 h, then the next daily slot (at most three a
	 * day); grace until exactly grace_days after the last success, then lapsed; recovery restores
	 * active.
	 *
	 * @dataProvider outages
	 *
	 * @param string $fault      The mock's fault mode.
	 * @param int    $grace_days Grace days of the product.
	 */
	public function test_an_outage_grace_lapse_and_recovery( $fault, $grace_days ) {
		$product = $this->temporary_product( 'cron-outage', array( 'grace_days' => $grace_days ) );
		$this->activate_key( $product, self::GOOD );
		$last_success = self::T0;
		$grace_until  = $last_success + $grace_days * DAY_IN_SECONDS;
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$this->mock->fault( array( 'mode' => $fault ) );
		$this->requests = array();

		$outage_days   = 10;
		$states        = array();
		$boundary_seen = false;
		for ( $minute = 10; $minute <= $outage_days * 1440; $minute += 10 ) {
			$now = self::T0 + $minute * MINUTE_IN_SECONDS;
			if ( $now === $grace_until ) {
				// Exactly at grace_days: lapsed; a second before: grace.
				$this->set_now( $grace_until - 1 );
				$this->assertTrue( batchkeys_is_active( 'cron-outage' ) );
				$this->assertSame( 'grace', $this->kit()->licenses()->view( $product )['state'] );
				$this->set_now( $grace_until );
				$this->assertFalse( batchkeys_is_active( 'cron-outage' ) );
				$this->assertSame( 'lapsed', $this->kit()->licenses()->view( $product )['state'] );
				$boundary_seen = true;
			}
			$this->tick( $now );
			$view                     = $this->kit()->licenses()->view( $product );
			$states[ $view['state'] ] = true;
			$this->assertSame( $now < $grace_until, $view['features_enabled'], 'features at ' . Clock::iso( $now ) );
			if ( $now < $grace_until && $now >= self::T0 + 19 * HOUR_IN_SECONDS ) {
				$this->assertSame( 'grace', $view['state'] );
				$this->assertSame( Clock::iso( $grace_until ), $view['grace_until'] );
				$this->assertSame( Clock::iso( $last_success ), $view['last_success'] );
			}
		}
		$this->assertSame( array( 'active', 'grace', 'lapsed' ), array_keys( $states ) );
		$this->assertTrue( $boundary_seen );
		$this->assertSame( 'lapsed', $this->record( 'cron-outage' )->state, 'stored as lapsed by the next check' );

		// The retries: 03:00, 04:00 (1 h), 08:00 (4 h), then the next slot; never more than 3 a day.
		$times = array_column( $this->api_requests(), 0 );
		$this->assertCount( 3 * $outage_days, $times );
		foreach ( $times as $i => $time ) {
			$this->assertContains( gmdate( 'H', $time ), array( '03', '04', '08' ), 'call ' . $i . ' at ' . gmdate( 'c', $time ) );
		}
		$this->assertCount( 3 * $outage_days, $this->mock_calls() );

		// Recovery: the next try succeeds and the features are back.
		$this->mock->fault( array( 'mode' => 'none' ) );
		$next = wp_next_scheduled( Scheduler::HOOK );
		$this->assertTrue( $this->tick( $next + 30 ) );
		$view = $this->kit()->licenses()->view( $product );
		$this->assertSame( 'active', $view['state'] );
		$this->assertTrue( $view['features_enabled'] );
		$this->assertNull( $view['grace_until'] );
		$this->assertSame( Clock::iso( $next + 30 ), $view['last_success'] );
	}

	/**
	 * Fault modes and grace periods of the outage test.
	 *
	 * @return array<string, array{0: string, 1: int}>
	 */
	public function outages() {
		return array(
			'HTTP 500, default 7 days' => array( 'http500', 7 ),
			'empty body, 3 days'       => array( 'empty', 3 ),
		);
	}

	/**
	 * BatchKeys answers "too fast": no call of any kind for 24 h (cron, stray runs, a person's
	 * check now), then the checks resume.
	 */
	public function test_rate_limited_means_nothing_for_a_day() {
		$first  = $this->temporary_product( 'cron-rl-a' );
		$second = $this->temporary_product( 'cron-rl-b' );
		$this->activate_key( $first, self::GOOD );
		$this->activate_key( $second, self::GOOD2 );
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$this->answer_too_fast( 1 );

		$slot = self::T0 + 19 * HOUR_IN_SECONDS;
		$this->assertTrue( $this->tick( $slot + 60 ) );
		$limited_at = $slot + 60;
		$this->assertCount( 1, $this->mock_calls(), 'the first product got the answer; the second was not asked' );
		$this->assertSame( $limited_at + DAY_IN_SECONDS, (int) get_option( 'batchkeys_rate_limited_until' ) );
		$this->assertGreaterThanOrEqual( $limited_at + DAY_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ) );

		for ( $minute = 5; $minute < 24 * 60; $minute += 5 ) {
			$now = $limited_at + $minute * MINUTE_IN_SECONDS;
			$this->tick( $now );
			if ( 0 === $minute % 60 ) {
				( new Scheduler( $this->kit() ) )->run();
				$this->assertSame( 'rate_limited', $this->kit()->licenses()->check( $second )->code );
				$this->later();
			}
		}
		$this->assertCount( 1, $this->mock_calls(), 'zero calls in the next 24 h' );
		$this->assertTrue( batchkeys_is_active( 'cron-rl-a' ), 'the features stayed on' );

		// After the pause, the event runs and both products are checked once.
		$this->assertTrue( $this->tick( $limited_at + DAY_IN_SECONDS + 30 ) );
		$this->assertCount( 3, $this->mock_calls() );
		$this->assertSame( 'active', $this->record( 'cron-rl-a' )->state );
		$this->assertSame( 'active', $this->record( 'cron-rl-b' )->state );
	}

	/**
	 * 10,000 simulated installs, all at the same moment: their first runs spread over the day
	 * (largest hourly bucket under 1.5 times the mean). Each install picks its slot as a new site
	 * does (Store::random_slot(), what daily_slot() stores the first time); the next test checks
	 * that path through the database on a sample.
	 */
	public function test_first_runs_of_ten_thousand_installs_spread_over_the_day() {
		$scheduler = $this->scheduler();
		$buckets   = array_fill( 0, 24, 0 );
		$installs  = 10000;
		$earliest  = PHP_INT_MAX;
		$latest    = 0;
		for ( $i = 0; $i < $installs; $i++ ) {
			$first    = $scheduler->schedule()->first_slot( self::T0, Store::random_slot() );
			$earliest = min( $earliest, $first );
			$latest   = max( $latest, $first );
			++$buckets[ intdiv( $first % DAY_IN_SECONDS, HOUR_IN_SECONDS ) ];
		}
		$mean = $installs / 24;
		fwrite( STDERR, sprintf( "\n10,000 installs, first runs per hour (UTC): min %d, max %d, mean %.1f\n", min( $buckets ), max( $buckets ), $mean ) );
		$this->assertLessThan( 1.5 * $mean, max( $buckets ) );
		$this->assertGreaterThan( 0.5 * $mean, min( $buckets ) );
		// Within the next day, at least an hour after the install.
		$this->assertGreaterThanOrEqual( self::T0 + HOUR_IN_SECONDS, $earliest );
		$this->assertLessThan( self::T0 + HOUR_IN_SECONDS + DAY_IN_SECONDS, $latest );
	}

	/**
	 * New sites through the database: the slot is picked once, kept (not autoloaded), and the
	 * event and a first activation land on it.
	 */
	public function test_each_new_site_picks_its_slot_once() {
		global $wpdb;
		$scheduler = $this->scheduler();
		$seen      = array();
		for ( $i = 0; $i < 200; $i++ ) {
			delete_option( 'batchkeys_daily_slot' );
			$first = $scheduler->schedule()->first_slot( self::T0 );
			$slot  = get_option( 'batchkeys_daily_slot' );
			$this->assertSame( Transition::next_slot( self::T0, (int) $slot ), $first );
			$this->assertSame( $first, $scheduler->schedule()->first_slot( self::T0 ), 'stable for the site' );
			$seen[ (int) $slot ] = true;
		}
		$this->assertGreaterThan( 190, count( $seen ), 'random, not one fixed time' );
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", 'batchkeys_daily_slot' ) );
		$this->assertContains( $autoload, array( 'no', 'off' ) );

		// A fresh site: no event before a key; then the event and the first check both sit at the slot.
		$product = $this->temporary_product( 'cron-fresh' );
		$scheduler->schedule()->sync();
		$this->assertFalse( wp_next_scheduled( Scheduler::HOOK ) );
		$this->activate_key( $product, self::GOOD );
		$this->assertSame( $scheduler->schedule()->first_slot( self::T0 ), $this->record( 'cron-fresh' )->next_check );
		$this->assertSame( $scheduler->schedule()->first_slot( self::T0 ), wp_next_scheduled( Scheduler::HOOK ) );
	}
}
