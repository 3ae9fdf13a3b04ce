<?php
/**
 * Site Health: the tests for each license state, the secret, the daily check and connectivity;
 * the Debug Info sections; never the secret, never a request to BatchKeys.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Health;

use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Health\Site_Health;
use BatchKeys\Tests\Cron\Cron_Test_Case;

require_once dirname( __DIR__ ) . '/cron/class-cron-test-case.php';

/** Site Health results. */
final class Site_Health_Test extends Cron_Test_Case {

	/**
	 * Everything the tests printed, for the secret check.
	 *
	 * @var string[]
	 */
	private $printed = array();

	/** No request to BatchKeys, and the secret nowhere, in any test. */
	protected function tearDown(): void {
		$this->assertSame( array(), $this->api_requests(), 'Site Health never calls BatchKeys' );
		foreach ( $this->printed as $text ) {
			$this->assertStringNotContainsString( self::secret(), $text );
		}
		parent::tearDown();
	}

	/**
	 * Runs the asynchronous connectivity test as WordPress does without REST (its
	 * async_direct_test callable), after checking the kit's Site Health concern is wired.
	 *
	 * @return array<string, mixed>
	 */
	private function connectivity() {
		$this->assertInstanceOf( Site_Health::class, $this->kit()->concern( Site_Health::class ) );
		$test = $this->tests()['async']['batchkeys_connectivity']['async_direct_test'];
		$this->assertIsCallable( $test );
		return call_user_func( $test );
	}

	/**
	 * The tests as WordPress collects them.
	 *
	 * @return array{direct: array<string, array>, async: array<string, array>}
	 */
	private function tests() {
		return apply_filters(
			'site_status_tests',
			array(
				'direct' => array(),
				'async'  => array(),
			)
		);
	}

	/**
	 * Runs one direct test as WordPress does (its callable), and keeps its text.
	 *
	 * @param string $name Test name.
	 * @return array<string, mixed>
	 */
	private function run_test( $name ) {
		$tests = $this->tests();
		$this->assertArrayHasKey( $name, $tests['direct'] );
		$this->assertIsCallable( $tests['direct'][ $name ]['test'] );
		$result = call_user_func( $tests['direct'][ $name ]['test'] );
		$this->assertSame( $name, $result['test'] );
		$this->assertContains( $result['status'], array( 'good', 'recommended', 'critical' ) );
		foreach ( array( 'label', 'description', 'actions', 'badge' ) as $field ) {
			$this->assertArrayHasKey( $field, $result );
		}
		$this->printed[] = (string) wp_json_encode( $result );
		return $result;
	}

	/**
	 * A date as the tests print it (site time zone and formats).
	 *
	 * @param int $timestamp Unix timestamp.
	 * @return string
	 */
	private static function shown( $timestamp ) {
		return esc_html( (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $timestamp ) );
	}

	/** Every product gets its tests; the asynchronous one is a REST route of the kit. */
	public function test_the_tests_are_registered() {
		$this->temporary_product( 'health-reg' );
		$tests = $this->tests();
		foreach ( array( self::DEMO, 'health-reg' ) as $slug ) {
			$this->assertArrayHasKey( 'batchkeys_license_' . $slug, $tests['direct'] );
			$this->assertArrayHasKey( 'batchkeys_secret_' . $slug, $tests['direct'] );
			$this->assertArrayNotHasKey( 'batchkeys_last_success_' . $slug, $tests['direct'], 'no key: no age test' );
		}
		$this->assertArrayHasKey( 'batchkeys_cron', $tests['direct'] );
		$async = $tests['async']['batchkeys_connectivity'];
		$this->assertTrue( $async['has_rest'] );
		$this->assertSame( rest_url( 'batchkeys/v1/site-health/connectivity' ), $async['test'] );
		$this->assertIsCallable( $async['async_direct_test'] );

		// WordPress's own list has them too.
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$core = \WP_Site_Health::get_tests();
		$this->assertArrayHasKey( 'batchkeys_cron', $core['direct'] );
		$this->assertArrayHasKey( 'batchkeys_connectivity', $core['async'] );
	}

