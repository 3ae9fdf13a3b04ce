<?php
/**
 * A small burst of requests, then one more per interval, shared by every PHP process.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The generic cell rate algorithm on one options row: the row holds the time at which the
 * bucket is empty again (the "theoretical arrival time"). A request is let through while that
 * time is at most ($size - 1) intervals ahead, and pushes it one interval on. So $size requests
 * may come back to back, then one per $interval; the long-run rate never exceeds one per
 * $interval. Claimed like Lock: INSERT IGNORE for a new row, compare-and-swap UPDATE after, so
 * 20 concurrent requests let exactly $size through. Never autoloaded.
 *
 * Used for batchkeys_throttle_<slug> (a person's activations and checks of one product) and
 * batchkeys_site_throttle (those of every product together). See docs/throttle.md.
 */
final class Burst {

	/**
	 * Option name of the row.
	 *
	 * @var string
	 */
	private $name;

	/**
	 * Options table holding the row ('' for the current site's).
	 *
	 * @var string
	 */
	private $table;

	/**
	 * Requests that may come back to back.
	 *
	 * @var int
	 */
	private $size;

	/**
	 * Seconds per request in the long run.
	 *
	 * @var int
	 */
	private $interval;

	/**
	 * A burst rule.
	 *
	 * @param string $name     Option name.
	 * @param int    $size     Requests that may come back to back (1 or more).
	 * @param int    $interval Seconds per request in the long run (1 or more).
	 * @param string $table    Options table ('' for the current site's).
	 */
	public function __construct( $name, $size, $interval, $table = '' ) {
		$this->name     = (string) $name;
		$this->table    = (string) $table;
		$this->size     = max( 1, (int) $size );
		$this->interval = max( 1, (int) $interval );
	}

	/**
	 * Lets one request through, or says how long to wait.
	 *
	 * @param int $now Unix timestamp.
	 * @return int 0 when the request may go ahead (it is counted), else the seconds to wait.
	 */
	public function take( $now ) {
		global $wpdb;
		for ( $try = 0; $try < 5; $try++ ) {
			$current = $this->read();
			if ( null === $current ) {
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- an atomic claim cannot go through the options API or its cache; the table name is ours.
				if ( $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO `{$this->table()}` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, %s, 'off' )", $this->name, (string) ( $now + $this->interval ) ) ) ) {
					return 0;
				}
				continue;
			}
			$wait = $this->wait_for( (int) $current, $now );
			if ( $wait > 0 ) {
				return $wait;
			}
			$next = (string) ( max( (int) $current, $now ) + $this->interval );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above.
			if ( 1 === (int) $wpdb->query( $wpdb->prepare( "UPDATE `{$this->table()}` SET `option_value` = %s WHERE `option_name` = %s AND `option_value` = %s", $next, $this->name, $current ) ) ) {
				return 0;
			}
		}
		// Still contended after five tries: refuse rather than risk one request too many.
		return 1;
	}

	/**
	 * Seconds until the next request would be let through (0: now).
	 *
	 * @param int $now Unix timestamp.
	 * @return int
	 */
	public function wait( $now ) {
		$current = $this->read();
		return null === $current ? 0 : $this->wait_for( (int) $current, $now );
	}

	/**
	 * Seconds to wait given the row's value.
	 *
	 * @param int $arrival The stored time.
	 * @param int $now     Unix timestamp.
	 * @return int
	 */
	private function wait_for( $arrival, $now ) {
		return max( 0, $arrival - ( $this->size - 1 ) * $this->interval - $now );
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
	 * The row's value, read past the object cache; null when there is no row.
	 *
	 * @return string|null
	 */
	private function read() {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see take().
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT `option_value` FROM `{$this->table()}` WHERE `option_name` = %s", $this->name ) );
		return null === $value ? null : (string) $value;
	}
}
