<?php
/**
 * `wp batchkeys`: the real WP-CLI (vendor/bin/wp) in a subprocess against the served local site.
 *
 * The subprocess uses the site's own database (not the PHPUnit test database, whose open
 * transaction it must not wait for); each test starts it clean with `wp batchkeys-test reset`
 * (test/php/cli/fixtures/cli-site.php, loaded with --require, which also registers the test
 * products and sets the clock from BATCHKEYS_TEST_NOW).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Cli;

use BatchKeys\Tests\Cron\Cron_Test_Case;
use BatchKeys\Tests\WP_CLI_Runner;

require_once dirname( __DIR__ ) . '/cron/class-cron-test-case.php';
require_once dirname( __DIR__ ) . '/support/class-wp-cli-runner.php';

/** WP-CLI commands for each state and format. */
final class Commands_Test extends Cron_Test_Case {

	/**
	 * Everything the commands printed, for the secret check.
	 *
	 * @var string[]
	 */
	private $printed = array();

	/** A clean slate on the served site. */
	protected function setUp(): void {
		parent::setUp();
		$this->printed = array();
		$reset         = $this->wp( array( 'batchkeys-test', 'reset' ) );
		$this->assertSame( 0, $reset['status'], $reset['stderr'] );
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
	}

	/** The secret never printed. */
	protected function tearDown(): void {
		foreach ( $this->printed as $text ) {
			$this->assertStringNotContainsString( self::secret(), $text );
		}
		parent::tearDown();
	}

	/** The served site left clean: no rate-limit pause, no event at a simulated time. */
	public static function tearDownAfterClass(): void {
		self::run_wp( array( 'batchkeys-test', 'reset' ) );
		parent::tearDownAfterClass();
	}

	/**
	 * Runs `wp <args>` against the served site, and keeps its output for the secret check.
	 *
	 * @param string[]    $args  Arguments after `wp`.
	 * @param int|null    $now   The kit's clock in the subprocess.
	 * @param string|null $stdin Standard input.
	 * @return array{status: int, stdout: string, stderr: string, json: mixed}
	 */
	private function wp( array $args, $now = null, $stdin = null ) {
		$out             = self::run_wp( $args, $now, $stdin );
		$this->printed[] = $out['stdout'] . $out['stderr'];
		$this->assertIsInt( $out['status'] );
		return $out;
	}

	/**
	 * Runs `wp <args>` against the served site: the real WP-CLI, in a subprocess.
	 *
	 * @param string[]    $args  Arguments after `wp`.
	 * @param int|null    $now   The kit's clock in the subprocess.
	 * @param string|null $stdin Standard input.
	 * @return array{status: int, stdout: string, stderr: string, json: mixed}
	 */
	private static function run_wp( array $args, $now = null, $stdin = null ) {
		return self::finish_wp( self::start_wp( $args, $now, $stdin ) );
	}

	/**
	 * Starts `wp <args>` (see run_wp()) without waiting for it.
	 *
	 * @param string[]    $args  Arguments after `wp`.
	 * @param int|null    $now   The kit's clock in the subprocess.
	 * @param string|null $stdin Standard input.
	 * @return array{0: resource, 1: array<int, resource>}
	 */
	private static function start_wp( array $args, $now = null, $stdin = null ) {
		return WP_CLI_Runner::start(
			WP_CLI_Runner::wp( __DIR__ . '/fixtures/cli-site.php', $args ),
			array( 'BATCHKEYS_TEST_NOW' => (string) ( null === $now ? self::T0 : $now ) ),
			$stdin
		);
	}

	/**
	 * Waits for a started `wp` and collects what it printed, its JSON decoded.
	 *
	 * @param array{0: resource, 1: array<int, resource>} $started What start_wp() returned.
	 * @return array{status: int, stdout: string, stderr: string, json: mixed}
	 */
	private static function finish_wp( array $started ) {
		$out         = WP_CLI_Runner::finish( $started );
		$out['json'] = json_decode( trim( $out['stdout'] ), true );
		return $out;
	}

