<?php
/**
 * A product leaving a network (its uninstall, its plugin's network deactivation while another
 * plugin keeps the kit): no site keeps an event that only served it.
 *
 * @package BatchKeys\Tests
 * @group network
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Kit\Product\Product;

require_once __DIR__ . '/class-network-test-case.php';

/**
 * Events after a product leaves.
 *
 * @group network
 */
final class Network_Cleanup_Test extends Network_Test_Case {

	/**
	 * Site ids switched to while $callback runs.
	 *
	 * @param callable $callback What to run.
	 * @return int[]
	 */
	private static function switches_during( callable $callback ) {
		$switched = array();
		$count    = static function ( $to ) use ( &$switched ) {
			$switched[] = (int) $to;
		};
		add_action( 'switch_blog', $count );
		try {
			$callback();
		} finally {
			remove_action( 'switch_blog', $count );
		}
		return $switched;
	}

	/**
	 * The leaving product's key on two subsites, and on the second a key of a product that stays,
	 * so that one site needs the event only for the leaving product and the other still needs it.
	 *
	 * @param Product $going The product that leaves.
	 * @return array{0: int, 1: int, 2: Product} The site with its key only, the site with both
	 *                                            keys, and the product that stays.
	 */
	private function keys_on_two_sites( Product $going ) {
		$staying             = $this->site_product( 'net-staying' );
		list( $only, $both ) = self::subsites();
		switch_to_blog( $only );
		$this->activate_key( $going, self::GOOD );
		restore_current_blog();
		switch_to_blog( $both );
		$this->activate_key( $going, self::GOOD );
		$this->activate_key( $staying, self::GOOD2 );
		restore_current_blog();
		return array( $only, $both, $staying );
	}

	/**
	 * Uninstalling a per-site product removes the event of the sites whose only key was its
	 * (without switching to them), keeps the event of a site with another product's key, and the
	 * main site's while a network license is stored; uninstalling that network product then
	 * removes the main site's.
	 */
	public function test_uninstall_leaves_no_event_where_the_product_was_the_only_key() {
		require_once $this->kit()->path() . '/uninstall.php';
		$going                         = $this->site_product( 'net-going' );
		list( $only, $both, $staying ) = $this->keys_on_two_sites( $going );
		$this->activate_key( $this->product(), self::GOOD );
		foreach ( array( $only, $both, get_main_site_id() ) as $blog_id ) {
			$this->assertTrue( $this->has_event( $blog_id ), "site $blog_id has the event" );
		}

		$switched = self::switches_during(
			static function () use ( $going ) {
				batchkeys_kit_uninstall_product( $going->slug );
			}
		);
		$this->assertSame( array(), $switched, 'no switch to any site' );
		$this->assertFalse( $this->has_event( $only ), 'its only key is gone: no event' );
		$this->assertTrue( $this->has_event( $both ), 'another product\'s key: the event stays' );
		$this->assertTrue( $this->has_event( get_main_site_id() ), 'the network license is checked from here' );
		switch_to_blog( $both );
		wp_cache_flush();
		$this->assertTrue( batchkeys_is_active( $staying->slug ) );
		restore_current_blog();

		batchkeys_kit_uninstall_product( self::DEMO );
		$this->assertFalse( $this->has_event( get_main_site_id() ), 'no network license left: the main site\'s event goes' );
		$this->assertTrue( $this->has_event( $both ) );
		$this->assertSame( 0, count( $this->api_requests() ) - 4, 'the four activations only' );
	}

	/**
	 * A plugin is network-deactivated while another plugin keeps the kit: the sites whose only key
	 * was its product's lose the event; a site that also holds another product's key keeps it;
	 * only those sites are switched to; nothing is sent.
	 */
	public function test_network_deactivation_with_another_kit_leaves_no_event() {
		$going               = $this->temporary_product(
			'net-leaving',
			array(
				'network' => 'site',
				'file'    => WP_PLUGIN_DIR . '/acme-leaving/acme-leaving.php',
			)
		);
		list( $only, $both ) = $this->keys_on_two_sites( $going );
		$calls               = count( $this->api_requests() );

		$switched = self::switches_during(
			static function () {
				do_action( 'deactivate_plugin', 'acme-leaving/acme-leaving.php', true );
			}
		);
		$this->assertFalse( $this->has_event( $only ), 'its only key was the leaving product\'s' );
		$this->assertTrue( $this->has_event( $both ), 'the other product still needs it' );
		$this->assertSame( array(), array_diff( array_unique( $switched ), array( $only, $both, get_main_site_id() ) ), 'switched to those sites only' );
		$this->assertCount( $calls, $this->api_requests(), 'nothing sent' );
	}
}
