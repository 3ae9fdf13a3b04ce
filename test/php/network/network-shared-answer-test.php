<?php
/**
 * Per-site keys on a network: a day's "valid" answer shared by the sites holding the same key.
 *
 * @package BatchKeys\Tests
 * @group network
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Kit\License\Shared_Answer;
use BatchKeys\Kit\Product\Product;

require_once __DIR__ . '/class-network-test-case.php';

/**
 * Per-site keys on a network: a day's "valid" answer shared by the sites holding the same key.
 *
 * @group network
 */
final class Network_Shared_Answer_Test extends Network_Test_Case {

	/**
	 * Activates a key on each of the given sites, each with its own daily slot (1, 2, 3 ... hours
	 * after midnight UTC, in the order given).
	 *
	 * @param Product            $product Product.
	 * @param array<int, string> $keys    Site id => key.
	 */
	private function activate_on( Product $product, array $keys ) {
		$hour = 0;
		foreach ( $keys as $blog_id => $key ) {
			switch_to_blog( $blog_id );
			update_option( 'batchkeys_daily_slot', ( ++$hour ) * HOUR_IN_SECONDS, false );
			$this->activate_key( $product, $key );
			restore_current_blog();
		}
	}

	/**
	 * Every site's WP-Cron, in 15-minute steps from T0 for $hours hours.
	 *
	 * @param int $hours Hours.
	 */
	private function run_cron( $hours ) {
		for ( $now = self::T0; $now <= self::T0 + $hours * HOUR_IN_SECONDS; $now += 15 * MINUTE_IN_SECONDS ) {
			foreach ( self::all_sites() as $blog_id ) {
				$this->tick_site( $blog_id, $now );
			}
		}
	}

	/**
	 * A site's record.
	 *
	 * @param int    $blog_id Site id.
	 * @param string $slug    Product slug.
	 * @return \BatchKeys\Kit\License\Record
	 */
	private function record_of( $blog_id, $slug ) {
		switch_to_blog( $blog_id );
		try {
			return $this->record( $slug );
		} finally {
			restore_current_blog();
		}
	}

	/** Three sites, one key, one address: one call a day for all three, and every site's record moves on. */
	public function test_sites_sharing_a_key_make_one_call_a_day() {
		$product = $this->site_product();
		$sites   = self::subsites();
		$this->activate_on( $product, array_fill_keys( $sites, self::GOOD ) );
		$this->assertCount( 3, $this->api_requests(), 'each activation calls' );

		$this->run_cron( 48 );

		$this->assertCount( 3 + 2, $this->api_requests(), 'one check a day for the three sites, over two days' );
		foreach ( $sites as $blog_id ) {
			$record = $this->record_of( $blog_id, $product->slug );
			$this->assertSame( 'active', $record->state, "site $blog_id" );
			$this->assertGreaterThan( self::T0 + DAY_IN_SECONDS, (int) $record->last_checked, "site $blog_id checked on the second day" );
			$this->assertGreaterThan( self::T0 + DAY_IN_SECONDS, (int) $record->next_check, "site $blog_id has its next check" );
		}
		global $wpdb;
		$stored = $wpdb->get_results( $wpdb->prepare( "SELECT meta_key, meta_value FROM {$wpdb->sitemeta} WHERE meta_key LIKE %s", $wpdb->esc_like( Shared_Answer::PREFIX ) . '%' ), ARRAY_A );
		$this->assertCount( 1, $stored, 'one shared answer' );
		$this->assertStringStartsWith( Shared_Answer::PREFIX . $product->slug . ':', $stored[0]['meta_key'] );
		$this->assertStringNotContainsString( self::GOOD, $stored[0]['meta_key'] . $stored[0]['meta_value'], 'never the key itself' );
	}

	/** Different keys, and another product with the same key, each make their own call. */
	public function test_different_keys_and_products_call_separately() {
		$product                        = $this->site_product();
		$other                          = $this->site_product( 'net-site-two' );
		list( $first, $second, $third ) = self::subsites();
		$this->activate_on(
			$product,
			array(
				$first  => self::GOOD,
				$second => self::GOOD,
				$third  => self::GOOD2,
			)
		);
		$this->activate_on( $other, array( $first => self::GOOD ) );
		$this->assertCount( 4, $this->api_requests() );

		$this->run_cron( 24 );

		$this->assertCount( 4 + 3, $this->api_requests(), 'GOOD for the first product, GOOD2, GOOD for the second product' );
		$this->assertCount( 2, $this->mock_calls( self::GOOD2 ), 'GOOD2: its activation and its own check' );
		$this->assertNotSame( Shared_Answer::name( $product, self::GOOD, 'example.com' ), Shared_Answer::name( $product, self::GOOD, 'example.org' ), 'never across domains' );
		$this->assertNotSame( Shared_Answer::name( $product, self::GOOD, 'example.com' ), Shared_Answer::name( $other, self::GOOD, 'example.com' ), 'never across products' );
	}

	/** Only "valid" is shared: after a refusal every site finds out by its own call; a person's check always calls. */
	public function test_a_refusal_is_not_shared_and_a_person_always_calls() {
		$product                        = $this->site_product();
		list( $first, $second, $third ) = self::subsites();
		$this->activate_on( $product, array_fill_keys( array( $first, $second, $third ), self::GOOD ) );

		// The first site's daily check (01:00 UTC the next day) is valid and shared.
		$this->run_cron( 17 + 1 );
		$this->assertCount( 4, $this->api_requests() );
		switch_to_blog( $second );
		$this->assertTrue( $this->kit()->licenses()->check( $product, 'interactive' )->called, 'a person asking calls' );
		restore_current_blog();
		$this->assertCount( 5, $this->api_requests() );

		// The key is refused from then on: a person's check on the second site sees it first; the
		// third site's daily check (03:00, run at 03:45) must call and see the refusal itself.
		$this->mock->fault( array( 'mode' => 'over_limit' ) );
		$this->set_now( self::T0 + 19 * HOUR_IN_SECONDS + 30 * MINUTE_IN_SECONDS );
		switch_to_blog( $second );
		$this->assertSame( 'invalid', $this->kit()->licenses()->check( $product, 'interactive' )->code );
		restore_current_blog();
		$this->assertCount( 6, $this->api_requests() );
		for ( $now = self::T0 + 19 * HOUR_IN_SECONDS + 45 * MINUTE_IN_SECONDS; $now <= self::T0 + 20 * HOUR_IN_SECONDS; $now += 15 * MINUTE_IN_SECONDS ) {
			$this->tick_site( $third, $now );
		}
		$this->mock->fault( array( 'mode' => 'none' ) );
		$this->assertCount( 7, $this->api_requests(), 'the third site called: the refusal withdrew the shared answer' );
		$this->assertSame( 'invalid', $this->record_of( $third, $product->slug )->code );
		$this->assertSame( 1, $this->record_of( $third, $product->slug )->strikes, 'its own first strike, confirmed by its own call later' );
	}
}
