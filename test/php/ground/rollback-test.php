<?php
/**
 * The test ground itself: the real WordPress is loaded on the test database, the plugin is
 * active, and each test's writes are rolled back.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Ground;

use BatchKeys\Tests\Test_Case;

/** Checks the base class and the bootstrap. */
final class Rollback_Test extends Test_Case {

	/** The test database is not the served site's. */
	public function test_runs_on_the_test_database_with_the_plugin_active() {
		global $table_prefix;
		$this->assertSame( 'wptests_', $table_prefix );
		$this->assertTrue( is_plugin_active( 'batchkeys/batchkeys.php' ) );
		$this->assertSame( 'local', wp_get_environment_type() );
	}

	/** Writes an option that the next test must not see. */
	public function test_a_write_inside_a_test() {
		update_option( 'batchkeys_rollback_probe', 'written', false );
		$this->assertSame( 'written', get_option( 'batchkeys_rollback_probe' ) );
	}

	/**
	 * The previous test's option is gone.
	 *
	 * @depends test_a_write_inside_a_test
	 */
	public function test_is_rolled_back() {
		$this->assertFalse( get_option( 'batchkeys_rollback_probe' ) );
	}

	/** The mock answers on real HTTP and records what it was asked. */
	public function test_the_mock_is_reset_before_each_test() {
		$this->assertSame( array(), $this->mock->log() );
	}
}
