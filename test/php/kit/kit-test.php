<?php
/**
 * The loader, the election, the Kit facade and the clean-up functions.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Kit;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Kit and load.php. */
final class Kit_Test extends Kit_Test_Case {

	/**
	 * The loader's registry, restored after each test.
	 *
	 * @var array
	 */
	private $saved_registry;

	/** Saves the loader's registry. */
	protected function setUp(): void {
		parent::setUp();
		$this->saved_registry = $GLOBALS['batchkeys_kit'];
	}

	/** Restores the loader's registry. */
	protected function tearDown(): void {
		$GLOBALS['batchkeys_kit'] = $this->saved_registry;
		parent::tearDown();
	}

	/** This copy is recorded with its version and has booted on after_setup_theme. */
	public function test_the_plugin_copy_booted() {
		$kit  = $this->kit();
		$path = realpath( dirname( __DIR__, 3 ) . '/plugin/kit' );
		$this->assertSame( require $path . '/version.php', $kit->version() );
		$this->assertSame( $path, realpath( $kit->path() ) );
		$this->assertSame( $kit->path(), $GLOBALS['batchkeys_kit']['booted'] );
		$this->assertArrayHasKey( $kit->path(), $GLOBALS['batchkeys_kit']['copies'] );
		$this->assertSame( array(), $GLOBALS['batchkeys_kit']['queue'], 'the queue was handed over' );
		$this->assertTrue( batchkeys_kit_booted() );
		$this->assertSame( -9999, has_action( 'after_setup_theme', 'batchkeys_kit_elect' ), 'the election runs very early' );
	}

	/** One set of REST routes, registered by the wired controllers. */
	public function test_rest_routes_and_concerns() {
		$routes = rest_get_server()->get_routes( 'batchkeys/v1' );
		foreach ( array( '/batchkeys/v1/products', '/batchkeys/v1/products/(?P<slug>[^/]+)/check', '/batchkeys/v1/products/(?P<slug>[^/]+)/license' ) as $route ) {
			$this->assertArrayHasKey( $route, $routes );
		}
		$methods = array();
		foreach ( $routes['/batchkeys/v1/products/(?P<slug>[^/]+)/license'] as $handler ) {
			$methods = array_merge( $methods, array_keys( $handler['methods'] ) );
		}
		sort( $methods );
		$this->assertSame( array( 'DELETE', 'GET', 'POST' ), $methods, 'each method once: one copy registered the routes' );
		$this->assertInstanceOf( \BatchKeys\Kit\Rest\License_Controller::class, $this->kit()->concern( \BatchKeys\Kit\Rest\License_Controller::class ) );
		$this->assertNull( $this->kit()->concern( 'BatchKeys\\Kit\\Nothing\\Here' ) );
	}

	/** The autoloader's mapping: src/<Concern>/class-<name>.php of the elected copy, nothing else. */
	public function test_autoloader_maps_class_names_to_files() {
		$src = realpath( $this->kit()->path() . '/src' );
		foreach ( array(
			'BatchKeys\\Kit\\License\\Key_Format'       => '/License/class-key-format.php',
			'BatchKeys\\Kit\\Kit'                       => '/class-kit.php',
			'BatchKeys\\Kit\\Rest\\Products_Controller' => '/Rest/class-products-controller.php',
		) as $class => $file ) {
			$this->assertTrue( class_exists( $class ) );
			$this->assertSame( $src . $file, realpath( ( new \ReflectionClass( $class ) )->getFileName() ) );
		}
		$this->assertFalse( class_exists( 'BatchKeys\\Kit\\..\\Evil' ) );
		$this->assertFalse( class_exists( 'BatchKeys\\Kit\\Nope\\Missing_Class' ) );
	}

