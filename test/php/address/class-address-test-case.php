<?php
/**
 * What the address tests share: both readings of how BatchKeys binds a domain, and a key
 * activated here (127.0.0.1) whose database is then seen at another address.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Address;

use BatchKeys\Tests\Cron\Cron_Test_Case;

require_once dirname( __DIR__ ) . '/cron/class-cron-test-case.php';

/** A key activated here, then its database seen at another address. */
abstract class Address_Test_Case extends Cron_Test_Case {

	const TWO_SEATS = 'ADDRTWO-SEATS22-AAAAAAA-BBBBBBB-CCCCCCC';
	const ONE_SEAT  = 'ADDRONE-SEATONE-AAAAAAA-BBBBBBB-CCCCCCC';

	/**
	 * Both readings of how BatchKeys binds a domain.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function binding_modes() {
		return array(
			'binds on any valid answer' => array( 'valid' ),
			'binds only on active: 1'   => array( 'active' ),
		);
	}

	/**
	 * The demo key activated here (127.0.0.1), then the database seen at another address.
	 *
	 * @param string $bind_on The mock's binding mode.
	 * @param string $key     Key.
	 * @param string $home    The new home URL.
	 * @param array  $product Product arguments (a temporary product when not empty).
	 * @return \BatchKeys\Kit\Product\Product
	 */
	protected function copied( $bind_on, $key, $home, array $product = array() ) {
		$this->mock->bind_on( $bind_on );
		$this->mock->key(
			array(
				'key'             => $key,
				'domains_allowed' => self::ONE_SEAT === $key ? 1 : 2,
			)
		);
		$subject = array() === $product ? $this->product() : $this->temporary_product( 'moving', $product );
		$this->activate_key( $subject, $key );
		if ( 'active' === $bind_on ) {
			// The reading where only active: 1 binds: the vendor's activation did it.
			$this->mock->key(
				array(
					'key'             => $key,
					'domains_allowed' => self::ONE_SEAT === $key ? 1 : 2,
					'domains'         => array( '127.0.0.1' ),
				)
			);
		}
		$this->mock->reset_log();
		$this->later();
		self::set_home( $home );
		return $subject;
	}

	/**
	 * Writes the stored home URL (update_option() would compare with the WP_HOME-filtered value).
	 *
	 * @param string $home URL.
	 */
	protected static function set_home( $home ) {
		global $wpdb;
		$wpdb->update( $wpdb->options, array( 'option_value' => $home ), array( 'option_name' => 'home' ) );
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'home', 'options' );
	}
}
