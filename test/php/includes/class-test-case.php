<?php
/**
 * Base class for the kit's PHPUnit tests: a stand-in for WP_UnitTestCase (whose library is not
 * reachable here). Each test runs in a database transaction that is rolled back.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests;

use PHPUnit\Framework\TestCase;

/** Rolled-back transaction per test, plus REST, user, clock and mock helpers. */
abstract class Test_Case extends TestCase {

	/**
	 * WordPress's globals are not serialisable.
	 *
	 * @var bool
	 */
	protected $backupGlobals = false;

	/**
	 * The mock BatchKeys API of the local site.
	 *
	 * @var Mock_Api
	 */
	protected $mock;

	/**
	 * Filters added by a test, removed after it: [hook, callback, priority].
	 *
	 * @var array[]
	 */
	private $added_filters = array();

	/** Starts the transaction and resets the mock. */
	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		$wpdb->suppress_errors = false;
		$wpdb->show_errors     = false;
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );
		wp_set_current_user( 0 );
		$this->mock = new Mock_Api( BATCHKEYS_TEST_SITE['mock_url'] );
		$this->mock->reset();
	}

	/** Rolls back and forgets what the test set up. */
	protected function tearDown(): void {
		global $wpdb, $wp_rest_server;
		foreach ( $this->added_filters as $filter ) {
			remove_filter( $filter[0], $filter[1], $filter[2] );
		}
		$this->added_filters = array();
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		$wp_rest_server = null;
		wp_set_current_user( 0 );
		unset( $_SERVER['HTTP_X_WP_NONCE'] );
		parent::tearDown();
	}

	/**
	 * Adds a filter for this test only.
	 *
	 * @param string   $hook     Hook name.
	 * @param callable $callback Callback.
	 * @param int      $priority Priority.
	 * @param int      $args     Accepted args.
	 */
	protected function add_test_filter( $hook, $callback, $priority = 10, $args = 1 ) {
		add_filter( $hook, $callback, $priority, $args );
		$this->added_filters[] = array( $hook, $callback, $priority );
	}

	/**
	 * Sets the kit's clock (Clock::now()) to a fixed Unix time for this test.
	 *
	 * @param int $timestamp Unix time.
	 */
	protected function set_now( $timestamp ) {
		foreach ( $this->added_filters as $i => $filter ) {
			if ( 'batchkeys_now' === $filter[0] ) {
				remove_filter( $filter[0], $filter[1], $filter[2] );
				unset( $this->added_filters[ $i ] );
			}
		}
		$this->add_test_filter(
			'batchkeys_now',
			static function () use ( $timestamp ) {
				return $timestamp;
			},
			PHP_INT_MAX
		);
	}

	/**
	 * Creates a user with a role (rolled back with the test) and makes them current.
	 *
	 * @param string $role Role name.
	 * @return int User ID.
	 */
	protected function as_user( $role ) {
		$user_id = wp_insert_user(
			array(
				'user_login' => $role . '_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $user_id );
		wp_set_current_user( $user_id );
		return $user_id;
	}

	/**
	 * A REST request through the real server, in process.
	 *
	 * @param string $method  HTTP method.
	 * @param string $route   Route, e.g. /batchkeys/v1/products.
	 * @param array  $params  Body/query params.
	 * @param array  $headers Headers.
	 * @return \WP_REST_Response
	 */
	protected function rest( $method, $route, array $params = array(), array $headers = array() ) {
		$request = new \WP_REST_Request( $method, $route );
		foreach ( $params as $key => $value ) {
			$request->set_param( $key, $value );
		}
		foreach ( $headers as $key => $value ) {
			$request->set_header( $key, $value );
		}
		return rest_do_request( $request );
	}

	/**
	 * The served site (its own database), over real HTTP.
	 *
	 * @return Site_Http
	 */
	protected function site_http() {
		return new Site_Http( BATCHKEYS_TEST_SITE['url'] );
	}
}
