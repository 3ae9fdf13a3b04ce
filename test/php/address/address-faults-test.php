<?php
/**
 * Copies and moves on the served single site, bad input and faults: `www.` both ways, the
 * environment type and staging-looking hosts (hints, never verdicts), BatchKeys unreachable during
 * "the site moved here", removing the key on a copy kept for testing with release_on_deactivate,
 * and a key the vendor switched off pasted by a customer. Each ends by checking that the
 * production site's key is untouched at BatchKeys, under both of the mock's binding readings
 * where the answer could bind a domain.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Address;

use BatchKeys\Kit\License\Address_Guard;

require_once __DIR__ . '/class-address-test-case.php';

/** Faults around address changes, against the mock. */
final class Address_Faults_Test extends Address_Test_Case {

	/**
	 * The mock's record of a key: whether it is on, and the domains bound to it.
	 *
	 * @param string $key Key.
	 * @return array{active: bool, domains: string[]}
	 */
	private function at_batchkeys( $key ) {
		$keys  = $this->mock->call( 'GET', '/__mock/keys' )['keys'];
		$found = array_values( wp_list_filter( $keys, array( 'key' => $key ) ) )[0];
		return array(
			'active'  => $found['active'],
			'domains' => $found['domains'],
		);
	}

	/**
	 * The domains the mock's log shows, in order.
	 *
	 * @return string[]
	 */
	private function sent_domains() {
		return wp_list_pluck( wp_list_pluck( $this->mock->log(), 'headers' ), 'domain' );
	}

