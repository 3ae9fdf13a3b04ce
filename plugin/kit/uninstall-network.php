<?php
/**
 * The network part of kit/uninstall.php: another site's rows and cron event removed by direct
 * queries on its tables, without switching to it (no class is loaded; safe in any request).
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
			$batchkeys_wanted = $batchkeys_ids;
			$batchkeys_ids    = array();
			// In chunks: a long IN list costs memory to parse (the SQLite integration).
			foreach ( array_chunk( $batchkeys_wanted, 250 ) as $batchkeys_chunk ) {
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- ids are integers; a deleted site has no table left.
				$batchkeys_ids = array_merge( $batchkeys_ids, $wpdb->get_col( "SELECT `blog_id` FROM `{$wpdb->blogs}` WHERE `blog_id` IN (" . implode( ',', $batchkeys_chunk ) . ')' ) );
			}
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

if ( ! function_exists( 'batchkeys_kit_forget_cached' ) ) {
	/**
	 * Drops the object-cache entries of options deleted by a direct query on another site's
	 * table, and nothing else (never a flush: other plugins' cached data stays). The options
	 * lists (alloptions, notoptions) are rebuilt from the database on their next read.
	 *
	 * @param int                $blog_id Site id.
	 * @param array<int, string> $names   Option names.
	 * @return void
	 */
	function batchkeys_kit_forget_cached( $blog_id, array $names ) {
		if ( ! $names ) {
			return;
		}
		$batchkeys_current = get_current_blog_id();
		$batchkeys_switch  = (int) $blog_id !== $batchkeys_current && function_exists( 'wp_cache_switch_to_blog' );
		if ( $batchkeys_switch ) {
			wp_cache_switch_to_blog( (int) $blog_id );
		}
		foreach ( $names as $batchkeys_name ) {
			wp_cache_delete( (string) $batchkeys_name, 'options' );
		}
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		if ( $batchkeys_switch ) {
			wp_cache_switch_to_blog( $batchkeys_current );
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_drop_event' ) ) {
	/**
	 * Removes the kit's event from a site's cron array by a direct write of its `cron` row (no
	 * switch to that site; the kit may not even be loaded), and forgets that row's cache entries.
	 *
	 * @param int         $blog_id Site id.
	 * @param string      $table   Its options table.
	 * @param string|null $stored  The stored cron row when already read, else null (one read).
	 * @return void
	 */
	function batchkeys_kit_drop_event( $blog_id, $table, $stored = null ) {
		global $wpdb;
		if ( null === $stored ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- another site's table, without switching to it.
			$stored = (string) $wpdb->get_var( "SELECT `option_value` FROM `{$table}` WHERE `option_name` = 'cron'" );
		}
		$batchkeys_cron = false === strpos( $stored, 'batchkeys_recheck' ) ? null : maybe_unserialize( $stored );
		if ( ! is_array( $batchkeys_cron ) ) {
			return;
		}
		$batchkeys_found = false;
		foreach ( $batchkeys_cron as $batchkeys_time => $batchkeys_hooks ) {
			if ( is_array( $batchkeys_hooks ) && isset( $batchkeys_hooks['batchkeys_recheck'] ) ) {
				unset( $batchkeys_cron[ $batchkeys_time ]['batchkeys_recheck'] );
				if ( ! $batchkeys_cron[ $batchkeys_time ] ) {
					unset( $batchkeys_cron[ $batchkeys_time ] );
				}
				$batchkeys_found = true;
			}
		}
		if ( $batchkeys_found ) {
			// Not $wpdb->update(): it reads and keeps each table's column charsets (one more query
			// and about 5 KB per site).
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- see above.
			$wpdb->query( $wpdb->prepare( "UPDATE `{$table}` SET `option_value` = %s WHERE `option_name` = 'cron'", maybe_serialize( $batchkeys_cron ) ) );
			batchkeys_kit_forget_cached( $blog_id, array( 'cron' ) );
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_drop_events' ) ) {
	/**
	 * Removes the kit's event from many sites: their cron rows read 100 tables per query
	 * (UNION ALL), then one write per site that holds the event.
	 *
	 * @param array<int, string> $tables Options tables by site id.
	 * @return void
	 */
	function batchkeys_kit_drop_events( array $tables ) {
		global $wpdb;
		foreach ( array_chunk( $tables, 100, true ) as $batchkeys_chunk ) {
			$batchkeys_selects = array();
			foreach ( $batchkeys_chunk as $batchkeys_id => $batchkeys_table ) {
				$batchkeys_selects[] = 'SELECT ' . (int) $batchkeys_id . " AS `blog_id`, `option_value` FROM `{$batchkeys_table}` WHERE `option_name` = 'cron'";
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- the sites' tables, without switching to them; ids are integers.
			foreach ( (array) $wpdb->get_results( implode( ' UNION ALL ', $batchkeys_selects ), ARRAY_A ) as $batchkeys_row ) {
				$batchkeys_id = (int) $batchkeys_row['blog_id'];
				batchkeys_kit_drop_event( $batchkeys_id, $batchkeys_chunk[ $batchkeys_id ], (string) $batchkeys_row['option_value'] );
			}
		}
	}
}

if ( ! function_exists( 'batchkeys_kit_unneeded_events' ) ) {
	/**
	 * The sites whose event served only a product that is going: the sites the index names for
	 * it and for no other product, and the main site when no other network license is stored
	 * (its event checks those).
	 *
	 * @param string                        $slug  Product slug.
	 * @param array<string, array<int,int>> $index The index of sites holding a per-site key.
	 * @return array<int, int>
	 */
	function batchkeys_kit_unneeded_events( $slug, array $index ) {
		global $wpdb;
		$batchkeys_others = array();
		foreach ( $index as $batchkeys_other => $batchkeys_ids ) {
			if ( $batchkeys_other !== $slug ) {
				$batchkeys_others = array_merge( $batchkeys_others, array_map( 'intval', (array) $batchkeys_ids ) );
			}
		}
		$batchkeys_sites = array_diff( array_map( 'intval', isset( $index[ $slug ] ) ? (array) $index[ $slug ] : array() ), $batchkeys_others );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: whether another network license is stored.
		$batchkeys_network = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `{$wpdb->sitemeta}` WHERE `site_id` = %d AND `meta_key` LIKE %s AND `meta_key` <> %s", get_current_network_id(), $wpdb->esc_like( 'batchkeys_license_' ) . '%', 'batchkeys_license_' . $slug ) );
		if ( 0 === $batchkeys_network && ! in_array( get_main_site_id(), $batchkeys_others, true ) ) {
			$batchkeys_sites[] = get_main_site_id();
		}
		return array_values( array_unique( $batchkeys_sites ) );
	}
}