	/**
	 * The Kit's reading of a stored record (what batchkeys_is_active() answers after the election)
	 * is load.php's (before it) and Record::features_enabled()'s (screens, REST): one decision.
	 */
	public function test_one_reading_of_a_record() {
		$now     = 1795773600;
		$records = array(
			'no record'              => null,
			'not an array'           => 'active',
			'active'                 => array(
				'key'   => self::GOOD,
				'state' => 'active',
			),
			'active, no key'         => array( 'state' => 'active' ),
			'active, empty key'      => array(
				'key'   => '',
				'state' => 'active',
			),
			'active, key not string' => array(
				'key'   => 42,
				'state' => 'active',
			),
			'key "0"'                => array(
				'key'   => '0',
				'state' => 'active',
			),
			'grace, before'          => array(
				'key'         => self::GOOD,
				'state'       => 'grace',
				'grace_until' => $now + 1,
			),
			'grace, at the end'      => array(
				'key'         => self::GOOD,
				'state'       => 'grace',
				'grace_until' => $now,
			),
			'grace, numeric string'  => array(
				'key'         => self::GOOD,
				'state'       => 'grace',
				'grace_until' => (string) ( $now + 5 ),
			),
			'grace, no end'          => array(
				'key'   => self::GOOD,
				'state' => 'grace',
			),
			'grace, end not numeric' => array(
				'key'         => self::GOOD,
				'state'       => 'grace',
				'grace_until' => 'soon',
			),
			'lapsed'                 => array(
				'key'         => self::GOOD,
				'state'       => 'lapsed',
				'grace_until' => $now + 1,
			),
			'invalid'                => array(
				'key'   => self::GOOD,
				'state' => 'invalid',
			),
			'inactive'               => array(
				'key'   => self::GOOD,
				'state' => 'inactive',
			),
			'unknown state'          => array(
				'key'   => self::GOOD,
				'state' => 'gold',
			),
		);
		$this->set_now( $now );
		$this->temporary_product( 'reading' );
		foreach ( $records as $case => $record ) {
			$expected = \BatchKeys\Kit\License\Record::from_array( $record )->features_enabled( $now );
			$this->assertSame( $expected, Kit::record_enables( $record, $now ), $case );
			delete_option( 'batchkeys_license_reading' );
			if ( null !== $record ) {
				add_option( 'batchkeys_license_reading', $record, '', false );
			}
			$this->assertSame( $expected, batchkeys_is_active( 'reading' ), $case . ': after the election' );
			$booted                             = $GLOBALS['batchkeys_kit']['booted'];
			$GLOBALS['batchkeys_kit']['booted'] = '';
			$this->assertSame( $expected, batchkeys_is_active( 'reading' ), $case . ': before the election' );
			$GLOBALS['batchkeys_kit']['booted'] = $booted;
		}
	}

	/** The URL of a plugin copy goes through plugins_url() (symlinked plugin included). */
	public function test_url_of_a_plugin_copy() {
		$this->assertSame( content_url( '/plugins/batchkeys/kit/build/admin.js' ), $this->kit()->url( 'build/admin.js' ) );
		$this->assertSame( content_url( '/plugins/batchkeys/kit/x.css' ), $this->kit()->url( '/x.css' ) );
	}

	/** The URL of a copy bundled in the active theme is under the theme's URL. */
	public function test_url_of_a_theme_copy() {
		$kit  = ( new \ReflectionClass( Kit::class ) )->newInstanceWithoutConstructor();
		$path = new \ReflectionProperty( Kit::class, 'path' );
		$path->setAccessible( true );
		$path->setValue( $kit, get_stylesheet_directory() . '/inc/kit' );
		$this->assertSame( get_stylesheet_directory_uri() . '/inc/kit/build/view.js', $kit->url( 'build/view.js' ) );
	}

	/** The election boots the newest copy recorded (the first of equal versions), once. */
	public function test_election_picks_the_newest_copy() {
		$base  = sys_get_temp_dir() . '/batchkeys-election-' . wp_rand();
		$dirs  = array();
		$built = array(
			'old'    => '0.0.9',
			'newest' => '10.0.0',
			'same'   => '10.0.0',
			'mid'    => '2.5.0',
		);
		foreach ( $built as $name => $version ) {
			$dirs[ $name ] = $base . '/' . $name;
			wp_mkdir_p( $dirs[ $name ] );
			file_put_contents( $dirs[ $name ] . '/boot.php', '<?php $GLOBALS["batchkeys_election_test"][] = ' . var_export( $name, true ) . ';' );
		}
		$GLOBALS['batchkeys_election_test'] = array();
		$GLOBALS['batchkeys_kit']           = array(
			'copies' => array_combine( array_values( $dirs ), array_values( $built ) ),
			'queue'  => array(),
			'booted' => '',
		);
		batchkeys_kit_elect();
		batchkeys_kit_elect();
		$this->assertSame( array( 'newest' ), $GLOBALS['batchkeys_election_test'] );
		$this->assertSame( $dirs['newest'], $GLOBALS['batchkeys_kit']['booted'] );
		unset( $GLOBALS['batchkeys_election_test'] );
		foreach ( $dirs as $dir ) {
			unlink( $dir . '/boot.php' );
			rmdir( $dir );
		}
		rmdir( $base );
	}

