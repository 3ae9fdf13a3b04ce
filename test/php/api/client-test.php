<?php
/**
 * Api\Client: the request of docs/upstream-contract.md (headers, method, HTTPS, timeouts, URL
 * only from PHP, logging).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Api;

use BatchKeys\Kit\Api\Client;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** The HTTP client. */
final class Client_Test extends Kit_Test_Case {

	/**
	 * Captures the arguments of the kit's outbound requests.
	 *
	 * @return \ArrayObject List of [url, args].
	 */
	private function capture_requests() {
		/**
		 * The requests WordPress made: URL and arguments.
		 *
		 * @var \ArrayObject<int, mixed> $seen
		 */
		$seen = new \ArrayObject();
		$this->add_test_filter(
			'http_request_args',
			static function ( $args, $url ) use ( $seen ) {
				$seen[] = array( $url, $args );
				return $args;
			},
			10,
			2
		);
		return $seen;
	}

	/** HTTPS always; plain HTTP only to loopback hosts or on a local site. */
	public function test_https_is_required_except_loopback_or_local() {
		$this->assertTrue( Client::is_allowed_url( 'https://batchkeys.com/api.php', 'production' ) );
		$this->assertTrue( Client::is_allowed_url( 'HTTPS://batchkeys.com/api.php', 'production' ) );
		foreach ( array( 'http://127.0.0.1:8790/api.php', 'http://127.9.8.7/api.php', 'http://localhost/api.php', 'http://[::1]:80/api.php', 'http://LOCALHOST/x' ) as $url ) {
			$this->assertTrue( Client::is_allowed_url( $url, 'production' ), $url );
		}
		foreach ( array( 'http://batchkeys.com/api.php', 'http://128.0.0.1/api.php', 'http://127.0.0.1.evil.example/api.php', 'http://localhost.evil.example/', 'ftp://batchkeys.com/api.php', 'batchkeys.com/api.php', '', 'http://127.0.0.300/' ) as $url ) {
			$this->assertFalse( Client::is_allowed_url( $url, 'production' ), $url );
		}
		$this->assertTrue( Client::is_allowed_url( 'http://host.docker.internal:8790/api.php', 'local' ), 'wp-env reaching the mock on the host' );
		$this->assertFalse( Client::is_allowed_url( 'ftp://host/api.php', 'local' ) );
	}

	/**
	 * On a `local` site plain http also reaches local networks (private ranges, .internal, .test,
	 * .localhost), and nothing else; elsewhere only loopback.
	 */
	public function test_plain_http_on_local_sites_reaches_local_networks_only() {
		$local = array( 'http://10.0.0.5/api.php', 'http://172.17.0.1:8790/api.php', 'http://192.168.1.20/api.php', 'http://169.254.1.1/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://mock.internal/api.php', 'http://host.docker.internal:8790/api.php', 'http://batchkeys.test/api.php', 'http://mock.localhost:8080/api.php' );
		foreach ( $local as $url ) {
			$this->assertTrue( Client::is_allowed_url( $url, 'local' ), $url );
			$this->assertFalse( Client::is_allowed_url( $url, 'production' ), "$url on production" );
			$this->assertFalse( Client::is_allowed_url( $url, 'development' ), "$url on development" );
		}
		$public = array( 'http://batchkeys.com/api.php', 'http://8.8.8.8/api.php', 'http://172.32.0.1/', 'http://[2001:db8::1]/', 'http://internal.example.com/', 'http://example.test.evil.com/', 'http://mytest/', 'http://x.internal.example/' );
		foreach ( $public as $url ) {
			$this->assertFalse( Client::is_allowed_url( $url, 'local' ), $url );
		}
	}

