<?php
/**
 * The built scripts travel inside the kit (kit/build/), so every copy serves its own: where
 * Admin\Assets finds them, and their URLs for a copy in a plugin or in a theme.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Bundling;

use BatchKeys\Kit\Admin\Assets;
use BatchKeys\Kit\Block\License_Block;
use BatchKeys\Kit\Kit;
use BatchKeys\Tests\Test_Case;

/** Admin\Assets and what the block registers from. */
final class Assets_Test extends Test_Case {

	/** The build is kit/build of the booted copy, and is there (npm run build). */
	public function test_the_build_is_inside_the_kit() {
		$kit = Kit::instance();
		$this->assertNotNull( $kit );
		$this->assertSame( wp_normalize_path( $kit->path() ) . '/build/admin/index.js', Assets::path( $kit, 'admin/index.js' ) );
		$this->assertSame( wp_normalize_path( $kit->path() ) . '/build', Assets::path( $kit ) );
		$this->assertFileExists( Assets::path( $kit, 'admin/index.asset.php' ), 'npm run build writes into plugin/kit/build' );
		$this->assertFileExists( Assets::path( $kit, 'block/block.json' ) );
		$asset = Assets::asset( $kit, 'admin/index' );
		$this->assertIsArray( $asset );
		$this->assertContains( 'wp-element', $asset['dependencies'] );
		$this->assertNull( Assets::asset( $kit, 'admin/nothing-here' ) );
		$this->assertSame( $kit->path() . '/languages', Assets::languages_path( $kit ) );
	}

	/** A copy in a plugin: URLs under the plugin's folder (symlinked into the site here). */
	public function test_urls_of_a_plugin_copy() {
		$kit = Kit::instance();
		$this->assertSame( content_url( '/plugins/batchkeys/kit/build/admin/index.js' ), Assets::url( $kit, 'admin/index.js' ) );
		$this->assertSame( content_url( '/plugins/batchkeys/kit/build' ), Assets::url( $kit ) );
		$this->assertSame( $kit->url( 'build/admin/index.css' ), Assets::url( $kit, '/admin/index.css' ) );

		// The block is registered from the same folder, so its scripts come from there too.
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( License_Block::NAME );
		$this->assertNotNull( $block );
		$handles = array(
			License_Block::register_script( $kit, 'editorScript', 'index', false ),
			License_Block::register_script( $kit, 'viewScript', 'view', true ),
		);
		$this->assertNotContains( '', $handles, 'both scripts are built' );
		foreach ( $handles as $handle ) {
			$script = wp_scripts()->query( $handle, 'registered' );
			$this->assertNotFalse( $script, $handle );
			$this->assertStringStartsWith( content_url( '/plugins/batchkeys/kit/build/block/' ), $script->src );
			$this->assertSame( Assets::languages_path( $kit ), $script->translations_path );
		}
	}

	/** A copy in the active theme (parent or child): URLs under the theme's. */
	public function test_urls_of_a_theme_copy() {
		$kit  = ( new \ReflectionClass( Kit::class ) )->newInstanceWithoutConstructor();
		$path = new \ReflectionProperty( Kit::class, 'path' );
		$path->setAccessible( true );
		$path->setValue( $kit, get_template_directory() . '/kit' );
		$this->assertSame( get_template_directory_uri() . '/kit/build/admin/index.js', Assets::url( $kit, 'admin/index.js' ) );
		$this->assertSame( wp_normalize_path( get_template_directory() ) . '/kit/build/block', Assets::path( $kit, 'block' ) );
		$path->setValue( $kit, get_stylesheet_directory() . '/inc/vendor/kit' );
		$this->assertSame( get_stylesheet_directory_uri() . '/inc/vendor/kit/build/admin/index.css', Assets::url( $kit, 'admin/index.css' ) );
	}
}
