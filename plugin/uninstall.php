<?php
/**
 * Uninstall: removes the demo product's data, and every batchkeys_* option, transient, lock and
 * cron event when no other plugin or theme on the site still uses the kit.
 *
 * @package BatchKeys
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

require_once __DIR__ . '/kit/uninstall.php';

batchkeys_kit_uninstall_product( 'batchkeys-demo' );
batchkeys_kit_uninstall_shared( __DIR__ . '/kit' );