	/**
	 * A refused URL means no call at all (insecure_api_url), and the stored license does not
	 * change: plain http to a public host on this `local` site, or any other scheme.
	 */
	public function test_a_refused_url_makes_no_call() {
		$this->as_user( 'administrator' );
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$before = $this->stored();
		$calls  = count( $this->mock->log() );
		foreach ( array( 'ftp://batchkeys.example/api.php', 'http://batchkeys.com/api.php', 'http://203.0.113.9/api.php' ) as $url ) {
			$this->add_test_filter(
				'batchkeys_api_url',
				static function () use ( $url ) {
					return $url;
				}
			);
			$answer = ( new Client( 'test' ) )->request( $this->product(), self::GOOD );
			$this->assertSame( 'insecure_api_url', $answer->code, $url );
			$this->later();
			$this->assertKitError( $this->call( 'POST', self::check_route() ), 'insecure_api_url', 503 );
		}
		$this->assertCount( $calls, $this->mock->log(), 'nothing was sent' );
		$this->assertSame( $before, $this->stored(), 'the record did not change' );
	}

	/** The URL comes from the constant, and per product from the batchkeys_api_url filter. */
	public function test_api_url_from_constant_and_filter() {
		$this->assertSame( BATCHKEYS_API_URL, Client::api_url( $this->product() ) );
		$other = $this->temporary_product( 'elsewhere' );
		$this->add_test_filter(
			'batchkeys_api_url',
			static function ( $url, $slug ) {
				return 'elsewhere' === $slug ? 'https://licenses.example/api.php' : $url;
			},
			10,
			2
		);
		$this->assertSame( 'https://licenses.example/api.php', Client::api_url( $other ) );
		$this->assertSame( BATCHKEYS_API_URL, Client::api_url( $this->product() ) );
	}

	/** GET with the documented headers, 5 s for a person, 15 s in the background, no redirects. */
	public function test_request_shape_and_timeouts() {
		$seen   = $this->capture_requests();
		$client = new Client( 'test' );
		$this->assertSame( 'valid', $client->request( $this->product(), self::GOOD, array( 'active' => 1 ), 'interactive' )->code );
		$this->assertSame( 'valid', $client->request( $this->product(), self::GOOD, array(), 'background' )->code );
		$this->assertCount( 2, $seen );
		list( $url, $args ) = $seen[0];
		$this->assertSame( BATCHKEYS_API_URL, $url );
		$this->assertSame( 'GET', $args['method'] );
		$this->assertEquals( 5, $args['timeout'] );
		$this->assertSame( 0, $args['redirection'] );
		$this->assertTrue( $args['sslverify'] );
		$this->assertSame( array( 'auth', 'key', 'domain', 'active' ), array_keys( $args['headers'] ) );
		$this->assertEquals( 15, $seen[1][1]['timeout'] );
		$this->assertSame( array( 'auth', 'key', 'domain' ), array_keys( $seen[1][1]['headers'] ) );
		$this->assertArrayNotHasKey( 'body', array_filter( $args ) );
		$this->assertStringNotContainsString( self::GOOD, $url, 'nothing in the query string' );
	}

	/** The method is a setting (GET by default). */
	public function test_method_is_a_setting() {
		$this->add_test_filter(
			'batchkeys_api_method',
			static function () {
				return 'post';
			}
		);
		( new Client( 'test' ) )->request( $this->product(), self::GOOD );
		$this->assertSame( 'POST', $this->mock->log()[0]['method'] );
		$this->add_test_filter(
			'batchkeys_api_method',
			static function () {
				return 'DELETE';
			},
			20
		);
		$this->assertSame( 'GET', Client::method(), 'only GET or POST' );
	}

	/** The domain header is the bare lower-case host of the home option as the database holds it. */
	public function test_domain_is_the_bare_host_of_the_stored_home() {
		update_option( 'home', 'https://WWW.Example.COM:8443/shop/' );
		$this->assertSame( 'www.example.com', Client::domain() );
		( new Client( 'test' ) )->request( $this->product(), self::GOOD );
		$this->assertSame( 'www.example.com', $this->mock->log()[0]['headers']['domain'] );
	}

