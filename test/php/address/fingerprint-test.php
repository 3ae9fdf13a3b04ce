<?php
/**
 * The fingerprint stored with an activation, and the domain every later call sends.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Address;

use BatchKeys\Kit\License\Fingerprint;
use BatchKeys\Kit\Site\Address;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Fingerprint, on the served site against the mock. */
final class Fingerprint_Test extends Kit_Test_Case {

	const NOW = 1795000000;

	/** A fixed clock. */
	protected function setUp(): void {
		parent::setUp();
		$this->set_now( self::NOW );
	}

	/** An activation stores where it happened: the domain sent, home, environment, blog and network. */
	public function test_activation_stores_the_fingerprint() {
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$print = $this->stored()['fingerprint'];
		$this->assertSame( '127.0.0.1', $print['domain'] );
		$this->assertSame( $this->mock->log()[0]['headers']['domain'], $print['domain'], 'the domain that was answered valid' );
		$this->assertSame( Address::stored_home(), $print['home'] );
		$this->assertSame( wp_get_environment_type(), $print['env'] );
		$this->assertSame( get_current_blog_id(), $print['blog_id'] );
		$this->assertSame( get_current_network_id(), $print['network_id'] );
		$this->assertSame( 'site', $print['scope'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $print['install_id'] );
		$this->assertSame( self::NOW, $print['at'] );
	}

	/** A refused activation stores nothing, so no fingerprint either. */
	public function test_a_refused_activation_stores_no_fingerprint() {
		$this->activate( self::LOCKED );
		$this->assertNull( $this->stored() );
	}

	/**
	 * A forged Host header (with WP_HOME or a plugin building the home URL from it) changes
	 * nothing that is sent: the activation and every check send the stored domain.
	 */
	public function test_a_forged_host_changes_nothing_that_is_sent() {
		$this->activate( self::GOOD );
		$host                 = $_SERVER['HTTP_HOST'];
		$_SERVER['HTTP_HOST'] = 'evil.example';
		$this->add_test_filter(
			'option_home',
			static function () {
				return 'http://' . $_SERVER['HTTP_HOST'];
			},
			99
		);
		try {
			$this->set_now( self::NOW + DAY_IN_SECONDS );
			$this->kit()->licenses()->check( $this->product(), 'background' );
			$this->later();
			$this->call( 'POST', self::check_route() );
		} finally {
			$_SERVER['HTTP_HOST'] = $host;
		}
		$domains = wp_list_pluck( wp_list_pluck( $this->mock->log(), 'headers' ), 'domain' );
		$this->assertSame( array( '127.0.0.1', '127.0.0.1', '127.0.0.1' ), $domains );
		$this->assertSame( array( '127.0.0.1' ), $this->mock->domains( self::GOOD ) );
		$this->assertSame( 'active', $this->stored()['state'] );
		$this->assertNull( $this->stored()['address'], 'no address change was seen' );
	}

	/** A record stored before fingerprints gets one from its next valid answer. */
	public function test_an_old_record_gets_its_fingerprint_on_the_next_valid_answer() {
		update_option(
			'batchkeys_license_' . self::DEMO,
			array(
				'key'          => self::GOOD,
				'state'        => 'active',
				'code'         => 'valid',
				'last_success' => self::NOW - DAY_IN_SECONDS,
				'next_check'   => self::NOW - 1,
			),
			false
		);
		$this->kit()->licenses()->check( $this->product(), 'background' );
		$this->assertSame( '127.0.0.1', $this->mock->log()[0]['headers']['domain'] );
		$this->assertSame( '127.0.0.1', $this->stored()['fingerprint']['domain'] );
	}

	/** Checks keep sending the domain the key was activated for, www. aside from the current one. */
	public function test_checks_send_the_activation_domain_across_a_www_change() {
		global $wpdb;
		$wpdb->update( $wpdb->options, array( 'option_value' => 'http://example.com' ), array( 'option_name' => 'home' ) );
		wp_cache_delete( 'alloptions', 'options' );
		$this->activate( self::GOOD );
		$wpdb->update( $wpdb->options, array( 'option_value' => 'http://www.example.com' ), array( 'option_name' => 'home' ) );
		wp_cache_delete( 'alloptions', 'options' );
		$this->later();
		$this->assertSame( 200, $this->call( 'POST', self::check_route() )->get_status() );
		$domains = wp_list_pluck( wp_list_pluck( $this->mock->log(), 'headers' ), 'domain' );
		$this->assertSame( array( 'example.com', 'example.com' ), $domains );
		$this->assertSame( array( 'example.com' ), $this->mock->domains( self::GOOD ) );
		$this->assertNull( $this->stored()['address'], 'www. only is not a move' );
	}

	/** Stored fingerprints are read defensively: no domain, no fingerprint; junk takes defaults. */
	public function test_fingerprint_from_array() {
		$this->assertNull( Fingerprint::from_array( null ) );
		$this->assertNull( Fingerprint::from_array( array( 'domain' => '' ) ) );
		$this->assertNull( Fingerprint::from_array( array( 'domain' => 'bad host!' ) ) );
		$print = Fingerprint::from_array(
			array(
				'domain'  => 'Example.COM.',
				'blog_id' => 'x',
				'env'     => array(),
				'extra'   => 'dropped',
			)
		);
		$this->assertSame( 'example.com', $print->domain );
		$this->assertSame( 1, $print->blog_id );
		$this->assertSame( 'production', $print->env );
		$this->assertArrayNotHasKey( 'extra', $print->to_array() );
		$site = array(
			'domain'     => 'www.example.com',
			'blog_id'    => 1,
			'network_id' => 1,
		);
		$this->assertSame( '', $print->difference( $site ) );
		$this->assertSame( 'domain', $print->difference( array( 'domain' => 'staging.example.com' ) + $site ) );
		$this->assertSame( 'blog', $print->difference( array( 'blog_id' => 3 ) + $site ) );
	}
}
