<?php
/**
 * The upstream error text, made fit to show.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Api;

use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * BatchKeys' ERROR text is shown to administrators so they can report it, but it is untrusted:
 * it may be 60 KB long, hold control characters, or echo the key (or even the secret) it was
 * sent. Before it is stored or shown: the secret becomes ****, every key-shaped run of
 * characters and the key that was sent are masked as the screen masks keys, white space is
 * folded, and the text is cut to MAX characters.
 */
final class Detail {

	/**
	 * Longest detail kept (characters), the ellipsis included.
	 */
	const MAX = 300;

	/**
	 * Keys shorter than this are masked only when they are the key that was sent: a generic
	 * pattern that short would hide ordinary words.
	 */
	const MIN_PATTERN_LENGTH = 12;

	/**
	 * The text to store and show, or null when there is none.
	 *
	 * @param mixed   $text    Raw text.
	 * @param Product $product Product (its key format and secret).
	 * @param string  $key     The key that was sent, if any.
	 * @return string|null
	 */
	public static function clean( $text, Product $product, $key = '' ) {
		if ( ! is_scalar( $text ) ) {
			return null;
		}
		$text = (string) $text;
		if ( ! mb_check_encoding( $text, 'UTF-8' ) ) {
			$text = (string) mb_convert_encoding( $text, 'UTF-8', 'UTF-8' );
		}
		// Cut a long text early (the masks below are linear, but 64 KB need not go through them).
		$text = mb_substr( $text, 0, self::MAX * 4 );
		$text = trim( (string) preg_replace( '/[\s\x00-\x1F\x7F]+/u', ' ', $text ) );
		if ( '' === $text ) {
			return null;
		}
		$secret = $product->secret();
		if ( '' !== $secret ) {
			$text = str_replace( $secret, '****', $text );
		}
		if ( is_string( $key ) && '' !== $key ) {
			$text = str_replace( $key, (string) $product->key_format->mask( $key ), $text );
		}
		if ( $product->key_format->total_length() >= self::MIN_PATTERN_LENGTH ) {
			$pattern = substr( $product->key_format->pattern(), 2, -4 );
			$masked  = preg_replace_callback(
				'/' . $pattern . '/u',
				static function ( $match ) use ( $product ) {
					return (string) $product->key_format->mask( $match[0] );
				},
				$text
			);
			$text    = is_string( $masked ) ? $masked : '';
		}
		if ( mb_strlen( $text ) > self::MAX ) {
			$text = rtrim( mb_substr( $text, 0, self::MAX - 1 ) ) . "\u{2026}";
		}
		return '' === $text ? null : $text;
	}
}
