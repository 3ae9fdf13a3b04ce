<?php
/**
 * The license screen (Admin\Screen): where its menu entry goes and for whom, what it enqueues
 * and where, and what its root element hands to the script.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Admin;

use BatchKeys\Kit\Admin\Assets;
use BatchKeys\Kit\Admin\Screen;
use BatchKeys\Kit\Messages\Messages;

require_once __DIR__ . '/class-admin-test-case.php';

/** Admin\Screen. */
final class Screen_Test extends Admin_Test_Case {

	/**
	 * The admin menu globals, as they were before the test.
	 *
	 * @var array<string, mixed>
	 */
	private $saved_globals = array();

	/**
	 * Globals add_submenu_page() and the script queues write to.
	 */
	const GLOBALS = array( 'submenu', 'menu', '_wp_submenu_nopriv', '_registered_pages', '_parent_pages', 'admin_page_hooks', '_wp_real_parent_file', 'wp_scripts', 'wp_styles' );

	/** An empty admin menu with core's parents (as wp-admin/menu.php names them), fresh script queues. */
	protected function setUp(): void {
		parent::setUp();
		foreach ( self::GLOBALS as $name ) {
			$this->saved_globals[ $name ] = isset( $GLOBALS[ $name ] ) ? $GLOBALS[ $name ] : null;
			$GLOBALS[ $name ]             = array();
		}
		$GLOBALS['admin_page_hooks'] = array(
			'options-general.php' => 'settings',
			'themes.php'          => 'appearance',
			'tools.php'           => 'tools',
		);
		$GLOBALS['wp_scripts']       = null;
		$GLOBALS['wp_styles']        = null;
	}

	/** Puts the globals back. */
	protected function tearDown(): void {
		foreach ( $this->saved_globals as $name => $value ) {
			$GLOBALS[ $name ] = $value;
		}
		parent::tearDown();
	}

	/**
	 * A screen of its own (the kit's is hooked already; this one only does what the test asks).
	 *
	 * @return Screen
	 */
	private function screen() {
		return new Screen( $this->kit() );
	}

	/**
	 * Where a page slug is in the submenu: parent => [menu title, capability, slug, page title].
	 *
	 * @param string $page_slug Page slug (?page=).
	 * @return array<string, array<int, string>>
	 */
	private function entries( $page_slug ) {
		$found = array();
		foreach ( (array) $GLOBALS['submenu'] as $parent => $items ) {
			foreach ( $items as $item ) {
				if ( isset( $item[2] ) && $page_slug === $item[2] ) {
					$found[ $parent ] = $item;
				}
			}
		}
		return $found;
	}

	/**
	 * The hook suffix of the demo product's screen, after add_pages() as an administrator.
	 *
	 * @param Screen $screen Screen.
	 * @return string
	 */
	private function demo_page( Screen $screen ) {
		$this->as_user( 'administrator' );
		$screen->add_pages();
		$suffix = get_plugin_page_hookname( 'batchkeys-' . self::DEMO, 'options-general.php' );
		$this->assertSame( 'settings_page_batchkeys-batchkeys-demo', $suffix );
		$this->assertTrue( ! empty( $GLOBALS['_registered_pages'][ $suffix ] ), 'the page is registered' );
		return $suffix;
	}

	/** Settings by default, under another parent when asked, none with menu => false. */
	public function test_each_product_gets_its_page_where_its_menu_setting_puts_it() {
		$this->temporary_product(
			'bk-theme-product',
			array(
				'name' => 'Theme Product',
				'menu' => array(
					'parent' => 'themes.php',
					'title'  => 'Theme Product Key',
				),
			)
		);
		$this->temporary_product(
			'bk-own-menu',
			array(
				'name' => 'Own Menu',
				'menu' => array( 'parent' => 'bk-own-menu-parent' ),
			)
		);
		$this->temporary_product(
			'bk-no-screen',
			array(
				'name' => 'No Screen',
				'menu' => false,
			)
		);
		$this->as_user( 'administrator' );
		$this->screen()->add_pages();

		$this->assertSame(
			array( 'options-general.php' => array( 'BatchKeys Demo License', 'manage_options', 'batchkeys-batchkeys-demo', 'BatchKeys Demo License' ) ),
			$this->entries( 'batchkeys-batchkeys-demo' ),
			'Settings by default, titled "<name> License"'
		);
		$this->assertSame(
			array( 'themes.php' => array( 'Theme Product Key', 'manage_options', 'batchkeys-bk-theme-product', 'Theme Product Key' ) ),
			$this->entries( 'batchkeys-bk-theme-product' ),
			'under Appearance when asked, with its own title'
		);
		$this->assertSame( array( 'bk-own-menu-parent' ), array_keys( $this->entries( 'batchkeys-bk-own-menu' ) ) );
		$this->assertSame( array(), $this->entries( 'batchkeys-bk-no-screen' ), 'no page with menu => false' );

		$this->assertSame( admin_url( 'options-general.php?page=batchkeys-batchkeys-demo' ), Screen::page_url( $this->product() ) );
		$this->assertSame( admin_url( 'themes.php?page=batchkeys-bk-theme-product' ), Screen::page_url( $this->product( 'bk-theme-product' ) ) );
		$this->assertSame( admin_url( 'admin.php?page=batchkeys-bk-own-menu' ), Screen::page_url( $this->product( 'bk-own-menu' ) ) );
		$this->assertSame( '', Screen::page_url( $this->product( 'bk-no-screen' ) ) );
	}

