<?php
/**
 * The REST proxy end to end, in process, against the mock BatchKeys API over real HTTP:
 * every documented upstream error, every fault mode, permissions, malformed input, throttle, pause.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Rest;

use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** The batchkeys/v1 license routes. */
final class License_Rest_Test extends Kit_Test_Case {

	/** 2026-11-27 10:00:00 UTC. */
	const NOW = 1795773600;

	/** Every field of the license view, in order (docs/architecture.md). */
	const VIEW_FIELDS = array( 'product', 'state', 'state_label', 'features_enabled', 'configured', 'setup', 'code', 'message', 'hint', 'key', 'last_checked', 'last_success', 'next_check', 'grace_until', 'retry_after', 'paused_until', 'strike', 'detail', 'secret_missing', 'scope', 'managed_by_network', 'domain', 'address' );

	/** A fixed clock. */
	protected function setUp(): void {
		parent::setUp();
		$this->set_now( self::NOW );
	}

	/**
	 * Requests the mock received since the test began.
	 *
	 * @return array
	 */
	private function api_calls() {
		return $this->mock->log();
	}

	/**
	 * Activates the good key and moves the clock past the throttle.
	 *
	 * @return array The stored record.
	 */
	private function active_demo() {
		$response = $this->activate( self::GOOD );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->later();
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		return $this->stored();
	}

	// ------------------------------------------------------------------ activation

