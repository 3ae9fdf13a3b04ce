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

if ( ! function_exists( 'batchkeys_kit_site_tables' ) ) {
	/**
	 * Options tables of the sites of a network that still exist, by site id (one query).
	 *
	 * @param array<int, int>|null $blog_ids Site ids, or null for every site.
	 * @return array<int, string>
	 */
	function batchkeys_kit_site_tables( $blog_ids = null ) {
		global $wpdb;
		if ( null === $blog_ids ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: ids only, without building every WP_Site.
			$batchkeys_ids = $wpdb->get_col( "SELECT `blog_id` FROM `{$wpdb->blogs}`" );
		} else {
			$batchkeys_ids = array_values( array_unique( array_map( 'intval', $blog_ids ) ) );
			if ( ! $batchkeys_ids ) {
				return array();
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- ids are integers; a deleted site has no table left.
			$batchkeys_ids = $wpdb->get_col( "SELECT `blog_id` FROM `{$wpdb->blogs}` WHERE `blog_id` IN (" . implode( ',', $batchkeys_ids ) . ')' );
		}
		$batchkeys_tables = array();
		foreach ( $batchkeys_ids as $batchkeys_id ) {
			$batchkeys_tables[ (int) $batchkeys_id ] = $wpdb->get_blog_prefix( (int) $batchkeys_id ) . 'options';
		}
		return $batchkeys_tables;
	}
}

if ( ! function_exists( 'batchkeys_kit_sites_index' ) ) {
	/**
	 * The network's index of sites holding a per-site key: slug => site ids.
	 *
	 * @return array<string, array<int, int>>
	 */
	function batchkeys_kit_sites_index() {
		$batchkeys_index = get_site_option( 'batchkeys_sites', array() );
		return is_array( $batchkeys_index ) ? $batchkeys_index : array();
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_product' ) ) {
	/**
	 * Removes one product's data: its license record, throttle and lock rows, and the users'
	 * dismissals of its notices. On a network: the network's record, and the rows of the main
	 * site and of the sites the index names (only sites holding a key have any), by one direct
	 * query per site, without switching sites.
	 *
	 * @param string $slug Product slug.
	 * @return void
	 */
	function batchkeys_kit_uninstall_product( $slug ) {
		global $wpdb;
		if ( ! is_string( $slug ) || '' === $slug || sanitize_key( $slug ) !== $slug ) {
			return;
		}
		$batchkeys_names = array();
		foreach ( array( 'batchkeys_license_', 'batchkeys_throttle_', 'batchkeys_lock_', 'batchkeys_cron_lock_' ) as $batchkeys_prefix ) {
			$batchkeys_names[] = $batchkeys_prefix . $slug;
		}
		if ( ! is_multisite() ) {
			foreach ( $batchkeys_names as $batchkeys_name ) {
				delete_option( $batchkeys_name );
			}
		} else {
			$batchkeys_index = batchkeys_kit_sites_index();
			$batchkeys_sites = isset( $batchkeys_index[ $slug ] ) ? (array) $batchkeys_index[ $slug ] : array();
			$batchkeys_sites = array_merge( $batchkeys_sites, array( get_main_site_id(), get_current_blog_id() ) );
			$batchkeys_in    = implode( ',', array_fill( 0, count( $batchkeys_names ), '%s' ) );
			foreach ( batchkeys_kit_site_tables( $batchkeys_sites ) as $batchkeys_table ) {
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- another site's table, without switching to it; one placeholder per name.
				$wpdb->query( $wpdb->prepare( "DELETE FROM `{$batchkeys_table}` WHERE `option_name` IN ( $batchkeys_in )", $batchkeys_names ) );
			}
			delete_site_option( 'batchkeys_license_' . $slug );
			if ( isset( $batchkeys_index[ $slug ] ) ) {
				unset( $batchkeys_index[ $slug ] );
				update_site_option( 'batchkeys_sites', $batchkeys_index );
			}
			wp_cache_flush();
		}
		delete_metadata( 'user', 0, 'batchkeys_dismissed_' . $slug, '', true );
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_all' ) ) {
	/**
	 * Removes every batchkeys_* option, transient and user meta, and the batchkeys_recheck cron
	 * event. On a network: per site's options table, one direct read of its cron array and one
	 * direct delete (no switch); a switch only to the sites holding the event, to remove it; every
	 * batchkeys_* network option; one cache flush.
	 *
	 * @return void
	 */
	function batchkeys_kit_uninstall_all() {
		global $wpdb;
		$batchkeys_where = $wpdb->prepare(
			'`option_name` LIKE %s OR `option_name` LIKE %s OR `option_name` LIKE %s',
			$wpdb->esc_like( 'batchkeys_' ) . '%',
			$wpdb->esc_like( '_transient_batchkeys_' ) . '%',
			$wpdb->esc_like( '_transient_timeout_batchkeys_' ) . '%'
		);
		if ( ! is_multisite() ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- uninstall: names are only known by prefix; prepared above.
			$wpdb->query( "DELETE FROM `{$wpdb->options}` WHERE $batchkeys_where" );
			wp_unschedule_hook( 'batchkeys_recheck' );
			wp_cache_flush();
		} else {
			foreach ( batchkeys_kit_site_tables() as $batchkeys_id => $batchkeys_table ) {
				// The cron array is read directly (no switch); only a site holding the event is
				// switched to, to remove it through the cron API.
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above.
				$batchkeys_cron = (string) $wpdb->get_var( "SELECT `option_value` FROM `{$batchkeys_table}` WHERE `option_name` = 'cron'" );
				if ( false !== strpos( $batchkeys_cron, 'batchkeys_recheck' ) ) {
					switch_to_blog( $batchkeys_id );
					wp_unschedule_hook( 'batchkeys_recheck' );
					restore_current_blog();
				}
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above; another site's table, without switching to it.
				$wpdb->query( "DELETE FROM `{$batchkeys_table}` WHERE $batchkeys_where" );
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
			$wpdb->query( $wpdb->prepare( "DELETE FROM `{$wpdb->sitemeta}` WHERE `meta_key` LIKE %s OR `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%', $wpdb->esc_like( '_site_transient_batchkeys_' ) . '%' ) );
			wp_cache_flush();
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: user meta names are only known by prefix.
		$wpdb->query( $wpdb->prepare( "DELETE FROM `{$wpdb->usermeta}` WHERE `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) );
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