	/**
	 * A `Field\tValue` table (WP-CLI prints tab-separated tables when piped) as an array.
	 *
	 * @param string $stdout Output.
	 * @return array<string, string>
	 */
	private static function fields( $stdout ) {
		$fields = array();
		foreach ( explode( "\n", $stdout ) as $line ) {
			$cells = explode( "\t", $line );
			if ( 2 === count( $cells ) ) {
				$fields[ $cells[0] ] = $cells[1];
			}
		}
		return $fields;
	}

	/**
	 * Rows of a tab-separated table, keyed by their first cell, each keyed by the header.
	 *
	 * @param string $stdout Output.
	 * @return array<string, array<string, string>>
	 */
	private static function rows( $stdout ) {
		$lines  = array_values(
			array_filter(
				explode( "\n", $stdout ),
				static function ( $line ) {
					return '' !== $line;
				}
			)
		);
		$header = null;
		$rows   = array();
		foreach ( $lines as $line ) {
			if ( false === strpos( $line, "\t" ) ) {
				continue;
			}
			$cells = explode( "\t", $line );
			if ( null === $header ) {
				$header = $cells;
				continue;
			}
			$rows[ $cells[0] ] = array_combine( $header, $cells );
		}
		return $rows;
	}

	/**
	 * Asserts a state through `status --format=json` and, with $table, the table too.
	 *
	 * @param string $state    Expected state.
	 * @param bool   $features Expected features_enabled.
	 * @param int    $now      Clock.
	 * @param bool   $table    Also check the table format.
	 * @return array<string, mixed> The JSON view.
	 */
	private function assertStatus( $state, $features, $now, $table = false ) {
		$json = $this->wp( array( 'batchkeys', 'status', 'cli-alpha', '--format=json' ), $now );
		$this->assertSame( 0, $json['status'], $json['stderr'] );
		$this->assertSame( $state, $json['json']['state'] );
		$this->assertSame( $features, $json['json']['features_enabled'] );
		$this->assertSame( 'CLI Alpha', $json['json']['name'] );
		if ( $table ) {
			$fields = self::fields( $this->wp( array( 'batchkeys', 'status', 'cli-alpha' ), $now )['stdout'] );
			$this->assertSame( $state, $fields['state'] );
			$this->assertSame( $features ? 'yes' : 'no', $fields['features_enabled'] );
			$this->assertSame( $json['json']['key'], '' === $fields['key'] ? null : $fields['key'] );
		}
		return $json['json'];
	}