	/** From www.example.com to example.com is not a move either: the check sends the activation domain. */
	public function test_www_to_the_bare_domain_is_not_a_move() {
		self::set_home( 'http://www.example.com' );
		$this->activate_key( $this->product(), self::GOOD );
		self::set_home( 'http://example.com' );
		$this->later();
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $this->product(), 'interactive' )->code );
		$this->assertSame( array( 'www.example.com', 'www.example.com' ), $this->sent_domains() );
		$this->assertNull( $this->stored()['address'] );
		$this->assertSame( array( 'www.example.com' ), $this->mock->domains( self::GOOD ) );
	}

	/** Another environment type alone, at the same address, is no address change: checks go on. */
	public function test_the_environment_type_alone_is_not_a_move() {
		$this->activate_key( $this->product(), self::GOOD );
		$record                       = $this->stored();
		$record['fingerprint']['env'] = 'production';
		$record['next_check']         = self::T0 - 1;
		update_option( 'batchkeys_license_' . self::DEMO, $record, false );
		$this->mock->reset_log();
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $this->product(), 'background' )->code );
		$this->assertSame( array( '127.0.0.1' ), $this->sent_domains() );
		$this->assertNull( $this->kit()->licenses()->view( $this->product() )['address'] );
	}

	/**
	 * A production database at a WP Engine address in another environment: both hints, which only
	 * pre-select "a copy for testing" and add lines; nothing is decided or sent until a person
	 * answers, and "the site moved here" still works there.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_hints_only_preselect_and_warn( $bind_on ) {
		$product = $this->copied( $bind_on, self::TWO_SEATS, 'https://mysite.wpengine.com', array( 'send_active' => 'active' === $bind_on ) );
		$record  = $this->stored( 'moving' );
		// Activated in production; this site says `local` (the served site's environment type).
		$record['fingerprint']['env'] = 'production';
		update_option( 'batchkeys_license_moving', $record, false );
		$view = $this->kit()->licenses()->view( $product );
		$this->assertSame( array( 'host', 'environment' ), $view['address']['hints'] );
		$this->assertSame( 'staging', $view['address']['suggested'] );
		$this->assertSame( 'changed', $view['address']['status'], 'asked, not decided' );
		$this->assertTrue( $view['features_enabled'] );
		$this->set_now( self::T0 + 2 * DAY_IN_SECONDS );
		$this->scheduler()->run( 'cron' );
		$this->assertSame( array(), $this->mock->log() );
		$this->assertTrue( $this->record( 'moving' )->has_key() );
		$this->as_user( 'administrator' );
		$this->on_admin_page();
		ob_start();
		$this->kit()->concern( \BatchKeys\Kit\Admin\Address_Notice::class )->render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'The address looks like a staging or development copy.', $html );
		$this->assertStringContainsString( 'The environment type of this site is &quot;local&quot;.', $html );
		$this->assertStringContainsString( 'value="staging" class="button button-primary"', $html );
		$this->assertSame( 'valid', Address_Guard::resolve( $this->kit()->licenses(), $product, 'moved' )->code );
		$this->assertSame( array( 'mysite.wpengine.com' ), $this->sent_domains() );
		$this->assertSame( 'mysite.wpengine.com', $this->stored( 'moving' )['fingerprint']['domain'] );
		$this->assertSame( array( '127.0.0.1', 'mysite.wpengine.com' ), $this->mock->domains( self::TWO_SEATS ) );
	}

	/**
	 * BatchKeys unreachable during "the site moved here", under both readings: the record is
	 * byte-identical, no strike, the question stays, production's key untouched.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_moved_here_while_unreachable( $bind_on ) {
		$product = $this->copied( $bind_on, self::ONE_SEAT, 'https://example.org' );
		$this->kit()->licenses()->view( $product );
		$before = get_option( 'batchkeys_license_' . self::DEMO );
		foreach ( array( array( 'mode' => 'http500' ), array( 'mode' => 'timeout' ), array( 'mode' => 'html' ) ) as $fault ) {
			$this->mock->fault( $fault );
			$result = Address_Guard::resolve( $this->kit()->licenses(), $product, 'moved' );
			$this->assertSame( 502, $result->status, $fault['mode'] );
			$this->assertSame( $before, get_option( 'batchkeys_license_' . self::DEMO ), $fault['mode'] );
			$this->assertSame( 'changed', $result->view['address']['status'] );
			$this->assertFalse( $result->view['strike'] );
			$this->mock->fault( array( 'mode' => 'none' ) );
			$this->later();
		}
		$this->assertSame( array( 'example.org', 'example.org', 'example.org' ), $this->sent_domains() );
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );
		$this->assertSame(
			array(
				'active'  => true,
				'domains' => array( '127.0.0.1' ),
			),
			$this->at_batchkeys( self::ONE_SEAT )
		);
	}

	/**
	 * A copy kept for testing, then the key removed there (REST DELETE) for a product with
	 * release_on_deactivate: removed here only, `active: 0` never sent, production stays on.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_removing_the_key_on_a_kept_copy_never_switches_production_off( $bind_on ) {
		$product = $this->copied( $bind_on, self::TWO_SEATS, 'https://staging.example.com', array( 'release_on_deactivate' => true ) );
		$this->assertSame( 'kept_as_copy', Address_Guard::resolve( $this->kit()->licenses(), $product, 'staging' )->code );
		$this->as_user( 'administrator' );
		$response = $this->call( 'DELETE', self::license_route( 'moving' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'deactivated', $response->get_data()['code'] );
		$this->assertFalse( $this->record( 'moving' )->has_key() );
		$this->assertSame( array(), $this->mock->log(), 'no active: 0 from the copy' );
		$this->assertSame(
			array(
				'active'  => true,
				'domains' => array( '127.0.0.1' ),
			),
			$this->at_batchkeys( self::TWO_SEATS )
		);
	}

	/**
	 * A key the vendor switched off, pasted by a customer, under both readings: no `active`
	 * header, refused, nothing stored, still off and bound nowhere at BatchKeys.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_a_vendor_disabled_key_stays_off_when_pasted( $bind_on ) {
		$this->mock->bind_on( $bind_on );
		$this->as_user( 'administrator' );
		$response = $this->activate( self::DEACTIVATED );
		$this->assertSame( 422, $response->get_status() );
		$this->assertSame( 'invalid', $response->get_data()['code'] );
		$this->assertArrayNotHasKey( 'active', $this->mock->log()[0]['headers'] );
		$this->assertNull( $this->stored() );
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
		$this->assertSame(
			array(
				'active'  => false,
				'domains' => array(),
			),
			$this->at_batchkeys( self::DEACTIVATED )
		);
	}
}
