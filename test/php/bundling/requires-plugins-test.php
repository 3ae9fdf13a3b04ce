<?php
/**
 * A product that depends on the BatchKeys plugin (`Requires Plugins: batchkeys`, WordPress 6.5+)
 * instead of bundling the kit: test/fixtures/plugins/batchkeys-requires-example.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Bundling;

use BatchKeys\Tests\Test_Case;

/** WordPress's plugin dependencies, with the dependency present and missing. */
final class Requires_Plugins_Test extends Test_Case {

	const FIXTURE = 'batchkeys-requires-example/batchkeys-requires-example.php';

	/** The plugin files of the site (the fixture is mounted by tools/site.sh). */
	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		if ( ! class_exists( 'WP_Plugin_Dependencies' ) ) {
			$this->markTestSkipped( 'WordPress before 6.5 has no plugin dependencies.' );
		}
		$this->assertArrayHasKey( self::FIXTURE, get_plugins(), 'the fixture is mounted' );
	}

	/** WordPress reads the header and finds the dependency installed and active. */
	public function test_the_dependency_is_read_and_met() {
		$data = get_plugin_data( WP_PLUGIN_DIR . '/' . self::FIXTURE, false, false );
		$this->assertSame( 'batchkeys', $data['RequiresPlugins'] );
		\WP_Plugin_Dependencies::initialize();
		$this->assertSame( array( 'batchkeys' ), \WP_Plugin_Dependencies::get_dependencies( self::FIXTURE ) );
		$this->assertTrue( is_plugin_active( plugin_basename( BATCHKEYS_PLUGIN_FILE ) ) );
		$this->assertFalse( \WP_Plugin_Dependencies::has_unmet_dependencies( self::FIXTURE ) );
	}

	/** Without the BatchKeys plugin active, WordPress refuses to activate the product. */
	public function test_a_missing_dependency_blocks_activation() {
		$without = static function ( $plugins ) {
			return array_values( array_diff( (array) $plugins, array( plugin_basename( BATCHKEYS_PLUGIN_FILE ) ) ) );
		};
		add_filter( 'option_active_plugins', $without );
		try {
			\WP_Plugin_Dependencies::initialize();
			$this->assertTrue( \WP_Plugin_Dependencies::has_unmet_dependencies( self::FIXTURE ) );
			$result = activate_plugin( self::FIXTURE );
			$this->assertInstanceOf( \WP_Error::class, $result );
			$this->assertSame( 'plugin_missing_dependencies', $result->get_error_code() );
			$this->assertFalse( is_plugin_active( self::FIXTURE ) );
		} finally {
			remove_filter( 'option_active_plugins', $without );
		}
	}
}
