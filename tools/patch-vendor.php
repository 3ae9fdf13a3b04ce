<?php
/**
 * Composer post-install/update: mends the dev tools' known PHP 8.1+ deprecation (mustache 2.13,
 * which WP-CLI 2.11 uses, calls trim( null ) and every `wp` run prints "Deprecated: trim()").
 * The registry copy has no newer mustache; this is the one-line fix the newer release made.
 * Idempotent; writes a new file rather than editing in place (vendor/ may be hard-linked).
 *
 * @package BatchKeys
 */

$batchkeys_file = dirname( __DIR__ ) . '/vendor/mustache/mustache/src/Mustache/Tokenizer.php';
if ( ! is_readable( $batchkeys_file ) ) {
	exit( 0 );
}
$batchkeys_code  = (string) file_get_contents( $batchkeys_file );
$batchkeys_fixed = str_replace( 'if ($delimiters = trim($delimiters)) {', 'if ($delimiters = trim((string) $delimiters)) {', $batchkeys_code );
if ( $batchkeys_fixed !== $batchkeys_code ) {
	$batchkeys_tmp = $batchkeys_file . '.tmp';
	file_put_contents( $batchkeys_tmp, $batchkeys_fixed );
	rename( $batchkeys_tmp, $batchkeys_file );
	echo "batchkeys: mustache trim() deprecation mended\n";
}