	/** Before the election, registrations are queued and batchkeys_is_active() reads the stored record. */
	public function test_before_the_election() {
		$GLOBALS['batchkeys_kit']['booted'] = '';
		$this->assertFalse( batchkeys_kit_booted() );
		$this->assertTrue( batchkeys_register_product( 'queued', array( 'auth' => 'X' ) ) );
		$this->assertSame( array( array( 'queued', array( 'auth' => 'X' ) ) ), $GLOBALS['batchkeys_kit']['queue'] );
		$this->assertNull( $this->kit()->registry()->get( 'queued' ) );
		$this->assertSame( 'not_ready', batchkeys_consume( 'queued', 1 )->get_error_code() );

		$now = 1795773600;
		$this->set_now( $now );
		$this->assertFalse( batchkeys_is_active( 'queued' ) );
		update_option(
			'batchkeys_license_queued',
			array(
				'key'         => self::GOOD,
				'state'       => 'grace',
				'grace_until' => $now + 1,
			),
			false
		);
		$this->assertTrue( batchkeys_is_active( 'queued' ) );
		$this->set_now( $now + 1 );
		$this->assertFalse( batchkeys_is_active( 'queued' ), 'the grace clock runs before the election too' );
		update_option(
			'batchkeys_license_queued',
			array(
				'key'   => self::GOOD,
				'state' => 'active',
			),
			false
		);
		$this->assertTrue( batchkeys_is_active( 'queued' ) );
		$this->assertFalse( batchkeys_is_active( '' ) );
	}

	/** After the election, registering works at once (also from a later hook). */
	public function test_registering_after_the_boot() {
		$this->temporary_product( 'late-product' );
		$this->assertNotNull( $this->kit()->registry()->get( 'late-product' ) );
		$this->assertFalse( batchkeys_is_active( 'late-product' ) );
	}

	/** The facade's is_active() follows the stored state and the grace clock. */
	public function test_is_active_follows_the_grace_clock() {
		$now = 1795773600;
		$this->set_now( $now );
		update_option(
			'batchkeys_license_' . self::DEMO,
			array(
				'key'          => self::GOOD,
				'state'        => 'grace',
				'code'         => 'connection',
				'last_success' => $now - 6 * DAY_IN_SECONDS,
				'grace_until'  => $now + DAY_IN_SECONDS,
			),
			false
		);
		$this->assertTrue( batchkeys_is_active( self::DEMO ) );
		$this->set_now( $now + DAY_IN_SECONDS );
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
		$this->as_user( 'administrator' );
		$view = $this->kit()->licenses()->view( $this->product() );
		$this->assertSame( 'lapsed', $view['state'] );
		$this->assertSame( gmdate( DATE_ATOM, $now + DAY_IN_SECONDS ), $view['grace_until'] );
		$this->assertSame( $now + DAY_IN_SECONDS, Clock::now() );
	}

	/** Deactivating the plugin that holds the only copy of the kit removes the cron event. */
	public function test_deactivation_clears_the_cron_event() {
		wp_schedule_event( time() + 60, 'daily', 'batchkeys_recheck' );
		$GLOBALS['batchkeys_kit']['copies'] = array( $this->kit()->path() => $this->kit()->version() );
		do_action( 'deactivate_plugin', 'batchkeys/batchkeys.php', false );
		batchkeys_plugin_deactivated();
		$this->assertFalse( wp_next_scheduled( 'batchkeys_recheck' ) );
	}
}
