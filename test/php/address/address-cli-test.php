<?php
/**
 * The wp-config.php constant BATCHKEYS_ADDRESS_RESOLUTION and `wp batchkeys address`: the real
 * WP-CLI in a subprocess against the served site (its own database), each run with the constant
 * as a wp-config.php would define it.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Address;

use BatchKeys\Tests\Kit_Test_Case;
use BatchKeys\Tests\WP_CLI_Runner;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';
require_once dirname( __DIR__ ) . '/support/class-wp-cli-runner.php';

/** Scripted answers. */
final class Address_Cli_Test extends Kit_Test_Case {

	const T0 = 4102473600;

	/** A clean product on the served site, at its own address. */
	protected function setUp(): void {
		parent::setUp();
		$this->assertSame( 0, self::wp( array( 'batchkeys-address-test', 'reset' ) )['status'] );
		$this->mock->reset();
	}

	/** The served site back at its own address. */
	public static function tearDownAfterClass(): void {
		self::wp( array( 'batchkeys-address-test', 'reset' ) );
		parent::tearDownAfterClass();
	}

	/**
	 * Runs `wp <args>` against the served site.
	 *
	 * @param string[] $args   Arguments after `wp`.
	 * @param string   $answer The constant's value ('' for none).
	 * @param int      $now    The kit's clock.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	private static function wp( array $args, $answer = '', $now = self::T0 ) {
		return WP_CLI_Runner::run(
			WP_CLI_Runner::wp( __DIR__ . '/fixtures/address-site.php', $args ),
			array(
				'BATCHKEYS_TEST_NOW'                => (string) $now,
				'BATCHKEYS_TEST_ADDRESS_RESOLUTION' => $answer,
			)
		);
	}

	/** The key activated here (127.0.0.1), then the database at example.org. */
	private function moved_database() {
		$this->assertSame( 0, self::wp( array( 'batchkeys', 'activate', 'addr-alpha', self::GOOD ) )['status'] );
		$this->assertSame( 0, self::wp( array( 'batchkeys-address-test', 'home', 'https://example.org' ) )['status'] );
		$this->mock->reset_log();
	}

	/** An unknown value is named as an error in WP-CLI and in the notice, and ignored: the question stays, nothing is sent. */
	public function test_an_unknown_constant_is_a_clear_error() {
		$this->moved_database();
		$out = self::wp( array( 'batchkeys', 'address', 'addr-alpha', '--format=json' ), 'sideways' );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertStringContainsString( 'BATCHKEYS_ADDRESS_RESOLUTION in wp-config.php has a value the kit does not know, so it was ignored. Use one of: staging, moved, new_site.', $out['stderr'] );
		$json = json_decode( trim( $out['stdout'] ), true );
		$this->assertSame( 'changed', $json['status'] );
		$this->assertSame( 'example.org', $json['current_domain'] );
		$this->assertStringContainsString( 'has a value the kit does not know', $json['constant_error'] );
		$notice = self::wp( array( 'batchkeys-address-test', 'notice' ), 'sideways' );
		$this->assertSame( 0, $notice['status'], $notice['stderr'] );
		$this->assertStringContainsString( 'class="notice notice-warning batchkeys-address" data-batchkeys-product="addr-alpha" data-status="changed"', $notice['stdout'] );
		$this->assertStringContainsString( '<strong>BATCHKEYS_ADDRESS_RESOLUTION in wp-config.php has a value the kit does not know, so it was ignored. Use one of: staging, moved, new_site.</strong>', $notice['stdout'] );
		$this->assertSame( 0, self::wp( array( 'batchkeys', 'cron', '--run' ), 'sideways', self::T0 + 2 * DAY_IN_SECONDS )['status'] );
		$this->assertSame( array(), $this->mock->log() );
		$this->assertSame( 'changed', json_decode( trim( self::wp( array( 'batchkeys', 'address', 'addr-alpha', '--format=json' ), 'sideways', self::T0 + 2 * DAY_IN_SECONDS )['stdout'] ), true )['status'], 'the question stays' );
		$this->assertSame( array(), $this->mock->log() );
	}

	/** `staging`: kept as a copy the moment the change is seen, without a call. */
	public function test_constant_staging() {
		$this->moved_database();
		$json = json_decode( trim( self::wp( array( 'batchkeys', 'address', 'addr-alpha', '--format=json' ), 'staging' )['stdout'] ), true );
		$this->assertSame( 'kept_as_copy', $json['status'] );
		$this->assertNull( $json['constant_error'] );
		$this->assertSame( array(), $this->mock->log() );
	}

	/** `moved`: the next daily run makes the one activation call for the new domain. */
	public function test_constant_moved() {
		$this->moved_database();
		self::wp( array( 'batchkeys', 'address', 'addr-alpha' ), 'moved' );
		$this->assertSame( array(), $this->mock->log(), 'seeing the change sends nothing' );
		$this->assertSame( 0, self::wp( array( 'batchkeys', 'cron', '--run' ), 'moved', self::T0 + 60 )['status'] );
		$log = $this->mock->log();
		$this->assertCount( 1, $log );
		$this->assertSame( 'example.org', $log[0]['headers']['domain'] );
		$json = json_decode( trim( self::wp( array( 'batchkeys', 'address', 'addr-alpha', '--format=json' ), 'moved', self::T0 + 120 )['stdout'] ), true );
		$this->assertSame( 'same', $json['status'] );
		$this->assertSame( 'example.org', $json['activation_domain'] );
	}

	/** `wp batchkeys address --answer` answers; a wrong answer is an error. */
	public function test_cli_answers() {
		$this->moved_database();
		$wrong = self::wp( array( 'batchkeys', 'address', 'addr-alpha', '--answer=sideways' ) );
		$this->assertSame( 1, $wrong['status'] );
		$this->assertStringContainsString( 'That is not one of the three answers.', $wrong['stderr'] );
		$done = self::wp( array( 'batchkeys', 'address', 'addr-alpha', '--answer=new_site' ) );
		$this->assertSame( 0, $done['status'], $done['stderr'] );
		$this->assertStringContainsString( 'The license key was removed from this site.', $done['stdout'] );
		$this->assertSame( array(), $this->mock->log() );
	}
}
