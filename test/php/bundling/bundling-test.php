<?php
/**
 * Several copies of the kit on one site (docs/architecture.md, load.php): the standalone plugin, the
 * example plugin and the example theme of test/fixtures, each with its own copy of the kit at
 * another version (tools/build-fixtures.sh), on a served site of their own. Each step is a real
 * request: a fresh process on the site's database (site-runner.php) or HTTP.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Bundling;

use BatchKeys\Tests\Test_Case;

require_once __DIR__ . '/class-bundling-site.php';

/**
 * One kit serves every product, the newest copy boots wherever it lives, and a product that
 * goes away takes its screen, or on uninstall its data, and nothing else.
 */
final class Bundling_Test extends Test_Case {

	const PLUGIN         = 'batchkeys/batchkeys.php';
	const EXAMPLE_PLUGIN = 'batchkeys-example-plugin/batchkeys-example-plugin.php';
	const EXAMPLE_THEME  = 'batchkeys-example-theme';
	const GOOD           = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';

	const SEO_SCREEN   = '/wp-admin/admin.php?page=batchkeys-acme-seo';
	const THEME_SCREEN = '/wp-admin/themes.php?page=batchkeys-acme-theme';
	const DEMO_SCREEN  = '/wp-admin/options-general.php?page=batchkeys-batchkeys-demo';

	const SEO_FEATURE   = 'Acme SEO Pro features on';
	const THEME_FEATURE = 'Acme Theme Pro features on';

	/**
	 * The served site.
	 *
	 * @var Bundling_Site|null
	 */
	private static $site = null;

	/**
	 * Version of plugin/kit (the standalone plugin's copy).
	 *
	 * @var string
	 */
	private static $base = '';