	/** A good key: 200, active, the view's exact shape, one GET with the documented headers. */
	public function test_activating_a_good_key() {
		$response = $this->activate( '  ' . self::GOOD . "\n" );
		$view     = $response->get_data();
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::VIEW_FIELDS, array_keys( $view ) );
		$this->assertSame( self::DEMO, $view['product'] );
		$this->assertSame( 'active', $view['state'] );
		$this->assertSame( 'Active', $view['state_label'], 'the state in words, from PHP' );
		$this->assertTrue( $view['features_enabled'] );
		$this->assertTrue( $view['configured'] );
		$this->assertNull( $view['setup'] );
		$this->assertSame( 'valid', $view['code'] );
		$this->assertSame( Messages::message( 'valid' ), $view['message'] );
		$this->assertSame( '•••••••-•••••••-•••••••-•••••••-•••CCCC', $view['key'] );
		$this->assertSame( '2026-11-27T10:00:00+00:00', $view['last_checked'] );
		$this->assertSame( '2026-11-27T10:00:00+00:00', $view['last_success'] );
		$this->assertSame( '2026-11-28T03:00:00+00:00', $view['next_check'] );
		$this->assertNull( $view['grace_until'] );
		$this->assertNull( $view['retry_after'], 'after a success nothing holds the next request back (the burst has room)' );
		$this->assertNull( $view['detail'] );
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );

		$calls = $this->api_calls();
		$this->assertCount( 1, $calls );
		$this->assertSame( 'GET', $calls[0]['method'] );
		$headers = $calls[0]['headers'];
		$this->assertSame( self::secret(), $headers['auth'] );
		$this->assertSame( self::GOOD, $headers['key'], 'the key is sent trimmed' );
		$this->assertSame( '127.0.0.1', $headers['domain'] );
		$this->assertArrayNotHasKey( 'active', $headers, 'no active header unless the product opts in' );
		$this->assertArrayNotHasKey( 'consume', $headers );
		$this->assertArrayNotHasKey( 'uuid', $headers );

		global $wpdb;
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", 'batchkeys_license_' . self::DEMO ) );
		$this->assertContains( $autoload, array( 'off', 'no' ), 'the record is not autoloaded' );
		$this->assertSame( self::GOOD, $this->stored()['key'] );
	}

	/**
	 * Every documented ERROR text, verbatim, with its code and status.
	 *
	 * @return array
	 */
	public function error_rows() {
		return array(
			'L3n7'              => array( 'Invalid license key (CODE:  L3n7)', 'key_length', 400 ),
			'C4r5'              => array( 'Invalid license key (CODE: C4r5)', 'key_characters', 400 ),
			'P477'              => array( 'Invalid license key (CODE: P477)', 'key_pattern', 400 ),
			'activation failed' => array( 'Failed to activate key!', 'activation_failed', 502 ),
			'ip'                => array( 'User IP Error!', 'ip_error', 502 ),
			'too fast'          => array( 'You’re sending keys too fast. Please try again later.', 'rate_limited', 429 ),
			'd3v3rr1'           => array( 'BatchKeys API Auth Key is required! (CODE:d3v3rr1)', 'auth_missing', 503 ),
			'd3v3rr2'           => array( 'License key is required! (CODE:d3v3rr2)', 'key_missing', 502 ),
			'unknown'           => array( 'The moon is in the wrong phase (CODE: m00n)', 'upstream_error', 502 ),
		);
	}

	/**
	 * An activation answered with an ERROR: its code, status and message; nothing stored changes.
	 *
	 * @dataProvider error_rows
	 * @param string $text   ERROR text.
	 * @param string $code   Kit code.
	 * @param int    $status HTTP status.
	 */
	public function test_activation_error_rows( $text, $code, $status ) {
		$before = $this->active_demo();
		$this->mock->fault(
			array(
				'mode'  => 'error',
				'error' => $text,
			)
		);
		$response = $this->activate( self::GOOD2 );
		$this->assertKitError( $response, $code, $status );
		$this->assertSame( $before, $this->stored(), 'an activation that is not valid stores nothing' );
		$license = $response->get_data()['data']['license'];
		$this->assertSame( 'active', $license['state'] );
		$this->assertSame( '•••••••-•••••••-•••••••-•••••••-•••CCCC', $license['key'] );
		$this->assertNull( $license['detail'], 'an activation that failed stores no detail' );
		$this->assertCount( 1, $this->api_calls() );
		if ( 'rate_limited' === $code ) {
			$this->assertSame( '86400', $response->get_headers()['Retry-After'] );
		}
	}

	/**
	 * A check answered with an ERROR: its code and status; the key stays, active turns to grace.
	 *
	 * @dataProvider error_rows
	 * @param string $text   ERROR text.
	 * @param string $code   Kit code.
	 * @param int    $status HTTP status.
	 */
	public function test_check_error_rows( $text, $code, $status ) {
		$this->active_demo();
		$this->mock->fault(
			array(
				'mode'  => 'error',
				'error' => $text,
			)
		);
		$response = $this->call( 'POST', self::check_route() );
		$this->assertKitError( $response, $code, $status );
		$license = $response->get_data()['data']['license'];
		$this->assertSame( 'grace', $license['state'], 'no verdict never switches the key off' );
		$this->assertTrue( $license['features_enabled'] );
		$this->assertSame( $code, $license['code'] );
		$this->assertSame( '2026-12-04T10:00:00+00:00', $license['grace_until'] );
		$this->assertSame( self::GOOD, $this->stored()['key'] );
		$this->assertSame( 'upstream_error' === $code ? $text : null, $license['detail'], 'the raw text, to an administrator, for upstream_error only' );
		$calls = $this->api_calls();
		$this->assertCount( 1, $calls );
		$this->assertArrayNotHasKey( 'active', $calls[0]['headers'], 'a check sends no active header' );
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );
	}

	/** {"valid":"0"} on an activation: 422 invalid, nothing stored. */
	public function test_activation_not_valid_is_422_and_stores_nothing() {
		foreach ( array( self::DELETED, self::LOCKED ) as $key ) {
			$response = $this->activate( $key );
			$this->assert_activation_invalid( $response );
			$this->assertNull( $this->stored() );
			$this->assertSame( 'inactive', $response->get_data()['data']['license']['state'] );
			$this->later();
		}
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
	}

	/** The account over its plan (every key valid 0): activation 422; a check is a first strike only. */
	public function test_over_limit() {
		$this->active_demo();
		$this->mock->fault( array( 'mode' => 'over_limit' ) );
		$response = $this->call( 'POST', self::check_route() );
		$this->assertSame( 200, $response->get_status(), 'a verdict answers 200' );
		$this->assertSame( 'active', $response->get_data()['state'] );
		$this->assertSame( 'invalid', $response->get_data()['code'] );
		$this->assertSame( '2026-11-27T11:00:11+00:00', $response->get_data()['next_check'], 'confirmed an hour later' );

		$this->set_now( self::NOW + 11 + HOUR_IN_SECONDS );
		$response = $this->call( 'POST', self::check_route() );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'invalid', $response->get_data()['state'] );
		$this->assertFalse( $response->get_data()['features_enabled'] );
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
		$this->assertSame( self::GOOD, $this->stored()['key'], 'the key stays stored' );

		$this->later();
		$this->assert_activation_invalid( $this->activate( self::GOOD2 ) );
	}

	/** A key the vendor switched off stays off when a customer pastes it: no active header is sent. */
	public function test_a_vendor_disabled_key_stays_off_when_pasted() {
		$this->assert_activation_invalid( $this->activate( self::DEACTIVATED ) );
		$this->assertArrayNotHasKey( 'active', $this->api_calls()[0]['headers'] );
		$this->assertNull( $this->stored() );
		$keys = $this->mock->call( 'GET', '/__mock/keys' )['keys'];
		$key  = array_values( wp_list_filter( $keys, array( 'key' => self::DEACTIVATED ) ) )[0];
		$this->assertFalse( $key['active'], 'the vendor\'s switch-off holds at BatchKeys' );
	}

	/** A product that opts in with send_active sends active: 1 on an activation, and only then. */
	public function test_send_active_opt_in() {
		$this->temporary_product( 'switch-on', array( 'send_active' => true ) );
		$this->assertSame( 200, $this->activate( self::DEACTIVATED, 'switch-on' )->get_status() );
		$this->later();
		$this->call( 'POST', self::check_route( 'switch-on' ) );
		$calls = $this->api_calls();
		$this->assertSame( '1', $calls[0]['headers']['active'] );
		$this->assertArrayNotHasKey( 'active', $calls[1]['headers'], 'checks never send it' );
	}

	/**
	 * Fault modes without a usable answer.
	 *
	 * @return array
	 */
	public function connection_faults() {
		return array(
			'http500'   => array( array( 'mode' => 'http500' ) ),
			'http503'   => array(
				array(
					'mode'   => 'http500',
					'status' => 503,
				),
			),
			'html'      => array( array( 'mode' => 'html' ) ),
			'empty'     => array( array( 'mode' => 'empty' ) ),
			'truncated' => array( array( 'mode' => 'truncated' ) ),
			'timeout'   => array( array( 'mode' => 'timeout' ) ),
			'slow'      => array(
				array(
					'mode'     => 'delay',
					'delay_ms' => 3000,
				),
			),
			'redirect'  => array(
				array(
					'mode'   => 'html',
					'status' => 302,
				),
			),
		);
	}

	/**
	 * No usable answer: connection (502) on activation and on a check; nothing is lost.
	 *
	 * @dataProvider connection_faults
	 * @param array $fault Fault.
	 */
	public function test_connection_faults( array $fault ) {
		$this->add_test_filter(
			'batchkeys_api_timeout',
			static function () {
				return 1;
			}
		);
		$before = $this->active_demo();
		$this->mock->fault( $fault );
		$this->assertKitError( $this->activate( self::GOOD2 ), 'connection', 502 );
		$this->assertSame( $before, $this->stored(), 'an activation keeps the stored record exactly' );

		$this->later();
		$response = $this->call( 'POST', self::check_route() );
		$this->assertKitError( $response, 'connection', 502 );
		$license = $response->get_data()['data']['license'];
		$this->assertSame( 'grace', $license['state'] );
		$this->assertTrue( $license['features_enabled'] );
		$this->assertSame( '2026-11-27T11:00:22+00:00', $license['next_check'], 'retry in an hour' );
		$this->assertSame( self::GOOD, $this->stored()['key'] );
		$this->assertSame( $before['last_success'], $this->stored()['last_success'] );
	}

	/** The answer in a header instead of the body, and a slow but timely answer, both work. */
	public function test_header_json_and_delay_are_answers() {
		$this->mock->fault(
			array(
				'mode'  => 'header_json',
				'times' => 1,
			)
		);
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->later();
		$this->mock->fault(
			array(
				'mode'     => 'delay',
				'delay_ms' => 200,
			)
		);
		$response = $this->call( 'POST', self::check_route() );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'active', $response->get_data()['state'] );
	}

	/** A product without its secret: 503 not_configured and no call at all. */
	public function test_not_configured_makes_no_call() {
		$this->temporary_product( 'unset-secret', array( 'auth' => 'BATCHKEYS_TEST_UNDEFINED_' . wp_rand() ) );
		$response = $this->activate( self::GOOD, 'unset-secret' );
		$this->assertKitError( $response, 'not_configured', 503 );
		$this->assertFalse( $response->get_data()['data']['license']['configured'] );
		$this->assertSame( Messages::get( 'not_configured' ), $response->get_data()['data']['license']['setup'], 'the screen says so in PHP\'s words' );
		$this->assertSame( array(), $this->api_calls() );
	}

	/** After rate_limited: 24 h without any call (activation, check, removal release); then calls resume. */
	public function test_rate_limited_pauses_every_call_for_a_day() {
		$this->temporary_product( 'releasing', array( 'release_on_deactivate' => true ) );
		$this->assertSame( 200, $this->activate( self::GOOD2, 'releasing' )->get_status() );
		$this->active_demo();
		$this->answer_too_fast();
		$this->assertKitError( $this->call( 'POST', self::check_route() ), 'rate_limited', 429 );
		$this->assertSame( self::NOW + 11 + DAY_IN_SECONDS, (int) get_option( 'batchkeys_rate_limited_until' ) );
		$this->mock->reset();
		$this->mock->rate_limit( 0 );

		$this->set_now( self::NOW + 11 + DAY_IN_SECONDS - 60 );
		$response = $this->activate( self::GOOD2 );
		$this->assertKitError( $response, 'rate_limited', 429 );
		$this->assertSame( '60', $response->get_headers()['Retry-After'] );
		$this->assertSame( 60, $response->get_data()['data']['license']['retry_after'] );
		$this->assertKitError( $this->call( 'POST', self::check_route() ), 'rate_limited', 429 );
		$this->assertKitError( $this->activate( self::GOOD, 'releasing' ), 'rate_limited', 429 );
		$removed = $this->call( 'DELETE', self::license_route( 'releasing' ) );
		$this->assertSame( 200, $removed->get_status(), 'the key is removed locally; its release is skipped' );
		$this->assertSame( 'inactive', $removed->get_data()['state'] );
		$this->assertSame( array(), $this->api_calls(), 'no call of any kind during the pause' );

		$this->set_now( self::NOW + 11 + DAY_IN_SECONDS );
		$this->assertSame( 200, $this->call( 'POST', self::check_route() )->get_status() );
		$this->assertCount( 1, $this->api_calls() );
	}

	/**
	 * A person's requests: 3 back to back per product, then one per 10 s, with Retry-After;
	 * malformed input does not count; another product has its own burst.
	 */
	public function test_throttle() {
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->set_now( self::NOW + 1 );
		$this->assertSame( 200, $this->call( 'POST', self::check_route() )->get_status() );
		$this->set_now( self::NOW + 2 );
		$this->assertSame( 200, $this->call( 'POST', self::check_route() )->get_status() );
		$this->set_now( self::NOW + 4 );
		$response = $this->call( 'POST', self::check_route() );
		$this->assertKitError( $response, 'throttled', 429 );
		$this->assertSame( '6', $response->get_headers()['Retry-After'] );
		$this->assertKitError( $this->activate( self::GOOD2 ), 'throttled', 429 );
		$this->assertKitError( $this->activate( 'short' ), 'key_length', 400 );
		$this->assertCount( 3, $this->api_calls() );

		$this->set_now( self::NOW + 10 );
		$this->assertSame( 200, $this->call( 'POST', self::check_route() )->get_status() );
		$this->assertCount( 4, $this->api_calls() );

		// Another product has its own burst.
		$this->temporary_product( 'other' );
		$this->assertSame( 200, $this->activate( self::GOOD2, 'other' )->get_status() );
	}

	/**
	 * The error answer to a not-valid activation: 422 invalid, with the site limit as the
	 * likely cause in the hint.
	 *
	 * @param \WP_REST_Response $response Response.
	 */
	private function assert_activation_invalid( $response ) {
		$data = $response->get_data();
		$this->assertSame( 422, $response->get_status() );
		$this->assertSame( 'invalid', $data['code'] );
		$this->assertSame( Messages::message( 'invalid' ), $data['message'] );
		$this->assertSame( Messages::activation_invalid_hint( '' ), $data['data']['hint'] );
	}

	/** The raw upstream text goes to administrators only. */
	public function test_upstream_detail_only_for_administrators() {
		$this->temporary_product( 'editorial', array( 'capability' => 'edit_posts' ) );
		$this->as_user( 'editor' );
		$this->assertSame( 200, $this->activate( self::GOOD, 'editorial' )->get_status() );
		$this->later();
		$this->mock->fault(
			array(
				'mode'  => 'error',
				'error' => 'Secret backend trace #42',
			)
		);
		$response = $this->call( 'POST', self::check_route( 'editorial' ) );
		$this->assertKitError( $response, 'upstream_error', 502 );
		$this->assertNull( $response->get_data()['data']['license']['detail'] );

		$this->as_user( 'administrator' );
		$view = $this->call( 'GET', self::license_route( 'editorial' ) )->get_data();
		$this->assertSame( 'Secret backend trace #42', $view['detail'] );
	}

	// ------------------------------------------------------------------ check, read, remove

	/** Check now without a key: 409 no_key, no call. */
	public function test_check_without_a_key() {
		$this->as_user( 'administrator' );
		$this->assertKitError( $this->call( 'POST', self::check_route() ), 'no_key', 409 );
		$this->assertSame( array(), $this->api_calls() );
	}

	/** Check now with a verdict: 200 and the view. */
	public function test_check_now_valid() {
		$this->active_demo();
		$response = $this->call( 'POST', self::check_route() );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'active', $response->get_data()['state'] );
		$this->assertSame( '2026-11-27T10:00:11+00:00', $response->get_data()['last_checked'] );
	}

	/** Reading the license makes no HTTP request at all. */
	public function test_get_reads_stored_state_only() {
		$this->active_demo();
		$requests = 0;
		$this->add_test_filter(
			'pre_http_request',
			static function ( $pre ) use ( &$requests ) {
				++$requests;
				return $pre;
			}
		);
		$this->assertSame( 200, $this->call( 'GET', self::license_route() )->get_status() );
		$this->assertSame( 200, $this->call( 'GET', '/batchkeys/v1/products' )->get_status() );
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );
		$this->assertSame( 0, $requests );
	}

	/** Removing the key: 200 inactive, code deactivated, no call without release_on_deactivate. */
	public function test_delete_removes_the_key_without_a_call() {
		$this->active_demo();
		$response = $this->call( 'DELETE', self::license_route() );
		$this->assertSame( 200, $response->get_status() );
		$view = $response->get_data();
		$this->assertSame( 'inactive', $view['state'] );
		$this->assertSame( 'deactivated', $view['code'] );
		$this->assertNull( $view['key'] );
		$this->assertSame( array(), $this->api_calls() );
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
		$this->assertSame( 200, $this->call( 'DELETE', self::license_route() )->get_status(), 'again: still fine' );
	}

	/** With release_on_deactivate, removal sends active: 0 once; the key goes even if that fails. */
	public function test_delete_releases_when_asked() {
		$this->temporary_product( 'releasing', array( 'release_on_deactivate' => true ) );
		$this->assertSame( 200, $this->activate( self::GOOD, 'releasing' )->get_status() );
		$this->mock->reset();
		$this->mock->fault( array( 'mode' => 'http500' ) );
		$response = $this->call( 'DELETE', self::license_route( 'releasing' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'inactive', $response->get_data()['state'] );
		$calls = $this->api_calls();
		$this->assertCount( 1, $calls );
		$this->assertSame( '0', $calls[0]['headers']['active'] );
	}

	// ------------------------------------------------------------------ permissions

	/** Anonymous: 401 on every route, products known or not. */
	public function test_anonymous_gets_401() {
		foreach ( array( self::DEMO, 'no-such-product' ) as $slug ) {
			$this->assertKitError( $this->call( 'GET', self::license_route( $slug ) ), 'rest_not_logged_in', 401 );
			$this->assertKitError( $this->call( 'POST', self::license_route( $slug ), array( 'key' => self::GOOD ) ), 'rest_not_logged_in', 401 );
			$this->assertKitError( $this->call( 'DELETE', self::license_route( $slug ) ), 'rest_not_logged_in', 401 );
			$this->assertKitError( $this->call( 'POST', self::check_route( $slug ) ), 'rest_not_logged_in', 401 );
		}
		$this->assertKitError( $this->call( 'GET', '/batchkeys/v1/products' ), 'rest_not_logged_in', 401 );
		// Refused before its parameters are even looked at.
		$this->assertKitError( $this->call( 'POST', self::license_route(), array( 'key' => array( 'x' ) ) ), 'rest_not_logged_in', 401 );
		$this->assertKitError( $this->call( 'POST', self::license_route() ), 'rest_not_logged_in', 401 );
		$this->assertSame( array(), $this->api_calls() );
	}

	/** A subscriber: 403 everywhere, also for an unknown product (learns nothing). */
	public function test_subscriber_gets_403() {
		$this->as_user( 'subscriber' );
		foreach ( array( self::DEMO, 'no-such-product' ) as $slug ) {
			$this->assertKitError( $this->call( 'GET', self::license_route( $slug ) ), 'rest_forbidden', 403 );
			$this->assertKitError( $this->call( 'POST', self::license_route( $slug ), array( 'key' => self::GOOD ) ), 'rest_forbidden', 403 );
			$this->assertKitError( $this->call( 'DELETE', self::license_route( $slug ) ), 'rest_forbidden', 403 );
			$this->assertKitError( $this->call( 'POST', self::check_route( $slug ) ), 'rest_forbidden', 403 );
		}
		$this->assertKitError( $this->call( 'GET', '/batchkeys/v1/products' ), 'rest_forbidden', 403 );
		$this->assertKitError( $this->call( 'POST', self::license_route(), array( 'key' => str_repeat( 'A', 500 ) ) ), 'rest_forbidden', 403 );
		$this->assertSame( array(), $this->api_calls() );
	}

	/** An unknown product: 404 for a user who manages products, after authentication. */
	public function test_unknown_product_is_404_after_authentication() {
		$this->as_user( 'administrator' );
		foreach ( array( 'no-such-product', 'UPPER', '..%2F..', 'a b' ) as $slug ) {
			$response = $this->call( 'GET', self::license_route( $slug ) );
			$this->assertKitError( $response, 'batchkeys_unknown_product', 404 );
			$this->assertNull( $response->get_data()['data']['license'] );
		}
		$this->assertKitError( $this->call( 'POST', self::check_route( 'nope' ) ), 'batchkeys_unknown_product', 404 );
	}

	/** The product's capability decides; /products lists only what the user may manage. */
	public function test_capability_per_product() {
		$this->temporary_product( 'editorial', array( 'capability' => 'edit_posts' ) );
		$this->as_user( 'editor' );
		$this->assertSame( 200, $this->call( 'GET', self::license_route( 'editorial' ) )->get_status() );
		$this->assertKitError( $this->call( 'GET', self::license_route() ), 'rest_forbidden', 403 );
		$list = $this->call( 'GET', '/batchkeys/v1/products' )->get_data();
		$this->assertSame( array( 'editorial' ), wp_list_pluck( $list, 'slug' ) );

		$this->as_user( 'administrator' );
		$list = $this->call( 'GET', '/batchkeys/v1/products' );
		$this->assertSame( 200, $list->get_status() );
		$slugs = wp_list_pluck( $list->get_data(), 'slug' );
		$this->assertContains( self::DEMO, $slugs );
		$this->assertContains( 'editorial', $slugs );
		$demo = $list->get_data()[ array_search( self::DEMO, $slugs, true ) ];
		$this->assertSame( array( 'slug', 'name', 'key_format', 'placeholder', 'license' ), array_keys( $demo ) );
		$this->assertSame( self::VIEW_FIELDS, array_keys( $demo['license'] ) );
	}

	// ------------------------------------------------------------------ malformed input

	/**
	 * Malformed keys and the code each gets.
	 *
	 * @return array
	 */
	public function malformed_keys() {
		return array(
			'empty'         => array( '', 'key_length' ),
			'spaces'        => array( "  \t ", 'key_length' ),
			'10 KB'         => array( str_repeat( 'A', 10240 ), 'rest_invalid_param' ),
			'201 chars'     => array( str_repeat( 'A', 201 ), 'rest_invalid_param' ),
			'unicode'       => array( 'ДЕМО001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC', 'key_characters' ),
			'emoji'         => array( '🔑🔑🔑🔑🔑🔑🔑-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC', 'key_characters' ),
			'rtl override'  => array( "\u{202E}EMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC", 'key_characters' ),
			'null byte'     => array( "DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC\0", 'key_characters' ),
			'null bytes'    => array( str_repeat( "\0", 39 ), 'key_characters' ),
			'invalid utf-8' => array( "DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC\xFF", 'key_characters' ),
			'sql'           => array( "' OR '1'='1' -- ' OR '1'='1' -- ' OR 1=", 'key_length' ),
			'sql no spaces' => array( "'OR'1'='1'--'OR'1'='1'--'OR'1'='1'--'OR", 'key_characters' ),
			'sql short'     => array( "'; DROP TABLE wp_options; --", 'key_length' ),
			'html'          => array( '<script>alert(document.cookie)</script>', 'key_characters' ),
			'html img'      => array( '<img src=x onerror=alert(1)>', 'key_length' ),
			'pattern'       => array( 'DEMO001GOOD000-AAAAAAA-BBBBBBB-CCCCCCC-', 'key_pattern' ),
			'array'         => array( array( self::GOOD ), 'rest_invalid_param' ),
			'object'        => array( array( 'key' => self::GOOD ), 'rest_invalid_param' ),
			'integer'       => array( 1234567, 'rest_invalid_param' ),
			'boolean'       => array( true, 'rest_invalid_param' ),
			'null'          => array( null, 'rest_missing_callback_param' ),
		);
	}

	/**
	 * Malformed input: 400, its code, nothing stored and zero requests in the mock's log.
	 *
	 * @dataProvider malformed_keys
	 * @param mixed  $key  Key.
	 * @param string $code Expected code.
	 */
	public function test_malformed_input_is_400_without_a_call( $key, $code ) {
		$this->as_user( 'administrator' );
		$response = $this->call( 'POST', self::license_route(), array( 'key' => $key ) );
		$data     = $response->get_data();
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $data ) );
		$this->assertSame( $code, $data['code'] );
		$this->assertSame( Messages::hint( $code ), $data['data']['hint'] );
		$this->assertSame( 'inactive', $data['data']['license']['state'] );
		if ( 0 === strpos( $code, 'key_' ) ) {
			$this->assertSame( Messages::message( $code ), $data['message'] );
		}
		$this->assertNull( $this->stored() );
		$this->assertSame( array(), $this->api_calls() );
		$json = (string) wp_json_encode( $data );
		$this->assertStringNotContainsString( '<script>', $json, 'input is never echoed' );
		$this->assertStringNotContainsString( 'DROP TABLE', $json );
	}

	/** No key at all: 400 rest_missing_callback_param. */
	public function test_missing_key_is_400() {
		$this->as_user( 'administrator' );
		$response = $this->call( 'POST', self::license_route() );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_missing_callback_param', $response->get_data()['code'] );
		$this->assertSame( array(), $this->api_calls() );
	}

	// ------------------------------------------------------------------ tokens

	/** The function batchkeys_consume() spends tokens from PHP; top-ups need allow_topup; no REST route reaches it. */
	public function test_consume_is_php_only() {
		$this->temporary_product( 'tokens', array( 'allow_topup' => false ) );
		$this->temporary_product( 'tokens-topup', array( 'allow_topup' => true ) );
		$this->assertSame( 200, $this->activate( self::TOKENS, 'tokens' )->get_status() );
		$this->assertSame( 200, $this->activate( self::TOKENS, 'tokens-topup' )->get_status() );
		$this->mock->reset();

		$this->assertTrue( batchkeys_consume( 'tokens', 4 ) );
		$this->assertTrue( batchkeys_consume( 'tokens', 6 ) );
		$empty = batchkeys_consume( 'tokens', 1 );
		$this->assertWPError( $empty );
		$this->assertSame( 'invalid', $empty->get_error_code() );
		$this->assertSame( 'active', $this->stored( 'tokens' )['state'], 'out of tokens does not invalidate the license' );

		$refused = batchkeys_consume( 'tokens', -5 );
		$this->assertSame( 'topup_not_allowed', $refused->get_error_code() );
		$this->assertSame( 'invalid_amount', batchkeys_consume( 'tokens', 0 )->get_error_code() );
		$this->assertSame( 'invalid_amount', batchkeys_consume( 'tokens', 1.5 )->get_error_code() ); // @phpstan-ignore argument.type (a wrong type on purpose)
		$this->assertSame( 'batchkeys_unknown_product', batchkeys_consume( 'nope', 1 )->get_error_code() );
		$this->assertCount( 3, $this->api_calls() );

		$this->assertTrue( batchkeys_consume( 'tokens-topup', -5 ) );
		$this->assertTrue( batchkeys_consume( 'tokens-topup', 5 ) );
		$calls = $this->api_calls();
		$this->assertSame( '-5', $calls[3]['headers']['consume'] );
		$this->assertSame( '4', $calls[0]['headers']['consume'] );
		$this->assertArrayNotHasKey( 'active', $calls[0]['headers'] );

		foreach ( array_keys( rest_get_server()->get_routes( 'batchkeys/v1' ) ) as $route ) {
			$this->assertStringNotContainsString( 'consume', $route );
		}
		$this->as_user( 'administrator' );
		$response = $this->call( 'POST', self::license_route( 'tokens' ), array( 'consume' => 5 ) );
		$this->assertSame( 400, $response->get_status(), 'an extra parameter never reaches consume' );
	}

	/** Assertion helper for WP_Error. */
	private function assertWPError( $value ) {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}
