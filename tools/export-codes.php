<?php
/**
 * Writes src/shared/codes.generated.json from the kit's single list of codes, Messages::statuses():
 * {"codes": [...], "statuses": {code: HTTP status}}, sorted, tab-indented.
 *
 * Usage, from the repository root: `php tools/export-codes.php` writes the file;
 * `php tools/export-codes.php --check` exits 1 when the file is out of date.
 *
 * A PHPUnit test (test/php/messages/messages-test.php) fails when the file and PHP differ.
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) ) {
	// The class file only checks that it is not requested directly over HTTP.
	define( 'ABSPATH', dirname( __DIR__ ) . '/' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constant, outside WordPress.
}
require_once dirname( __DIR__ ) . '/plugin/kit/src/Messages/class-messages.php';

/**
 * The JSON text of the codes file.
 *
 * @return string
 */
function batchkeys_codes_json() {
	$statuses = \BatchKeys\Kit\Messages\Messages::statuses();
	ksort( $statuses, SORT_STRING );
	$codes = array_keys( $statuses );
	$json  = json_encode(
		array(
			'codes'    => $codes,
			'statuses' => $statuses,
		),
		JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES
	);
	// WordPress style: tabs.
	return preg_replace_callback(
		'/^( {4})+/m',
		function ( $m ) {
			return str_repeat( "\t", strlen( $m[0] ) / 4 );
		},
		(string) $json
	) . "\n";
}

/**
 * Path of the generated file.
 *
 * @return string
 */
function batchkeys_codes_file() {
	return dirname( __DIR__ ) . '/src/shared/codes.generated.json';
}

if ( PHP_SAPI === 'cli' && isset( $argv[0] ) && realpath( $argv[0] ) === __FILE__ ) {
	$batchkeys_file = batchkeys_codes_file();
	$batchkeys_json = batchkeys_codes_json();
	if ( in_array( '--check', $argv, true ) ) {
		$batchkeys_same = is_readable( $batchkeys_file ) && file_get_contents( $batchkeys_file ) === $batchkeys_json;
		echo $batchkeys_same ? "codes.generated.json is up to date\n" : "codes.generated.json differs from PHP: run php tools/export-codes.php\n";
		exit( $batchkeys_same ? 0 : 1 );
	}
	file_put_contents( $batchkeys_file, $batchkeys_json );
	echo 'wrote ' . $batchkeys_file . ' (' . count( \BatchKeys\Kit\Messages\Messages::codes() ) . " codes)\n";
}
