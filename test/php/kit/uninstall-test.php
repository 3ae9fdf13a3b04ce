<?php
/**
 * The clean-up functions of kit/uninstall.php and the plugin's uninstall.php, on the served
 * site: its plugin folder holds the example plugin and its theme folder the example theme, both
 * installed and inactive, each bundling its own copy of the kit.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Kit;

use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Uninstalling one product never removes another product's license. */
final class Uninstall_Test extends Kit_Test_Case {

	/**
	 * Temporary folders made by a test, removed after it.
	 *
	 * @var string[]
	 */
	private $temporary = array();

	/**
	 * The loader's registry, restored after each test.
	 *
	 * @var array
	 */
	private $saved_registry;

	/** Loads the functions; saves the loader's registry. */
	protected function setUp(): void {
		parent::setUp();
		require_once $this->kit()->path() . '/uninstall.php';
		$this->saved_registry = $GLOBALS['batchkeys_kit'];
	}

	/** Removes temporary folders; restores the registry. */
	protected function tearDown(): void {
		foreach ( $this->temporary as $dir ) {
			self::remove_tree( $dir );
		}
		$this->temporary          = array();
		$GLOBALS['batchkeys_kit'] = $this->saved_registry;
		parent::tearDown();
	}

	/** One product's uninstall removes its own rows and nothing of another product. */
	public function test_uninstalling_a_product_removes_its_rows_only() {
		foreach ( array( 'batchkeys_license_a', 'batchkeys_throttle_a', 'batchkeys_lock_a', 'batchkeys_cron_lock_a', 'batchkeys_license_b', 'batchkeys_throttle_b', 'batchkeys_rate_limited_until', 'batchkeys_daily_slot' ) as $name ) {
			update_option( $name, 'x', false );
		}
		batchkeys_kit_uninstall_product( 'a' );
		wp_cache_flush();
		foreach ( array( 'batchkeys_license_a', 'batchkeys_throttle_a', 'batchkeys_lock_a', 'batchkeys_cron_lock_a' ) as $name ) {
			$this->assertFalse( get_option( $name ), $name );
		}
		foreach ( array( 'batchkeys_license_b', 'batchkeys_throttle_b', 'batchkeys_rate_limited_until', 'batchkeys_daily_slot' ) as $name ) {
			$this->assertSame( 'x', get_option( $name ), $name );
		}
	}

	/**
	 * The repro: the BatchKeys plugin's copy is not loaded (as after "deactivate"), the example
	 * plugin and theme are installed but inactive (never loaded): their copies still count, so
	 * the shared rows and every other license stay.
	 */
	public function test_installed_but_inactive_copies_keep_the_shared_data() {
		$GLOBALS['batchkeys_kit']['copies'] = array();
		update_option( 'batchkeys_license_acme-seo', array( 'key' => self::GOOD ), false );
		update_option( 'batchkeys_license_acme-theme', array( 'key' => self::GOOD ), false );
		update_option( 'batchkeys_rate_limited_until', 5, false );
		wp_schedule_event( time() + 60, 'daily', 'batchkeys_recheck' );

		$installed = batchkeys_kit_installed_copies( $this->kit()->path() );
		$this->assertContains( self::real( WP_PLUGIN_DIR . '/batchkeys-example-plugin/kit' ), $installed );
		$this->assertContains( self::real( get_theme_root() . '/batchkeys-example-theme/kit' ), $installed );
		$this->assertNotContains( self::real( $this->kit()->path() ), $installed, 'the uninstalling copy does not count' );

		$this->assertFalse( batchkeys_kit_uninstall_shared( $this->kit()->path() ), 'installed copies still use the data' );
		wp_cache_flush();
		$this->assertSame( array( 'key' => self::GOOD ), get_option( 'batchkeys_license_acme-seo' ) );
		$this->assertSame( array( 'key' => self::GOOD ), get_option( 'batchkeys_license_acme-theme' ) );
		$this->assertSame( 5, (int) get_option( 'batchkeys_rate_limited_until' ) );
		$this->assertNotFalse( wp_next_scheduled( 'batchkeys_recheck' ) );
	}

