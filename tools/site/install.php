<?php
/**
 * Installs WordPress without WP-CLI.
 *
 * Usage: php install.php <abspath> <url> <user> <password> [--subsites=N] [plugin-dir-name ...]
 *
 * Idempotent: an installed site only gets its plugins activated. With --subsites=N (a multisite
 * local site, whose wp-config.php defines MULTISITE unless BATCHKEYS_SINGLE_INSTALL is set in the
 * environment) it builds a subdirectory network in two steps, each in its own PHP process:
 * 1. as a single site: install, then install_network() + populate_network(); on a network built
 *    before, move it to the URL's host and port (the local site gets a new port on every start);
 * 2. as the network: create the missing subsites /site1/ ... /siteN/ and network-activate the
 *    plugins. Its last line is `SUBSITES <json>`: blog id and URL of each subsite.
 *
 * @package BatchKeys
 */

$batchkeys_args     = $argv;
$batchkeys_subsites = null;
foreach ( $batchkeys_args as $batchkeys_i => $batchkeys_arg ) {
	if ( 0 === strpos( $batchkeys_arg, '--subsites=' ) ) {
		$batchkeys_subsites = max( 0, (int) substr( $batchkeys_arg, 11 ) );
		unset( $batchkeys_args[ $batchkeys_i ] );
	}
}
$batchkeys_args = array_values( $batchkeys_args );
list( , $batchkeys_abspath, $batchkeys_url, $batchkeys_user, $batchkeys_pass ) = $batchkeys_args;
$batchkeys_plugins = array_slice( $batchkeys_args, 5 );
$batchkeys_host    = parse_url( $batchkeys_url, PHP_URL_HOST ) . ':' . parse_url( $batchkeys_url, PHP_URL_PORT );
$batchkeys_phase   = null === $batchkeys_subsites ? 'single' : ( getenv( 'BATCHKEYS_SINGLE_INSTALL' ) ? 'network-install' : 'network-sites' );

if ( 'network-sites' === $batchkeys_phase ) {
	// Step 1 runs first, in a child process with MULTISITE off.
	passthru(
		'BATCHKEYS_SINGLE_INSTALL=1 ' . escapeshellarg( PHP_BINARY ) . ' ' . implode( ' ', array_map( 'escapeshellarg', $argv ) ),
		$batchkeys_status
	);
	if ( 0 !== $batchkeys_status ) {
		exit( $batchkeys_status );
	}
}

$_SERVER['HTTP_HOST']       = $batchkeys_host;
$_SERVER['SERVER_NAME']     = (string) parse_url( $batchkeys_url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
define( 'WP_INSTALLING', true );

/**
 * No mail on a machine without an MTA.
 *
 * @return void
 */
function wp_new_blog_notification() {}

require $batchkeys_abspath . 'wp-load.php';
require_once $batchkeys_abspath . 'wp-admin/includes/upgrade.php';
require_once $batchkeys_abspath . 'wp-admin/includes/plugin.php';

if ( 'network-sites' === $batchkeys_phase ) {
	batchkeys_install_subsites( (int) $batchkeys_subsites, $batchkeys_plugins );
	exit( 0 );
}

if ( ! is_blog_installed() ) {
	$batchkeys_result = wp_install( 'BatchKeys Local', $batchkeys_user, 'admin@example.com', true, '', wp_slash( $batchkeys_pass ) );
	echo 'installed, admin user id ' . (int) $batchkeys_result['user_id'] . "\n";
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'show_avatars', 0 );
	flush_rewrite_rules( true );
}
if ( 'network-install' === $batchkeys_phase ) {
	batchkeys_install_network( $batchkeys_host, $batchkeys_url );
	exit( 0 );
}
foreach ( $batchkeys_plugins as $batchkeys_dir ) {
	batchkeys_install_activate( $batchkeys_dir, false );
}

/**
 * Activates the plugins of a folder (network-wide on a network).
 *
 * @param string $dir          Plugin folder name.
 * @param bool   $network_wide Network-activate.
 * @return void
 */
function batchkeys_install_activate( $dir, $network_wide ) {
	foreach ( array_keys( get_plugins() ) as $file ) {
		if ( 0 !== strpos( $file, $dir . '/' ) ) {
			continue;
		}
		if ( $network_wide ? is_plugin_active_for_network( $file ) : is_plugin_active( $file ) ) {
			continue;
		}
		$res = activate_plugin( $file, '', $network_wide );
		if ( is_wp_error( $res ) ) {
			fwrite( STDERR, 'activating ' . $file . ' failed: ' . $res->get_error_message() . "\n" );
			exit( 1 );
		}
		echo 'activated ' . $file . ( $network_wide ? ' network-wide' : '' ) . "\n";
	}
}

