<?php
/**
 * A short lock shared by every PHP process of the site.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A row in the options table, claimed atomically with INSERT IGNORE (as WordPress core's
 * WP_Upgrader::create_lock() does), holding its expiry time. An expired row is taken over with a
 * compare-and-swap UPDATE, so exactly one process wins it even then. Never autoloaded.
 *
 * Used for batchkeys_lock_<slug> (around one API call and its write) and for
 * batchkeys_throttle_<slug> (a person's activation or check: one per 10 s, never released).
 */
final class Lock {

	/**
	 * Option name of the row.
	 *
	 * @var string
	 */
	private $name;

	/**
	 * Expiry written by this process when it holds the row, else null.
	 *
	 * @var string|null
	 */
	private $token = null;

	/**
	 * A lock (not yet held).
	 *
	 * @param string $name Option name, e.g. batchkeys_lock_acme-seo.
	 */
	public function __construct( $name ) {
		$this->name = (string) $name;
	}

	/**
	 * Claims the row until $now + $ttl, unless another process holds it unexpired.
	 *
	 * @param int $ttl Seconds the claim lasts (also when this process dies holding it).
	 * @param int $now Unix timestamp.
	 * @return bool Whether this process holds it now.
	 */
	public function acquire( $ttl, $now ) {
		global $wpdb;
		$until = (string) ( $now + max( 1, (int) $ttl ) );
		for ( $try = 0; $try < 2; $try++ ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic claim cannot go through the options API or its cache.
			$inserted = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO `{$wpdb->options}` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, %s, 'off' )", $this->name, $until ) );
			if ( $inserted ) {
				$this->token = $until;
				return true;
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
			$current = $wpdb->get_var( $wpdb->prepare( "SELECT `option_value` FROM `{$wpdb->options}` WHERE `option_name` = %s", $this->name ) );
			if ( null === $current ) {
				continue; // Released in between: try the insert once more.
			}
			if ( (int) $current > $now ) {
				return false;
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
			$taken = $wpdb->query( $wpdb->prepare( "UPDATE `{$wpdb->options}` SET `option_value` = %s WHERE `option_name` = %s AND `option_value` = %s", $until, $this->name, $current ) );
			if ( 1 === (int) $taken ) {
				$this->token = $until;
				return true;
			}
			return false;
		}
		return false;
	}

	/**
	 * Seconds until the row expires as of $now (0 when free or expired).
	 *
	 * @param int $now Unix timestamp.
	 * @return int
	 */
	public function remaining( $now ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see acquire().
		$current = $wpdb->get_var( $wpdb->prepare( "SELECT `option_value` FROM `{$wpdb->options}` WHERE `option_name` = %s", $this->name ) );
		return null === $current ? 0 : max( 0, (int) $current - $now );
	}

	/**
	 * Releases the row if this process still holds it.
	 *
	 * @return void
	 */
	public function release() {
		global $wpdb;
		if ( null === $this->token ) {
			return;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see acquire().
		$wpdb->query( $wpdb->prepare( "DELETE FROM `{$wpdb->options}` WHERE `option_name` = %s AND `option_value` = %s", $this->name, $this->token ) );
		$this->token = null;
	}

	/**
	 * Whether this process holds the row.
	 *
	 * @return bool
	 */
	public function held() {
		return null !== $this->token;
	}
}