	/** Starts the site: the standalone plugin, the example plugin and the example theme active. */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$base = (string) require Bundling_Site::root() . '/plugin/kit/version.php';
		Bundling_Site::fixtures( 'standalone' );
		self::$site = new Bundling_Site();
		self::$site->start();
		self::$site->runner( 'reset' );
		self::$site->clear_debug_log();
		self::$site->runner( 'activate', self::EXAMPLE_PLUGIN );
		self::$site->runner( 'theme', self::EXAMPLE_THEME );
	}

	/** Leaves the fixtures in their default versions and the site as it found it. */
	public static function tearDownAfterClass(): void {
		try {
			Bundling_Site::fixtures( 'standalone' );
			if ( null !== self::$site && null !== self::$site->site ) {
				self::$site->runner( 'reset' );
			}
		} finally {
			if ( null !== self::$site ) {
				self::$site->stop();
			}
			parent::tearDownAfterClass();
		}
	}

	/**
	 * Three copies at three versions, all active: the newest boots, one kit serves the three
	 * products (one cron event, one set of routes), each screen and feature works, nothing warns.
	 */
	public function test_three_copies_one_kit() {
		$site  = self::$site;
		$state = $site->runner( 'state' );

		$versions = array();
		foreach ( $state['copies'] as $path => $version ) {
			$versions[ realpath( $path ) ] = $version;
		}
		$this->assertSame(
			array(
				self::kit_dir( 'standalone' )     => self::$base,
				self::kit_dir( 'example-plugin' ) => self::$base . '-beta',
				self::kit_dir( 'example-theme' )  => self::$base . '-alpha',
			),
			self::sorted( $versions ),
			'each copy recorded itself with its own version'
		);
		$this->assert_one_kit( $state, self::$base, 'standalone', array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) );
		$active = $state['active_plugins'];
		$sorted = $active;
		sort( $sorted );
		$this->assertSame( $sorted, $active, 'active_plugins as WordPress sorted it: no copy reorders it' );
		$this->assertSame( array( self::EXAMPLE_PLUGIN, self::PLUGIN ), array_values( array_intersect( $active, array( self::PLUGIN, self::EXAMPLE_PLUGIN ) ) ) );
		$this->assertSame( self::EXAMPLE_THEME, $state['stylesheet'] );

		$this->assert_rest_products( self::$base, array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) );
		$index = $site->request( 'GET', '/wp-json/batchkeys/v1' );
		$this->assertSame( 200, $index['status'] );
		foreach ( $index['json']['routes'] as $route => $data ) {
			$methods = array();
			foreach ( $data['endpoints'] as $endpoint ) {
				$methods = array_merge( $methods, $endpoint['methods'] );
			}
			$this->assertSame( array_unique( $methods ), $methods, "$route: each method once" );
		}

		// Each product's screen, where its registration put it, with the elected copy's scripts.
		$build = $site->url( '/wp-content/plugins/batchkeys/kit/build/' );
		$this->assert_screen( self::SEO_SCREEN, 'acme-seo', $build );
		$this->assert_screen( self::THEME_SCREEN, 'acme-theme', $build );
		$this->assert_screen( self::DEMO_SCREEN, 'batchkeys-demo', $build );
		$menu = $site->request( 'GET', '/wp-admin/index.php' )['body'];
		$this->assertStringContainsString( 'admin.php?page=acme-seo', $menu, 'the example plugin has its own menu' );
		$this->assertStringContainsString( 'admin.php?page=batchkeys-acme-seo', $menu, 'the license screen is in it' );
		$this->assertStringContainsString( 'themes.php?page=batchkeys-acme-theme', $menu, 'the theme’s screen is under Appearance' );

		// The plugins screen: a License link and the state on the example plugin's row.
		$row = $this->plugin_row( self::EXAMPLE_PLUGIN );
		$this->assertMatchesRegularExpression( '#<a href="[^"]*admin\.php\?page=batchkeys-acme-seo"[^>]*>License</a>#', $row );
		$this->assertStringContainsString( 'Acme SEO Pro license: Not active', $row );

		// The gated features are off, then on once each product has an active key.
		$front = $site->visit( '/' );
		$this->assertSame( 200, $front['status'] );
		$this->assertStringNotContainsString( self::SEO_FEATURE, $front['body'] );
		$this->assertStringNotContainsString( self::THEME_FEATURE, $front['body'] );
		foreach ( array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) as $slug ) {
			$answer = $site->request( 'POST', "/wp-json/batchkeys/v1/products/$slug/license", array( 'key' => self::GOOD ) );
			$this->assertSame( 200, $answer['status'], $slug . ': ' . $answer['body'] );
			$this->assertSame( 'active', $answer['json']['state'] );
			$this->assertSame( self::$base, $answer['headers']['x-batchkeys-kit'] );
		}
		$front = $site->visit( '/' );
		$this->assertStringContainsString( self::SEO_FEATURE, $front['body'] );
		$this->assertStringContainsString( self::THEME_FEATURE, $front['body'] );
		$this->assertStringContainsString( 'Acme SEO Pro license: Active', $this->plugin_row( self::EXAMPLE_PLUGIN ) );

		$state = $site->runner( 'state' );
		$this->assertSame( 1, $state['cron_events'], 'still one recheck event for three keys' );
		$this->assertSame(
			array(
				'acme-seo'       => 'active',
				'acme-theme'     => 'active',
				'batchkeys-demo' => 'active',
			),
			self::sorted( $state['records'] )
		);
		$this->assert_log_clean();
	}

	/**
	 * The theme loads after every plugin; with the newest copy it still wins, and the scripts,
	 * styles, block and translations then come from the theme's folder.
	 *
	 * @depends test_three_copies_one_kit
	 */
	public function test_the_newest_copy_boots_from_a_theme() {
		$site      = self::$site;
		$languages = self::kit_dir( 'example-theme' ) . '/languages';
		try {
			Bundling_Site::fixtures( 'example-theme' );
			$state = $site->runner( 'state' );
			$this->assert_one_kit( $state, self::$base . '.1', 'example-theme', array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) );
			$this->assert_rest_products( self::$base . '.1', array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) );

			$build = $site->url( '/wp-content/themes/batchkeys-example-theme/kit/build/' );
			$this->assertSame( $build . 'admin/index.js', $state['screen_script'] );
			$this->assertSame( $languages, $state['languages'], 'script translations are looked up in the theme’s copy' );
			$this->assertNotEmpty( $state['block_scripts'], 'the block is registered from the theme’s copy' );
			foreach ( $state['block_scripts'] as $handle => $script ) {
				$this->assertStringStartsWith( $build . 'block/', $script['src'], $handle );
				$this->assertSame( 200, $site->visit( substr( $script['src'], strlen( $site->url( '' ) ) ) )['status'], $script['src'] );
			}
			$this->assert_screen( self::THEME_SCREEN, 'acme-theme', $build );
			$this->assert_screen( self::SEO_SCREEN, 'acme-seo', $build );

			// Translations: the PHP strings (.mo) and the screen's script strings (JSON) come
			// from the languages/ folder of the copy that booted.
			wp_mkdir_p( $languages );
			file_put_contents(
				$languages . '/batchkeys-de_DE-batchkeys-license-screen.json',
				wp_json_encode(
					array(
						'locale_data' => array(
							'messages' => array(
								''            => array(
									'domain' => 'messages',
									'lang'   => 'de_DE',
								),
								'License key' => array( 'Lizenzschluessel aus dem Theme' ),
							),
						),
					)
				)
			);
			$site->runner( 'mo', $languages . '/batchkeys-de_DE.mo', 'This screen needs JavaScript. Turn it on in your browser, then reload the page.', 'Dieser Bildschirm braucht JavaScript (aus dem Theme).' );
			$site->runner( 'locale', 'de_DE' );
			$page = $site->request( 'GET', self::THEME_SCREEN );
			$this->assertSame( 200, $page['status'] );
			$this->assertStringContainsString( 'Dieser Bildschirm braucht JavaScript (aus dem Theme).', $page['body'] );
			$this->assertStringContainsString( 'Lizenzschluessel aus dem Theme', $page['body'] );
		} finally {
			$site->runner( 'locale', '' );
			foreach ( (array) glob( $languages . '/*' ) as $file ) {
				unlink( $file );
			}
			if ( is_dir( $languages ) ) {
				rmdir( $languages );
			}
			Bundling_Site::fixtures( 'standalone' );
		}
		$this->assertSame( self::$base, $site->runner( 'state' )['version'], 'back to the standalone plugin’s copy' );
		$this->assert_log_clean();
	}

	/**
	 * Deactivating the plugin that carries the newest copy: on the next request the next newest
	 * serves the remaining products, from its own folder; then the theme's copy, alone.
	 *
	 * @depends test_three_copies_one_kit
	 */
	public function test_removing_the_newest_copy_hands_over() {
		$site = self::$site;
		try {
			$site->runner( 'deactivate', self::PLUGIN );
			$state = $site->runner( 'state' );
			$this->assert_one_kit( $state, self::$base . '-beta', 'example-plugin', array( 'acme-seo', 'acme-theme' ) );
			$this->assert_rest_products( self::$base . '-beta', array( 'acme-seo', 'acme-theme' ) );
			$build = $site->url( '/wp-content/plugins/batchkeys-example-plugin/kit/build/' );
			$this->assert_screen( self::SEO_SCREEN, 'acme-seo', $build );
			$this->assert_screen( self::THEME_SCREEN, 'acme-theme', $build );
			$this->assertSame( 'active', $site->request( 'GET', '/wp-json/batchkeys/v1/products/acme-seo/license' )['json']['state'], 'the stored key is served by the next copy' );

			$site->runner( 'deactivate', self::EXAMPLE_PLUGIN );
			$state = $site->runner( 'state' );
			$this->assert_one_kit( $state, self::$base . '-alpha', 'example-theme', array( 'acme-theme' ) );
			$this->assert_rest_products( self::$base . '-alpha', array( 'acme-theme' ) );
			$this->assert_screen( self::THEME_SCREEN, 'acme-theme', $site->url( '/wp-content/themes/batchkeys-example-theme/kit/build/' ) );
			$front = $site->visit( '/' );
			$this->assertStringContainsString( self::THEME_FEATURE, $front['body'] );
			$this->assertStringNotContainsString( self::SEO_FEATURE, $front['body'] );
		} finally {
			$site->runner( 'activate', self::PLUGIN, self::EXAMPLE_PLUGIN );
		}
		$state = $site->runner( 'state' );
		$this->assert_one_kit( $state, self::$base, 'standalone', array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) );
		$this->assert_log_clean();
	}

	/**
	 * Deactivating a product's plugin removes its screen and its row link; its stored license
	 * stays, and is there again when the plugin comes back.
	 *
	 * @depends test_three_copies_one_kit
	 */
	public function test_deactivating_a_product_keeps_its_state() {
		$site = self::$site;
		try {
			$site->runner( 'deactivate', self::EXAMPLE_PLUGIN );
			$screen = $site->request( 'GET', self::SEO_SCREEN );
			$this->assertNotSame( 200, $screen['status'], 'no screen without its plugin' );
			$this->assertStringNotContainsString( 'batchkeys-license-screen', $screen['body'] );
			$this->assertStringNotContainsString( 'page=batchkeys-acme-seo', $this->plugin_row( self::EXAMPLE_PLUGIN ) );
			$this->assert_rest_products( self::$base, array( 'acme-theme', 'batchkeys-demo' ) );
			$this->assertSame( 404, $site->request( 'GET', '/wp-json/batchkeys/v1/products/acme-seo/license' )['status'] );
			$state = $site->runner( 'state' );
			$this->assertSame( 'active', $state['records']['acme-seo'], 'the stored license stays' );
			$this->assertSame( 1, $state['cron_events'] );
		} finally {
			$site->runner( 'activate', self::EXAMPLE_PLUGIN );
		}
		$this->assert_screen( self::SEO_SCREEN, 'acme-seo', $site->url( '/wp-content/plugins/batchkeys/kit/build/' ) );
		$this->assertSame( 'active', $site->request( 'GET', '/wp-json/batchkeys/v1/products/acme-seo/license' )['json']['state'] );
		$this->assertStringContainsString( self::SEO_FEATURE, $site->visit( '/' )['body'] );
		$this->assert_log_clean();
	}

	/**
	 * Uninstalling the example plugin (its uninstall.php, as Plugins > Delete runs it) removes
	 * its product's data only: the other products' keys, the shared rows and the event stay.
	 *
	 * @depends test_three_copies_one_kit
	 */
	public function test_uninstalling_a_product_removes_its_data_only() {
		$site   = self::$site;
		$before = $site->runner( 'state' );
		$this->assertSame( 'active', $before['records']['acme-seo'] );
		try {
			$site->runner( 'deactivate', self::EXAMPLE_PLUGIN );
			$site->runner( 'uninstall', self::EXAMPLE_PLUGIN );
			$state = $site->runner( 'state' );
			$this->assertSame(
				array(
					'acme-theme'     => 'active',
					'batchkeys-demo' => 'active',
				),
				self::sorted( $state['records'] ),
				'only acme-seo’s record is gone'
			);
			$shared = array_values(
				array_filter(
					$before['other_options'],
					static function ( $name ) {
						return false === strpos( $name, 'acme-seo' );
					}
				)
			);
			$this->assertSame( $shared, array_values( array_intersect( $state['other_options'], $shared ) ), 'the shared rows stay' );
			$this->assertSame( array(), preg_grep( '/acme-seo/', $state['other_options'] ), 'no row of acme-seo is left' );
			$this->assertSame( 1, $state['cron_events'] );
			$this->assert_one_kit( $state, self::$base, 'standalone', array( 'acme-theme', 'batchkeys-demo' ) );
		} finally {
			$site->runner( 'activate', self::EXAMPLE_PLUGIN );
		}
		$view = $site->request( 'GET', '/wp-json/batchkeys/v1/products/acme-seo/license' );
		$this->assertSame( 'inactive', $view['json']['state'], 'reinstalled, it starts without a key' );
		$this->assertStringNotContainsString( self::SEO_FEATURE, $site->visit( '/' )['body'] );
		$this->assert_log_clean();
	}

	/**
	 * Installed is enough: with the BatchKeys plugin deactivated and the example theme switched
	 * away (neither copy loaded), deleting the example plugin keeps the other licenses and the
	 * shared rows; the BatchKeys plugin's own uninstall then keeps the inactive theme's license.
	 *
	 * @depends test_three_copies_one_kit
	 */
	public function test_uninstall_keeps_the_licenses_of_installed_inactive_products() {
		$site = self::$site;
		foreach ( array( 'acme-seo', 'acme-theme', 'batchkeys-demo' ) as $slug ) {
			$path = '/wp-json/batchkeys/v1/products/' . $slug . '/license';
			if ( 'active' !== $site->request( 'GET', $path )['json']['state'] ) {
				$this->assertSame( 200, $site->request( 'POST', $path, array( 'key' => self::GOOD ) )['status'], $slug );
			}
		}
		$before = $site->runner( 'state' );
		$this->assertSame(
			array(
				'acme-seo'       => 'active',
				'acme-theme'     => 'active',
				'batchkeys-demo' => 'active',
			),
			self::sorted( $before['records'] )
		);
		$shared = preg_grep( '/acme-seo|batchkeys-demo/', $before['other_options'], PREG_GREP_INVERT );
		$this->assertContains( 'batchkeys_daily_slot', $shared );
		try {
			$site->runner( 'deactivate', self::PLUGIN, self::EXAMPLE_PLUGIN );
			$site->runner( 'theme', 'twentytwentyfive' );
			$site->runner( 'uninstall', self::EXAMPLE_PLUGIN );
			$state = $site->runner( 'state' );
			$this->assertSame(
				array(
					'acme-theme'     => 'active',
					'batchkeys-demo' => 'active',
				),
				self::sorted( $state['records'] ),
				'only acme-seo’s record is gone'
			);
			$this->assertSame( array_values( $shared ), array_values( array_intersect( $state['other_options'], $shared ) ), 'the shared rows stay' );

			$site->runner( 'uninstall', self::PLUGIN );
			$state = $site->runner( 'state' );
			$this->assertSame( array( 'acme-theme' => 'active' ), $state['records'], 'the inactive theme keeps its license' );
			$this->assertContains( 'batchkeys_daily_slot', $state['other_options'] );
		} finally {
			$site->runner( 'activate', self::PLUGIN, self::EXAMPLE_PLUGIN );
			$site->runner( 'theme', self::EXAMPLE_THEME );
		}
		$this->assert_log_clean();
	}

	/**
	 * The kit folder of a copy, resolved.
	 *
	 * @param string $which standalone, example-plugin or example-theme.
	 * @return string
	 */
	private static function kit_dir( $which ) {
		$dirs = array(
			'standalone'     => '/plugin/kit',
			'example-plugin' => '/test/fixtures/plugins/batchkeys-example-plugin/kit',
			'example-theme'  => '/test/fixtures/themes/batchkeys-example-theme/kit',
		);
		return (string) realpath( Bundling_Site::root() . $dirs[ $which ] );
	}

	/**
	 * An array sorted by key.
	 *
	 * @param array $items Items.
	 * @return array
	 */
	private static function sorted( array $items ) {
		ksort( $items );
		return $items;
	}

	/**
	 * One kit booted: the expected copy at the expected version, its products, one recheck
	 * event while a key is stored (none without), and each REST route of the kit registered once.
	 *
	 * @param array    $state    The runner's state.
	 * @param string   $version  Expected version.
	 * @param string   $which    Expected copy.
	 * @param string[] $products Expected product slugs.
	 */
	private function assert_one_kit( array $state, $version, $which, array $products ) {
		$this->assertSame( $version, $state['version'], 'the newest copy booted' );
		$this->assertSame( self::kit_dir( $which ), realpath( $state['booted'] ) );
		$this->assertSame( self::kit_dir( $which ), realpath( $state['path'] ) );
		$slugs = $state['products'];
		sort( $slugs );
		$this->assertSame( $products, $slugs );
		$keys = array_filter(
			(array) $state['records'],
			static function ( $record_state ) {
				return null !== $record_state && 'inactive' !== $record_state;
			}
		);
		$this->assertSame( $keys ? 1 : 0, $state['cron_events'], 'one batchkeys_recheck event while a key is stored, none without' );
		foreach ( array( '/batchkeys/v1/products', '/batchkeys/v1/products/(?P<slug>[^/]+)/license', '/batchkeys/v1/products/(?P<slug>[^/]+)/check' ) as $route ) {
			$this->assertArrayHasKey( $route, $state['routes'] );
		}
		foreach ( $state['routes'] as $route => $methods ) {
			$this->assertSame( array_unique( $methods ), $methods, "$route: registered once" );
		}
	}

	/**
	 * GET /batchkeys/v1/products lists exactly these products, answered by this kit version.
	 *
	 * @param string   $version Expected X-BatchKeys-Kit.
	 * @param string[] $slugs   Expected slugs.
	 */
	private function assert_rest_products( $version, array $slugs ) {
		// The served site's opcache looks at a rewritten version.php again after up to 2 s
		// (opcache.revalidate_freq): a fixture switched a moment ago may still read the old one.
		$until = microtime( true ) + 5;
		while ( true ) {
			$answer = self::$site->request( 'GET', '/wp-json/batchkeys/v1/products' );
			$served = isset( $answer['headers']['x-batchkeys-kit'] ) ? $answer['headers']['x-batchkeys-kit'] : '';
			if ( $served === $version || microtime( true ) > $until ) {
				break;
			}
			usleep( 250000 );
		}
		$this->assertSame( 200, $answer['status'], $answer['body'] );
		$this->assertSame( $version, $answer['headers']['x-batchkeys-kit'] );
		$listed = array_column( $answer['json'], 'slug' );
		sort( $listed );
		$this->assertSame( $slugs, $listed );
	}

	/**
	 * A product's screen answers, for that product, with the script and style of the copy
	 * whose build folder is $build (and those files are served).
	 *
	 * @param string $path  Screen path.
	 * @param string $slug  Product slug.
	 * @param string $build URL of the build folder, with a trailing slash.
	 */
	private function assert_screen( $path, $slug, $build ) {
		$site = self::$site;
		$page = $site->request( 'GET', $path );
		$this->assertSame( 200, $page['status'], $path );
		$this->assertMatchesRegularExpression( '/<div id="batchkeys-license-screen" data-product="[^"]*&quot;slug&quot;:&quot;' . preg_quote( $slug, '/' ) . '&quot;/', $page['body'] );
		$assets = array(
			'script' => array( '/<script\b[^>]*\bid=["\']batchkeys-license-screen-js["\'][^>]*>/', '/\bsrc=["\']([^"\']+)["\']/', 'admin/index.js' ),
			'style'  => array( '/<link\b[^>]*\bid=["\']batchkeys-license-screen-css["\'][^>]*>/', '/\bhref=["\']([^"\']+)["\']/', 'admin/index.css' ),
		);
		foreach ( $assets as $kind => $asset ) {
			$this->assertSame( 1, preg_match( $asset[0], $page['body'], $tag ), "$path: the $kind tag" );
			$this->assertSame( 1, preg_match( $asset[1], $tag[0], $url ) );
			$src = html_entity_decode( $url[1] );
			$this->assertStringStartsWith( $build . $asset[2] . '?', $src, "$path: the $kind of the elected copy" );
			$file = $site->visit( substr( $src, strlen( $site->url( '' ) ) ) );
			$this->assertSame( 200, $file['status'], $src );
		}
	}

	/**
	 * The HTML of a plugin's row on the plugins screen.
	 *
	 * @param string $plugin Plugin file.
	 * @return string
	 */
	private function plugin_row( $plugin ) {
		$page = self::$site->request( 'GET', '/wp-admin/plugins.php' );
		$this->assertSame( 200, $page['status'] );
		$this->assertSame( 1, preg_match( '#<tr[^>]*data-plugin="' . preg_quote( $plugin, '#' ) . '".*?</tr>#s', $page['body'], $row ), "the row of $plugin" );
		return $row[0];
	}

	/**
	 * No warning, notice, deprecation, fatal or database error in the site's debug.log (the
	 * kit's own lines about its API calls, with the secret masked, are expected there).
	 */
	private function assert_log_clean() {
		$log = self::$site->debug_log();
		$this->assertSame( array(), preg_grep( '/PHP (Fatal error|Parse error|Warning|Notice|Deprecated|Strict Standards)|WordPress database error/', explode( "\n", $log ) ), "debug.log of the bundling site:\n$log" );
		$this->assertStringNotContainsString( (string) constant( 'BATCHKEYS_DEMO_AUTH' ), $log, 'the secret never reaches the log' );
	}
}