/**
 * Step 1 of a network (MULTISITE off): the network tables, or a move of a built network to
 * another host and port.
 *
 * @param string $host Host and port.
 * @param string $url  Main site URL.
 * @return void
 */
function batchkeys_install_network( $host, $url ) {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/network.php';
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed ) {
		$wpdb->$table = $prefixed;
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a development tool reading the network tables.
	$exists = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->site ) ) );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
	$old = $exists ? $wpdb->get_var( "SELECT domain FROM {$wpdb->site} WHERE id = 1" ) : null;
	if ( null === $old ) {
		update_option( 'siteurl', $url );
		update_option( 'home', $url );
		install_network();
		$res = populate_network( 1, $host, 'admin@example.com', 'BatchKeys Local Network', '/', false );
		if ( is_wp_error( $res ) ) {
			fwrite( STDERR, 'populate_network failed: ' . $res->get_error_message() . "\n" );
			exit( 1 );
		}
		echo "network installed\n";
		return;
	}
	if ( $old === $host ) {
		return;
	}
	// A network built at another port (the local site's port changes on every start, and the
	// benchmark's network is a cached copy): every stored address moves with it.
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- a development tool moving the network's stored addresses.
	$wpdb->update( $wpdb->site, array( 'domain' => $host ), array( 'id' => 1 ) );
	$blogs = $wpdb->get_results( "SELECT blog_id, path FROM {$wpdb->blogs}" );
	$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->blogs} SET domain = %s", $host ) );
	$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->sitemeta} SET meta_value = %s WHERE meta_key = 'siteurl'", $url . '/' ) );
	foreach ( $blogs as $blog ) {
		// MULTISITE is off in this step: get_blog_prefix() would name the main site's table.
		$table = $wpdb->base_prefix . ( 1 === (int) $blog->blog_id ? '' : (int) $blog->blog_id . '_' ) . 'options';
		$value = untrailingslashit( $url . $blog->path );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET option_value = %s WHERE option_name IN ( 'home', 'siteurl' )", $value ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is WordPress's own.
	}
	// phpcs:enable
	echo 'network moved from ' . $old . ' to ' . $host . ' (' . count( $blogs ) . " sites)\n";
}

/**
 * Step 2 of a network (MULTISITE on): subsites /site1/ ... /siteN/, the plugins network-active.
 *
 * @param int           $count   Number of subsites.
 * @param array<string> $plugins Plugin folder names.
 * @return void
 */
function batchkeys_install_subsites( $count, $plugins ) {
	$network = get_network();
	if ( null === $network ) {
		fwrite( STDERR, "no network to add subsites to\n" );
		exit( 1 );
	}
	$made    = 0;
	$started = microtime( true );
	for ( $i = 1; $i <= $count; $i++ ) {
		$path = '/site' . $i . '/';
		if ( get_blog_id_from_url( $network->domain, $path ) ) {
			continue;
		}
		$id = wp_insert_site(
			array(
				'domain'     => $network->domain,
				'path'       => $path,
				'title'      => 'Subsite ' . $i,
				'user_id'    => 1,
				'network_id' => $network->id,
			)
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, 'creating ' . $path . ' failed: ' . $id->get_error_message() . "\n" );
			exit( 1 );
		}
		++$made;
		if ( 0 === $made % 100 ) {
			fwrite( STDERR, sprintf( "  %d subsites created (%.0f s)\n", $made, microtime( true ) - $started ) );
		}
	}
	if ( $made ) {
		echo 'created ' . $made . " subsites\n";
	}
	foreach ( $plugins as $dir ) {
		batchkeys_install_activate( $dir, true );
	}
	$list = array();
	foreach ( get_sites(
		array(
			'number'       => 0,
			'site__not_in' => array( get_main_site_id() ),
			'orderby'      => 'id',
		)
	) as $site ) {
		$list[] = array(
			'blog_id' => (int) $site->blog_id,
			'url'     => 'http://' . $site->domain . $site->path,
		);
	}
	echo 'SUBSITES ' . wp_json_encode( $list ) . "\n";
}
