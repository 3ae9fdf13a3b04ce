<?php
/**
 * The standalone plugin where no product uses the kit: its Plugins row and Tools > BatchKeys.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Admin;

use BatchKeys\Tests\Kit_Test_Case;

/** Useful from the zip alone, silent once a product registers. */
final class Authors_Test extends Kit_Test_Case {

	/**
	 * The plugin loads authors.php in wp-admin only, and it hooks the row on the Plugins screen
	 * only; the tests run outside both, so they load it as the Plugins screen would.
	 *
	 * @return void
	 */
	protected function setUp(): void {
		parent::setUp();
		$pagenow            = $GLOBALS['pagenow'];
		$GLOBALS['pagenow'] = 'plugins.php';
		require_once dirname( BATCHKEYS_PLUGIN_FILE ) . '/authors.php';
		$GLOBALS['pagenow'] = $pagenow;
	}

	/**
	 * Runs a test with no product registered, then puts the demo product back.
	 *
	 * @param callable $test The test.
	 * @return void
	 */
	private function without_products( callable $test ) {
		$registry = $this->kit()->registry();
		$slugs    = array_keys( $registry->all() );
		foreach ( $slugs as $slug ) {
			$registry->remove( $slug );
		}
		try {
			$test();
		} finally {
			batchkeys_register_product(
				'batchkeys-demo',
				array(
					'name' => 'BatchKeys Demo',
					'auth' => 'BATCHKEYS_DEMO_AUTH',
					'file' => BATCHKEYS_PLUGIN_FILE,
				)
			);
		}
	}

	/** No product: the row says so calmly and links to the authors' screen, which exists. */
	public function test_without_products_the_row_and_the_screen_explain() {
		$this->as_user( 'administrator' );
		$this->without_products(
			function () {
				$meta = apply_filters( 'plugin_row_meta', array(), plugin_basename( BATCHKEYS_PLUGIN_FILE ), array(), '' );
				$this->assertStringContainsString( 'No plugin or theme on this site uses BatchKeys yet', implode( ' ', $meta ) );
				$this->assertStringContainsString( 'tools.php?page=batchkeys-authors', implode( ' ', $meta ) );
				$this->assertSame( array(), apply_filters( 'plugin_row_meta', array(), 'other/other.php', array(), '' ), 'other rows untouched' );

				global $submenu;
				batchkeys_plugin_authors_menu();
				$this->assertContains( 'batchkeys-authors', wp_list_pluck( isset( $submenu['tools.php'] ) ? $submenu['tools.php'] : array(), 2 ) );
				ob_start();
				batchkeys_plugin_authors_page();
				$html = (string) ob_get_clean();
				$this->assertStringContainsString( 'Requires Plugins: batchkeys', $html );
				$this->assertStringContainsString( "require_once __DIR__ . '/kit/load.php';", $html );
			}
		);
	}

	/** With a product: nothing from this file (the product's own screen and row speak). */
	public function test_with_a_product_it_says_nothing() {
		$this->as_user( 'administrator' );
		$this->assertNotSame( array(), $this->kit()->registry()->all() );
		$meta = implode( ' ', apply_filters( 'plugin_row_meta', array(), plugin_basename( BATCHKEYS_PLUGIN_FILE ), array(), '' ) );
		$this->assertStringNotContainsString( 'batchkeys-authors', $meta );
		$this->assertStringNotContainsString( 'uses BatchKeys yet', $meta );
	}

	/** Someone who cannot manage plugins gets no line. */
	public function test_not_for_people_who_cannot_manage_plugins() {
		$this->as_user( 'editor' );
		$this->without_products(
			function () {
				$this->assertSame( array(), apply_filters( 'plugin_row_meta', array(), plugin_basename( BATCHKEYS_PLUGIN_FILE ), array(), '' ) );
			}
		);
	}
}