	/**
	 * The state test for each state of docs/license-states.md.
	 *
	 * @dataProvider states
	 *
	 * @param array<string, mixed>|null $record   Stored record, or null for none.
	 * @param string                    $status   Expected status.
	 * @param string                    $label    Part of the expected label.
	 * @param array<int, string>        $contains Parts of the description: 'date:<field>' for a date.
	 */
	public function test_license_state( $record, $status, $label, array $contains ) {
		$this->temporary_product( 'health-state' );
		if ( null !== $record ) {
			$this->store_record( 'health-state', $record );
		}
		$result = $this->run_test( 'batchkeys_license_health-state' );
		$this->assertSame( $status, $result['status'], $result['label'] );
		$this->assertStringContainsString( $label, $result['label'] );
		foreach ( $contains as $part ) {
			if ( 0 === strpos( $part, 'date:' ) ) {
				$part = self::shown( $record[ substr( $part, 5 ) ] );
			}
			$this->assertStringContainsString( $part, $result['description'] );
		}
		$this->assertStringNotContainsString( self::GOOD, $result['description'], 'the key only masked' );
		if ( 'good' !== $status ) {
			$this->assertStringContainsString( 'page=batchkeys-health-state', $result['actions'] );
		}
	}

	/**
	 * States: stored record, status, label, description parts.
	 *
	 * @return array<string, array>
	 */
	public function states() {
		$t0 = self::T0;
		$h  = HOUR_IN_SECONDS;
		$d  = DAY_IN_SECONDS;
		return array(
			'inactive' => array( null, 'recommended', 'has no license key', array( 'stay off' ) ),
			'active'   => array(
				array(
					'key'          => self::GOOD,
					'state'        => 'active',
					'code'         => 'valid',
					'last_checked' => $t0 - $h,
					'last_success' => $t0 - $h,
					'next_check'   => $t0 + 19 * $h,
				),
				'good',
				'license is active',
				array( 'CCC', 'date:last_success', 'date:next_check' ),
			),
			'grace'    => array(
				array(
					'key'          => self::GOOD,
					'state'        => 'grace',
					'code'         => 'connection',
					'last_checked' => $t0 - $h,
					'last_success' => $t0 - 2 * $d,
					'grace_until'  => $t0 + 5 * $d,
					'next_check'   => $t0 + 3 * $h,
					'failures'     => 2,
				),
				'recommended',
				'could not be reached',
				array( 'since', 'date:last_success', 'stay on until', 'date:grace_until', 'date:next_check' ),
			),
			'lapsed'   => array(
				array(
					'key'          => self::GOOD,
					'state'        => 'grace',
					'code'         => 'connection',
					'last_checked' => $t0 - $h,
					'last_success' => $t0 - 8 * $d,
					'grace_until'  => $t0 - $d,
					'next_check'   => $t0 + 3 * $h,
					'failures'     => 2,
				),
				'critical',
				'premium features are off',
				array( 'date:last_success', 'date:grace_until' ),
			),
			'invalid'  => array(
				array(
					'key'          => self::GOOD,
					'state'        => 'invalid',
					'code'         => 'invalid',
					'last_checked' => $t0 - $h,
					'last_success' => $t0 - 3 * $d,
					'next_check'   => $t0 + 19 * $h,
					'strikes'      => 2,
				),
				'critical',
				'does not accept',
				array( 'not valid' ),
			),
		);
	}

