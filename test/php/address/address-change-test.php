<?php
/**
 * Copies and moves on the served single site: nothing is sent from a copy until a person
 * answers, the features keep working until a stated date, and each of the three answers.
 * Every test that touches the mock's bindings runs under both readings of how BatchKeys binds a
 * domain (the mock's bind_on switch).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Address;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\License\Address_Guard;

require_once __DIR__ . '/class-address-test-case.php';

/** Address changes, against the mock. */
final class Address_Change_Test extends Address_Test_Case {

	/**
	 * A copy at a staging address makes no call over 24 simulated hours of cron, keeps its
	 * features until the stated date (as the pre-election read of batchkeys_is_active() does),
	 * then not.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_a_copy_makes_zero_calls_and_keeps_features_until_a_date( $bind_on ) {
		$product        = $this->copied( $bind_on, self::TWO_SEATS, 'https://staging.example.com' );
		$this->requests = array();
		$this->assertTrue( batchkeys_is_active( self::DEMO ), 'the first page load notes the change' );
		$this->scheduler()->schedule()->sync();
		for ( $t = self::T0 + 11; $t <= self::T0 + 2 * DAY_IN_SECONDS; $t += 15 * MINUTE_IN_SECONDS ) {
			$this->tick( $t );
		}
		$this->assertSame( array(), $this->api_requests(), 'no request left the copy' );
		$this->assertSame( array(), $this->mock->log(), 'the mock saw nothing' );
		$this->assertSame( array( '127.0.0.1' ), $this->mock->domains( self::TWO_SEATS ), 'no activation used' );

		$view = $this->kit()->licenses()->view( $product );
		$this->assertSame( 'grace', $view['state'] );
		$this->assertSame( 'address_changed', $view['code'] );
		$this->assertSame( '127.0.0.1', $view['domain'] );
		$this->assertSame( 'changed', $view['address']['status'] );
		$this->assertSame( '127.0.0.1', $view['address']['activation_domain'] );
		$this->assertSame( 'staging.example.com', $view['address']['current_domain'] );
		$this->assertSame( array( 'host' ), $view['address']['hints'] );
		$this->assertSame( 'staging', $view['address']['suggested'] );
		$seen = self::T0 + 11;
		$this->assertSame( Clock::iso( $seen ), $view['address']['seen_at'] );
		$this->assertSame( Clock::iso( $seen + 30 * DAY_IN_SECONDS ), $view['address']['features_until'] );

		$raw = get_option( 'batchkeys_license_' . self::DEMO );
		$this->assertSame( 'grace', $raw['state'], 'any kit version reads grace' );
		$this->assertSame( $seen + 30 * DAY_IN_SECONDS, $raw['grace_until'] );
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );
		$this->set_now( $seen + 30 * DAY_IN_SECONDS );
		$this->assertFalse( batchkeys_is_active( self::DEMO ), 'features stop at the stated date' );
		$this->assertSame( array(), $this->mock->log() );
	}

	/**
	 * While unanswered: check now, token spending and a remote deactivation are refused with no
	 * call; removing the key removes it here only, even with release_on_deactivate.
	 */
	public function test_nothing_is_sent_while_unanswered() {
		$product = $this->copied( 'valid', self::TWO_SEATS, 'https://example.org', array( 'release_on_deactivate' => true ) );
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $product, 'interactive' )->code );
		$this->assertSame( 409, $this->kit()->licenses()->check( $product, 'interactive' )->status );
		$spent = batchkeys_consume( 'moving', 1 );
		$this->assertInstanceOf( \WP_Error::class, $spent );
		$this->assertSame( 'address_changed', $spent->get_error_code() );
		$this->assertSame( 'deactivated', $this->kit()->licenses()->deactivate( $product )->code );
		$this->assertFalse( $this->record( 'moving' )->has_key() );
		$this->assertSame( array(), $this->mock->log(), 'no check, no consume, no active: 0' );
		$keys = $this->mock->call( 'GET', '/__mock/keys' )['keys'];
		$this->assertTrue( array_values( wp_list_filter( $keys, array( 'key' => self::TWO_SEATS ) ) )[0]['active'], 'production keeps its key' );
	}

	/** A production-looking new address suggests "the site moved here"; the notice names both addresses. */
	public function test_moved_suggests_moved_and_the_notice_names_both_addresses() {
		$product = $this->copied( 'valid', self::TWO_SEATS, 'https://example.org' );
		$view    = $this->kit()->licenses()->view( $product );
		$this->assertSame( array(), $view['address']['hints'] );
		$this->assertSame( 'moved', $view['address']['suggested'] );
		$this->as_user( 'administrator' );
		$this->on_admin_page();
		ob_start();
		$this->kit()->concern( \BatchKeys\Kit\Admin\Address_Notice::class )->render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( '<code>127.0.0.1</code>', $html );
		$this->assertStringContainsString( '<code>example.org</code>', $html );
		$this->assertStringContainsString( Clock::local( self::T0 + 11 + 30 * DAY_IN_SECONDS ), $html );
		$this->assertStringContainsString( 'value="moved" class="button button-primary"', $html );
		foreach ( array( 'staging', 'moved', 'new_site' ) as $answer ) {
			$this->assertStringContainsString( 'name="answer" value="' . $answer . '"', $html );
		}
		$this->assertSame( array(), $this->mock->log() );
	}

	/**
	 * "The site moved here" with the key full: one call for the new domain, refused; the record
	 * stays exactly as it was, no strike, the question stays.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_moved_here_refused_changes_nothing( $bind_on ) {
		$product = $this->copied( $bind_on, self::ONE_SEAT, 'https://example.org' );
		$this->kit()->licenses()->view( $product );
		$before = get_option( 'batchkeys_license_' . self::DEMO );
		$result = Address_Guard::resolve( $this->kit()->licenses(), $product, 'moved' );
		$this->assertSame( 'moved_refused', $result->code );
		$this->assertSame( 422, $result->status );
		$calls = $this->mock->log();
		$this->assertCount( 1, $calls );
		$this->assertSame( 'example.org', $calls[0]['headers']['domain'] );
		$this->assertArrayNotHasKey( 'active', $calls[0]['headers'] );
		$this->assertSame( $before, $this->stored(), 'the record is byte-identical' );
		$this->assertSame( 0, $this->stored()['strikes'] );
		$this->assertSame( 'changed', $this->kit()->licenses()->view( $product )['address']['status'], 'the question stays' );
		$this->assertSame( array( '127.0.0.1' ), $this->mock->domains( self::ONE_SEAT ) );
	}

	/**
	 * "The site moved here" with room: the fingerprint is the new domain, and later checks send it.
	 *
	 * @dataProvider binding_modes
	 * @param string $bind_on Binding mode.
	 */
	public function test_moved_here_with_room_moves_the_fingerprint( $bind_on ) {
		$product = $this->copied( $bind_on, self::TWO_SEATS, 'https://example.org', array( 'send_active' => 'active' === $bind_on ) );
		$result  = Address_Guard::resolve( $this->kit()->licenses(), $product, 'moved' );
		$this->assertSame( 'valid', $result->code );
		$this->assertSame( 'example.org', $this->stored( 'moving' )['fingerprint']['domain'] );
		$this->assertNull( $result->view['address'] );
		$this->assertSame( 'active', $result->view['state'] );
		$this->later();
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $product, 'interactive' )->code );
		$this->assertSame( array( 'example.org', 'example.org' ), wp_list_pluck( wp_list_pluck( $this->mock->log(), 'headers' ), 'domain' ) );
		$this->assertSame( array( '127.0.0.1', 'example.org' ), $this->mock->domains( self::TWO_SEATS ) );
	}

	/** "A copy for testing": no call ever after, the date stays; "a different site": key gone, no call. */
	public function test_copy_for_testing_and_different_site() {
		$product = $this->copied( 'valid', self::TWO_SEATS, 'https://staging.example.com', array( 'release_on_deactivate' => true ) );
		$service = $this->kit()->licenses();
		$until   = $service->view( $product )['address']['features_until'];
		$this->assertSame( 'kept_as_copy', Address_Guard::resolve( $service, $product, 'staging' )->code );
		$view = $service->view( $product );
		$this->assertSame( 'kept_as_copy', $view['address']['status'] );
		$this->assertSame( $until, $view['address']['features_until'] );
		$this->set_now( self::T0 + 3 * DAY_IN_SECONDS );
		$this->scheduler()->run( 'cron' );
		$this->assertSame( 'address_changed', $service->check( $product, 'interactive' )->code );
		$this->assertSame( 'invalid_address_answer', Address_Guard::resolve( $service, $product, 'sideways' )->code );
		$this->assertSame( 'deactivated', Address_Guard::resolve( $service, $product, 'new_site' )->code );
		$this->assertFalse( $this->record( 'moving' )->has_key() );
		$this->assertSame( 'no_address_change', Address_Guard::resolve( $service, $product, 'staging' )->code );
		$this->assertSame( array(), $this->mock->log(), 'not one call, release_on_deactivate notwithstanding' );
	}

	/** A record carrying another blog's fingerprint (same domain) is a copy too: no call until answered. */
	public function test_a_record_of_another_blog_is_a_copy() {
		$this->activate_key( $this->product(), self::GOOD );
		$record                              = $this->stored();
		$record['fingerprint']['blog_id']    = 7;
		$record['fingerprint']['install_id'] = wp_generate_uuid4();
		$record['next_check']                = self::T0 - 1;
		update_option( 'batchkeys_license_' . self::DEMO, $record, false );
		$this->mock->reset_log();
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $this->product(), 'background' )->code );
		$view = $this->kit()->licenses()->view( $this->product() );
		$this->assertSame( 'blog', $view['address']['reason'] );
		$this->assertSame( '127.0.0.1', $view['address']['current_domain'] );
		$this->assertTrue( $view['features_enabled'] );
		$this->assertSame( self::T0 + DAY_IN_SECONDS, $this->stored()['next_check'], 'the daily run looks again in a day' );
		$this->set_now( self::T0 + DAY_IN_SECONDS );
		$this->assertSame( 'address_changed', $this->kit()->licenses()->check( $this->product(), 'background' )->code );
		$this->assertSame( self::T0 + 2 * DAY_IN_SECONDS, $this->stored()['next_check'] );
		$this->assertSame( array(), $this->mock->log() );
	}

	/** Back at the activation address, the note goes and the next check is due at once. */
	public function test_back_home_clears_the_change() {
		$product = $this->copied( 'valid', self::TWO_SEATS, 'https://example.org' );
		$this->kit()->licenses()->view( $product );
		self::set_home( BATCHKEYS_TEST_SITE['url'] );
		$this->set_now( self::T0 + 60 );
		$view = $this->kit()->licenses()->view( $product );
		$this->assertNull( $view['address'] );
		$this->assertSame( self::T0 + 60, $this->stored()['next_check'] );
		$this->assertSame( 'grace', $view['state'], 'until the check answers' );
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $product, 'background' )->code );
		$this->assertSame( array( '127.0.0.1' ), wp_list_pluck( wp_list_pluck( $this->mock->log(), 'headers' ), 'domain' ) );
	}

	/** A first activation on a staging-looking address asks first (REST 409), then goes ahead with confirm. */
	public function test_first_activation_on_a_staging_address_asks_first() {
		self::set_home( 'https://staging.example.com' );
		$this->as_user( 'administrator' );
		$this->assertKitError( $this->activate( self::GOOD ), 'confirm_activation', 409 );
		$this->assertSame( array(), $this->mock->log() );
		$this->assertNull( $this->stored() );
		$response = $this->call(
			'POST',
			self::license_route(),
			array(
				'key'     => self::GOOD,
				'confirm' => true,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'staging.example.com', $this->mock->log()[0]['headers']['domain'] );
		$this->later();
		$this->assertSame( 200, $this->activate( self::GOOD2 )->get_status(), 'a key is active for this address already' );
	}

	/** Host hints are matched by labels: staging hosts match, production hosts others get wrong do not. */
	public function test_host_hints() {
		foreach ( array( 'staging.example.com', 'stage.shop.co.uk', 'dev.example.org', 'qa.example.com', 'uat.example.com', 'staging2.example.com', 'example.test', 'mysite.local', 'localhost', 'mysite.wpengine.com', 'staging-mysite.kinsta.cloud', 'dev-mysite.pantheonsite.io', 'abc.ngrok.io' ) as $host ) {
			$this->assertTrue( \BatchKeys\Kit\Site\Staging_Hosts::matches( $host ), $host );
		}
		foreach ( array( 'example.com', 'stagingcoach.com', 'localhostr.com', 'web.dev', 'shop.devonshire.co.uk', 'developer.example.com', 'my.localbusiness.com', 'testimonials.example.com', 'www.staging-area.com', '127.0.0.1', '192.168.1.20', 'mysite.kinsta.cloud', 'live-mysite.pantheonsite.io' ) as $host ) {
			$this->assertFalse( \BatchKeys\Kit\Site\Staging_Hosts::matches( $host ), $host );
		}
	}
}
