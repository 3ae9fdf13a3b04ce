<?php
/**
 * The election in load.php over copies laid out as bundled products have them, in process (the
 * served-site test, bundling-test.php, runs it over real plugins and themes).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Bundling;

use BatchKeys\Tests\Test_Case;

/** The election (batchkeys_kit_elect()) over fake copies whose boot.php only says it ran. */
final class Election_Test extends Test_Case {

	/**
	 * The loader's registry, restored after each test.
	 *
	 * @var array
	 */
	private $saved_registry;

	/**
	 * Folders made by the test.
	 *
	 * @var string[]
	 */
	private $dirs = array();

	/** Saves the loader's registry. */
	protected function setUp(): void {
		parent::setUp();
		$this->saved_registry                 = $GLOBALS['batchkeys_kit'];
		$GLOBALS['batchkeys_election_booted'] = array();
	}

	/** Restores it and removes the fake copies. */
	protected function tearDown(): void {
		$GLOBALS['batchkeys_kit'] = $this->saved_registry;
		unset( $GLOBALS['batchkeys_election_booted'] );
		foreach ( array_reverse( $this->dirs ) as $dir ) {
			foreach ( (array) glob( $dir . '/*' ) as $file ) {
				unlink( $file );
			}
			rmdir( $dir );
		}
		parent::tearDown();
	}

	/**
	 * Fake copies: name => version; a name in $broken gets no boot.php.
	 *
	 * @param array    $copies Name => version, in load order.
	 * @param string[] $broken Names without boot.php.
	 * @return array<string, string> Name => folder.
	 */
	private function copies( array $copies, array $broken = array() ) {
		$base         = sys_get_temp_dir() . '/batchkeys-bundling-' . wp_rand();
		$this->dirs[] = $base;
		wp_mkdir_p( $base );
		$dirs     = array();
		$recorded = array();
		foreach ( $copies as $name => $version ) {
			$dirs[ $name ] = $base . '/' . $name . '/kit';
			wp_mkdir_p( $dirs[ $name ] );
			$this->dirs[] = dirname( $dirs[ $name ] );
			$this->dirs[] = $dirs[ $name ];
			if ( ! in_array( $name, $broken, true ) ) {
				file_put_contents( $dirs[ $name ] . '/boot.php', '<?php $GLOBALS["batchkeys_election_booted"][] = ' . var_export( $name, true ) . ';' );
			}
			$recorded[ $dirs[ $name ] ] = $version;
		}
		$GLOBALS['batchkeys_kit'] = array(
			'copies' => $recorded,
			'queue'  => array(),
			'booted' => '',
		);
		return $dirs;
	}

	/** The newest wins whatever the load order: a theme, loaded last, included. */
	public function test_the_newest_wins_in_any_load_order() {
		$dirs = $this->copies(
			array(
				'standalone'     => '0.1.0',
				'example-plugin' => '0.1.0-beta',
				'example-theme'  => '0.1.0.1',
			)
		);
		batchkeys_kit_elect();
		$this->assertSame( array( 'example-theme' ), $GLOBALS['batchkeys_election_booted'] );
		$this->assertSame( $dirs['example-theme'], $GLOBALS['batchkeys_kit']['booted'] );

		$this->copies(
			array(
				'example-theme'  => '0.1.0-alpha',
				'example-plugin' => '0.1.0-beta',
				'standalone'     => '0.1.0',
			)
		);
		$GLOBALS['batchkeys_election_booted'] = array();
		batchkeys_kit_elect();
		$this->assertSame( array( 'standalone' ), $GLOBALS['batchkeys_election_booted'] );
	}

	/** Pre-releases of a version are older than the version (PHP's version_compare()). */
	public function test_the_fixture_versions_order() {
		$this->assertSame( -1, version_compare( '0.1.0-alpha', '0.1.0-beta' ) );
		$this->assertSame( -1, version_compare( '0.1.0-beta', '0.1.0' ) );
		$this->assertSame( 1, version_compare( '0.1.0.1', '0.1.0' ) );
	}

	/** A copy that cannot boot (no boot.php: a half-copied folder) is passed over. */
	public function test_a_broken_newest_copy_is_passed_over() {
		$dirs = $this->copies(
			array(
				'old'    => '1.0.0',
				'broken' => '9.0.0',
				'next'   => '5.0.0',
			),
			array( 'broken' )
		);
		batchkeys_kit_elect();
		$this->assertSame( array( 'next' ), $GLOBALS['batchkeys_election_booted'] );
		$this->assertSame( $dirs['next'], $GLOBALS['batchkeys_kit']['booted'] );
	}

	/** No copy can boot: nothing boots, and nothing fails. */
	public function test_no_bootable_copy() {
		$this->copies( array( 'broken' => '1.0.0' ), array( 'broken' ) );
		batchkeys_kit_elect();
		$this->assertSame( array(), $GLOBALS['batchkeys_election_booted'] );
		$this->assertSame( '', $GLOBALS['batchkeys_kit']['booted'] );
	}
}