	/** The age of the last successful check: fresh, old, older than the grace period, never. */
	public function test_last_successful_check() {
		$this->temporary_product( 'health-age', array( 'grace_days' => 7 ) );
		$name  = 'batchkeys_last_success_health-age';
		$cases = array(
			array( 'active', HOUR_IN_SECONDS, 'good', 'confirmed 1 hour ago' ),
			array( 'grace', 3 * DAY_IN_SECONDS, 'recommended', 'not been confirmed for 3 days' ),
			array( 'grace', 8 * DAY_IN_SECONDS, 'critical', 'longer than its grace period' ),
		);
		foreach ( $cases as $case ) {
			$this->store_record(
				'health-age',
				array(
					'key'          => self::GOOD,
					'state'        => $case[0],
					'code'         => 'active' === $case[0] ? 'valid' : 'connection',
					'last_checked' => self::T0 - 60,
					'last_success' => self::T0 - $case[1],
					'grace_until'  => 'grace' === $case[0] ? self::T0 - $case[1] + 7 * DAY_IN_SECONDS : null,
					'next_check'   => self::T0 + HOUR_IN_SECONDS,
				)
			);
			$result = $this->run_test( $name );
			$this->assertSame( $case[2], $result['status'], $result['label'] );
			$this->assertStringContainsString( $case[3], $result['label'] );
		}
		// A key stored without a success on record.
		$this->store_record(
			'health-age',
			array(
				'key'        => self::GOOD,
				'state'      => 'active',
				'code'       => 'valid',
				'next_check' => self::T0 + HOUR_IN_SECONDS,
			)
		);
		$this->assertSame( 'recommended', $this->run_test( $name )['status'] );
	}

	/** The secret: set in a constant, in an environment variable, or missing. Its value never shows. */
	public function test_secret_configured() {
		$result = $this->run_test( 'batchkeys_secret_' . self::DEMO );
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( '<code>BATCHKEYS_DEMO_AUTH</code>', $result['description'] );
		$this->assertStringContainsString( 'constant', $result['description'] );

		putenv( 'BATCHKEYS_TEST_ENV_SECRET=env-secret-value-123' );
		try {
			$this->temporary_product( 'health-env', array( 'auth' => 'BATCHKEYS_TEST_ENV_SECRET' ) );
			$result = $this->run_test( 'batchkeys_secret_health-env' );
			$this->assertSame( 'good', $result['status'] );
			$this->assertStringContainsString( 'environment variable', $result['description'] );
			$this->assertStringNotContainsString( 'env-secret-value-123', (string) wp_json_encode( $result ) );
		} finally {
			putenv( 'BATCHKEYS_TEST_ENV_SECRET' );
		}

		$this->temporary_product( 'health-missing', array( 'auth' => 'BATCHKEYS_TEST_NO_SUCH_SECRET' ) );
		$result = $this->run_test( 'batchkeys_secret_health-missing' );
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( '<code>BATCHKEYS_TEST_NO_SUCH_SECRET</code>', $result['description'] );
	}

	/** The daily check: on time, missing, late, and with DISABLE_WP_CRON. */
	public function test_cron_health() {
		$product = $this->temporary_product( 'health-cron' );
		$this->activate_key( $product, self::GOOD );
		$this->requests = array();
		$due            = (int) wp_next_scheduled( Scheduler::HOOK );

		$result = $this->run_test( 'batchkeys_cron' );
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( self::shown( $due ), $result['description'] );
		$this->assertStringNotContainsString( 'DISABLE_WP_CRON', $result['description'] );

		$this->set_now( $due + 2 * HOUR_IN_SECONDS );
		$result = $this->run_test( 'batchkeys_cron' );
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( '2 hours late', $result['label'] );
		$this->assertStringContainsString( 'wp-cron.php', $result['description'] );

		$this->add_test_filter( 'batchkeys_wp_cron_disabled', '__return_true' );
		$result = $this->run_test( 'batchkeys_cron' );
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'DISABLE_WP_CRON', $result['description'] );
		$this->assertStringContainsString( 'at most once every 12 hours', $result['description'] );