	/** Each state in turn (inactive, active, grace, lapsed, active again, invalid, inactive): status, list, every action. */
	public function test_each_state_in_table_and_json() {
		$t0 = self::T0;
		$h  = HOUR_IN_SECONDS;
		$d  = DAY_IN_SECONDS;

		$view = $this->assertStatus( 'inactive', false, $t0, true );
		$this->assertNull( $view['key'] );

		// Activate (table): the view, then the translated success message.
		$out = $this->wp( array( 'batchkeys', 'activate', 'cli-alpha', self::GOOD ), $t0 );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertStringContainsString( 'Success: The license key is active on this site.', $out['stdout'] );
		$this->assertSame( 'active', self::fields( $out['stdout'] )['state'] );
		$view = $this->assertStatus( 'active', true, $t0 + 60 );
		$this->assertSame( "\u{2022}\u{2022}\u{2022}CCCC", substr( $view['key'], -13 ) );
		$this->assertSame( gmdate( DATE_ATOM, $t0 ), $view['last_success'] );
		$this->assertSame( gmdate( DATE_ATOM, $t0 + 19 * $h ), $view['next_check'] );

		// list: table and json.
		$rows = self::rows( $this->wp( array( 'batchkeys', 'list' ), $t0 + 60 )['stdout'] );
		$this->assertSame( array( 'product', 'name', 'state', 'features_enabled', 'key', 'last_success', 'next_check' ), array_keys( $rows['cli-alpha'] ) );
		$this->assertSame( 'active', $rows['cli-alpha']['state'] );
		$this->assertSame( 'yes', $rows['cli-alpha']['features_enabled'] );
		$this->assertSame( 'inactive', $rows['cli-nosecret']['state'] );
		$list = $this->wp( array( 'batchkeys', 'list', '--format=json' ), $t0 + 60 )['json'];
		$this->assertSame( array( 'active', 'inactive' ), array_values( array_intersect_key( array_column( $list, 'state', 'product' ), array_flip( array( 'cli-alpha', 'cli-nosecret' ) ) ) ) );
		$this->assertFalse( array_column( $list, 'configured', 'product' )['cli-nosecret'] );
		$csv = $this->wp( array( 'batchkeys', 'list', '--format=csv', '--fields=product,state' ), $t0 + 60 )['stdout'];
		$this->assertStringContainsString( "product,state\n", $csv );
		$this->assertStringContainsString( "cli-alpha,active\n", $csv );
		$yaml = $this->wp( array( 'batchkeys', 'status', 'cli-alpha', '--format=yaml' ), $t0 + 60 )['stdout'];
		$this->assertStringContainsString( 'state: active', $yaml );
		$this->assertSame( "active\n", $this->wp( array( 'batchkeys', 'status', 'cli-alpha', '--field=state' ), $t0 + 60 )['stdout'] );

		// BatchKeys down: check fails (exit 1, translated message), the license goes to grace.
		$this->mock->fault( array( 'mode' => 'http500' ) );
		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha' ), $t0 + $d );
		$this->assertSame( 1, $out['status'] );
		$this->assertStringContainsString( 'Error: BatchKeys could not be reached.', $out['stderr'] );
		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha', '--format=json' ), $t0 + $d + $h );
		$this->assertSame( 1, $out['status'] );
		$this->assertSame( 'connection', $out['json']['code'] );
		$this->assertSame( 502, $out['json']['data']['status'] );
		$this->assertSame( 'grace', $out['json']['data']['license']['state'] );
		$view = $this->assertStatus( 'grace', true, $t0 + 2 * $d, true );
		$this->assertSame( gmdate( DATE_ATOM, $t0 + 7 * $d ), $view['grace_until'] );
		$this->assertSame( gmdate( DATE_ATOM, $t0 ), $view['last_success'] );

		// Seven days after the last success: lapsed.
		$this->assertStatus( 'lapsed', false, $t0 + 7 * $d, true );

		// BatchKeys back: active again.
		$this->mock->fault( array( 'mode' => 'none' ) );
		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha', '--format=json' ), $t0 + 8 * $d );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertSame( 'active', $out['json']['state'] );
		$this->assertSame( 'valid', $out['json']['code'] );

		// The key refused (refund): a warning, exit 0; twice an hour apart: invalid.
		$this->mock->key(
			array(
				'key'    => self::GOOD,
				'active' => false,
			)
		);
		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha' ), $t0 + 8 * $d + $h );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertStringContainsString( 'Warning: BatchKeys says this license key is not valid for this site.', $out['stderr'] );
		$this->assertStatus( 'active', true, $t0 + 8 * $d + $h );
		$this->wp( array( 'batchkeys', 'check', 'cli-alpha' ), $t0 + 8 * $d + 2 * $h + 1 );
		$this->assertStatus( 'invalid', false, $t0 + 8 * $d + 3 * $h, true );

		// Deactivate, table then json.
		$out = $this->wp( array( 'batchkeys', 'deactivate', 'cli-alpha' ), $t0 + 9 * $d );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertStringContainsString( 'Success: The license key was removed from this site.', $out['stdout'] );
		$out = $this->wp( array( 'batchkeys', 'deactivate', 'cli-alpha', '--format=json' ), $t0 + 9 * $d );
		$this->assertSame( 'inactive', $out['json']['state'] );
		$this->assertSame( 'deactivated', $out['json']['code'] );
		$this->assertStatus( 'inactive', false, $t0 + 9 * $d );
	}

