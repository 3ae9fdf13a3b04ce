<?php
/**
 * `wp batchkeys address` and BATCHKEYS_ADDRESS_RESOLUTION on a network: the real WP-CLI in a
 * subprocess against the served network's own database, holding a network record activated at
 * another network domain (a copy of the network's database).
 *
 * @package BatchKeys\Tests
 * @group network
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Tests\Kit_Test_Case;
use BatchKeys\Tests\WP_CLI_Runner;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';
require_once dirname( __DIR__ ) . '/support/class-wp-cli-runner.php';

/**
 * Scripted answers for a network license.
 *
 * @group network
 */
final class Network_Address_Cli_Test extends Kit_Test_Case {

	const KEY = 'NETCLI1-TWOSEAT-AAAAAAA-BBBBBBB-CCCCCCC';

	const OLD = 'network.example.com';

	/** The served network's demo record: a copy's, activated at OLD. */
	protected function setUp(): void {
		parent::setUp();
		$this->assertTrue( is_multisite(), 'a network site: BATCHKEYS_MULTISITE=1 bash tools/test-php.sh --group network' );
		self::state( 'reset' );
		self::state( 'copied', self::KEY, self::OLD );
		$this->mock->reset();
		$this->mock->key(
			array(
				'key'             => self::KEY,
				'domains_allowed' => 2,
				'domains'         => array( self::OLD ),
			)
		);
		$this->mock->reset_log();
	}

	/** The served network without the record. */
	public static function tearDownAfterClass(): void {
		self::state( 'reset' );
		parent::tearDownAfterClass();
	}

	/**
	 * Runs a command on the served network's own database.
	 *
	 * @param string[] $command The command line.
	 * @param string   $answer  The constant's value ('' for none).
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	private static function command( array $command, $answer = '' ) {
		return WP_CLI_Runner::run(
			$command,
			array(
				'BATCHKEYS_TEST_ADDRESS_RESOLUTION' => $answer,
				'BATCHKEYS_TEST_NOW'                => '',
			)
		);
	}

	/**
	 * The e2e state script of the network specs.
	 *
	 * @param string ...$args Command and arguments.
	 */
	private static function state( ...$args ) {
		$script = dirname( __DIR__, 2 ) . '/e2e/network/support/network-state.php';
		$out    = self::command( array_merge( array( PHP_BINARY, $script, BATCHKEYS_TEST_SITE['abspath'], BATCHKEYS_TEST_SITE['url'] ), $args ) );
		if ( 0 !== $out['status'] ) {
			throw new \RuntimeException( 'network-state.php ' . implode( ' ', $args ) . ': ' . $out['stderr'] );
		}
	}

	/**
	 * `wp <args>` on the served network.
	 *
	 * @param string[] $args   Arguments after `wp`.
	 * @param string   $answer The constant's value.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	private static function wp( array $args, $answer = '' ) {
		return self::command( WP_CLI_Runner::wp( dirname( __DIR__ ) . '/address/fixtures/address-site.php', $args ), $answer );
	}

	/**
	 * The address of the demo product as `wp batchkeys address --format=json` shows it.
	 *
	 * @param string $answer The constant's value.
	 * @param string $url    The site WP-CLI runs for ('' for the main site).
	 * @return array<string, mixed>
	 */
	private static function address( $answer = '', $url = '' ) {
		$args = array( 'batchkeys', 'address', self::DEMO, '--format=json' );
		if ( '' !== $url ) {
			$args[] = '--url=' . $url;
		}
		$out  = self::wp( $args, $answer );
		$json = json_decode( trim( $out['stdout'] ), true );
		if ( ! is_array( $json ) ) {
			throw new \RuntimeException( $out['stdout'] . $out['stderr'] );
		}
		return $json;
	}

	/**
	 * WP-CLI shows the network's question from any site, and the cron run of the main site sends
	 * nothing; `--answer=moved` makes the one activation call, for the network's domain.
	 */
	public function test_cli_shows_and_answers_the_network_question() {
		$shown = self::address( '', (string) wp_list_pluck( (array) BATCHKEYS_TEST_SITE['subsites'], 'url' )[1] );
		$this->assertSame( 'changed', $shown['status'] );
		$this->assertSame( self::OLD, $shown['activation_domain'] );
		$this->assertSame( '127.0.0.1', $shown['current_domain'] );
		$this->assertSame( 'grace', $shown['state'] );
		$this->assertSame( 0, self::wp( array( 'batchkeys', 'cron', '--run' ) )['status'] );
		$this->assertSame( array(), $this->mock->log(), 'a copied network sends nothing' );

		$wrong = self::wp( array( 'batchkeys', 'address', self::DEMO, '--answer=sideways' ) );
		$this->assertSame( 1, $wrong['status'] );
		$this->assertStringContainsString( 'moved (the network moved here) or new_site (a different network)', $wrong['stderr'] );
		$done = self::wp( array( 'batchkeys', 'address', self::DEMO, '--answer=moved' ) );
		$this->assertSame( 0, $done['status'], $done['stderr'] );
		$this->assertStringContainsString( 'The license key is active on this network.', $done['stdout'] );
		$log = $this->mock->log();
		$this->assertCount( 1, $log );
		$this->assertSame( '127.0.0.1', $log[0]['headers']['domain'] );
		$this->assertSame( 'same', self::address()['status'] );
	}

	/** The constant: `staging` keeps the network as a copy with no call; an unknown value is named. */
	public function test_the_constant_answers_for_the_network() {
		$unknown = self::wp( array( 'batchkeys', 'address', self::DEMO ), 'sideways' );
		$this->assertStringContainsString( 'BATCHKEYS_ADDRESS_RESOLUTION in wp-config.php has a value the kit does not know', $unknown['stderr'] );
		$this->assertStringContainsString( 'status: changed', $unknown['stdout'] );
		$this->assertSame( 'kept_as_copy', self::address( 'staging' )['status'] );
		$this->assertSame( 0, self::wp( array( 'batchkeys', 'cron', '--run' ), 'staging' )['status'] );
		$this->assertSame( array(), $this->mock->log() );
	}
}
