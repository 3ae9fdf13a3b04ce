<?php
/**
 * Writes what TypeScript needs to know of the kit's messages, from PHP's Messages (the one source):
 *
 * - src/shared/codes.generated.json: {"codes": [...], "statuses": {code: HTTP status}}. Scripts
 *   import it (a kit code's message from the server is shown as is);
 * - src/shared/messages.generated.json: {"generic": {message, hint}, "messages": {code: {message,
 *   hint}}, "words": {the license screen's sentences}}, the English words. Only jest tests read
 *   it: one fails when one of the few messages the scripts keep for themselves (format errors
 *   found before any request) differs from PHP's; the screen's tests take its words from it.
 *
 * Both sorted, tab-indented.
 *
 * Usage, from the repository root: `php tools/export-codes.php` writes the files;
 * `php tools/export-codes.php --check` exits 1 when one is out of date.
 *
 * A PHPUnit test (test/php/messages/messages-test.php) fails when the files and PHP differ.
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) ) {
	// The class file only checks that it is not requested directly over HTTP.
	define( 'ABSPATH', dirname( __DIR__ ) . '/' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constant, outside WordPress.
}
if ( ! function_exists( '__' ) ) {
	/**
	 * Outside WordPress the words are the English source text.
	 *
	 * @param string $text   Text.
	 * @param string $domain Text domain.
	 * @return string
	 */
	function __( $text, $domain = 'default' ) { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound, Generic.CodeAnalysis.UnusedFunctionParameter.FoundAfterLastUsed -- WordPress's own function, outside WordPress.
		return $text;
	}
}
if ( ! function_exists( 'apply_filters' ) ) {
	/**
	 * Outside WordPress nothing filters.
	 *
	 * @param string $hook  Hook name.
	 * @param mixed  $value Value.
	 * @return mixed
	 */
	function apply_filters( $hook, $value ) { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound, Generic.CodeAnalysis.UnusedFunctionParameter.FoundBeforeLastUsed -- WordPress's own function, outside WordPress.
		return $value;
	}
}
require_once dirname( __DIR__ ) . '/plugin/kit/src/Messages/class-messages.php';

/**
 * A value as WordPress-style JSON: tabs, unescaped slashes and Unicode, a final newline.
 *
 * @param mixed $value Value.
 * @return string
 */
function batchkeys_export_json( $value ) {
	$json = json_encode( $value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	return preg_replace_callback(
		'/^( {4})+/m',
		function ( $m ) {
			return str_repeat( "\t", intdiv( strlen( $m[0] ), 4 ) );
		},
		(string) $json
	) . "\n";
}

/**
 * The JSON text of the codes file.
 *
 * @return string
 */
function batchkeys_codes_json() {
	$statuses = \BatchKeys\Kit\Messages\Messages::statuses();
	ksort( $statuses, SORT_STRING );
	return batchkeys_export_json(
		array(
			'codes'    => array_keys( $statuses ),
			'statuses' => $statuses,
		)
	);
}

/**
 * The JSON text of the messages file: the generic pair (with `%s` for the code) and every code's.
 *
 * @return string
 */
function batchkeys_messages_json() {
	$messages = array();
	foreach ( \BatchKeys\Kit\Messages\Messages::codes() as $code ) {
		$messages[ $code ] = \BatchKeys\Kit\Messages\Messages::get( $code );
	}
	ksort( $messages, SORT_STRING );
	return batchkeys_export_json(
		array(
			// Not a code: the generic pair, its %s left in place.
			'generic'  => \BatchKeys\Kit\Messages\Messages::get( '%s' ),
			'messages' => $messages,
			// The license screen's own sentences, their placeholders left in place.
			'words'    => \BatchKeys\Kit\Messages\Messages::screen_words(),
		)
	);
}

/**
 * Path => JSON text of every generated file.
 *
 * @return array<string, string>
 */
function batchkeys_generated_files() {
	$dir = dirname( __DIR__ ) . '/src/shared/';
	return array(
		$dir . 'codes.generated.json'    => batchkeys_codes_json(),
		$dir . 'messages.generated.json' => batchkeys_messages_json(),
	);
}

if ( PHP_SAPI === 'cli' && isset( $argv[0] ) && realpath( $argv[0] ) === __FILE__ ) {
	$batchkeys_stale = 0;
	foreach ( batchkeys_generated_files() as $batchkeys_file => $batchkeys_json ) {
		$batchkeys_name = basename( $batchkeys_file );
		if ( in_array( '--check', $argv, true ) ) {
			$batchkeys_same = is_readable( $batchkeys_file ) && file_get_contents( $batchkeys_file ) === $batchkeys_json;
			echo $batchkeys_same ? "$batchkeys_name is up to date\n" : "$batchkeys_name differs from PHP: run php tools/export-codes.php\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line output.
			$batchkeys_stale += $batchkeys_same ? 0 : 1;
			continue;
		}
		file_put_contents( $batchkeys_file, $batchkeys_json ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a build tool, outside WordPress.
		echo "wrote $batchkeys_file\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line output.
	}
	exit( $batchkeys_stale > 0 ? 1 : 0 );
}
