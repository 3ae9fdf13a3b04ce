<?php
/**
 * Helpers for the tests of what people see: the license screen, the notices and the block.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Admin;

use BatchKeys\Kit\Admin\Assets;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\Product\Product;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Base class: every outbound HTTP request is counted; records are stored directly. */
abstract class Admin_Test_Case extends Kit_Test_Case {

	/**
	 * A constant that is never defined: the `auth` of a product that is not configured.
	 */
	const NO_SECRET = 'BATCHKEYS_TESTS_UNDEFINED_AUTH';

	/**
	 * URLs of the outbound HTTP requests made since setUp (through WordPress's HTTP API).
	 *
	 * @var string[]
	 */
	protected $http = array();

	/** Counts outbound requests (and lets them through). */
	protected function setUp(): void {
		parent::setUp();
		$this->http = array();
		$this->add_test_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				$this->http[] = (string) $url;
				return $pre;
			},
			1,
			3
		);
	}

	/** Leaves the admin screen a test set. */
	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	/**
	 * A built file the screen or the block uses (`npm run build`; npm test builds first).
	 *
	 * @param string $relative Path inside the build folder, e.g. admin/index.asset.php.
	 * @return string Absolute path.
	 */
	protected function built( $relative ) {
		$path = Assets::path( $this->kit(), $relative );
		$this->assertFileExists( $path, 'the scripts are not built: run `npx wp-scripts build` first' );
		return $path;
	}

	/**
	 * Stores a product's license record in one of the five states (docs/license-states.md), with the
	 * seeded good key.
	 *
	 * @param string $slug  Product slug.
	 * @param string $state inactive, active, grace, lapsed or invalid.
	 * @return void
	 */
	protected function put_state( $slug, $state ) {
		$now   = Clock::now();
		$day   = DAY_IN_SECONDS;
		$store = $this->kit()->licenses()->store();
		if ( 'inactive' === $state ) {
			$store->delete( $slug );
			return;
		}
		$fields = array(
			'key'          => self::GOOD,
			'state'        => 'lapsed' === $state ? 'grace' : $state,
			'code'         => 'active' === $state ? 'valid' : ( 'invalid' === $state ? 'invalid' : 'connection' ),
			'last_checked' => $now - HOUR_IN_SECONDS,
			'last_success' => 'active' === $state ? $now - HOUR_IN_SECONDS : $now - 9 * $day,
			'next_check'   => $now + $day,
			'activated_at' => $now - 30 * $day,
		);
		if ( 'grace' === $state ) {
			$fields['grace_until'] = $now + 3 * $day;
		} elseif ( 'lapsed' === $state ) {
			$fields['grace_until'] = $now - $day;
		}
		$store->put( $slug, Record::from_array( $fields ) );
		$this->assertSame( $state, $this->kit()->licenses()->view( $this->product( $slug ) )['state'] );
	}

	/**
	 * Registers a product for this test whose vendor secret is not set on the site.
	 *
	 * @param string $slug Slug.
	 * @param array  $args More arguments.
	 * @return Product
	 */
	protected function unconfigured_product( $slug, array $args = array() ) {
		$product = $this->temporary_product( $slug, array( 'auth' => self::NO_SECRET ) + $args );
		$this->assertFalse( $product->is_configured() );
		return $product;
	}

	/**
	 * Makes wp_die() throw a RuntimeException (its code: the HTTP status), for this test.
	 *
	 * @return void
	 */
	protected function expect_wp_die() {
		$this->add_test_filter(
			'wp_die_handler',
			static function () {
				return static function ( $message, $title = '', $args = array() ) {
					$status = is_array( $args ) && isset( $args['response'] ) ? (int) $args['response'] : 0;
					throw new \RuntimeException( 'wp_die: ' . ( is_string( $message ) ? $message : '' ), $status );
				};
			}
		);
	}

	/**
	 * What a callback prints.
	 *
	 * @param callable $callback Callback.
	 * @return string
	 */
	protected function output_of( callable $callback ) {
		ob_start();
		try {
			$callback();
		} finally {
			$output = (string) ob_get_clean();
		}
		return $output;
	}

	/**
	 * Asserts that a printed or sent text holds neither the vendor's secret nor a stored key (whole
	 * or by its last group).
	 *
	 * @param string $text Text.
	 * @return void
	 */
	protected function assertNoSecretNorKey( $text ) {
		$this->assertStringNotContainsString( self::secret(), $text, 'the vendor secret is in the output' );
		foreach ( array( self::GOOD, 'GOOD000', 'AAAAAAA', 'BBBBBBB', 'CCCCCCC' ) as $part ) {
			$this->assertStringNotContainsString( $part, $text, 'the stored key is in the output' );
		}
	}
}
