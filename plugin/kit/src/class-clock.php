<?php
/**
 * The kit's clock.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Current time for every license decision, filterable so tests move time without sleeping.
 */
final class Clock {

	/**
	 * Now, as a Unix timestamp: time() through the `batchkeys_now` filter.
	 *
	 * @return int
	 */
	public static function now() {
		/**
		 * Filters the kit's notion of "now" (tests freeze or move time with it).
		 *
		 * @param int $now Unix timestamp.
		 */
		return (int) apply_filters( 'batchkeys_now', time() );
	}

	/**
	 * A timestamp as ISO 8601 in UTC (DATE_ATOM), or null.
	 *
	 * @param int|null $timestamp Unix timestamp.
	 * @return string|null
	 */
	public static function iso( $timestamp ) {
		if ( null === $timestamp ) {
			return null;
		}
		return gmdate( DATE_ATOM, (int) $timestamp );
	}

	/**
	 * A timestamp in the site's date and time format and timezone, for people to read.
	 *
	 * @param int $timestamp Unix timestamp.
	 * @return string
	 */
	public static function local( $timestamp ) {
		return (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $timestamp );
	}
}
