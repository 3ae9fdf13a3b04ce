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
 * The site-wide data (the rate-limit pause, the daily slot, the cron event, leftover records) is
 * removed only when no other plugin or theme still bundles the kit: installed is enough, active
 * or not, since a deactivated plugin or an inactive theme keeps its license for when it comes
 * back (see docs/uninstall.md).
 *
 * @package BatchKeys\Kit
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/uninstall-network.php';

if ( ! function_exists( 'batchkeys_kit_uninstall_product' ) ) {
	/**
	 * Removes one product's data: its license record, throttle, lock and missing-secret rows, and
	 * the users' dismissals of its notices. On a network: the network's record, and the rows of the main
	 * site and of the sites the index names (only sites holding a key have any), by one direct
	 * query per site, without switching sites; the event of a site whose only key was this
	 * product's goes too (batchkeys_kit_unneeded_events()).
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
		foreach ( array( 'batchkeys_license_', 'batchkeys_throttle_', 'batchkeys_lock_', 'batchkeys_cron_lock_', 'batchkeys_no_secret_' ) as $batchkeys_prefix ) {
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
			// The sites whose event goes are among these (the index's and the main site).
			$batchkeys_tables = batchkeys_kit_site_tables( $batchkeys_sites );
			$batchkeys_in     = implode( ',', array_fill( 0, count( $batchkeys_names ), '%s' ) );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- one placeholder per name.
			$batchkeys_where = $wpdb->prepare( "`option_name` IN ( $batchkeys_in )", $batchkeys_names );
			batchkeys_kit_drop_events( array_intersect_key( $batchkeys_tables, array_flip( batchkeys_kit_unneeded_events( $slug, $batchkeys_index ) ) ) );
			foreach ( $batchkeys_tables as $batchkeys_id => $batchkeys_table ) {
				// The names are known: one DELETE per site, no read first.
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- another site's table, without switching to it; the condition is prepared above.
				$wpdb->query( "DELETE FROM `{$batchkeys_table}` WHERE $batchkeys_where" );
				batchkeys_kit_forget_cached( $batchkeys_id, $batchkeys_names );
			}
			delete_site_option( 'batchkeys_license_' . $slug );
			// The answers its sites shared (batchkeys_shared_<slug>:<hash>; a slug holds no ':').
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: names are only known by prefix.
			$batchkeys_shared = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT `meta_key` FROM `{$wpdb->sitemeta}` WHERE `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_shared_' . $slug . ':' ) . '%' ) );
			foreach ( (array) $batchkeys_shared as $batchkeys_key ) {
				delete_site_option( (string) $batchkeys_key );
			}
			if ( isset( $batchkeys_index[ $slug ] ) ) {
				unset( $batchkeys_index[ $slug ] );
				update_site_option( 'batchkeys_sites', $batchkeys_index );
			}
		}
		delete_metadata( 'user', 0, 'batchkeys_dismissed_' . $slug, '', true );
	}
}

if ( ! function_exists( 'batchkeys_kit_delete_options_like' ) ) {
	/**
	 * Deletes the options (and their object-cache entries, nothing else) whose names start with a
	 * prefix, on the current site.
	 *
	 * @param string $prefix Name prefix, e.g. batchkeys_.
	 * @return void
	 */
	function batchkeys_kit_delete_options_like( $prefix ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: names are only known by prefix.
		$batchkeys_names = $wpdb->get_col( $wpdb->prepare( "SELECT `option_name` FROM `{$wpdb->options}` WHERE `option_name` LIKE %s", $wpdb->esc_like( $prefix ) . '%' ) );
		foreach ( (array) $batchkeys_names as $batchkeys_name ) {
			// delete_option() also drops the name from the options cache (and alloptions).
			delete_option( (string) $batchkeys_name );
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_all' ) ) {
	/**
	 * Removes every batchkeys_* option, transient and user meta, and the batchkeys_recheck cron
	 * event; the object cache loses those entries only (never a flush of the whole cache). On a
	 * network, per site's options table and without switching to it: one direct read of the kit's
	 * row names and the cron array, then one delete and one write of the cron array where there
	 * is something to remove; then every batchkeys_* network option.
	 *
	 * @return void
	 */
	function batchkeys_kit_uninstall_all() {
		global $wpdb;
		if ( ! is_multisite() ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: names are only known by prefix.
			$batchkeys_transients = $wpdb->get_col( $wpdb->prepare( "SELECT `option_name` FROM `{$wpdb->options}` WHERE `option_name` LIKE %s", $wpdb->esc_like( '_transient_batchkeys_' ) . '%' ) );
			foreach ( (array) $batchkeys_transients as $batchkeys_name ) {
				delete_transient( substr( (string) $batchkeys_name, strlen( '_transient_' ) ) );
			}
			batchkeys_kit_delete_options_like( '_transient_timeout_batchkeys_' );
			// A loaded kit reschedules when a record goes (deleted_option): the second pass
			// removes what that wrote back.
			for ( $batchkeys_pass = 0; $batchkeys_pass < 2; $batchkeys_pass++ ) {
				batchkeys_kit_delete_options_like( 'batchkeys_license_' );
				batchkeys_kit_delete_options_like( 'batchkeys_' );
				wp_unschedule_hook( 'batchkeys_recheck' );
			}
		} else {
			$batchkeys_where = $wpdb->prepare(
				'`option_name` LIKE %s OR `option_name` LIKE %s OR `option_name` LIKE %s',
				$wpdb->esc_like( 'batchkeys_' ) . '%',
				$wpdb->esc_like( '_transient_batchkeys_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_batchkeys_' ) . '%'
			);
			foreach ( batchkeys_kit_site_tables() as $batchkeys_id => $batchkeys_table ) {
				// One read per site gives the kit's row names and the cron array; no switch.
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- another site's table, without switching to it; $batchkeys_where is prepared above.
				$batchkeys_rows  = (array) $wpdb->get_results( "SELECT `option_name`, `option_value` FROM `{$batchkeys_table}` WHERE `option_name` = 'cron' OR $batchkeys_where", ARRAY_A );
				$batchkeys_names = array();
				foreach ( $batchkeys_rows as $batchkeys_row ) {
					if ( 'cron' === $batchkeys_row['option_name'] ) {
						batchkeys_kit_drop_event( $batchkeys_id, $batchkeys_table, (string) $batchkeys_row['option_value'] );
					} else {
						$batchkeys_names[] = (string) $batchkeys_row['option_name'];
					}
				}
				if ( $batchkeys_names ) {
					// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above.
					$wpdb->query( "DELETE FROM `{$batchkeys_table}` WHERE $batchkeys_where" );
					batchkeys_kit_forget_cached( $batchkeys_id, $batchkeys_names );
				}
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: names are only known by prefix.
			$batchkeys_network = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT `meta_key` FROM `{$wpdb->sitemeta}` WHERE `meta_key` LIKE %s OR `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%', $wpdb->esc_like( '_site_transient_batchkeys_' ) . '%' ) );
			foreach ( (array) $batchkeys_network as $batchkeys_key ) {
				delete_site_option( (string) $batchkeys_key );
			}
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: user meta names are only known by prefix.
		$batchkeys_meta = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT `meta_key` FROM `{$wpdb->usermeta}` WHERE `meta_key` LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) );
		foreach ( (array) $batchkeys_meta as $batchkeys_key ) {
			delete_metadata( 'user', 0, (string) $batchkeys_key, '', true );
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_is_copy' ) ) {
	/**
	 * Whether a folder holds a copy of the kit: load.php (with the election), boot.php and
	 * version.php side by side.
	 *
	 * @param string $dir Folder.
	 * @return bool
	 */
	function batchkeys_kit_is_copy( $dir ) {
		if ( ! is_file( $dir . '/load.php' ) || ! is_file( $dir . '/boot.php' ) || ! is_file( $dir . '/version.php' ) ) {
			return false;
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file, read once.
		$batchkeys_load = (string) file_get_contents( $dir . '/load.php', false, null, 0, 65536 );
		return false !== strpos( $batchkeys_load, 'batchkeys_kit_elect' );
	}
}

if ( ! function_exists( 'batchkeys_kit_roots' ) ) {
	/**
	 * The folders plugins and themes are installed in: plugins, must-use plugins, every
	 * registered theme root. On a network they are shared by every site.
	 *
	 * @return array<int, string>
	 */
	function batchkeys_kit_roots() {
		$batchkeys_roots = array( WP_PLUGIN_DIR, WPMU_PLUGIN_DIR, get_theme_root() );
		if ( ! empty( $GLOBALS['wp_theme_directories'] ) && is_array( $GLOBALS['wp_theme_directories'] ) ) {
			$batchkeys_roots = array_merge( $batchkeys_roots, $GLOBALS['wp_theme_directories'] );
		}
		return array_values( array_unique( array_map( 'wp_normalize_path', array_filter( $batchkeys_roots, 'is_string' ) ) ) );
	}
}

if ( ! function_exists( 'batchkeys_kit_installed_copies' ) ) {
	/**
	 * Folders of the copies of the kit installed under $roots (active or not), except $own: each
	 * plugin's or theme's folder is searched 4 levels deep (kit/, lib/batchkeys/kit/,
	 * vendor/acme/batchkeys-kit/...). A search that would go on too long stops and reports a copy
	 * of unknown place ('?'), so uninstall keeps the data rather than guess.
	 *
	 * @param string             $own   Folder of the uninstalling product's copy.
	 * @param array<int, string> $roots Folders to search (default: batchkeys_kit_roots()).
	 * @return array<int, string>
	 */
	function batchkeys_kit_installed_copies( $own = '', $roots = null ) {
		$batchkeys_own    = '' === $own ? '' : wp_normalize_path( (string) realpath( $own ) );
		$batchkeys_found  = array();
		$batchkeys_budget = 20000;
		$batchkeys_queue  = array();
		foreach ( null === $roots ? batchkeys_kit_roots() : (array) $roots as $batchkeys_root ) {
			foreach ( is_dir( $batchkeys_root ) ? (array) scandir( $batchkeys_root ) : array() as $batchkeys_entry ) {
				if ( '.' !== substr( (string) $batchkeys_entry, 0, 1 ) && is_dir( $batchkeys_root . '/' . $batchkeys_entry ) ) {
					$batchkeys_queue[] = array( $batchkeys_root . '/' . $batchkeys_entry, 0 );
				}
			}
		}
		while ( $batchkeys_queue ) {
			list( $batchkeys_dir, $batchkeys_depth ) = array_shift( $batchkeys_queue );
			if ( --$batchkeys_budget < 0 ) {
				$batchkeys_found[] = '?';
				break;
			}
			if ( batchkeys_kit_is_copy( $batchkeys_dir ) ) {
				$batchkeys_real = wp_normalize_path( (string) realpath( $batchkeys_dir ) );
				if ( $batchkeys_real !== $batchkeys_own ) {
					$batchkeys_found[ $batchkeys_real ] = $batchkeys_real;
				}
				continue;
			}
			if ( $batchkeys_depth >= 4 ) {
				continue;
			}
			foreach ( (array) scandir( $batchkeys_dir ) as $batchkeys_entry ) {
				$batchkeys_entry = (string) $batchkeys_entry;
				if ( '.' === substr( $batchkeys_entry, 0, 1 ) || 'node_modules' === $batchkeys_entry || ! is_dir( $batchkeys_dir . '/' . $batchkeys_entry ) ) {
					continue;
				}
				$batchkeys_queue[] = array( $batchkeys_dir . '/' . $batchkeys_entry, $batchkeys_depth + 1 );
			}
		}
		return array_values( $batchkeys_found );
	}
}

if ( ! function_exists( 'batchkeys_kit_other_copies' ) ) {
	/**
	 * Folders of the other copies of the kit on the site, except $own: those loaded in this
	 * request and those installed in a plugin or theme folder, active or not.
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
			$batchkeys_real = wp_normalize_path( (string) realpath( $batchkeys_path ) );
			if ( $batchkeys_real !== $batchkeys_own ) {
				$batchkeys_others[ $batchkeys_real ] = (string) $batchkeys_path;
			}
		}
		foreach ( batchkeys_kit_installed_copies( $own ) as $batchkeys_path ) {
			$batchkeys_others[ $batchkeys_path ] = $batchkeys_path;
		}
		return array_values( $batchkeys_others );
	}
}

if ( ! function_exists( 'batchkeys_kit_uninstall_shared' ) ) {
	/**
	 * Removes all BatchKeys data from the site when no other plugin or theme, active or not,
	 * bundles the kit; else leaves it to them.
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