	/** Only users with the product’s capability get its page. */
	public function test_only_users_with_the_products_capability_get_its_page() {
		$this->temporary_product(
			'bk-editors',
			array(
				'name'       => 'For Editors',
				'capability' => 'edit_others_posts',
			)
		);

		$this->as_user( 'subscriber' );
		$this->screen()->add_pages();
		$this->assertSame( array(), (array) $GLOBALS['submenu'], 'a subscriber gets no page' );

		$this->as_user( 'editor' );
		$this->screen()->add_pages();
		$this->assertSame( array(), $this->entries( 'batchkeys-batchkeys-demo' ), 'the demo needs manage_options' );
		$this->assertSame( array( 'options-general.php' ), array_keys( $this->entries( 'batchkeys-bk-editors' ) ) );
		$this->assertSame( 'edit_others_posts', $this->entries( 'batchkeys-bk-editors' )['options-general.php'][1] );
	}

	/** The page itself refuses a user without the capability. */
	public function test_the_page_refuses_a_user_without_the_capability() {
		$screen = $this->screen();
		$this->as_user( 'editor' );
		$this->expect_wp_die();
		$this->expectException( \RuntimeException::class );
		$this->expectExceptionCode( 403 );
		$this->output_of(
			static function () use ( $screen ) {
				$screen->render( self::DEMO );
			}
		);
	}

