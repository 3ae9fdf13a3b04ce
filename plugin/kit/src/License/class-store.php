<?php
/**
 * Where license records live.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One non-autoloaded option per product, batchkeys_license_<slug>, written only when it changes;
 * plus the site-wide options the service needs (never autoloaded either). Each write of a record
 * or of the pause fires an action of its own (`batchkeys_license_stored`,
 * `batchkeys_rate_limit_stored`), so what follows the records (the recheck event) never has to
 * watch every option write of the site.
 */
final class Store {

	/**
	 * Prefix of the per-product option.
	 */
	const PREFIX = 'batchkeys_license_';

	/**
	 * Site-wide: no API call before this time (after rate_limited).
	 */
	const RATE_LIMITED_UNTIL = 'batchkeys_rate_limited_until';

	/**
	 * Site-wide: second of the day (UTC) of the daily check, chosen at random once per site.
	 */
	const DAILY_SLOT = 'batchkeys_daily_slot';

	/**
	 * Option name of a product's record.
	 *
	 * @param string $slug Product slug.
	 * @return string
	 */
	public static function option_name( $slug ) {
		return self::PREFIX . $slug;
	}

	/**
	 * A product's record (an empty inactive one when none is stored).
	 *
	 * @param string $slug  Product slug.
	 * @param bool   $fresh Read the database, not the object cache (inside a lock).
	 * @return Record
	 */
	public function get( $slug, $fresh = false ) {
		$name = self::option_name( $slug );
		if ( $fresh ) {
			wp_cache_delete( $name, 'options' );
			wp_cache_delete( 'notoptions', 'options' );
		}
		return Record::from_array( get_option( $name, null ) );
	}

	/**
	 * Stores a product's record when it differs from the stored one (one write per change).
	 *
	 * @param string $slug   Product slug.
	 * @param Record $record Record.
	 * @return bool Whether anything was written.
	 */
	public function put( $slug, Record $record ) {
		$name    = self::option_name( $slug );
		$current = get_option( $name, null );
		$value   = $record->to_array();
		if ( is_array( $current ) && $current === $value ) {
			return false;
		}
		if ( null === $current && ! $record->has_key() && 'none' === $record->code ) {
			return false;
		}
		$written = update_option( $name, $value, false );
		if ( $written ) {
			self::stored( $slug, $record );
		}
		return $written;
	}

	/**
	 * Removes a product's record.
	 *
	 * @param string $slug Product slug.
	 * @return void
	 */
	public function delete( $slug ) {
		if ( delete_option( self::option_name( $slug ) ) ) {
			self::stored( $slug, null );
		}
	}

	/**
	 * Announces a changed record.
	 *
	 * @param string      $slug   Product slug.
	 * @param Record|null $record The stored record, or null when it was removed.
	 * @return void
	 */
	private static function stored( $slug, $record ) {
		/**
		 * Fires after a product's license record was written or removed.
		 *
		 * @param string      $slug   Product slug.
		 * @param Record|null $record The stored record; null when removed.
		 */
		do_action( 'batchkeys_license_stored', (string) $slug, $record );
	}

	/**
	 * Until when the site must not call BatchKeys (0: no block).
	 *
	 * @return int
	 */
	public function rate_limited_until() {
		return (int) get_option( self::RATE_LIMITED_UNTIL, 0 );
	}

	/**
	 * Blocks every call to BatchKeys until a time.
	 *
	 * @param int $until Unix timestamp.
	 * @return void
	 */
	public function set_rate_limited_until( $until ) {
		if ( update_option( self::RATE_LIMITED_UNTIL, (int) $until, false ) ) {
			/**
			 * Fires after the site-wide pause (no call to BatchKeys before $until) was stored.
			 *
			 * @param int $until Unix timestamp.
			 */
			do_action( 'batchkeys_rate_limit_stored', (int) $until );
		}
	}

	/**
	 * The site's daily check time, as a second of the day (UTC); picked at random the first time.
	 *
	 * @return int
	 */
	public function daily_slot() {
		$slot = get_option( self::DAILY_SLOT, null );
		if ( is_numeric( $slot ) && (int) $slot >= 0 && (int) $slot < DAY_IN_SECONDS ) {
			return (int) $slot;
		}
		$slot = self::random_slot();
		add_option( self::DAILY_SLOT, $slot, '', false );
		return (int) get_option( self::DAILY_SLOT, $slot );
	}

	/**
	 * A uniformly random second of the day.
	 *
	 * @return int
	 */
	public static function random_slot() {
		return (int) wp_rand( 0, DAY_IN_SECONDS - 1 );
	}
}
