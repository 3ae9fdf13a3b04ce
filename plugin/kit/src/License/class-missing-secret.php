<?php
/**
 * Where a check found no secret although the screen sees one.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A secret kept in an environment variable may be visible to the web server's PHP and not to
 * WP-Cron run from a system crontab or to WP-CLI. Such a check makes no call and leaves the
 * license record alone; this note (option batchkeys_no_secret_<slug>, never autoloaded) is what
 * lets the screen, the notices and Site Health name the cause. A background check that could
 * ask BatchKeys removes it.
 */
final class Missing_Secret {

	/**
	 * Option name prefix; the product slug follows.
	 */
	const PREFIX = 'batchkeys_no_secret_';

	/**
	 * The kind of process running now: wp-cli, cron or request.
	 *
	 * @return string
	 */
	public static function context() {
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			return 'wp-cli';
		}
		return wp_doing_cron() ? 'cron' : 'request';
	}

	/**
	 * Notes that a background check of a product found no secret in this process.
	 *
	 * @param Product $product Product.
	 * @param int     $now     Unix timestamp.
	 * @return void
	 */
	public static function note( Product $product, $now ) {
		$value = array(
			'context' => self::context(),
			'time'    => (int) $now,
		);
		if ( get_option( self::PREFIX . $product->slug, null ) !== $value ) {
			update_option( self::PREFIX . $product->slug, $value, false );
		}
	}

	/**
	 * Forgets the note (a background check found the secret).
	 *
	 * @param Product $product Product.
	 * @return void
	 */
	public static function clear( Product $product ) {
		if ( null !== get_option( self::PREFIX . $product->slug, null ) ) {
			delete_option( self::PREFIX . $product->slug );
		}
	}

	/**
	 * The note for the license view: where and when the secret was missing, and a sentence
	 * saying so; null when there is none, or when the secret is missing here too (the view's
	 * `configured` says that already).
	 *
	 * @param Product $product Product.
	 * @return array{context: string, at: string|null, message: string}|null
	 */
	public static function view( Product $product ) {
		$note = get_option( self::PREFIX . $product->slug, null );
		if ( ! is_array( $note ) || empty( $note['context'] ) || ! $product->is_configured() ) {
			return null;
		}
		$time = isset( $note['time'] ) ? (int) $note['time'] : 0;
		$name = '' === $product->auth ? __( 'the authorization key', 'batchkeys' ) : $product->auth;
		if ( 'wp-cli' === $note['context'] ) {
			/* translators: 1: date and time, 2: name of a PHP constant or environment variable. */
			$text = __( 'A check from WP-CLI on %1$s found no BatchKeys authorization key (%2$s): it is set where the web server sees it, but not where WP-CLI runs. Nothing was sent and the license was left as it is. Define %2$s in wp-config.php so every part of WordPress sees it.', 'batchkeys' );
		} else {
			/* translators: 1: date and time, 2: name of a PHP constant or environment variable. */
			$text = __( 'The automatic check on %1$s found no BatchKeys authorization key (%2$s): it is set where the web server sees it, but not where WP-Cron runs. Nothing was sent and the license was left as it is. Define %2$s in wp-config.php so every part of WordPress sees it.', 'batchkeys' );
		}
		return array(
			'context' => (string) $note['context'],
			'at'      => Clock::iso( $time ),
			'message' => sprintf( $text, Clock::local( $time ), $name ),
		);
	}
}
