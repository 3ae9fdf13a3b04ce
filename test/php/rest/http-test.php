<?php
/**
 * The REST proxy over real HTTP against the served site: cookie + nonce, concurrency, and what
 * goes over the wire.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Rest;

use BatchKeys\Tests\Kit_Test_Case;
use BatchKeys\Tests\Site_Http;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Real requests to the local site (its own database and clock). */
final class Http_Test extends Kit_Test_Case {

	/**
	 * Logged-in browser-like client.
	 *
	 * @var Site_Http
	 */
	private $http;

	/**
	 * REST nonce of that session.
	 *
	 * @var string
	 */
	private $nonce;

	/** Logs in as the site's administrator. */
	protected function setUp(): void {
		parent::setUp();
		$this->http  = $this->site_http();
		$this->nonce = $this->http->login( BATCHKEYS_TEST_SITE['admin_user'], BATCHKEYS_TEST_SITE['admin_password'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{10}$/', $this->nonce );
	}

	/** Leaves the served site without a key. */
	protected function tearDown(): void {
		$this->send( 'DELETE', self::license_route() );
		parent::tearDown();
	}

	/**
	 * Leaves the served site as it was found: no throttle row, so whatever runs next there (the
	 * Playwright suite) is not told to wait 10 seconds.
	 */
	public static function tearDownAfterClass(): void {
		self::clear_throttle();
		parent::tearDownAfterClass();
	}

	/** Removes the served site's throttle rows (its own database, outside the test's transaction). */
	private static function clear_throttle() {
		$site = BATCHKEYS_TEST_SITE;
		$sql  = "DELETE FROM wp_options WHERE option_name LIKE 'batchkeys_throttle_%' OR option_name = 'batchkeys_site_throttle'";
		if ( 'sqlite' === $site['db'] ) {
			$pdo = new \PDO( 'sqlite:' . $site['site_dir'] . '/db/wp.sqlite' );
			$pdo->setAttribute( \PDO::ATTR_TIMEOUT, 10 );
			$pdo->exec( $sql );
		} else {
			$mysqli = mysqli_connect( 'localhost', 'root', '', 'bk_' . str_replace( '-', '_', $site['name'] ), 0, $site['mysql_socket'] );
			mysqli_query( $mysqli, $sql );
			mysqli_close( $mysqli );
		}
	}

	/**
	 * A REST request on the served site with the session's cookie and nonce; kept for the secret check.
	 *
	 * @param string      $method Method.
	 * @param string      $route  Route.
	 * @param array|null  $json   JSON body.
	 * @param string|null $nonce  Nonce ('' for none; null for the session's).
	 * @return array
	 */
	private function send( $method, $route, $json = null, $nonce = null ) {
		$options = array( 'headers' => array() );
		$nonce   = null === $nonce ? $this->nonce : $nonce;
		if ( '' !== $nonce ) {
			$options['headers'][] = 'X-WP-Nonce: ' . $nonce;
		}
		if ( null !== $json ) {
			$options['json'] = $json;
		}
		$answer       = $this->http->request( $method, '/wp-json' . $route, $options );
		$this->seen[] = wp_json_encode( $answer );
		return $answer;
	}

	/** Cookie without a nonce: WordPress treats it as anonymous (401); a wrong nonce: 403. */
	public function test_cookie_requests_need_the_nonce() {
		$ok = $this->send( 'GET', self::license_route() );
		$this->assertSame( 200, $ok['status'], $ok['body'] );
		$this->assertSame( 'batchkeys-demo', $ok['json']['product'] );

		$none = $this->send( 'GET', self::license_route(), null, '' );
		$this->assertSame( 401, $none['status'] );
		$this->assertSame( 'rest_not_logged_in', $none['json']['code'] );

		$wrong = $this->send( 'GET', self::license_route(), null, 'abcdef0123' );
		$this->assertSame( 403, $wrong['status'] );
		$this->assertSame( 'rest_cookie_invalid_nonce', $wrong['json']['code'] );
		$this->assertArrayHasKey( 'hint', $wrong['json']['data'] );
		$this->assertNull( $wrong['json']['data']['license'] );

		$post = $this->send( 'POST', self::license_route(), array( 'key' => self::GOOD ), 'abcdef0123' );
		$this->assertSame( 403, $post['status'] );
		$delete = $this->send( 'DELETE', self::license_route(), null, '' );
		$this->assertSame( 401, $delete['status'] );
		$this->assertSame( array(), $this->mock->log(), 'no call without a valid nonce' );

		$anonymous = ( new Site_Http( BATCHKEYS_TEST_SITE['url'] ) )->request( 'GET', '/wp-json/batchkeys/v1/products' );
		$this->assertSame( 401, $anonymous['status'] );
	}

	/**
	 * 20 activations at once: the burst lets 3 through, the lock one call at a time; every call
	 * ends in a 200, every other request in a 429, one consistent state.
	 */
	public function test_twenty_concurrent_activations_end_in_one_state() {
		self::clear_throttle();
		$answers  = $this->http->concurrent(
			20,
			'POST',
			'/wp-json' . self::license_route(),
			array(
				'headers' => array( 'X-WP-Nonce: ' . $this->nonce ),
				'json'    => array( 'key' => self::GOOD ),
			)
		);
		$statuses = array();
		foreach ( $answers as $answer ) {
			$this->seen[] = wp_json_encode( $answer );
			$statuses[]   = $answer['status'];
			if ( 429 === $answer['status'] ) {
				$this->assertSame( 'throttled', $answer['json']['code'] );
				$this->assertGreaterThanOrEqual( 1, (int) $answer['headers']['retry-after'] );
				// The burst or the lock (10 s at most, counted from when the request began,
				// which may be a second before the holder's), never a fixed 60.
				$this->assertLessThanOrEqual( 11, (int) $answer['headers']['retry-after'] );
				$this->assertContains( $answer['json']['data']['license']['state'], array( 'inactive', 'active' ) );
			}
		}
		$counts = array_count_values( $statuses );
		ksort( $counts );
		$this->assertSame( array( 200, 429 ), array_keys( $counts ) );
		$this->assertGreaterThanOrEqual( 1, $counts[200] );
		$this->assertLessThanOrEqual( 3, $counts[200], 'at most the burst' );
		$this->assertCount( $counts[200], $this->mock->log(), 'one call per 200' );

		$view = $this->send( 'GET', self::license_route() )['json'];
		$this->assertSame( 'active', $view['state'] );
		$this->assertSame( 'valid', $view['code'] );
		$this->assertSame( '•••••••-•••••••-•••••••-•••••••-•••CCCC', $view['key'] );

		// Over the wire: a 429 carries Retry-After; core's schema errors get the kit's shape; no
		// answer carries the secret or its name (checked for every answer in tearDown()).
		$check = $this->send( 'POST', self::check_route() );
		$this->assertSame( 429, $check['status'] );
		$this->assertArrayHasKey( 'retry-after', $check['headers'] );
		$bad = $this->send( 'POST', self::license_route(), array( 'key' => array( 'x' ) ) );
		$this->assertSame( 400, $bad['status'] );
		$this->assertSame( 'rest_invalid_param', $bad['json']['code'] );
		$this->assertSame( 'active', $bad['json']['data']['license']['state'] );
		$list = $this->send( 'GET', '/batchkeys/v1/products' );
		$this->assertSame( 200, $list['status'] );
		$this->assertStringNotContainsString( 'BATCHKEYS_DEMO_AUTH', $list['body'], 'not even the secret\'s name' );
		$this->send( 'GET', '/batchkeys/v1' );
		$this->assertCount( $counts[200], $this->mock->log(), 'nothing after the burst called' );
	}

	/**
	 * The served site logs its calls with the secret as ****, and never the secret itself.
	 *
	 * @depends test_twenty_concurrent_activations_end_in_one_state
	 */
	public function test_debug_log_masks_the_secret() {
		$log = (string) file_get_contents( BATCHKEYS_TEST_SITE['debug_log'] );
		$this->assertStringContainsString( 'auth: ****', $log );
		$this->assertStringNotContainsString( self::secret(), $log );
		$this->assertStringNotContainsString( self::GOOD, $log, 'the key is logged masked' );
	}
}
