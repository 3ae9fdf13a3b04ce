<?php
/**
 * Sets the local network's state for the network specs, from the command line, against the
 * served site's own database (the caller leaves WP_TEST_DB out of the environment).
 *
 * Usage: `php network-state.php <abspath> <url> <command> [args]`, the command being
 * - `reset`: no network or per-site record of the demo and example products, no throttle, lock,
 *   rate-limit pause, index or event of the kit anywhere, the example plugin inactive;
 * - `due`: the demo product's network record is due now (its next check in the past);
 * - `copied <key> <domain>`: the demo product's network record holds <key>, activated for the
 *   network at <domain>, due now: what a copy of a network's database made elsewhere carries;
 * - `events`: prints the ids of the sites holding the kit's event, as JSON;
 * - `site-admin <blog_id> <login> <password>`: a user who is an administrator of that site only;
 * - `activate-plugin <blog_id> <folder>`: activates a plugin on one site.
 *
 * @package BatchKeys\Tests
 */

if ( PHP_SAPI !== 'cli' || $argc < 4 ) {
	exit( 2 );
}

list( , $batchkeys_abspath, $batchkeys_url, $batchkeys_command ) = $argv;
$batchkeys_parts            = parse_url( $batchkeys_url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['HTTP_HOST']       = $batchkeys_parts['host'] . ':' . $batchkeys_parts['port'];
$_SERVER['SERVER_NAME']     = $batchkeys_parts['host'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

require $batchkeys_abspath . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$batchkeys_slugs = array( 'batchkeys-demo', 'acme-seo' );
$batchkeys_sites = get_sites(
	array(
		'fields' => 'ids',
		'number' => 0,
	)
);

switch ( $batchkeys_command ) {
	case 'reset':
		global $wpdb;
		foreach ( $batchkeys_sites as $batchkeys_id ) {
			$batchkeys_table = $wpdb->get_blog_prefix( (int) $batchkeys_id ) . 'options';
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test set-up: every kit row of every site.
			$wpdb->query( $wpdb->prepare( "DELETE FROM `$batchkeys_table` WHERE option_name LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) );
			switch_to_blog( (int) $batchkeys_id );
			wp_clear_scheduled_hook( 'batchkeys_recheck' );
			deactivate_plugins( 'batchkeys-example-plugin/batchkeys-example-plugin.php', true );
			restore_current_blog();
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->sitemeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'batchkeys_' ) . '%' ) );
		wp_cache_flush();
		break;
	case 'due':
		$batchkeys_record               = get_site_option( 'batchkeys_license_batchkeys-demo' );
		$batchkeys_record['next_check'] = time() - 1;
		// Through the kit's store, which moves the main site's event with the record.
		\BatchKeys\Kit\Kit::instance()->licenses()->store()->put( 'batchkeys-demo', \BatchKeys\Kit\License\Record::from_array( $batchkeys_record ) );
		break;
	case 'copied':
		list( , , , , $batchkeys_key, $batchkeys_domain ) = $argv;
		$batchkeys_now                                    = time();
		\BatchKeys\Kit\Kit::instance()->licenses()->store()->put(
			'batchkeys-demo',
			\BatchKeys\Kit\License\Record::from_array(
				array(
					'key'          => $batchkeys_key,
					'state'        => 'active',
					'code'         => 'valid',
					'last_checked' => $batchkeys_now - 3600,
					'last_success' => $batchkeys_now - 3600,
					'next_check'   => $batchkeys_now - 60,
					'activated_at' => $batchkeys_now - DAY_IN_SECONDS,
					'fingerprint'  => array(
						'domain'     => $batchkeys_domain,
						'home'       => 'https://' . $batchkeys_domain . '/',
						'env'        => 'production',
						'blog_id'    => 1,
						'network_id' => 1,
						'scope'      => 'network',
						'install_id' => '6f1c1d0e-0000-4000-8000-000000000009',
						'at'         => $batchkeys_now - DAY_IN_SECONDS,
					),
				)
			)
		);
		break;
	case 'events':
		$batchkeys_with = array();
		foreach ( $batchkeys_sites as $batchkeys_id ) {
			switch_to_blog( (int) $batchkeys_id );
			if ( false !== wp_next_scheduled( 'batchkeys_recheck' ) ) {
				$batchkeys_with[] = (int) $batchkeys_id;
			}
			restore_current_blog();
		}
		echo wp_json_encode( $batchkeys_with );
		break;
	case 'site-admin':
		list( , , , , $batchkeys_blog, $batchkeys_login, $batchkeys_pass ) = $argv;
		$batchkeys_user = get_user_by( 'login', $batchkeys_login );
		$batchkeys_uid  = $batchkeys_user ? $batchkeys_user->ID : wpmu_create_user( $batchkeys_login, $batchkeys_pass, $batchkeys_login . '@example.com' );
		if ( ! $batchkeys_uid ) {
			exit( 1 );
		}
		add_user_to_blog( (int) $batchkeys_blog, (int) $batchkeys_uid, 'administrator' );
		break;
	case 'activate-plugin':
		list( , , , , $batchkeys_blog, $batchkeys_dir ) = $argv;
		switch_to_blog( (int) $batchkeys_blog );
		$batchkeys_result = activate_plugin( $batchkeys_dir . '/' . $batchkeys_dir . '.php' );
		restore_current_blog();
		if ( is_wp_error( $batchkeys_result ) ) {
			fwrite( STDERR, $batchkeys_result->get_error_message() . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a command-line helper.
			exit( 1 );
		}
		break;
	default:
		exit( 2 );
}
exit( 0 );
