<?php
/**
 * A network-activated product: one license for the whole network, managed with
 * manage_network_options.
 *
 * @package BatchKeys\Tests
 * @group network
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Kit\Cron\Schedule;
use BatchKeys\Kit\License\Lock;
use BatchKeys\Kit\License\Shared_Answer;
use BatchKeys\Kit\License\Store;

require_once __DIR__ . '/class-network-test-case.php';

/**
 * One license for the whole network.
 *
 * @group network
 */
final class Network_License_Test extends Network_Test_Case {

	/** The demo plugin is network-activated: its product has the network scope; 'site' and 'network' force one. */
	public function test_scope_follows_network_activation() {
		$this->assertTrue( is_plugin_active_for_network( 'batchkeys/batchkeys.php' ) );
		$this->assertTrue( $this->product()->is_network_scope(), 'network-activated plugin, network => auto' );
		$this->assertFalse( $this->site_product()->is_network_scope() );
		$this->assertTrue( $this->temporary_product( 'net-forced', array( 'network' => 'network' ) )->is_network_scope() );
		$this->assertFalse( $this->temporary_product( 'net-auto-no-file' )->is_network_scope(), 'auto without a plugin file: per site' );
	}

	/** The super admin activates once: one call, a network option, every site licensed with no call. */
	public function test_one_activation_licenses_every_site() {
		wp_set_current_user( 1 );
		$this->assertTrue( is_super_admin() );
		$response = $this->activate( self::GOOD );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'network', $response->get_data()['scope'] );
		$this->assertNull( $response->get_data()['managed_by_network'] );
		$this->assertCount( 1, $this->api_requests() );

