<?php
/**
 * Copies and moves of a whole network: a network license read at another network domain makes
 * no call and is asked about in Network Admin only; the subsites' own records follow the per-site
 * rules; a record copied between subsites is a copy.
 *
 * @package BatchKeys\Tests
 * @group network
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Kit\Admin\Address_Notice;
use BatchKeys\Kit\Admin\Plugin_Row;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\License\Address_Guard;

require_once __DIR__ . '/class-network-test-case.php';

/**
 * A network at a new domain.
 *
 * @group network
 */
final class Network_Address_Test extends Network_Test_Case {

	const TWO_SEATS = 'NETADDR-TWOSEAT-AAAAAAA-BBBBBBB-CCCCCCC';

	const NEW_DOMAIN = 'network.example.org';

	/**
	 * The network's row as it was (restored in tearDown).
	 *
	 * @var string|null
	 */
	private $domain = null;

	/** The network back at its own domain. */
	protected function tearDown(): void {
		if ( null !== $this->domain ) {
			$this->set_network_domain( $this->domain );
		}
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	/**
	 * Writes the network's domain, as a move of the whole network (its `wp_site` row and
	 * DOMAIN_CURRENT_SITE) leaves it, and reloads the current network from it.
	 *
	 * @param string $domain Domain.
	 */
	private function set_network_domain( $domain ) {
		global $wpdb;
		$id = get_current_network_id();
		if ( null === $this->domain ) {
			$this->domain = get_network()->domain;
		}
		$wpdb->update( $wpdb->site, array( 'domain' => $domain ), array( 'id' => $id ) );
		clean_network_cache( $id );
		$GLOBALS['current_site'] = \WP_Network::get_instance( $id ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- what a moved network's wp-config.php gives WordPress.
	}

	/**
	 * The network license activated by the super admin here, then the network seen at a new domain.
	 *
	 * @return \BatchKeys\Kit\Product\Product
	 */
	private function moved_network() {
		$this->mock->key(
			array(
				'key'             => self::TWO_SEATS,
				'domains_allowed' => 2,
			)
		);
		wp_set_current_user( 1 );
		$product = $this->product();
		$this->activate_key( $product, self::TWO_SEATS );
		$this->assertSame( 'network', get_site_option( 'batchkeys_license_' . self::DEMO )['fingerprint']['scope'] );
		$this->mock->reset_log();
		$this->requests = array();
		$this->later();
		$this->set_network_domain( self::NEW_DOMAIN );
		return $product;
	}

	/**
	 * The address notice of a screen, as printed.
	 *
	 * @param string $screen_id Screen id (`-network` for Network Admin).
	 * @return string
	 */
	private function notice_on( $screen_id ) {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$GLOBALS['current_screen'] = \WP_Screen::get( $screen_id );
		ob_start();
		$this->kit()->concern( Address_Notice::class )->render();
		return (string) ob_get_clean();
	}

	/**
	 * Two days of every site's WP-Cron at the new network domain: no call; every site keeps its
	 * features until the stated date, then not.
	 */
	public function test_a_moved_network_makes_zero_calls_and_keeps_features_until_a_date() {
		$this->moved_network();
		$seen = self::T0 + 11;
		switch_to_blog( self::subsites()[1] );
		$this->assertTrue( batchkeys_is_active( self::DEMO ), 'the first read on any site notes the change' );
		restore_current_blog();
		$raw = get_site_option( 'batchkeys_license_' . self::DEMO );
		$this->assertSame( 'grace', $raw['state'], 'any kit version reads grace' );
		$this->assertSame( $seen + 30 * DAY_IN_SECONDS, $raw['grace_until'] );
		$this->assertSame( self::NEW_DOMAIN, $raw['address']['domain'] );

		$this->scheduler()->schedule()->sync();
		for ( $now = $seen; $now <= self::T0 + 2 * DAY_IN_SECONDS; $now += 15 * MINUTE_IN_SECONDS ) {
			foreach ( self::all_sites() as $blog_id ) {
				$this->tick_site( $blog_id, $now );
			}
		}
		$this->assertSame( array(), $this->api_requests(), 'no request left the copy' );
		$this->assertSame( array(), $this->mock->log(), 'the mock saw nothing' );
		$this->assertSame( array( '127.0.0.1' ), $this->mock->domains( self::TWO_SEATS ), 'no activation used' );

		$view = $this->kit()->licenses()->view( $this->product() );
		$this->assertSame( 'domain', $view['address']['reason'] );
		$this->assertSame( '127.0.0.1', $view['address']['activation_domain'] );
		$this->assertSame( self::NEW_DOMAIN, $view['address']['current_domain'] );
		$this->assertSame( Clock::iso( $seen + 30 * DAY_IN_SECONDS ), $view['address']['features_until'] );
		$this->assertSame( 'This network’s address is not the one the license key was activated for.', $view['message'] );
		foreach ( self::all_sites() as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->assertTrue( batchkeys_is_active( self::DEMO ), "site $blog_id keeps its features" );
			restore_current_blog();
		}
		$this->set_now( $seen + 30 * DAY_IN_SECONDS );
		switch_to_blog( self::subsites()[0] );
		$this->assertFalse( batchkeys_is_active( self::DEMO ), 'features stop at the stated date' );
		restore_current_blog();
		$this->assertSame( array(), $this->mock->log() );
	}

	/**
	 * Network Admin asks, in the network's words, with both addresses and the three answers; a
	 * site's administrator sees a read-only note without them; the network Plugins screen's row
	 * speaks of the network and links to Network Admin.
	 */
	public function test_network_admin_asks_and_subsites_see_a_note() {
		$this->moved_network();
		foreach ( array( 'dashboard-network', 'plugins-network', 'settings_page_batchkeys-' . self::DEMO . '-network' ) as $screen ) {
			$html = $this->notice_on( $screen );
			$this->assertStringContainsString( 'data-scope="network"', $html, $screen );
			$this->assertStringContainsString( 'This network’s license key was activated for <code>127.0.0.1</code>; this network is now <code>' . self::NEW_DOMAIN . '</code>.', $html, $screen );
			$this->assertStringContainsString( 'This network’s address is not the one the license key was activated for.', $html );
			foreach ( array( 'staging', 'moved', 'new_site' ) as $answer ) {
				$this->assertStringContainsString( 'name="answer" value="' . $answer . '"', $html, $screen );
			}
			$this->assertStringContainsString( 'The network moved here', $html );
			$this->assertStringContainsString( 'One activation call for ' . self::NEW_DOMAIN . ', for the whole network.', $html );
			$this->assertStringNotContainsString( 'this site', $html );
		}
		$this->assertStringNotContainsString( 'batchkeys-address"', $this->notice_on( 'edit-post-network' ), 'other screens stay quiet' );

		$row = new Plugin_Row( $this->kit() );
		$this->assertStringContainsString( $this->product()->name . ' license for this network: Active (grace period)', implode( ' ', $row->row_meta( array(), 'batchkeys/batchkeys.php' ) ) );
		$links = $row->action_links( array(), 'batchkeys/batchkeys.php' );
		$this->assertStringContainsString( network_admin_url( 'settings.php' ), html_entity_decode( (string) reset( $links ) ) );

		switch_to_blog( self::subsites()[0] );
		$this->as_user( 'administrator' );
		$html = $this->notice_on( 'dashboard' );
		restore_current_blog();
		$this->assertStringContainsString( '<code>' . self::NEW_DOMAIN . '</code>', $html );
		$this->assertStringContainsString( 'A network administrator answers this question in Network Admin.', $html );
		$this->assertStringNotContainsString( '<form', $html, 'no answers for a site administrator' );
		$this->assertStringNotContainsString( 'Answer it in Network Admin', $html, 'no link to a screen the user may not open' );
		$this->assertSame( array(), $this->mock->log() );
	}

	/**
	 * REST: a site administrator cannot answer (403 network_managed, nothing changes, no call);
	 * the super admin answers "the network moved here": one activation call, for the network's
	 * new domain, and the fingerprint follows it.
	 */
	public function test_the_network_admin_answers_by_rest_a_site_admin_cannot() {
		$this->moved_network();
		$this->kit()->licenses()->view( $this->product() );
		$before = get_site_option( 'batchkeys_license_' . self::DEMO );
		$route  = '/batchkeys/v1/products/' . self::DEMO . '/address';

		switch_to_blog( self::subsites()[1] );
		$this->as_user( 'administrator' );
		foreach ( array( 'staging', 'moved', 'new_site' ) as $answer ) {
			$this->assertKitError( $this->call( 'POST', $route, array( 'answer' => $answer ) ), 'network_managed', 403 );
		}
		restore_current_blog();
		$this->assertSame( $before, get_site_option( 'batchkeys_license_' . self::DEMO ) );
		$this->assertSame( array(), $this->mock->log() );

		wp_set_current_user( 1 );
		$this->assertKitError( $this->call( 'POST', $route, array( 'answer' => 'sideways' ) ), 'invalid_address_answer', 400, 'network' );
		$response = $this->call( 'POST', $route, array( 'answer' => 'moved' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertNull( $response->get_data()['address'] );
		$this->assertSame( 'active', $response->get_data()['state'] );
		$this->assertSame( 'The license key is active on this network.', $response->get_data()['message'] );
		$log = $this->mock->log();
		$this->assertCount( 1, $log );
		$this->assertSame( self::NEW_DOMAIN, $log[0]['headers']['domain'] );
		$this->assertSame( self::NEW_DOMAIN, get_site_option( 'batchkeys_license_' . self::DEMO )['fingerprint']['domain'] );
		$this->assertKitError( $this->call( 'POST', $route, array( 'answer' => 'staging' ) ), 'no_address_change', 409, 'network' );
		$this->assertSame( 'This network is where the license key was activated: there is nothing to answer.', $this->call( 'POST', $route, array( 'answer' => 'staging' ) )->get_data()['message'] );
	}

	/** "A copy for testing" and "a different network", answered in Network Admin: no call, ever. */
	public function test_copy_for_testing_and_a_different_network() {
		$product = $this->moved_network();
		$service = $this->kit()->licenses();
		$result  = Address_Guard::resolve( $service, $product, 'staging' );
		$this->assertSame( 'kept_as_copy', $result->code );
		$this->assertSame( 'This network is kept as a copy for testing.', $result->message() );
		$this->set_now( self::T0 + 3 * DAY_IN_SECONDS );
		$this->scheduler()->run( 'cron' );
		$this->assertSame( 'address_changed', $service->check( $product, 'interactive' )->code );
		$this->assertSame( 'kept_as_copy', $service->view( $product )['address']['status'] );
		$this->assertSame( 'deactivated', Address_Guard::resolve( $service, $product, 'new_site' )->code );
		$this->assertFalse( $service->store()->get( self::DEMO )->has_key() );
		switch_to_blog( self::subsites()[2] );
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
		restore_current_blog();
		$this->assertSame( array(), $this->mock->log(), 'not one call' );
	}

	/**
	 * A subsite's own record (a per-site product) at a new address follows the per-site rules:
	 * noticed on that site only, no call; the other subsites are untouched.
	 */
	public function test_subsite_records_of_a_moved_network_follow_the_site_rules() {
		global $wpdb;
		$product                = $this->site_product();
		list( $moved, $stayed ) = self::subsites();
		foreach ( array( $moved, $stayed ) as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->activate_key( $product, self::GOOD );
			restore_current_blog();
		}
		$this->mock->reset_log();
		$this->later();
		switch_to_blog( $moved );
		$wpdb->update( $wpdb->options, array( 'option_value' => 'https://' . self::NEW_DOMAIN . '/site1/' ), array( 'option_name' => 'home' ) );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertTrue( batchkeys_is_active( $product->slug ) );
		$view = $this->kit()->licenses()->view( $product );
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $product, 'background' )->code );
		restore_current_blog();
		$this->assertSame( 'domain', $view['address']['reason'] );
		$this->assertSame( self::NEW_DOMAIN, $view['address']['current_domain'] );
		$this->assertSame( 'The license key was activated for %1$s; this site is now %2$s.', \BatchKeys\Kit\Messages\Network_Words::words( $view['scope'] )['activated_for'] );
		$this->assertSame( array(), $this->mock->log() );

		switch_to_blog( $stayed );
		$this->assertNull( $this->kit()->licenses()->view( $product )['address'] );
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $product, 'background' )->code );
		restore_current_blog();
		$this->assertCount( 1, $this->mock->log(), 'the other subsite checks as before' );
	}