	/** Failures: the translated message on standard error, exit 1; JSON in the REST error shape. */
	public function test_errors_and_exit_codes() {
		$out = $this->wp( array( 'batchkeys', 'status', 'no-such-product' ) );
		$this->assertSame( 1, $out['status'] );
		$this->assertStringContainsString( 'Error: There is no such product on this site. Products on this site:', $out['stderr'] );
		$this->assertStringContainsString( 'cli-alpha', $out['stderr'] );

		$out = $this->wp( array( 'batchkeys', 'activate', 'cli-alpha', 'SHORT-KEY' ) );
		$this->assertSame( 1, $out['status'] );
		$this->assertStringContainsString( 'Error: The license key does not have the right length.', $out['stderr'] );
		$out = $this->wp( array( 'batchkeys', 'activate', 'cli-alpha', 'SHORT-KEY', '--format=json' ) );
		$this->assertSame( 1, $out['status'] );
		$this->assertSame( 'key_length', $out['json']['code'] );
		$this->assertSame( 400, $out['json']['data']['status'] );
		$this->assertSame( 'inactive', $out['json']['data']['license']['state'] );
		$this->assertSame( array(), $this->mock_calls(), 'a malformed key never leaves the site' );

		$out = $this->wp( array( 'batchkeys', 'activate', 'cli-nosecret', self::GOOD ) );
		$this->assertSame( 1, $out['status'] );
		$this->assertStringContainsString( 'Error: This product is not connected to BatchKeys on this site.', $out['stderr'] );

		$out = $this->wp( array( 'batchkeys', 'activate', 'cli-alpha', self::DELETED, '--format=json' ) );
		$this->assertSame( 1, $out['status'] );
		$this->assertSame( 'invalid', $out['json']['code'] );
		$this->assertSame( 422, $out['json']['data']['status'] );

		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha' ) );
		$this->assertSame( 1, $out['status'] );
		$this->assertStringContainsString( 'Error: There is no license key to check.', $out['stderr'] );

		// The key from standard input.
		$out = $this->wp( array( 'batchkeys', 'activate', 'cli-alpha', '-', '--format=json' ), self::T0 + 20, self::GOOD . "\n" );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertSame( 'active', $out['json']['state'] );

		// Too fast: exit 1 with when to retry; then nothing is sent for 24 h, from here either.
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$this->answer_too_fast( 1 );
		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha' ), self::T0 + 60 );
		$this->assertSame( 1, $out['status'] );
		$this->assertStringContainsString( 'Error: BatchKeys received too many requests from this site and asked it to wait.', $out['stderr'] );
		$this->assertStringContainsString( 'Try again after ' . gmdate( DATE_ATOM, self::T0 + 60 + DAY_IN_SECONDS ), $out['stderr'] );
		$out = $this->wp( array( 'batchkeys', 'check', 'cli-alpha', '--format=json' ), self::T0 + 23 * HOUR_IN_SECONDS );
		$this->assertSame( 'rate_limited', $out['json']['code'] );
		$this->assertSame( 429, $out['json']['data']['status'] );
		$this->assertCount( 1, $this->mock_calls() );
	}

