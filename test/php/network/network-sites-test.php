<?php
/**
 * Daily checks, the pause, unlicensed and deleted sites on a network.
 *
 * @package BatchKeys\Tests
 * @group network
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\License\Store;

require_once __DIR__ . '/class-network-test-case.php';

/**
 * Daily checks, the pause, unlicensed and deleted sites on a network.
 *
 * @group network
 */
final class Network_Sites_Test extends Network_Test_Case {

	/** 24 hours of every site's WP-Cron in 15-minute steps: one check for the network key, from the main site. */
	public function test_one_network_check_a_day() {
		$this->activate_key( $this->product(), self::GOOD );
		$this->assertCount( 1, $this->api_requests() );
		foreach ( self::subsites() as $blog_id ) {
			$this->assertFalse( $this->has_event( $blog_id ), "no event on site $blog_id" );
		}
		$this->assertTrue( $this->has_event( get_main_site_id() ), 'the main site has the event' );

		for ( $now = self::T0; $now <= self::T0 + DAY_IN_SECONDS; $now += 15 * MINUTE_IN_SECONDS ) {
			foreach ( self::all_sites() as $blog_id ) {
				$this->tick_site( $blog_id, $now );
			}
		}
		$this->assertCount( 2, $this->api_requests(), 'the activation, then one check in 24 hours' );
		$this->assertSame( 'active', get_site_option( 'batchkeys_license_' . self::DEMO )['state'] );
	}

	/** "Too fast" on one site pauses every site of the network: the next site sends nothing. */
	public function test_the_rate_limit_pause_is_network_wide() {
		$product                = $this->site_product();
		list( $first, $second ) = self::subsites();
		switch_to_blog( $first );
		$this->activate_key( $product, self::GOOD );
		$this->later();
		$this->answer_too_fast();
		$this->assertSame( 'rate_limited', $this->kit()->licenses()->check( $product )->code );
		restore_current_blog();
		$calls = count( $this->api_requests() );

		switch_to_blog( $second );
		$this->later();
		$result = $this->kit()->licenses()->activate( $product, self::GOOD2 );
		restore_current_blog();
		$this->assertSame( 'rate_limited', $result->code );
		$this->assertSame( 429, $result->status );
		$this->assertGreaterThan( DAY_IN_SECONDS - 60, $result->retry_after );
		$this->assertCount( $calls, $this->api_requests(), 'no call from the other site' );
		$this->assertGreaterThan( Clock::now(), (int) get_site_option( Store::RATE_LIMITED_UNTIL ) );
	}

	/** A site without a key: what a request runs there writes nothing of the kit's, and no event appears. */
	public function test_an_unlicensed_site_costs_no_write() {
		$product  = $this->site_product();
		$licensed = self::subsites()[0];
		switch_to_blog( $licensed );
		$this->activate_key( $product, self::GOOD );
		restore_current_blog();

		$bare = self::subsites()[2];
		switch_to_blog( $bare );
		$this->record_writes();
		$this->scheduler()->schedule()->ensure(); // What an admin page load runs.
		$this->assertFalse( batchkeys_is_active( $product->slug ) );
		$this->kit()->licenses()->view( $product );
		$this->scheduler()->fallback()->maybe_spawn();
		$writes = $this->kit_writes();
		$event  = wp_next_scheduled( 'batchkeys_recheck' );
		$slot   = get_option( 'batchkeys_daily_slot' );
		restore_current_blog();

		$this->assertSame( array(), $writes );
		$this->assertFalse( $event );
		$this->assertFalse( $slot );
		$this->assertSame( array( $licensed ), Store::sites_index()[ $product->slug ] );
	}

	/** A licensed site is deleted: it leaves the index, nothing is sent, the other sites keep their licenses. */
	public function test_a_deleted_site_leaves_the_index() {
		global $wpdb;
		// Creating and dropping a site's tables does not mix with the rolled-back transaction
		// (the SQLite integration rolls a transaction back on any failed statement, and MariaDB
		// commits on DDL): this test commits, and removes what it stored itself.
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'SET autocommit = 1' );
		$product = $this->site_product();
		$keeper  = self::subsites()[0];
		try {
			$doomed = wp_insert_site(
				array(
					'domain' => get_network()->domain,
					'path'   => '/doomed-' . wp_generate_password( 6, false, false ) . '/',
					'title'  => 'Doomed',
				)
			);
			$this->assertIsInt( $doomed );
			foreach ( array( $keeper, $doomed ) as $blog_id ) {
				switch_to_blog( $blog_id );
				$this->activate_key( $product, self::GOOD );
				restore_current_blog();
			}
			$this->activate_key( $this->product(), self::GOOD2 );
			$this->assertSame( array( $keeper, $doomed ), Store::sites_index()[ $product->slug ] );
			$calls = count( $this->api_requests() );

			$seen  = null;
			$watch = static function () use ( &$seen, $product ) {
				$seen = Store::sites_index()[ $product->slug ];
			};
			add_action( 'wp_uninitialize_site', $watch, 9 );
			$deleted = wp_delete_site( $doomed );
			remove_action( 'wp_uninitialize_site', $watch, 9 );
			$this->assertInstanceOf( \WP_Site::class, $deleted );

			$this->assertSame( array( $keeper ), $seen, 'the index dropped the site before its tables went' );
			$this->assertSame( array( $keeper ), Store::sites_index()[ $product->slug ] );
			$this->assertCount( $calls, $this->api_requests(), 'deleting a site sends nothing' );
			switch_to_blog( $keeper );
			$this->assertTrue( batchkeys_is_active( $product->slug ), 'the other site keeps its license' );
			restore_current_blog();
			$this->assertTrue( batchkeys_is_active( self::DEMO ), 'the network license is untouched' );
		} finally {
			switch_to_blog( $keeper );
			$this->kit()->licenses()->store()->delete( $product->slug );
			foreach ( array( 'batchkeys_throttle_' . $product->slug, 'batchkeys_daily_slot', 'batchkeys_cron_last_run' ) as $row ) {
				delete_option( $row );
			}
			wp_clear_scheduled_hook( 'batchkeys_recheck' );
			restore_current_blog();
			delete_option( 'batchkeys_throttle_' . self::DEMO );
			wp_clear_scheduled_hook( 'batchkeys_recheck' );
			delete_site_option( 'batchkeys_license_' . self::DEMO );
			delete_site_option( Store::SITES );
			$wpdb->query( 'SET autocommit = 0' );
			$wpdb->query( 'START TRANSACTION' );
		}
	}

	/** Network deactivation removes the event from the main site and the licensed sites, switching to those only. */
	public function test_network_deactivation_clears_the_licensed_sites_events() {
		$product = $this->site_product();
		$sites   = array_slice( self::subsites(), 0, 2 );
		foreach ( $sites as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->activate_key( $product, self::GOOD );
			$this->assertNotFalse( wp_next_scheduled( 'batchkeys_recheck' ) );
			restore_current_blog();
		}
		$switched = array();
		$count    = static function ( $to ) use ( &$switched ) {
			$switched[] = (int) $to;
		};
		add_action( 'switch_blog', $count );
		do_action( 'deactivate_plugin', 'batchkeys/batchkeys.php', true );
		remove_action( 'switch_blog', $count );

		foreach ( self::all_sites() as $blog_id ) {
			$this->assertFalse( $this->has_event( $blog_id ), "no event left on site $blog_id" );
		}
		$this->assertSame( array(), array_diff( array_unique( $switched ), array_merge( $sites, array( get_main_site_id() ) ) ), 'switched to licensed sites only' );
	}
}