	/**
	 * A subsite holds a record copied from another subsite (its blog id and install id): a copy,
	 * whatever the shared domain; no call until answered, features on; the original checks on.
	 */
	public function test_a_record_with_another_blogs_install_id_is_a_copy() {
		$product                 = $this->site_product();
		list( $source, $target ) = self::subsites();
		switch_to_blog( $source );
		$this->activate_key( $product, self::GOOD );
		$copied = get_option( 'batchkeys_license_' . $product->slug );
		restore_current_blog();
		$this->assertSame( $source, $copied['fingerprint']['blog_id'] );
		$this->assertNotSame( '', $copied['fingerprint']['install_id'] );
		$this->mock->reset_log();

		switch_to_blog( $target );
		update_option( 'batchkeys_license_' . $product->slug, $copied, false );
		$this->set_now( self::T0 + DAY_IN_SECONDS );
		$this->assertTrue( batchkeys_is_active( $product->slug ), 'features on while nobody answered' );
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $product, 'background' )->code );
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $product, 'interactive' )->code );
		$view = $this->kit()->licenses()->view( $product );
		$this->as_user( 'administrator' );
		$html = $this->notice_on( 'dashboard' );
		restore_current_blog();
		$this->assertSame( 'blog', $view['address']['reason'] );
		$this->assertStringContainsString( 'This license record was copied here from another site of the network', $html );
		$this->assertStringContainsString( 'name="answer" value="new_site"', $html, 'a per-site record is answered on its site' );
		$this->assertSame( array(), $this->mock->log(), 'nothing sent from the copy' );

		switch_to_blog( $source );
		$this->assertNull( $this->kit()->licenses()->view( $product )['address'] );
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $product, 'background' )->code );
		restore_current_blog();
	}

	/**
	 * A network license copied from another network of the same installation (another network id)
	 * is a copy too.
	 */
	public function test_a_network_record_of_another_network_is_a_copy() {
		wp_set_current_user( 1 );
		$this->activate_key( $this->product(), self::GOOD );
		$record                              = get_site_option( 'batchkeys_license_' . self::DEMO );
		$record['fingerprint']['network_id'] = 9;
		$record['fingerprint']['blog_id']    = 12;
		update_site_option( 'batchkeys_license_' . self::DEMO, $record );
		$this->mock->reset_log();
		$this->later();
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $this->product(), 'background' )->code );
		$this->assertSame( 'blog', $this->kit()->licenses()->view( $this->product() )['address']['reason'] );
		$this->assertStringContainsString( 'copied here from another network', $this->notice_on( 'dashboard-network' ) );
		$this->assertSame( array(), $this->mock->log() );
	}

	/**
	 * The notice's form handler: a site administrator who posts an answer for the network license
	 * (with a valid nonce of their own) is refused with network_managed; nothing changes, no call.
	 */
	public function test_the_form_handler_refuses_a_site_administrator() {
		$this->moved_network();
		$this->kit()->licenses()->view( $this->product() );
		$before = get_site_option( 'batchkeys_license_' . self::DEMO );
		switch_to_blog( self::subsites()[0] );
		$this->as_user( 'administrator' );
		$_POST['product']     = self::DEMO;
		$_POST['answer']      = 'new_site';
		$_REQUEST['_wpnonce'] = wp_create_nonce( Address_Notice::ACTION . '_' . self::DEMO );
		$this->add_test_filter(
			'wp_die_handler',
			static function () {
				return static function ( $message, $title, $args ) {
					throw new \RuntimeException( (string) $message, (int) $args['response'] );
				};
			}
		);
		$refused = null;
		try {
			$this->kit()->concern( Address_Notice::class )->handle();
		} catch ( \RuntimeException $e ) {
			$refused = $e;
		} finally {
			unset( $_POST['product'], $_POST['answer'], $_REQUEST['_wpnonce'] );
			restore_current_blog();
		}
		$this->assertNotNull( $refused );
		$this->assertSame( 403, $refused->getCode() );
		$this->assertSame( esc_html( \BatchKeys\Kit\Messages\Messages::message( 'network_managed' ) ), $refused->getMessage() );
		$this->assertSame( $before, get_site_option( 'batchkeys_license_' . self::DEMO ) );
		$this->assertSame( array(), $this->mock->log() );
	}
}