	/** The script and style, on the product’s screen only, as wp-scripts built them. */
	public function test_the_script_is_enqueued_on_its_own_screen_only() {
		$screen = $this->screen();
		$suffix = $this->demo_page( $screen );

		foreach ( array( 'index.php', 'plugins.php', 'options-general.php', 'settings_page_other' ) as $other ) {
			$screen->enqueue( $other );
			$this->assertFalse( wp_script_is( Screen::HANDLE, 'registered' ), "nothing on $other" );
			$this->assertFalse( wp_style_is( Screen::HANDLE, 'registered' ), "no style on $other" );
		}

		$screen->enqueue( $suffix );
		$this->assertTrue( wp_script_is( Screen::HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ Screen::HANDLE ];
		$asset  = require $this->built( 'admin/index.asset.php' );
		$this->assertSame( $asset['dependencies'], $script->deps, 'the dependencies wp-scripts wrote' );
		$this->assertContains( 'wp-api-fetch', $script->deps );
		$this->assertSame( $asset['version'], $script->ver );
		$this->assertSame( Assets::url( $this->kit(), 'admin/index.js' ), $script->src );
		$this->assertSame( 1, $script->extra['group'] ?? null, 'in the footer' );

		$this->assertSame( 'batchkeys', $script->textdomain, 'wp_set_script_translations()' );
		$this->assertSame( Assets::languages_path( $this->kit() ), $script->translations_path );

		$this->built( 'admin/index.css' );
		$this->assertTrue( wp_style_is( Screen::HANDLE, 'enqueued' ) );
		$this->assertContains( 'wp-components', wp_styles()->registered[ Screen::HANDLE ]->deps );
		$this->assertSame( array(), $this->http, 'enqueueing makes no request' );
	}

	/**
	 * Every entry has the page callback (WordPress links a menu entry to its page only while the
	 * page has one), and that one callback prints the product of the page WordPress shows.
	 */
	public function test_every_entry_links_to_its_page_and_prints_its_own_product() {
		$this->temporary_product( 'bk-second', array( 'name' => 'Second Product' ) );
		$hooks = array(
			self::DEMO  => 'settings_page_batchkeys-' . self::DEMO,
			'bk-second' => 'settings_page_batchkeys-bk-second',
		);
		array_map( 'remove_all_actions', $hooks );
		$screen = $this->screen();
		$this->as_user( 'administrator' );
		$screen->add_pages();
		try {
			foreach ( array(
				self::DEMO  => 'BatchKeys Demo License',
				'bk-second' => 'Second Product License',
			) as $slug => $title ) {
				$hook = get_plugin_page_hook( 'batchkeys-' . $slug, 'options-general.php' );
				$this->assertSame( $hooks[ $slug ], $hook, "the menu links $slug to its page" );
				$html = $this->output_of(
					static function () use ( $hook ) {
						do_action( $hook );
					}
				);
				$this->assertSame( 1, substr_count( $html, '<h1>' ), $html );
				$this->assertStringContainsString( "<h1>$title</h1>", $html );
			}
		} finally {
			array_map( 'remove_all_actions', $hooks );
		}
	}

	/** The root element carries the product info and the license view, never a secret or the key. */
	public function test_the_root_element_hands_over_the_product_and_its_view_never_the_secret_or_the_key() {
		$screen = $this->screen();
		$this->as_user( 'administrator' );
		$this->put_state( self::DEMO, 'active' );

		$html = $this->output_of(
			static function () use ( $screen ) {
				$screen->render( self::DEMO );
			}
		);

		$this->assertStringContainsString( '<h1>BatchKeys Demo License</h1>', $html );
		$this->assertSame( 1, preg_match( '/<div id="batchkeys-license-screen" data-product="([^"]*)">/', $html, $match ), $html );
		$data = json_decode( html_entity_decode( $match[1], ENT_QUOTES ), true );
		$this->assertIsArray( $data );

		$this->assertSame( self::DEMO, $data['slug'] );
		$this->assertSame( 'BatchKeys Demo', $data['name'] );
		$this->assertSame(
			array(
				'groups'    => 5,
				'length'    => 7,
				'separator' => '-',
				'chars'     => 'A-Za-z0-9',
				'case'      => 'keep',
			),
			$data['key_format']
		);
		$this->assertSame( 'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX', $data['placeholder'] );
		$this->assertSame( $this->kit()->licenses()->view( $this->product() ), $data['license'] );
		// The screen's own sentences come from PHP's Messages, translated there.
		$this->assertSame( Messages::screen_words(), $data['words'] );
		$this->assertStringContainsString( '%s', $data['words']['paused'] );
		$this->assertSame( 'active', $data['license']['state'] );
		$this->assertSame( '•••••••-•••••••-•••••••-•••••••-•••CCCC', $data['license']['key'] );
		$this->assertSame(
			array( 'slug', 'name', 'key_format', 'placeholder', 'license', 'words' ),
			array_keys( $data ),
			'nothing more than the product info, the license view and the screen\'s words'
		);

		$this->assertNoSecretNorKey( $html );
		$this->assertStringNotContainsString( 'BATCHKEYS_DEMO_AUTH', $html, 'not even the name of the secret' );
		$this->assertSame( array(), $this->http, 'the page reads stored state only' );
		$this->assertSame( array(), $this->mock->log() );
	}

	/** A product without a key or a secret: inactive, not configured. */
	public function test_the_root_element_of_a_product_without_a_key_or_a_secret() {
		$this->unconfigured_product( 'bk-unset', array( 'name' => 'Unset <b>Product</b>' ) );
		$screen = $this->screen();
		$this->as_user( 'administrator' );

		$html = $this->output_of(
			static function () use ( $screen ) {
				$screen->render( 'bk-unset' );
			}
		);
		$this->assertSame( 1, preg_match( '/data-product="([^"]*)"/', $html, $match ) );
		$data = json_decode( html_entity_decode( $match[1], ENT_QUOTES ), true );
		$this->assertSame( 'Unset Product', $data['name'], 'tags stripped at registration' );
		$this->assertSame( 'inactive', $data['license']['state'] );
		$this->assertFalse( $data['license']['configured'] );
		$this->assertNull( $data['license']['key'] );
		$this->assertStringNotContainsString( self::NO_SECRET, $html );
		$this->assertSame( array(), $this->http );
	}
}
