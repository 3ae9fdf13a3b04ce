<?php
/**
 * Plugin Name:       BatchKeys for WordPress
 * Plugin URI:        https://batchkeys.com/
 * Description:       Connects plugins and themes that use it to the BatchKeys license service: each such product gets its license screen, daily rechecks that survive outages, and REST routes that keep the vendor's secret on the server. On its own it adds only a page for authors.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      7.4
 * Author:            BatchKeys for WordPress contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       batchkeys
 * Domain Path:       /kit/languages
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/kit/load.php';

if ( ! defined( 'BATCHKEYS_PLUGIN_FILE' ) ) {
	define( 'BATCHKEYS_PLUGIN_FILE', __FILE__ );
}
if ( is_admin() ) {
	require_once __DIR__ . '/authors.php';
}

// The demo product exists only where its secret is configured (the kit's local site, wp-env),
// so a real site shows nothing unconfigured.
if ( defined( 'BATCHKEYS_DEMO_AUTH' ) || false !== getenv( 'BATCHKEYS_DEMO_AUTH' ) ) {
	batchkeys_register_product(
		'batchkeys-demo',
		array(
			'name' => 'BatchKeys Demo',
			'auth' => 'BATCHKEYS_DEMO_AUTH',
			'file' => __FILE__,
		)
	);
}

// In wp-admin, plugins are (de)activated on the Plugins and update screens (and by AJAX) only, as
// the kit's own wiring assumes; two more hooks on every other admin page would cost 3 KB of memory.
if ( ! is_admin() || wp_doing_ajax() || ( isset( $GLOBALS['pagenow'] ) && in_array( $GLOBALS['pagenow'], array( 'plugins.php', 'update.php' ), true ) ) ) {
	register_activation_hook( __FILE__, 'batchkeys_plugin_activated' );
	register_deactivation_hook( __FILE__, 'batchkeys_plugin_deactivated' );
}

/**
 * On activation: lets the kit's concerns (the cron scheduler) set themselves up.
 *
 * @return void
 */
function batchkeys_plugin_activated() {
	/**
	 * Fires when the BatchKeys plugin is activated.
	 */
	do_action( 'batchkeys_plugin_activated' );
}

/**
 * On deactivation (stored licenses stay). The kit has already dealt with the daily recheck event
 * on `deactivate_plugin`: removed, unless another plugin or the theme bundles the kit and serves
 * a product with a key (see docs/scheduling.md).
 *
 * @return void
 */
function batchkeys_plugin_deactivated() {
	/**
	 * Fires when the BatchKeys plugin is deactivated.
	 */
	do_action( 'batchkeys_plugin_deactivated' );
}
