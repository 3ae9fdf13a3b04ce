<?php
/**
 * Sets the local site's stored license state for the Playwright specs, from the command line
 * (what `wp eval` would do; only the WP-CLI framework is installed here, without that command).
 *
 * Usage: `php site-state.php <abspath> <url> <command> <slug> [json]`, the command being
 * `reset` (no record, no throttle, no rate-limit pause, no cron lock, the home option back to the
 * site's URL), `unthrottle` (lets the next activation or check through), `record` (stores the
 * JSON license record as is), `locale` (the site's and the admin's language, JSON string) or
 * `home` (writes the JSON home URL into the home option as the database holds it, as a copy or a
 * move of the database would; WP_HOME keeps the browser on the local site), `mode` (the site's
 * test modes, a JSON object read by its wp-config.php on every request: `home_from_host` builds
 * WP_HOME from the request's Host header, `address_resolution` defines
 * BATCHKEYS_ADDRESS_RESOLUTION; `{}` for none) `is_active` (prints what
 * batchkeys_is_active() answers for the product, `true` or `false`, as a page would),
 * `cron_unlock` (clears WP-Cron's lock; prints the kit's last recheck run, JSON) or
 * `cron_last_run` (prints it).
 *
 * It boots the site's own wp-load.php against its own database (the caller leaves WP_TEST_DB,
 * which selects the PHPUnit database, out of the environment) and touches only the rows the kit
 * documents (docs/architecture.md, "Stored data"). The product's code is unchanged: a spec that
 * needs a second activation within 10 s clears the throttle row here instead of waiting, and the
 * states that take days to reach (invalid, lapsed) are written.
 *
 * @package BatchKeys\Tests
 */

if ( PHP_SAPI !== 'cli' || $argc < 5 ) {
	exit( 2 );
}

list( , $batchkeys_abspath, $batchkeys_url, $batchkeys_command, $batchkeys_slug ) = $argv;

$_SERVER['HTTP_HOST']       = batchkeys_e2e_host_port( $batchkeys_url );
$_SERVER['SERVER_NAME']     = '127.0.0.1';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';

/**
 * Host and port of a URL, as HTTP_HOST carries them (WordPress is not loaded yet).
 *
 * @param string $url URL.
 * @return string
 */
function batchkeys_e2e_host_port( $url ) {
	$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	return $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
}

