<?php
/**
 * Shared helpers for the license core's tests.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\Product\Product;

/**
 * The seeded keys of the mock (test/mock-api/seed.ts), temporary products, and the check that the
 * vendor's secret never shows in what the REST API sends.
 */
abstract class Kit_Test_Case extends Test_Case {

	const GOOD        = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';
	const GOOD2       = 'DEMO002-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';
	const LOCKED      = 'DEMO003-LOCKED0-AAAAAAA-BBBBBBB-CCCCCCC';
	const TOKENS      = 'DEMO004-TOKENS0-AAAAAAA-BBBBBBB-CCCCCCC';
	const DEACTIVATED = 'DEMO005-INACTIV-AAAAAAA-BBBBBBB-CCCCCCC';
	const DELETED     = 'DEMO006-DELETED-AAAAAAA-BBBBBBB-CCCCCCC';
	const DEMO        = 'batchkeys-demo';

	/**
	 * The mock's "too fast" ERROR text, as BatchKeys documents it (U+2019 apostrophe).
	 */
	const TOO_FAST = "You\u{2019}re sending keys too fast. Please try again later.";

	/**
	 * Products registered by the running test, removed after it.
	 *
	 * @var string[]
	 */
	private $temporary_products = array();

	/**
	 * Every REST answer the test saw, for the secret check.
	 *
	 * @var string[]
	 */
	protected $seen = array();

	/** Mock without rate limit, a fixed daily slot. */
	protected function setUp(): void {
		parent::setUp();
		$this->mock->rate_limit( 0 );
		update_option( 'batchkeys_daily_slot', 3 * HOUR_IN_SECONDS, false );
		$this->add_test_filter( 'doing_it_wrong_trigger_error', '__return_false' );
	}

	/** Removes temporary products; checks that no answer carried the secret. */
	protected function tearDown(): void {
		foreach ( $this->temporary_products as $slug ) {
			$this->kit()->registry()->remove( $slug );
		}
		$this->temporary_products = array();
		$secret                   = self::secret();
		foreach ( $this->seen as $text ) {
			$this->assertStringNotContainsString( $secret, $text, 'The vendor secret appeared in a REST answer.' );
		}
		$this->seen = array();
		parent::tearDown();
	}

	/** After each class of the kit's tests: the secret has never reached the site's debug.log. */
	public static function tearDownAfterClass(): void {
		$log = BATCHKEYS_TEST_SITE['debug_log'];
		if ( is_readable( $log ) ) {
			\PHPUnit\Framework\Assert::assertStringNotContainsString( self::secret(), (string) file_get_contents( $log ), 'the vendor secret is in debug.log' );
		}
		parent::tearDownAfterClass();
	}

	/**
	 * The demo product's secret, as the site's wp-config defines it.
	 *
	 * @return string
	 */
	protected static function secret() {
		return (string) constant( 'BATCHKEYS_DEMO_AUTH' );
	}

	/**
	 * The booted kit.
	 *
	 * @return Kit
	 */
	protected function kit() {
		$kit = Kit::instance();
		$this->assertNotNull( $kit, 'the kit has booted' );
		return $kit;
	}

	/**
	 * A registered product.
	 *
	 * @param string $slug Slug.
	 * @return Product
	 */
	protected function product( $slug = self::DEMO ) {
		$product = $this->kit()->registry()->get( $slug );
		$this->assertNotNull( $product, "product $slug is registered" );
		return $product;
	}

	/**
	 * Registers a product for this test only (the demo secret by default).
	 *
	 * @param string $slug Slug.
	 * @param array  $args Arguments.
	 * @return Product
	 */
	protected function temporary_product( $slug, array $args = array() ) {
		$args = $args + array(
			'name' => 'Test ' . $slug,
			'auth' => 'BATCHKEYS_DEMO_AUTH',
		);
		$this->assertTrue( batchkeys_register_product( $slug, $args ) );
		$this->temporary_products[] = $slug;
		return $this->product( $slug );
	}

	/**
	 * A REST call as the current user; the answer is kept for the secret check.
	 *
	 * @param string $method  Method.
	 * @param string $route   Route.
	 * @param array  $params  Params.
	 * @param array  $headers Headers.
	 * @return \WP_REST_Response
	 */
	protected function call( $method, $route, array $params = array(), array $headers = array() ) {
		$response     = $this->rest( $method, $route, $params, $headers );
		$server       = rest_get_server();
		$data         = $server->response_to_data( $response, false );
		$this->seen[] = (string) wp_json_encode( $data ) . (string) wp_json_encode( $response->get_headers() );
		return $response;
	}

	/**
	 * Route of a product's license.
	 *
	 * @param string $slug Slug.
	 * @return string
	 */
	protected static function license_route( $slug = self::DEMO ) {
		return '/batchkeys/v1/products/' . $slug . '/license';
	}

	/**
	 * Route of a product's check.
	 *
	 * @param string $slug Slug.
	 * @return string
	 */
	protected static function check_route( $slug = self::DEMO ) {
		return '/batchkeys/v1/products/' . $slug . '/check';
	}

	/**
	 * Activates a key through REST as an administrator (logs one in when nobody is).
	 *
	 * @param string $key  Key.
	 * @param string $slug Product.
	 * @return \WP_REST_Response
	 */
	protected function activate( $key, $slug = self::DEMO ) {
		if ( ! is_user_logged_in() ) {
			$this->as_user( 'administrator' );
		}
		return $this->call( 'POST', self::license_route( $slug ), array( 'key' => $key ) );
	}

	/**
	 * The stored record of a product, as stored.
	 *
	 * @param string $slug Product.
	 * @return mixed
	 */
	protected function stored( $slug = self::DEMO ) {
		wp_cache_delete( 'batchkeys_license_' . $slug, 'options' );
		return get_option( 'batchkeys_license_' . $slug, null );
	}

	/**
	 * Lets the next activation or check through the 10-second throttle (moves the clock on).
	 *
	 * @param int $seconds Seconds to move.
	 */
	protected function later( $seconds = 11 ) {
		$now = \BatchKeys\Kit\Clock::now();
		$this->set_now( $now + $seconds );
	}

	/**
	 * BatchKeys answers "too fast" (its rate limit): to every call until the mock is reset, or to
	 * the next $times calls.
	 *
	 * @param int|null $times How many calls; null for all.
	 */
	protected function answer_too_fast( $times = null ) {
		$fault = array(
			'mode'  => 'error',
			'error' => self::TOO_FAST,
		);
		if ( null !== $times ) {
			$fault['times'] = $times;
		}
		$this->mock->fault( $fault );
	}

	/**
	 * Asserts an error answer of the kit's shape.
	 *
	 * @param \WP_REST_Response $response Response.
	 * @param string            $code     Kit code.
	 * @param int               $status   HTTP status.
	 * @param string            $scope    Whose license: 'site', or 'network' (its words).
	 */
	protected function assertKitError( $response, $code, $status, $scope = 'site' ) {
		$data = $response->get_data();
		$this->assertSame( $status, $response->get_status(), 'status for ' . $code . ': ' . wp_json_encode( $data ) );
		$this->assertSame( $code, $data['code'] );
		$this->assertSame( \BatchKeys\Kit\Messages\Messages::message( $code, $scope ), $data['message'] );
		$this->assertSame( $status, $data['data']['status'] );
		$this->assertSame( \BatchKeys\Kit\Messages\Messages::hint( $code, $scope ), $data['data']['hint'] );
		$this->assertArrayHasKey( 'license', $data['data'] );
	}
}
