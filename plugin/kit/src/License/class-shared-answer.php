<?php
/**
 * A day's "valid" answer shared by the sites of a network that hold the same key for the same
 * product and address.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Api\Answer;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Subdirectory sites of a network share one domain: sites holding the same per-site key send
 * BatchKeys the same request (product, key, domain) and get the same answer. The daily recheck
 * of such a site takes a "valid" answer another site got within the last day instead of calling
 * (docs/multisite.md).
 *
 * - Only per-site products on a network; only the scheduled recheck takes a shared answer (a
 *   person's activation, check or removal always calls).
 * - Only "valid" is shared. Any other answer from a call withdraws the shared one, so a site
 *   whose key was refused finds out by its own call, and the strike rules run on that site.
 * - Stored as one network option per product, key and domain (not autoloaded: network options
 *   outside WordPress's own list are read on demand), named by a keyed hash, never the key.
 */
final class Shared_Answer {

	/**
	 * Prefix of the network options: batchkeys_shared_<slug>:<hash>.
	 */
	const PREFIX = 'batchkeys_shared_';

	/**
	 * Oldest answer a site may take.
	 */
	const MAX_AGE = DAY_IN_SECONDS;

	/**
	 * A fresh "valid" answer for the record's request: newer than the site's own last check and
	 * at most a day old. Null when there is none (then the site calls).
	 *
	 * @param Product $product Product.
	 * @param Record  $record  The site's record, with its key.
	 * @param string  $domain  The domain the call would send.
	 * @param int     $now     Unix timestamp.
	 * @return Answer|null
	 */
	public static function recall( Product $product, Record $record, $domain, $now ) {
		if ( ! self::applies( $product ) || ! $record->has_key() ) {
			return null;
		}
		$stored = get_site_option( self::name( $product, (string) $record->key, $domain ) );
		if ( ! is_array( $stored ) || ! isset( $stored['code'], $stored['at'] ) || 'valid' !== $stored['code'] ) {
			return null;
		}
		$at = (int) $stored['at'];
		if ( $at <= (int) $record->last_checked || $at > $now || $now - $at > self::MAX_AGE ) {
			return null;
		}
		return new Answer( 'valid', isset( $stored['detail'] ) && is_string( $stored['detail'] ) ? $stored['detail'] : null );
	}

	/**
	 * After a call: shares a "valid" answer, withdraws the shared one on any other.
	 *
	 * @param Product $product Product.
	 * @param string  $key     The key sent.
	 * @param string  $domain  The domain sent.
	 * @param Answer  $answer  BatchKeys' answer.
	 * @param int     $now     Unix timestamp.
	 * @return void
	 */
	public static function keep( Product $product, $key, $domain, Answer $answer, $now ) {
		if ( ! self::applies( $product ) || $answer->made_no_call() ) {
			return;
		}
		$name = self::name( $product, $key, $domain );
		if ( 'valid' !== $answer->code ) {
			delete_site_option( $name );
			return;
		}
		update_site_option(
			$name,
			array(
				'code'   => 'valid',
				'detail' => $answer->detail,
				'at'     => (int) $now,
			)
		);
	}

	/**
	 * Whether answers of the product are shared: a per-site product on a network (a network
	 * license has one record and one check already).
	 *
	 * @param Product $product Product.
	 * @return bool
	 */
	public static function applies( Product $product ) {
		return is_multisite() && ! $product->is_network_scope();
	}

	/**
	 * The network option of a request. The slug is readable (uninstall removes a product's
	 * entries by it; a slug holds no ':'); key and domain only as a keyed hash.
	 *
	 * @param Product $product Product.
	 * @param string  $key     Key.
	 * @param string  $domain  Domain.
	 * @return string
	 */
	public static function name( Product $product, $key, $domain ) {
		$hash = hash_hmac( 'sha256', $product->slug . "\n" . $key . "\n" . strtolower( (string) $domain ), wp_salt( 'auth' ) );
		return self::PREFIX . $product->slug . ':' . substr( $hash, 0, 32 );
	}
}