	/**
	 * Neither the request's Host nor a filtered home URL (WP_HOME built from HTTP_HOST, a
	 * domain-mapping plugin) changes the domain.
	 */
	public function test_a_forged_host_or_filtered_home_changes_nothing() {
		$host                 = $_SERVER['HTTP_HOST'];
		$_SERVER['HTTP_HOST'] = 'forged.example';
		$forged               = static function () {
			return 'http://' . $_SERVER['HTTP_HOST'];
		};
		$this->add_test_filter( 'option_home', $forged, 99 );
		$this->add_test_filter( 'home_url', $forged, 99 );
		try {
			$this->assertSame( 'http://forged.example', home_url() );
			$this->assertSame( '127.0.0.1', Client::domain() );
			( new Client( 'test' ) )->request( $this->product(), self::GOOD );
		} finally {
			$_SERVER['HTTP_HOST'] = $host;
		}
		$this->assertSame( '127.0.0.1', $this->mock->log()[0]['headers']['domain'] );
	}

	/** An explicit domain (the one a key was activated for) is sent as given. */
	public function test_an_explicit_domain_is_sent() {
		( new Client( 'test' ) )->request( $this->product(), self::GOOD, array(), 'interactive', 'old.example.com' );
		$this->assertSame( 'old.example.com', $this->mock->log()[0]['headers']['domain'] );
	}

	/** Without the secret, no call: not_configured. */
	public function test_no_secret_no_call() {
		$product = $this->temporary_product( 'no-secret', array( 'auth' => 'BATCHKEYS_TEST_UNDEFINED_' . wp_rand() ) );
		$this->assertSame( 'not_configured', ( new Client( 'test' ) )->request( $product, self::GOOD )->code );
		$this->assertSame( array(), $this->mock->log() );
	}

	/** The debug log shows auth: **** and the masked key, never the secret or the key. */
	public function test_log_masks_the_secret_and_the_key() {
		$file = (string) tempnam( sys_get_temp_dir(), 'batchkeys-log' );
		$old  = ini_set( 'error_log', $file );
		try {
			$this->add_test_filter( 'batchkeys_debug_log', '__return_true' );
			( new Client( 'test' ) )->request( $this->product(), self::GOOD, array( 'active' => 1 ) );
		} finally {
			ini_set( 'error_log', (string) $old );
		}
		$log = (string) file_get_contents( $file );
		unlink( $file );
		$this->assertStringContainsString( 'auth: ****', $log );
		$this->assertStringContainsString( 'key: •••••••-•••••••-•••••••-•••••••-•••CCCC', $log );
		$this->assertStringContainsString( '-> valid (HTTP 200', $log );
		$this->assertStringNotContainsString( self::secret(), $log );
		$this->assertStringNotContainsString( self::GOOD, $log );
	}

	/** Nothing is logged when logging is off. */
	public function test_no_log_when_off() {
		$file = (string) tempnam( sys_get_temp_dir(), 'batchkeys-log' );
		$old  = ini_set( 'error_log', $file );
		try {
			$this->add_test_filter( 'batchkeys_debug_log', '__return_false' );
			( new Client( 'test' ) )->request( $this->product(), self::GOOD );
		} finally {
			ini_set( 'error_log', (string) $old );
		}
		$this->assertSame( '', (string) file_get_contents( $file ) );
		unlink( $file );
	}

	/** A background check through the service uses the 15 s timeout and no throttle. */
	public function test_background_check_through_the_service() {
		$this->as_user( 'administrator' );
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$seen    = $this->capture_requests();
		$service = $this->kit()->licenses();
		$first   = $service->check( $this->product(), 'background' );
		$second  = $service->check( $this->product(), 'background' );
		$this->assertSame( 'valid', $first->code );
		$this->assertSame( 'valid', $second->code, 'cron and WP-CLI are not throttled' );
		$this->assertEquals( 15, $seen[0][1]['timeout'] );
		// A person's checks: the burst (3, the activation counted) and then the throttle.
		$this->assertSame( 'valid', $service->check( $this->product(), 'interactive' )->code );
		$this->assertSame( 'valid', $service->check( $this->product(), 'interactive' )->code );
		$this->assertSame( 'throttled', $service->check( $this->product(), 'interactive' )->code );
	}
}
