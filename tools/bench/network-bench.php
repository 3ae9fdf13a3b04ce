<?php
/**
 * The network figures' in-process parts, from the command line against the served network's own
 * database (tools/bench/network.ts runs it; see README.md here).
 *
 * Usage: php network-bench.php <abspath> <url> network-day|site-day|uninstall
 *
 * - network-day: 3 network licenses (the demo product, network-activated, and two products
 *   registered here with 'network' => 'network') activated once; then a simulated day (the kit's
 *   clock in 15-minute steps) on every site that holds the kit's event. Prints the activation
 *   calls, the check calls of the day and the sites with the event.
 * - site-day: one per-site product with the same key activated on every subsite; then each
 *   site's event run once a day later. Prints the calls.
 * - uninstall: batchkeys_kit_uninstall_product() of the per-site product, then
 *   batchkeys_kit_uninstall_all(): time, queries, site switches, peak memory.
 *
 * Every line printed is one JSON object. Outbound requests are counted with pre_http_request.
 *
 * @package BatchKeys
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.DB.DirectDatabaseQuery -- a command-line benchmark.

if ( PHP_SAPI !== 'cli' || $argc < 4 ) {
	exit( 2 );
}
list( , $batchkeys_abspath, $batchkeys_url, $batchkeys_task ) = $argv;
$batchkeys_host             = (string) parse_url( $batchkeys_url, PHP_URL_HOST );
$_SERVER['HTTP_HOST']       = $batchkeys_host . ':' . (int) parse_url( $batchkeys_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = $batchkeys_host;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

$GLOBALS['batchkeys_bench_now'] = time();
$GLOBALS['batchkeys_bench_t0']  = $GLOBALS['batchkeys_bench_now'];
$GLOBALS['batchkeys_bench']     = array(
	'calls'    => 0,
	'queries'  => 0,
	'switches' => 0,
);

require $batchkeys_abspath . 'wp-load.php';

add_filter(
	'batchkeys_now',
	static function () {
		return $GLOBALS['batchkeys_bench_now'];
	},
	PHP_INT_MAX
);
add_filter(
	'pre_http_request',
	static function ( $pre, $args, $url ) {
		if ( false !== strpos( (string) $url, '/api.php' ) ) {
			++$GLOBALS['batchkeys_bench']['calls'];
		}
		return $pre;
	},
	1,
	3
);

/**
 * Prints one JSON line.
 *
 * @param array<string, mixed> $data Data.
 * @return void
 */
function batchkeys_bench_out( array $data ) {
	echo wp_json_encode( $data ), "\n";
}

/**
 * CPU time of this process so far (user + system), in seconds: the wall time moves with
 * whatever else runs on the machine.
 *
 * @return float
 */
function batchkeys_bench_cpu() {
	$usage = getrusage();
	if ( ! is_array( $usage ) ) {
		return 0.0;
	}
	return $usage['ru_utime.tv_sec'] + $usage['ru_utime.tv_usec'] / 1e6 + $usage['ru_stime.tv_sec'] + $usage['ru_stime.tv_usec'] / 1e6;
}

/**
 * A product the bench registered; stops the run when it is missing (a failed registration).
 *
 * @param \BatchKeys\Kit\Kit $kit  The kit.
 * @param string             $slug Slug.
 * @return \BatchKeys\Kit\Product\Product
 */
function batchkeys_bench_product( $kit, $slug ) {
	$product = $kit->registry()->get( $slug );
	if ( null === $product ) {
		fwrite( STDERR, "the bench product $slug is not registered\n" );
		exit( 3 );
	}
	return $product;
}

/**
 * Ids of the sites whose cron array holds the kit's event: one query per options table, no
 * switching.
 *
 * @return int[]
 */
function batchkeys_bench_sites_with_event() {
	global $wpdb;
	$with = array();
	foreach ( $wpdb->get_col( "SELECT blog_id FROM {$wpdb->blogs}" ) as $id ) {
		$table = $wpdb->get_blog_prefix( (int) $id ) . 'options';
		$cron  = (string) $wpdb->get_var( "SELECT option_value FROM `$table` WHERE option_name = 'cron'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( false !== strpos( $cron, 'batchkeys_recheck' ) ) {
			$with[] = (int) $id;
		}
	}
	return $with;
}

/**
 * Runs the kit's event on the current site when it is due, as wp-cron.php does.
 *
 * @return bool Whether it ran.
 */