	/**
	 * The plugin's uninstall.php, as Plugins > Delete runs it with the plugin deactivated:
	 * the demo's rows go, the example products' licenses and the shared rows stay.
	 */
	public function test_plugin_uninstall_file_keeps_other_products() {
		$GLOBALS['batchkeys_kit']['copies'] = array();
		update_option( 'batchkeys_license_batchkeys-demo', array( 'key' => self::GOOD ), false );
		update_option( 'batchkeys_throttle_batchkeys-demo', '5', false );
		update_option( 'batchkeys_license_acme-seo', array( 'key' => self::GOOD ), false );
		update_option( 'batchkeys_daily_slot', 100, false );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'batchkeys/batchkeys.php' );
		}
		include dirname( __DIR__, 3 ) . '/plugin/uninstall.php';
		wp_cache_flush();
		$this->assertFalse( get_option( 'batchkeys_license_batchkeys-demo' ) );
		$this->assertFalse( get_option( 'batchkeys_throttle_batchkeys-demo' ) );
		$this->assertSame( array( 'key' => self::GOOD ), get_option( 'batchkeys_license_acme-seo' ) );
		$this->assertSame( 100, (int) get_option( 'batchkeys_daily_slot' ) );
	}

	/**
	 * The search: a copy anywhere 4 levels inside a plugin or theme folder counts, one whose
	 * load.php is not the kit's does not, the uninstalling copy never does.
	 */
	public function test_the_search_finds_bundled_copies() {
		$root = $this->temporary_dir();
		self::fake_copy( $root . '/plugins/one/kit' );
		self::fake_copy( $root . '/plugins/two/vendor/acme/batchkeys-kit' );
		self::fake_copy( $root . '/themes/three/inc/lib/kit' );
		self::fake_copy( $root . '/plugins/own/kit' );
		wp_mkdir_p( $root . '/plugins/other/kit' );
		file_put_contents( $root . '/plugins/other/kit/load.php', "<?php // another library\n" );
		file_put_contents( $root . '/plugins/other/kit/boot.php', "<?php\n" );
		file_put_contents( $root . '/plugins/other/kit/version.php', "<?php return '1';\n" );
		self::fake_copy( $root . '/plugins/deep/a/b/c/d/kit' );

		$found = batchkeys_kit_installed_copies( $root . '/plugins/own/kit', array( $root . '/plugins', $root . '/themes' ) );
		sort( $found );
		$this->assertSame(
			array(
				self::real( $root . '/plugins/one/kit' ),
				self::real( $root . '/plugins/two/vendor/acme/batchkeys-kit' ),
				self::real( $root . '/themes/three/inc/lib/kit' ),
			),
			$found
		);
		$this->assertSame( array(), batchkeys_kit_installed_copies( $root . '/plugins/own/kit', array( $root . '/plugins/own', $root . '/nowhere' ) ) );
	}

	/** With no other copy anywhere, everything goes: options, transients, user meta, the event. */
	public function test_uninstall_all_removes_every_row() {
		foreach ( array( 'batchkeys_license_a', 'batchkeys_lock_a', 'batchkeys_rate_limited_until', 'batchkeys_daily_slot' ) as $name ) {
			update_option( $name, 'x', false );
		}
		update_option( 'batchkeys_autoloaded_probe', 'x', true );
		set_transient( 'batchkeys_probe', 'x', 60 );
		wp_schedule_event( time() + 60, 'daily', 'batchkeys_recheck' );
		update_user_meta( 1, 'batchkeys_dismissed_a', 'grace:1' );

		batchkeys_kit_uninstall_all();

		global $wpdb;
		$this->assertSame( array(), $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%batchkeys\\_%'" ) );
		$this->assertFalse( get_option( 'batchkeys_license_a' ), 'the options cache forgot the row' );
		$this->assertFalse( get_option( 'batchkeys_autoloaded_probe' ), 'alloptions forgot the autoloaded row' );
		$this->assertFalse( get_transient( 'batchkeys_probe' ) );
		$this->assertSame( '', get_user_meta( 1, 'batchkeys_dismissed_a', true ) );
		$this->assertFalse( wp_next_scheduled( 'batchkeys_recheck' ) );
	}

	/** Uninstall deletes its own cache entries only: another plugin's cached data survives. */
	public function test_uninstall_keeps_other_cache_entries() {
		wp_cache_set( 'probe', 'kept', 'another-plugin' );
		update_option( 'batchkeys_license_a', 'x', false );
		batchkeys_kit_uninstall_product( 'a' );
		batchkeys_kit_uninstall_all();
		$this->assertSame( 'kept', wp_cache_get( 'probe', 'another-plugin' ) );
	}

	/**
	 * A temporary folder, removed after the test.
	 *
	 * @return string
	 */
	private function temporary_dir() {
		$dir = get_temp_dir() . 'batchkeys-uninstall-' . wp_generate_password( 8, false );
		wp_mkdir_p( $dir );
		$this->temporary[] = $dir;
		return $dir;
	}

	/**
	 * Writes the files that make a folder a copy of the kit.
	 *
	 * @param string $dir Folder.
	 */
	private static function fake_copy( $dir ) {
		wp_mkdir_p( $dir );
		file_put_contents( $dir . '/load.php', "<?php\nfunction_exists( 'batchkeys_kit_elect' );\n" );
		file_put_contents( $dir . '/boot.php', "<?php\n" );
		file_put_contents( $dir . '/version.php', "<?php return '0.0.1';\n" );
	}

	/**
	 * A folder's resolved, normalised path.
	 *
	 * @param string $dir Folder.
	 * @return string
	 */
	private static function real( $dir ) {
		return wp_normalize_path( (string) realpath( $dir ) );
	}

	/**
	 * Removes a folder and everything in it.
	 *
	 * @param string $dir Folder.
	 */
	private static function remove_tree( $dir ) {
		if ( ! is_dir( $dir ) || is_link( $dir ) ) {
			return;
		}
		foreach ( (array) scandir( $dir ) as $entry ) {
			if ( '.' === $entry || '..' === $entry ) {
				continue;
			}
			$path = $dir . '/' . $entry;
			if ( is_dir( $path ) && ! is_link( $path ) ) {
				self::remove_tree( $path );
			} else {
				unlink( $path );
			}
		}
		rmdir( $dir );
	}
}
