<?php
/**
 * Clean-up functions for a product's uninstall.php (no class is loaded; safe in any request).
 *
 * In your product's uninstall.php:
 *
 *     require __DIR__ . '/kit/uninstall.php';
 *     batchkeys_kit_uninstall_product( 'acme-seo' );       // this product's key and state
 *     batchkeys_kit_uninstall_shared( __DIR__ . '/kit' );  // site-wide data, if no other copy remains
 *
 * When WordPress runs uninstall.php the product is inactive, so its copy of the kit is not
 * loaded, while every active plugin's and the theme's copies are: the site-wide data (the
 * rate-limit pause, the daily slot, the cron event, leftover records) is removed only when no
 * other copy is left to use it.
 *
 * @package BatchKeys\Kit
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

if ( ! function_exists( 'batchkeys_kit_for_each_site' ) ) {
	/**
	 * Runs a callback on every site of a network (or on the site).
	 *
	 * @param callable $callback Callback without arguments.
	 * @return void
	 */
	function batchkeys_kit_for_each_site( $callback ) {
		if ( ! is_multisite() ) {
			call_user_func( $callback );
			return;
		}
		foreach ( get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) as $batchkeys_site_id ) {
			switch_to_blog( (int) $batchkeys_site_id );
			call_user_func( $callback );
			restore_current_blog();
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_product' ) ) {
	/**
	 * Removes one product's data: its license record, throttle and lock rows, and the users'
	 * dismissals of its notices.
	 *
	 * @param string $slug Product slug.
	 * @return void
	 */
	function batchkeys_kit_uninstall_product( $slug ) {
		if ( ! is_string( $slug ) || '' === $slug || sanitize_key( $slug ) !== $slug ) {
			return;
		}
		batchkeys_kit_for_each_site(
			function () use ( $slug ) {
				foreach ( array( 'batchkeys_license_', 'batchkeys_throttle_', 'batchkeys_lock_', 'batchkeys_cron_lock_' ) as $batchkeys_prefix ) {
					delete_option( $batchkeys_prefix . $slug );
				}
			}
		);
		delete_metadata( 'user', 0, 'batchkeys_dismissed_' . $slug, '', true );
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_all' ) ) {
	/**
	 * Removes every batchkeys_* option, transient and user meta, and the batchkeys_recheck cron
	 * event.
	 *
	 * @return void
	 */
	function batchkeys_kit_uninstall_all() {
		batchkeys_kit_for_each_site(
			function () {
				global $wpdb;
				$batchkeys_likes = array(
					$wpdb->esc_like( 'batchkeys_' ) . '%',
					$wpdb->esc_like( '_transient_batchkeys_' ) . '%',
					$wpdb->esc_like( '_transient_timeout_batchkeys_' ) . '%',
				);
				foreach ( $batchkeys_likes as $batchkeys_like ) {
					// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: names are only known by prefix.
					$wpdb->query( $wpdb->prepare( "DELETE FROM `{$wpdb->options}` WHERE `option_name` LIKE %s", $batchkeys_like ) );
				}
				wp_unschedule_hook( 'batchkeys_recheck' );
				wp_cache_flush();
			}
		);
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: user meta names are only known by prefix.
		$wpdb->query( $wpdb->prepare( "DELETE FROM `{$wpdb->usermeta}` WHERE `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) );
		if ( is_multisite() ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
			$wpdb->query( $wpdb->prepare( "DELETE FROM `{$wpdb->sitemeta}` WHERE `meta_key` LIKE %s OR `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%', $wpdb->esc_like( '_site_transient_batchkeys_' ) . '%' ) );
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_other_copies' ) ) {
	/**
	 * Folders of the copies of the kit loaded in this request, except $own.
	 *
	 * @param string $own Folder of the uninstalling product's copy (its kit/ directory).
	 * @return array<int, string>
	 */
	function batchkeys_kit_other_copies( $own = '' ) {
		$batchkeys_copies = isset( $GLOBALS['batchkeys_kit']['copies'] ) && is_array( $GLOBALS['batchkeys_kit']['copies'] )
			? array_keys( $GLOBALS['batchkeys_kit']['copies'] )
			: array();
		$batchkeys_own    = '' === $own ? '' : wp_normalize_path( (string) realpath( $own ) );
		$batchkeys_others = array();
		foreach ( $batchkeys_copies as $batchkeys_path ) {
			if ( wp_normalize_path( (string) realpath( $batchkeys_path ) ) !== $batchkeys_own ) {
				$batchkeys_others[] = (string) $batchkeys_path;
			}
		}
		return $batchkeys_others;
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_shared' ) ) {
	/**
	 * Removes all BatchKeys data from the site when no other copy of the kit is loaded (no other
	 * active product uses it); else leaves it to them.
	 *
	 * @param string $own Folder of the uninstalling product's copy (its kit/ directory).
	 * @return bool Whether everything was removed.
	 */
	function batchkeys_kit_uninstall_shared( $own = '' ) {
		if ( batchkeys_kit_other_copies( $own ) ) {
			return false;
		}
		batchkeys_kit_uninstall_all();
		return true;
	}
}