function batchkeys_bench_tick() {
	$next = wp_next_scheduled( 'batchkeys_recheck' );
	if ( false === $next || $next > $GLOBALS['batchkeys_bench_now'] ) {
		return false;
	}
	wp_unschedule_event( $next, 'batchkeys_recheck' );
	do_action( 'batchkeys_recheck' );
	if ( getenv( 'BENCH_DEBUG' ) ) {
		fwrite( STDERR, 'ran at ' . ( $GLOBALS['batchkeys_bench_now'] - $GLOBALS['batchkeys_bench_t0'] ) . ' calls ' . $GLOBALS['batchkeys_bench']['calls'] . ' next ' . ( wp_next_scheduled( 'batchkeys_recheck' ) - $GLOBALS['batchkeys_bench_t0'] ) . "\n" );
	}
	return true;
}

$batchkeys_bench_kit = \BatchKeys\Kit\Kit::instance();
if ( null === $batchkeys_bench_kit || ! is_multisite() ) {
	fwrite( STDERR, "not a network with the kit booted\n" );
	exit( 1 );
}
$batchkeys_keys = array( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC', 'DEMO002-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC' );
// What WP-Cron requests wire (the recheck event's handler), in this command-line process too.
$batchkeys_bench_kit->wire_for( 'cron' );

switch ( $batchkeys_task ) {
	case 'network-day':
		batchkeys_register_product(
			'bench-net-two',
			array(
				'name'    => 'Bench network two',
				'auth'    => 'BATCHKEYS_DEMO_AUTH',
				'network' => 'network',
			)
		);
		batchkeys_register_product(
			'bench-net-three',
			array(
				'name'    => 'Bench network three',
				'auth'    => 'BATCHKEYS_DEMO_AUTH',
				'network' => 'network',
			)
		);
		$batchkeys_codes = array();
		foreach ( array( 'batchkeys-demo', 'bench-net-two', 'bench-net-three' ) as $batchkeys_i => $batchkeys_slug ) {
			$batchkeys_product = batchkeys_bench_product( $batchkeys_bench_kit, $batchkeys_slug );
			$batchkeys_codes[] = $batchkeys_bench_kit->licenses()->activate( $batchkeys_product, $batchkeys_keys[ $batchkeys_i % 2 ] )->code . ( $batchkeys_product->is_network_scope() ? '' : ' (not network scope)' );
		}
		$batchkeys_activation = $GLOBALS['batchkeys_bench']['calls'];
		$batchkeys_events     = batchkeys_bench_sites_with_event();
		$batchkeys_start      = $GLOBALS['batchkeys_bench_now'];
		// A daily slot may fall up to 25 hours after an activation: the calls are counted over
		// the 24 hours that start 25 hours after it.
		$batchkeys_window = array();
		for ( $batchkeys_t = $batchkeys_start; $batchkeys_t <= $batchkeys_start + 49 * HOUR_IN_SECONDS; $batchkeys_t += 15 * MINUTE_IN_SECONDS ) {
			$GLOBALS['batchkeys_bench_now'] = $batchkeys_t;
			if ( $batchkeys_t >= $batchkeys_start + 25 * HOUR_IN_SECONDS && ! isset( $batchkeys_window[0] ) ) {
				$batchkeys_window[0] = $GLOBALS['batchkeys_bench']['calls'];
			}
			foreach ( $batchkeys_events as $batchkeys_blog ) {
				switch_to_blog( $batchkeys_blog );
				batchkeys_bench_tick();
				restore_current_blog();
			}
		}
		batchkeys_bench_out(
			array(
				'activations'      => $batchkeys_codes,
				'activation_calls' => $batchkeys_activation,
				'day_calls'        => $GLOBALS['batchkeys_bench']['calls'] - ( isset( $batchkeys_window[0] ) ? $batchkeys_window[0] : 0 ),
				'calls_49h'        => $GLOBALS['batchkeys_bench']['calls'] - $batchkeys_activation,
				'sites'            => count(
					get_sites(
						array(
							'fields' => 'ids',
							'number' => 0,
						)
					)
				),
				'sites_with_event' => $batchkeys_events,
			)
		);
		break;
	case 'site-day':
		batchkeys_register_product(
			'bench-site',
			array(
				'name'    => 'Bench per site',
				'auth'    => 'BATCHKEYS_DEMO_AUTH',
				'network' => 'site',
			)
		);
		$batchkeys_product = batchkeys_bench_product( $batchkeys_bench_kit, 'bench-site' );
		$batchkeys_valid   = 0;
		$batchkeys_started = microtime( true );
		foreach ( get_sites(
			array(
				'fields'       => 'ids',
				'number'       => 0,
				'site__not_in' => array( get_main_site_id() ),
			)
		) as $batchkeys_blog ) {
			switch_to_blog( (int) $batchkeys_blog );
			$batchkeys_valid += 'valid' === $batchkeys_bench_kit->licenses()->activate( $batchkeys_product, $batchkeys_keys[0] )->code ? 1 : 0;
			restore_current_blog();
		}
		$batchkeys_activation = $GLOBALS['batchkeys_bench']['calls'];
		$batchkeys_events     = batchkeys_bench_sites_with_event();
		// A day later every licensed site's check is due: each site's own WP-Cron runs it once
		// (the first calls; the others take its answer).
		$GLOBALS['batchkeys_bench_now'] += DAY_IN_SECONDS + HOUR_IN_SECONDS;
		$batchkeys_ran                   = 0;
		$batchkeys_active                = 0;
		foreach ( $batchkeys_events as $batchkeys_blog ) {
			switch_to_blog( $batchkeys_blog );
			$batchkeys_ran    += batchkeys_bench_tick() ? 1 : 0;
			$batchkeys_active += batchkeys_is_active( 'bench-site' ) ? 1 : 0;
			restore_current_blog();
		}
		$batchkeys_index = \BatchKeys\Kit\License\Store::sites_index();
		batchkeys_bench_out(
			array(
				'licensed'         => $batchkeys_valid,
				'activation_calls' => $batchkeys_activation,
				'day_calls'        => $GLOBALS['batchkeys_bench']['calls'] - $batchkeys_activation,
				'sites_with_event' => count( $batchkeys_events ),
				'ran'              => $batchkeys_ran,
				'active'           => $batchkeys_active,
				'indexed'          => isset( $batchkeys_index['bench-site'] ) ? count( $batchkeys_index['bench-site'] ) : 0,
				'seconds'          => round( microtime( true ) - $batchkeys_started, 1 ),
			)
		);
		break;
	case 'uninstall':
		require_once $batchkeys_bench_kit->path() . '/uninstall.php';
		add_filter(
			'query',
			static function ( $query ) {
				++$GLOBALS['batchkeys_bench']['queries'];
				return $query;
			}
		);
		add_action(
			'switch_blog',
			static function () {
				++$GLOBALS['batchkeys_bench']['switches'];
			}
		);
		$batchkeys_index = \BatchKeys\Kit\License\Store::sites_index();
		$batchkeys_out   = array(
			'licensed'       => isset( $batchkeys_index['bench-site'] ) ? count( $batchkeys_index['bench-site'] ) : 0,
			'peak_before_mb' => round( memory_get_peak_usage() / 1e6, 1 ),
		);
		foreach ( array(
			'product' => static function () {
				batchkeys_kit_uninstall_product( 'bench-site' );
			},
			'all'     => 'batchkeys_kit_uninstall_all',
		) as $batchkeys_name => $batchkeys_run ) {
			$GLOBALS['batchkeys_bench']['queries']  = 0;
			$GLOBALS['batchkeys_bench']['switches'] = 0;
			$batchkeys_before                       = memory_get_usage();
			$batchkeys_cpu                          = batchkeys_bench_cpu();
			$batchkeys_started                      = microtime( true );
			call_user_func( $batchkeys_run );
			$batchkeys_out[ $batchkeys_name ] = array(
				'seconds'  => round( microtime( true ) - $batchkeys_started, 3 ),
				'cpu_ms'   => round( ( batchkeys_bench_cpu() - $batchkeys_cpu ) * 1000 ),
				'queries'  => $GLOBALS['batchkeys_bench']['queries'],
				'switches' => $GLOBALS['batchkeys_bench']['switches'],
				'peak_mb'  => round( memory_get_peak_usage() / 1e6, 1 ),
				'added_kb' => round( ( memory_get_usage() - $batchkeys_before ) / 1e3, 1 ),
				'calls'    => $GLOBALS['batchkeys_bench']['calls'],
			);
		}
		global $wpdb;
		$batchkeys_out['rows_left'] = 0;
		foreach ( $wpdb->get_col( "SELECT blog_id FROM {$wpdb->blogs}" ) as $batchkeys_id ) {
			$batchkeys_table             = $wpdb->get_blog_prefix( (int) $batchkeys_id ) . 'options';
			$batchkeys_out['rows_left'] += (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$batchkeys_table` WHERE option_name LIKE 'batchkeys\\_%'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$batchkeys_out['events_left'] = count( batchkeys_bench_sites_with_event() );
		batchkeys_bench_out( $batchkeys_out );
		break;
	default:
		exit( 2 );
}
exit( 0 );
