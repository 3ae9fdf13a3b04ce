<?php
/**
 * Plugin Name: BatchKeys local site: offline
 * Description: No update checks against the internet on the kit's local site (they would only
 * fail and fill debug.log on a closed network).
 *
 * @package BatchKeys
 */

foreach ( array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes', 'wp_maybe_auto_update' ) as $batchkeys_hook ) {
	remove_action( $batchkeys_hook, $batchkeys_hook );
}
remove_action( 'init', 'wp_schedule_update_checks' );
// The Plugins, Themes and Updates screens check on load too (a PHP warning each time).
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $batchkeys_hook ) {
	remove_action( $batchkeys_hook, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $batchkeys_hook ) {
	remove_action( $batchkeys_hook, 'wp_update_themes' );
}
foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $batchkeys_hook ) {
	remove_action( 'admin_init', $batchkeys_hook );
}
add_filter( 'pre_site_transient_update_core', '__return_null' );
add_filter( 'pre_site_transient_update_plugins', '__return_null' );
add_filter( 'pre_site_transient_update_themes', '__return_null' );
// The editor's remote pattern directory and welcome images are unreachable here.
add_filter( 'should_load_remote_block_patterns', '__return_false' );
// So is the block directory the inserter searches (its REST proxy answers 500 offline).
remove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );
// Plugin dependencies (a product with `Requires Plugins: batchkeys`) ask WordPress.org's plugin
// directory about each slug: answer "not there" at once instead of a failed request and a warning.
add_filter(
	'plugins_api',
	static function ( $result ) {
		return false === $result ? new WP_Error( 'plugins_api_failed', 'The local site is offline.' ) : $result;
	}
);
