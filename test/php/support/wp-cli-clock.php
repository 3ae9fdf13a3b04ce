<?php
/**
 * Required by the WP-CLI fixture sites (loaded with `wp --require=`, before WordPress loads):
 * the kit's clock set from BATCHKEYS_TEST_NOW (Unix seconds) when the test gives one, so a
 * subprocess sees the time the test simulates.
 *
 * @package BatchKeys\Tests
 */

$batchkeys_test_now = getenv( 'BATCHKEYS_TEST_NOW' );
if ( is_string( $batchkeys_test_now ) && ctype_digit( $batchkeys_test_now ) ) {
	WP_CLI::add_wp_hook(
		'batchkeys_now',
		static function () use ( $batchkeys_test_now ) {
			return (int) $batchkeys_test_now;
		},
		PHP_INT_MAX
	);
}