		// DISABLE_WP_CRON with a server task that runs the event on time: fine, and said.
		$this->set_now( $due - HOUR_IN_SECONDS );
		$result = $this->run_test( 'batchkeys_cron' );
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'DISABLE_WP_CRON', $result['description'] );

		wp_clear_scheduled_hook( Scheduler::HOOK );
		$this->assertSame( 'recommended', $this->run_test( 'batchkeys_cron' )['status'] );
	}

	/** Connectivity from the recorded outcomes only. */
	public function test_connectivity_reports_the_last_outcome() {
		$product = $this->temporary_product( 'health-net' );

		$result = $this->connectivity();
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'No license has been checked yet', $result['description'] );
		$this->assertStringContainsString( 'does not contact BatchKeys', $result['description'] );

		$checked = array(
			'key'          => self::GOOD,
			'state'        => 'active',
			'code'         => 'valid',
			'last_checked' => self::T0 - HOUR_IN_SECONDS,
			'last_success' => self::T0 - HOUR_IN_SECONDS,
			'next_check'   => self::T0 + HOUR_IN_SECONDS,
		);
		$this->store_record( 'health-net', $checked );
		$result = $this->connectivity();
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( self::shown( self::T0 - HOUR_IN_SECONDS ), $result['description'] );

		$this->store_record(
			'health-net',
			array(
				'state'        => 'grace',
				'code'         => 'connection',
				'last_checked' => self::T0 - 60,
				'grace_until'  => self::T0 + 6 * DAY_IN_SECONDS,
			) + $checked
		);
		$result = $this->connectivity();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'could not reach BatchKeys', $result['description'] );
		$this->assertStringContainsString( self::shown( self::T0 - HOUR_IN_SECONDS ), $result['description'], 'when it was last reached' );

		update_option( 'batchkeys_rate_limited_until', self::T0 + 5 * HOUR_IN_SECONDS, false );
		$result = $this->connectivity();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'slow down', $result['description'] );
		delete_option( 'batchkeys_rate_limited_until' );

		// The real service behind WP_HTTP_BLOCK_EXTERNAL (set on the kit's local site).
		$this->add_test_filter(
			'batchkeys_api_url',
			static function () {
				return 'https://batchkeys.com/api.php';
			}
		);
		$result = $this->connectivity();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'WP_HTTP_BLOCK_EXTERNAL', $result['description'] );
		$this->assertStringContainsString( '<code>batchkeys.com</code>', $result['description'] );
		$this->printed[] = (string) wp_json_encode( $result );
		unset( $product );
	}

	/** The asynchronous test's route: whoever may view Site Health, nobody else. */
	public function test_connectivity_route_permissions() {
		$route = '/batchkeys/v1/site-health/connectivity';
		$this->assertSame( 401, $this->rest( 'GET', $route )->get_status() );
		$this->as_user( 'subscriber' );
		$this->assertSame( 403, $this->rest( 'GET', $route )->get_status() );
		$this->as_user( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', $route )->get_status() );
		$this->as_user( 'administrator' );
		$response = $this->rest( 'GET', $route );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'batchkeys_connectivity', $data['test'] );
		$this->assertSame( 'good', $data['status'] );
		$this->printed[] = (string) wp_json_encode( $data );
	}

	/** Debug Info: the masked key (private), state, dates, the secret's constant name only. */
	public function test_debug_information() {
		$product = $this->temporary_product( 'health-debug' );
		$this->activate_key( $product, self::GOOD );
		$this->requests  = array();
		$info            = apply_filters( 'debug_information', array() );
		$this->printed[] = (string) wp_json_encode( $info );

		$this->assertArrayHasKey( 'batchkeys', $info );
		$this->assertSame( '03:00:00', $info['batchkeys']['fields']['daily_slot']['value'] );
		$this->assertSame( gmdate( DATE_ATOM, self::T0 + 19 * HOUR_IN_SECONDS ), $info['batchkeys']['fields']['next_run']['debug'] );

		$fields = $info['batchkeys-health-debug']['fields'];
		$this->assertSame( 'active', $fields['state']['value'] );
		$this->assertTrue( $fields['features_enabled']['debug'] );
		$this->assertSame( "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}-\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}-\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}-\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}-\u{2022}\u{2022}\u{2022}CCCC", $fields['key']['value'] );
		$this->assertTrue( $fields['key']['private'] );
		$this->assertSame( gmdate( DATE_ATOM, self::T0 ), $fields['last_success']['debug'] );
		$this->assertSame( gmdate( DATE_ATOM, self::T0 + 19 * HOUR_IN_SECONDS ), $fields['next_check']['debug'] );
		$this->assertSame( 'Set (BATCHKEYS_DEMO_AUTH)', $fields['secret']['value'] );
		$this->assertStringNotContainsString( self::GOOD, (string) wp_json_encode( $info ) );
		$this->assertArrayHasKey( 'batchkeys-' . self::DEMO, $info );
	}
}
