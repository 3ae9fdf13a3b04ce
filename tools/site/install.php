<?php
/**
 * Installs WordPress without WP-CLI: php install.php <abspath> <url> <user> <password> [plugin-dir-name ...]
 * Idempotent: an installed site only gets its plugins activated.
 *
 * @package BatchKeys
 */

list( , $batchkeys_abspath, $batchkeys_url, $batchkeys_user, $batchkeys_pass ) = $argv;
$batchkeys_plugins = array_slice( $argv, 5 );

$_SERVER['HTTP_HOST']       = parse_url( $batchkeys_url, PHP_URL_HOST ) . ':' . parse_url( $batchkeys_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
define( 'WP_INSTALLING', true );

/** No mail on a machine without an MTA. */
function wp_new_blog_notification() {}

require $batchkeys_abspath . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	$batchkeys_result = wp_install( 'BatchKeys Local', $batchkeys_user, 'admin@example.com', true, '', wp_slash( $batchkeys_pass ) );
	echo 'installed, admin user id ' . (int) $batchkeys_result['user_id'] . "\n";
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'show_avatars', 0 );
	flush_rewrite_rules( true );
}
foreach ( $batchkeys_plugins as $batchkeys_dir ) {
	foreach ( array_keys( get_plugins() ) as $batchkeys_file ) {
		if ( 0 === strpos( $batchkeys_file, $batchkeys_dir . '/' ) && ! is_plugin_active( $batchkeys_file ) ) {
			$batchkeys_res = activate_plugin( $batchkeys_file );
			if ( is_wp_error( $batchkeys_res ) ) {
				fwrite( STDERR, 'activating ' . $batchkeys_file . ' failed: ' . $batchkeys_res->get_error_message() . "\n" );
				exit( 1 );
			}
			echo 'activated ' . $batchkeys_file . "\n";
		}
	}
}
