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
 * A network license's rows live in the main site's options table: the network's own table
 * (sitemeta) has no unique key, so INSERT IGNORE would not be a claim there.
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
	 * Options table holding the row ('' for the current site's).
	 *
	 * @var string
	 */
	private $table;

	/**
	 * A lock (not yet held).
	 *
	 * @param string $name  Option name, e.g. batchkeys_lock_acme-seo.
	 * @param string $table Options table ('' for the current site's).
	 */
	public function __construct( $name, $table = '' ) {
		$this->name  = (string) $name;
		$this->table = (string) $table;
	}

	/**
	 * The options table of the network's main site (where network licenses keep their rows).
	 *
	 * @return string
	 */
	public static function main_site_table() {
		global $wpdb;
		return is_multisite() ? $wpdb->get_blog_prefix( get_main_site_id() ) . 'options' : $wpdb->options;
	}

	/**
	 * The table of the row.
	 *
	 * @return string
	 */
	private function table() {
		global $wpdb;
		return '' === $this->table ? $wpdb->options : $this->table;
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
		$table = $this->table();
		$until = (string) ( $now + max( 1, (int) $ttl ) );
		for ( $try = 0; $try < 2; $try++ ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- an atomic claim cannot go through the options API or its cache.
			$inserted = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO `{$table}` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, %s, 'off' )", $this->name, $until ) );
			if ( $inserted ) {
				$this->token = $until;
				return true;
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above (the table is WordPress's own).
			$current = $wpdb->get_var( $wpdb->prepare( "SELECT `option_value` FROM `{$table}` WHERE `option_name` = %s", $this->name ) );
			if ( null === $current ) {
				continue; // Released in between: try the insert once more.
			}
			if ( (int) $current > $now ) {
				return false;
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above (the table is WordPress's own).
			$taken = $wpdb->query( $wpdb->prepare( "UPDATE `{$table}` SET `option_value` = %s WHERE `option_name` = %s AND `option_value` = %s", $until, $this->name, $current ) );
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
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see acquire().
		$current = $wpdb->get_var( $wpdb->prepare( "SELECT `option_value` FROM `{$table}` WHERE `option_name` = %s", $this->name ) );
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
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see acquire().
		$wpdb->query( $wpdb->prepare( "DELETE FROM `{$table}` WHERE `option_name` = %s AND `option_value` = %s", $this->name, $this->token ) );
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