	/** `cron`: the event and each product's next check; `--run` runs only what is due. */
	public function test_cron_command() {
		$this->wp( array( 'batchkeys', 'activate', 'cli-alpha', self::GOOD ) );
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$slot = self::T0 + 19 * HOUR_IN_SECONDS;

		$out = $this->wp( array( 'batchkeys', 'cron', '--format=json' ), self::T0 + 60 );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertSame( 'batchkeys_recheck', $out['json']['hook'] );
		$this->assertSame( gmdate( DATE_ATOM, $slot ), $out['json']['next_run'] );
		$this->assertSame( '03:00:00', $out['json']['daily_slot'] );
		$this->assertNull( $out['json']['ran'] );
		$products = array_column( $out['json']['products'], null, 'product' );
		$this->assertSame( gmdate( DATE_ATOM, $slot ), $products['cli-alpha']['next_check'] );
		$this->assertFalse( $products['cli-alpha']['due'] );

		$out = $this->wp( array( 'batchkeys', 'cron' ), self::T0 + 60 );
		$this->assertStringContainsString( 'Event batchkeys_recheck: ' . gmdate( DATE_ATOM, $slot ) . ' (in 19 hours)', $out['stdout'] );
		$this->assertStringContainsString( 'Daily check time: 03:00:00 UTC', $out['stdout'] );
		$rows = self::rows( $out['stdout'] );
		$this->assertSame( 'no', $rows['cli-alpha']['due'] );

		// Due: --run checks it once; a second --run finds nothing due.
		$out = $this->wp( array( 'batchkeys', 'cron', '--run', '--format=json' ), $slot + 60 );
		$this->assertSame( 0, $out['status'], $out['stderr'] );
		$this->assertSame( array( 'cli-alpha' => 'valid' ), $out['json']['ran'] );
		$this->assertSame( gmdate( DATE_ATOM, $slot + DAY_IN_SECONDS ), $out['json']['next_run'] );
		$this->assertSame( 'cli', $out['json']['last_run']['source'] );
		$out = $this->wp( array( 'batchkeys', 'cron', '--run' ), $slot + 120 );
		$this->assertStringContainsString( 'Success: No check was due.', $out['stdout'] );
		$this->assertCount( 1, $this->mock_calls() );

		// Overdue (WP-Cron did not run), then run from here, in a table with what ran.
		$late = $slot + DAY_IN_SECONDS + 3 * HOUR_IN_SECONDS;
		$out  = $this->wp( array( 'batchkeys', 'cron' ), $late );
		$this->assertStringContainsString( '(3 hours overdue)', $out['stdout'] );
		$this->assertSame( 'yes', self::rows( $out['stdout'] )['cli-alpha']['due'] );
		$out = $this->wp( array( 'batchkeys', 'cron', '--run' ), $late );
		$this->assertSame( 'valid', self::rows( $out['stdout'] )['cli-alpha']['ran'] );
		$this->assertStringContainsString( 'Success: Ran the due check of 1 product.', $out['stdout'] );
		$this->assertCount( 2, $this->mock_calls() );
	}

	/**
	 * Two real processes run the due checks at the same moment (`wp batchkeys cron --run` twice
	 * at once, BatchKeys answering slowly): one API call; the other process finds the product
	 * locked, or already checked.
	 */
	public function test_two_overlapping_processes_make_one_call() {
		$this->wp( array( 'batchkeys', 'activate', 'cli-alpha', self::GOOD ) );
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$this->mock->fault(
			array(
				'mode'     => 'delay',
				'delay_ms' => 1500,
			)
		);
		$due     = self::T0 + 19 * HOUR_IN_SECONDS + 60;
		$command = array( 'batchkeys', 'cron', '--run', '--format=json' );
		$started = array( self::start_wp( $command, $due ), self::start_wp( $command, $due ) );
		$ran     = array();
		foreach ( $started as $process ) {
			$out             = self::finish_wp( $process );
			$this->printed[] = $out['stdout'] . $out['stderr'];
			$this->assertSame( 0, $out['status'], $out['stderr'] );
			$ran[] = isset( $out['json']['ran']['cli-alpha'] ) ? $out['json']['ran']['cli-alpha'] : 'not due';
		}
		sort( $ran );
		$this->assertContains( $ran, array( array( 'locked', 'valid' ), array( 'not due', 'valid' ) ) );
		$this->assertCount( 1, $this->mock_calls( self::GOOD ) );
		$status = $this->wp( array( 'batchkeys', 'status', 'cli-alpha', '--format=json' ), $due + 60 )['json'];
		$this->assertSame( gmdate( DATE_ATOM, $due ), $status['last_checked'] );
	}
}
