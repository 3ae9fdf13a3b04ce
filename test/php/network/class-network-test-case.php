<?php
/**
 * Base class of the network tests: they run only on a served network
 * (BATCHKEYS_MULTISITE=1 bash tools/test-php.sh --group network).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Network;

use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Product\Product;
use BatchKeys\Tests\Cron\Cron_Test_Case;

require_once dirname( __DIR__ ) . '/cron/class-cron-test-case.php';

/** The main site and its subsites (blog ids 2, 3, 4 of the network test database). */
abstract class Network_Test_Case extends Cron_Test_Case {

	/**
	 * Write queries seen while recording (see record_writes()).
	 *
	 * @var string[]|null
	 */
	protected $writes = null;

	/** Fails plainly when the site is not a network; the network's own daily slot. */
	protected function setUp(): void {
		parent::setUp();
		$this->assertTrue( is_multisite(), 'the network tests need a network site: BATCHKEYS_MULTISITE=1 bash tools/test-php.sh --group network' );
		$this->assertGreaterThanOrEqual( 3, count( BATCHKEYS_TEST_SITE['subsites'] ), 'the network has 3 subsites' );
		update_site_option( 'batchkeys_daily_slot', 3 * HOUR_IN_SECONDS );
		$this->add_test_filter(
			'query',
			function ( $query ) {
				if ( null !== $this->writes && preg_match( '/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i', (string) $query ) ) {
					$this->writes[] = (string) $query;
				}
				return $query;
			}
		);
	}

	/** Back on the main site, whatever a test switched to. */
	protected function tearDown(): void {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		$this->writes = null;
		parent::tearDown();
	}

	/**
	 * Site ids of the subsites.
	 *
	 * @return int[]
	 */
	protected static function subsites() {
		return array_map(
			static function ( $site ) {
				return (int) $site['blog_id'];
			},
			BATCHKEYS_TEST_SITE['subsites']
		);
	}

	/**
	 * Every site of the network: the main site first.
	 *
	 * @return int[]
	 */
	protected static function all_sites() {
		return array_merge( array( get_main_site_id() ), self::subsites() );
	}

	/**
	 * A product with one key per site (the kit's 'site' scope), for this test only.
	 *
	 * @param string $slug Slug.
	 * @return Product
	 */
	protected function site_product( $slug = 'net-site' ) {
		return $this->temporary_product( $slug, array( 'network' => 'site' ) );
	}

	/**
	 * Starts recording write queries (INSERT, UPDATE, DELETE, REPLACE).
	 */
	protected function record_writes() {
		$this->writes = array();
	}

	/**
	 * The recorded writes that touch the kit's data (a batchkeys_* row, or the cron option
	 * holding the kit's event), and stops recording.
	 *
	 * @return string[]
	 */
	protected function kit_writes() {
		$writes       = array_values(
			array_filter(
				(array) $this->writes,
				static function ( $query ) {
					return false !== stripos( $query, 'batchkeys_' );
				}
			)
		);
		$this->writes = null;
		return $writes;
	}

	/**
	 * Runs the kit's event on one site when it is due at $now (as that site's WP-Cron would).
	 *
	 * @param int $blog_id Site id.
	 * @param int $now     Unix time.
	 * @return bool Whether it ran.
	 */
	protected function tick_site( $blog_id, $now ) {
		switch_to_blog( $blog_id );
		try {
			return $this->tick( $now );
		} finally {
			restore_current_blog();
		}
	}

	/**
	 * Whether a site has the kit's event.
	 *
	 * @param int $blog_id Site id.
	 * @return bool
	 */
	protected function has_event( $blog_id ) {
		switch_to_blog( $blog_id );
		$next = wp_next_scheduled( Scheduler::HOOK );
		restore_current_blog();
		return false !== $next;
	}
}
