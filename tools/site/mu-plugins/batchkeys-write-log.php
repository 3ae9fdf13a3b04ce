<?php
/**
 * Plugin Name: BatchKeys local site: write log
 * Description: For tests and the benchmark: a request carrying the header X-BatchKeys-Write-Log
 * (a token of letters, digits and '-') has every database write it made listed in
 * <run dir>/write-log/<token>.json, the run dir being the folder of WP_DEBUG_LOG. Other requests
 * are untouched.
 *
 * @package BatchKeys
 */

$batchkeys_write_token = isset( $_SERVER['HTTP_X_BATCHKEYS_WRITE_LOG'] ) ? (string) $_SERVER['HTTP_X_BATCHKEYS_WRITE_LOG'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- checked against a pattern just below.
if ( preg_match( '/^[A-Za-z0-9-]{1,64}$/', $batchkeys_write_token ) && defined( 'WP_DEBUG_LOG' ) && is_string( WP_DEBUG_LOG ) ) {
	$GLOBALS['batchkeys_write_log'] = array(
		'queries' => 0,
		'writes'  => array(),
	);
	add_filter(
		'query',
		static function ( $query ) {
			++$GLOBALS['batchkeys_write_log']['queries'];
			if ( preg_match( '/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i', (string) $query ) ) {
				$GLOBALS['batchkeys_write_log']['writes'][] = (string) $query;
			}
			return $query;
		}
	);
	add_action(
		'shutdown',
		static function () use ( $batchkeys_write_token ) {
			$dir = dirname( WP_DEBUG_LOG ) . '/write-log';
			if ( ! is_dir( $dir ) ) {
				mkdir( $dir, 0777, true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_mkdir -- a local development tool.
			}
			$log = $GLOBALS['batchkeys_write_log'] + array(
				'uri'     => isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '', // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- logged as sent.
				'blog_id' => get_current_blog_id(),
			);
			file_put_contents( $dir . '/' . $batchkeys_write_token . '.json', wp_json_encode( $log ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- see above.
		},
		PHP_INT_MAX
	);
}
