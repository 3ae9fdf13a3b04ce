<?php
/**
 * Store (one non-autoloaded option per product, one write per change) and Lock (atomic row).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\License;

use BatchKeys\Kit\License\Lock;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\License\Store;
use BatchKeys\Tests\Test_Case;

/** Storage and locking. */
final class Store_Lock_Test extends Test_Case {

	/**
	 * Counts writes to an option.
	 *
	 * @param string $option Option name.
	 * @return \ArrayObject Its count property grows by one per write.
	 */
	private function count_writes( $option ) {
		$writes = new \ArrayObject( array( 'count' => 0 ) );
		$count  = static function ( $name ) use ( $option, $writes ) {
			if ( $name === $option ) {
				++$writes['count'];
			}
		};
		$this->add_test_filter( 'add_option', $count );
		$this->add_test_filter( 'update_option', $count );
		return $writes;
	}

	/** A record is written once per change, never when nothing changed, and never autoloaded. */
	public function test_one_write_per_change() {
		$store  = new Store();
		$writes = $this->count_writes( 'batchkeys_license_store-test' );
		$this->assertFalse( $store->put( 'store-test', new Record() ), 'an empty record is not written' );
		$record        = new Record();
		$record->key   = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';
		$record->state = 'active';
		$this->assertTrue( $store->put( 'store-test', $record ) );
		$this->assertFalse( $store->put( 'store-test', clone $record ) );
		$this->assertFalse( $store->put( 'store-test', $store->get( 'store-test', true ) ) );
		$record->code = 'valid';
		$this->assertTrue( $store->put( 'store-test', $record ) );
		$this->assertSame( 2, $writes['count'] );
		$this->assertTrue( $record->equals( $store->get( 'store-test', true ) ) );

		global $wpdb;
		$autoload = $wpdb->get_var( "SELECT autoload FROM {$wpdb->options} WHERE option_name = 'batchkeys_license_store-test'" );
		$this->assertContains( $autoload, array( 'off', 'no' ) );
		$alloptions = wp_load_alloptions( true );
		$this->assertArrayNotHasKey( 'batchkeys_license_store-test', $alloptions );
		foreach ( array_keys( $alloptions ) as $name ) {
			$this->assertStringStartsNotWith( 'batchkeys_', $name, 'the kit autoloads nothing' );
		}
	}

	/** The daily slot is random, stored once per site, and never autoloaded. */
	public function test_daily_slot_is_stored_once() {
		delete_option( Store::DAILY_SLOT );
		$store = new Store();
		$slot  = $store->daily_slot();
		$this->assertGreaterThanOrEqual( 0, $slot );
		$this->assertLessThan( DAY_IN_SECONDS, $slot );
		$this->assertSame( $slot, $store->daily_slot() );
		$this->assertSame( $slot, ( new Store() )->daily_slot() );
		$spread = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$spread[ intdiv( Store::random_slot(), 4 * HOUR_IN_SECONDS ) ] = true;
		}
		$this->assertCount( 6, $spread, 'random slots cover the whole day' );
	}

	/** Only one holder at a time; the holder alone releases; an expired row is taken over once. */
	public function test_lock_is_exclusive_and_expires() {
		$now = 1795773600;
		$one = new Lock( 'batchkeys_lock_lock-test' );
		$two = new Lock( 'batchkeys_lock_lock-test' );
		$this->assertTrue( $one->acquire( 60, $now ) );
		$this->assertFalse( $two->acquire( 60, $now + 59 ) );
		$this->assertSame( 30, $two->remaining( $now + 30 ) );
		$two->release();
		$this->assertFalse( $two->acquire( 60, $now + 1 ), 'a non-holder cannot release it' );

		$this->assertTrue( $two->acquire( 60, $now + 60 ), 'expired: taken over' );
		$three = new Lock( 'batchkeys_lock_lock-test' );
		$this->assertFalse( $three->acquire( 60, $now + 60 ), 'taken over exactly once' );
		$one->release();
		$this->assertFalse( $three->acquire( 60, $now + 61 ), 'a release by the old holder leaves the new holder its lock' );
		$two->release();
		$this->assertTrue( $three->acquire( 60, $now + 61 ) );
		$this->assertTrue( $three->held() );
		$three->release();
		$this->assertSame( 0, $three->remaining( $now ) );

		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name = 'batchkeys_lock_lock-test'" ) );
	}

	/** A lock row is never autoloaded. */
	public function test_lock_row_is_not_autoloaded() {
		$lock = new Lock( 'batchkeys_lock_autoload-test' );
		$this->assertTrue( $lock->acquire( 60, time() ) );
		global $wpdb;
		$this->assertSame( 'off', $wpdb->get_var( "SELECT autoload FROM {$wpdb->options} WHERE option_name = 'batchkeys_lock_autoload-test'" ) );
		$lock->release();
	}
}