		$record = get_site_option( 'batchkeys_license_' . self::DEMO );
		$this->assertSame( self::GOOD, $record['key'] );
		$this->assertNull( $this->stored(), 'no row in the main site\'s options' );
		foreach ( self::subsites() as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->assertTrue( batchkeys_is_active( self::DEMO ), "site $blog_id" );
			$this->assertFalse( get_option( 'batchkeys_license_' . self::DEMO ), "no row on site $blog_id" );
			restore_current_blog();
		}
		$this->assertCount( 1, $this->api_requests(), 'reading it made no call' );
	}

	/** A site administrator sees the network key read-only: every change is 403 network_managed, nothing is sent. */
	public function test_a_site_administrator_cannot_change_the_network_key() {
		wp_set_current_user( 1 );
		$this->activate( self::GOOD );
		$before = get_site_option( 'batchkeys_license_' . self::DEMO );
		$calls  = count( $this->mock->log() );

		switch_to_blog( self::subsites()[1] );
		$this->as_user( 'administrator' );
		$this->assertTrue( current_user_can( 'manage_options' ) );
		$this->assertFalse( current_user_can( 'manage_network_options' ) );

		$view = $this->call( 'GET', self::license_route() );
		$this->assertSame( 200, $view->get_status() );
		$this->assertSame( \BatchKeys\Kit\Messages\Messages::get( 'network_managed' ), $view->get_data()['managed_by_network'] );
		$this->assertSame( 'active', $view->get_data()['state'] );

		$this->later();
		$this->assertKitError( $this->call( 'POST', self::license_route(), array( 'key' => self::GOOD2 ) ), 'network_managed', 403 );
		$this->assertKitError( $this->call( 'POST', self::check_route() ), 'network_managed', 403 );
		$this->assertKitError( $this->call( 'DELETE', self::license_route() ), 'network_managed', 403 );
		restore_current_blog();

		$this->assertSame( $before, get_site_option( 'batchkeys_license_' . self::DEMO ), 'the network record is unchanged' );
		$this->assertCount( $calls, $this->mock->log(), 'nothing was sent' );
	}

	/** The network's lock rows are claimed in the main site's options table, from any site, never in sitemeta. */
	public function test_network_locks_live_in_the_main_site_table() {
		global $wpdb;
		$store = $this->kit()->licenses()->store();
		switch_to_blog( self::subsites()[0] );
		$first = $store->lock( 'batchkeys_lock_', self::DEMO );
		$this->assertTrue( $first->acquire( 60, self::T0 ) );
		restore_current_blog();

		switch_to_blog( self::subsites()[2] );
		$this->assertFalse( $store->lock( 'batchkeys_lock_', self::DEMO )->acquire( 60, self::T0 ), 'another site cannot claim it' );
		restore_current_blog();

		$main = $wpdb->get_blog_prefix( get_main_site_id() ) . 'options';
		$this->assertSame( Lock::main_site_table(), $main );
		$this->assertSame( '1', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `$main` WHERE option_name = %s", 'batchkeys_lock_' . self::DEMO ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->sitemeta} WHERE meta_key = %s", 'batchkeys_lock_' . self::DEMO ) ) );
		$first->release();
		$this->assertTrue( $store->lock( 'batchkeys_lock_', self::DEMO )->acquire( 60, self::T0 ) );
	}

	/** The network's main site changes: the license stays, and the new main site runs the daily check. */
	public function test_a_new_main_site_keeps_the_license() {
		wp_set_current_user( 1 );
		$this->activate( self::GOOD );
		$new_main = self::subsites()[0];
		$this->add_test_filter(
			'pre_get_main_site_id',
			static function () use ( $new_main ) {
				return $new_main;
			}
		);
		$scheduler = $this->scheduler();
		$this->assertArrayNotHasKey( self::DEMO, Schedule::products( $this->kit() ), 'the old main site no longer checks it' );
		switch_to_blog( $new_main );
		$this->assertArrayHasKey( self::DEMO, Schedule::products( $this->kit() ), 'the new main site does' );
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );
		$this->assertNull( $this->kit()->licenses()->view( $this->product() )['address'], 'the same network: no address change' );
		$this->set_now( self::T0 + 2 * DAY_IN_SECONDS );
		$this->assertSame( array( self::DEMO => 'valid' ), $scheduler->run() );
		$log = $this->mock->log();
		$this->assertSame( '127.0.0.1', end( $log )['headers']['domain'], 'the network\'s domain, from the new main site' );
		restore_current_blog();
		foreach ( self::all_sites() as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->assertTrue( batchkeys_is_active( self::DEMO ), "site $blog_id is still licensed" );
			restore_current_blog();
		}
	}

	/** Uninstalling a product touches the sites that hold its key only, without switching to any site. */
	public function test_uninstall_touches_only_licensed_sites() {
		require_once $this->kit()->path() . '/uninstall.php';
		$product  = $this->site_product();
		$licensed = self::subsites()[1];
		switch_to_blog( $licensed );
		$this->activate_key( $product, self::GOOD );
		$this->later();
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $product )->code );
		$shared = Shared_Answer::name( $product, self::GOOD, $this->record( $product->slug )->call_domain( '' ) );
		restore_current_blog();
		$this->assertIsArray( get_site_option( $shared ), 'the check shared its answer' );
		// Another product whose slug starts with this one's keeps its shared answers.
		$neighbour = Shared_Answer::PREFIX . $product->slug . '-two:0123456789abcdef0123456789abcdef';
		update_site_option( $neighbour, array( 'code' => 'valid' ) );
		$this->assertSame( array( $licensed ), Store::sites_index()[ $product->slug ] );

		$switches = 0;
		$count    = static function () use ( &$switches ) {
			++$switches;
		};
		add_action( 'switch_blog', $count );
		$this->record_writes();
		batchkeys_kit_uninstall_product( $product->slug );
		remove_action( 'switch_blog', $count );
		$writes = $this->kit_writes();

		$this->assertSame( 0, $switches );
		$this->assertArrayNotHasKey( $product->slug, Store::sites_index() );
		switch_to_blog( $licensed );
		wp_cache_flush();
		$this->assertFalse( get_option( 'batchkeys_license_' . $product->slug ) );
		restore_current_blog();
		$this->assertFalse( get_site_option( $shared ), 'its shared answer is gone' );
		$this->assertIsArray( get_site_option( $neighbour ), 'not the other product\'s' );
		$this->assertLessThanOrEqual( 6, count( $writes ), 'one delete per licensed site, the main site and the current one, the index and the shared answer: ' . implode( "\n", $writes ) );
	}

	/**
	 * Network Admin's dashboard shows the notices of network licenses only, in the network's
	 * words, linking to the Network Admin screen; a per-site product's notice stays on its site.
	 */
	public function test_network_admin_notices_speak_of_the_network() {
		wp_set_current_user( 1 );
		$site = $this->site_product();
		foreach ( array( self::DEMO, $site->slug ) as $slug ) {
			$this->store_record(
				$slug,
				array(
					'key'   => self::GOOD,
					'state' => 'invalid',
					'code'  => 'invalid',
				)
			);
		}
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$notices                   = $this->kit()->concern( \BatchKeys\Kit\Admin\Notices::class );
		$GLOBALS['current_screen'] = \WP_Screen::get( 'dashboard-network' );
		$this->assertTrue( is_network_admin() );
		ob_start();
		$notices->render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'data-batchkeys-product="' . self::DEMO . '"', $html );
		$this->assertStringContainsString( 'on this network, so its premium features are switched off on every site.', $html );
		$this->assertStringContainsString( 'Open the network license screen', $html );
		$this->assertStringContainsString( esc_url( network_admin_url( 'settings.php?page=batchkeys-' . self::DEMO ) ), $html );
		$this->assertStringNotContainsString( $site->slug, $html, 'a per-site license is not the network admin\'s' );

		$GLOBALS['current_screen'] = \WP_Screen::get( 'dashboard' );
		ob_start();
		$notices->render();
		$html = (string) ob_get_clean();
		unset( $GLOBALS['current_screen'] );
		$this->assertStringContainsString( 'data-batchkeys-product="' . $site->slug . '"', $html );
		$this->assertStringContainsString( 'on this site, so its premium features are switched off.', $html );
	}

	/**
	 * "Too fast" pauses every site of a network: the network license's answer, its notice and
	 * its screen's sentence say "this network"; a per-site license keeps "this site".
	 */
	public function test_a_pause_speaks_of_the_network() {
		wp_set_current_user( 1 );
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->later();
		$this->answer_too_fast();
		$answer = $this->call( 'POST', self::check_route() );
		$this->assertKitError( $answer, 'rate_limited', 429, 'network' );
		$this->assertStringContainsString( 'from this network', $answer->get_data()['message'] );
		$this->assertStringContainsString( 'No site of this network', $answer->get_data()['data']['hint'] );

		$notices   = new \BatchKeys\Kit\Admin\Notices( $this->kit() );
		$situation = $notices->situation( $this->product() );
		$this->assertStringContainsString( 'asked this network to pause', $situation['message'] );
		$this->assertStringContainsString( 'from any site of the network', $situation['message'] );
		$screen = new \BatchKeys\Kit\Admin\Screen( $this->kit() );
		$this->assertStringContainsString( 'asked this network to pause', $screen->screen_data( $this->product() )['words']['paused'] );

		$site = $this->site_product();
		$this->assertStringContainsString( 'asked this site to pause', $screen->screen_data( $site )['words']['paused'] );
		$this->assertStringContainsString( 'from this site', \BatchKeys\Kit\Messages\Messages::message( 'rate_limited', 'site' ) );
	}

	/** Uninstalling everything: no kit row, event or network option left on any site, other events kept, no site switched to. */
	public function test_uninstall_all_leaves_nothing_without_switching() {
		global $wpdb;
		require_once $this->kit()->path() . '/uninstall.php';
		$product = $this->site_product();
		foreach ( array_slice( self::subsites(), 0, 2 ) as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->activate_key( $product, self::GOOD );
			wp_schedule_single_event( self::T0 + HOUR_IN_SECONDS, 'another_plugins_event' );
			restore_current_blog();
		}
		$this->activate_key( $this->product(), self::GOOD2 );
		update_site_option( Shared_Answer::PREFIX . $product->slug . ':0123456789abcdef0123456789abcdef', array( 'code' => 'valid' ) );

		$switches = 0;
		$count    = static function () use ( &$switches ) {
			++$switches;
		};
		add_action( 'switch_blog', $count );
		batchkeys_kit_uninstall_all();
		remove_action( 'switch_blog', $count );

		$this->assertSame( 0, $switches );
		foreach ( self::all_sites() as $blog_id ) {
			$table = $wpdb->get_blog_prefix( $blog_id ) . 'options';
			$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `$table` WHERE option_name LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) ), "no kit row on site $blog_id" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->assertFalse( $this->has_event( $blog_id ), "no kit event on site $blog_id" );
		}
		foreach ( array_slice( self::subsites(), 0, 2 ) as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->assertNotFalse( wp_next_scheduled( 'another_plugins_event' ), "another plugin's event stays on site $blog_id" );
			restore_current_blog();
		}
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->sitemeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) ), 'no kit network option' );
	}
}