// This process only writes rows: it must not spawn WP-Cron (a spec runs the due check itself,
// with the Host header it chooses).
define( 'DISABLE_WP_CRON', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constant.
require $batchkeys_abspath . 'wp-load.php';

if ( '' === $batchkeys_slug || sanitize_key( $batchkeys_slug ) !== $batchkeys_slug ) {
	exit( 2 );
}

/**
 * Deletes an option row directly (the lock and throttle rows bypass the options API too).
 *
 * @param string $name Option name.
 * @return void
 */
function batchkeys_e2e_delete_row( $name ) {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the kit claims these rows with direct queries; tests clear them the same way.
	$wpdb->delete( $wpdb->options, array( 'option_name' => $name ) );
	wp_cache_delete( $name, 'options' );
}

/**
 * Writes the home option's stored value (update_option() would compare it with WP_HOME's).
 *
 * @param string $home URL.
 * @return void
 */
function batchkeys_e2e_home( $home ) {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the stored value, as a database copy would change it.
	$wpdb->update( $wpdb->options, array( 'option_value' => $home ), array( 'option_name' => 'home' ) );
	wp_cache_delete( 'alloptions', 'options' );
}

switch ( $batchkeys_command ) {
	case 'reset':
		foreach ( array( 'license', 'throttle', 'lock' ) as $batchkeys_kind ) {
			batchkeys_e2e_delete_row( 'batchkeys_' . $batchkeys_kind . '_' . $batchkeys_slug );
		}
		batchkeys_e2e_delete_row( 'batchkeys_rate_limited_until' );
		batchkeys_e2e_delete_row( 'batchkeys_cron_lock_' . $batchkeys_slug );
		// WP-Cron's own lock, left by a page load's spawn: a spec's cron request runs at once.
		delete_transient( 'doing_cron' );
		batchkeys_e2e_delete_row( 'batchkeys_site_throttle' );
		batchkeys_e2e_delete_row( 'batchkeys_no_secret_' . $batchkeys_slug );
		delete_metadata( 'user', 0, 'batchkeys_dismissed_' . $batchkeys_slug, '', true );
		batchkeys_e2e_home( $batchkeys_url );
		break;
	case 'home':
		$batchkeys_home = isset( $argv[5] ) ? json_decode( $argv[5], true ) : null;
		if ( ! is_string( $batchkeys_home ) || '' === $batchkeys_home ) {
			exit( 2 );
		}
		batchkeys_e2e_home( $batchkeys_home );
		break;
	case 'mode':
		$batchkeys_mode = isset( $argv[5] ) ? json_decode( $argv[5], true ) : null;
		if ( ! is_array( $batchkeys_mode ) ) {
			exit( 2 );
		}
		// Only the modes the site's wp-config.php knows, with their types.
		$batchkeys_mode      = array_filter(
			array(
				'home_from_host'     => ! empty( $batchkeys_mode['home_from_host'] ),
				'address_resolution' => isset( $batchkeys_mode['address_resolution'] ) && is_string( $batchkeys_mode['address_resolution'] ) ? $batchkeys_mode['address_resolution'] : null,
			)
		);
		$batchkeys_mode_file = $batchkeys_abspath . 'batchkeys-mode.json';
		if ( array() === $batchkeys_mode ) {
			wp_delete_file( $batchkeys_mode_file );
		} else {
			file_put_contents( $batchkeys_mode_file, wp_json_encode( $batchkeys_mode ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents -- a local test file.
		}
		break;
	case 'cron_unlock':
		// WP-Cron's lock, so that the spec's own request to wp-cron.php runs the due events.
		delete_transient( 'doing_cron' );
		echo wp_json_encode( get_option( 'batchkeys_cron_last_run', null ) );
		break;
	case 'cron_last_run':
		echo wp_json_encode( get_option( 'batchkeys_cron_last_run', null ) );
		break;
	case 'is_active':
		echo wp_json_encode( batchkeys_is_active( $batchkeys_slug ) );
		break;
	case 'unthrottle':
		batchkeys_e2e_delete_row( 'batchkeys_throttle_' . $batchkeys_slug );
		batchkeys_e2e_delete_row( 'batchkeys_site_throttle' );
		break;
	case 'record':
		$batchkeys_record = isset( $argv[5] ) ? json_decode( $argv[5], true ) : null;
		if ( ! is_array( $batchkeys_record ) ) {
			exit( 2 );
		}
		batchkeys_e2e_delete_row( 'batchkeys_license_' . $batchkeys_slug );
		add_option( 'batchkeys_license_' . $batchkeys_slug, $batchkeys_record, '', false );
		// As the kit's Store announces its own writes: the recheck event follows the record. The
		// kit hooks its scheduler to that action once its license service exists, so make it.
		\BatchKeys\Kit\Kit::instance()->licenses();
		do_action( 'batchkeys_license_stored', $batchkeys_slug, null );
		break;
	case 'locale':
		global $wpdb;
		// The site's and the admin's language ('' for the default); the REST API and the
		// settings screen only take installed ones.
		$batchkeys_locale = isset( $argv[5] ) ? json_decode( $argv[5], true ) : null;
		$batchkeys_admin  = get_user_by( 'login', 'admin' );
		if ( ! is_string( $batchkeys_locale ) || ! $batchkeys_admin ) {
			exit( 2 );
		}
		update_user_meta( $batchkeys_admin->ID, 'locale', $batchkeys_locale );
		// update_option() would refuse a language not installed in wp-content/languages.
		batchkeys_e2e_delete_row( 'WPLANG' );
		$wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
			$wpdb->options,
			array(
				'option_name'  => 'WPLANG',
				'option_value' => $batchkeys_locale,
				'autoload'     => 'yes',
			)
		);
		wp_cache_delete( 'alloptions', 'options' );
		break;
	default:
		exit( 2 );
}
exit( 0 );
