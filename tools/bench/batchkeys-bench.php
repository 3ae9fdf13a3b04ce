<?php
/**
 * Plugin Name: BatchKeys bench probe
 * Description: Bench only (`npm run bench` copies it into the bench site's mu-plugins and removes
 * it afterwards). Inert unless wp-content/batchkeys-bench/config.json exists. Then it registers
 * two more products, switches the kit off for requests that ask, counts outbound HTTP requests and
 * appends one JSON line per tagged request (wall time, peak memory, calls) to the bench's log.
 *
 * Request headers it reads (only with the config present):
 * - X-BatchKeys-Bench-Id: the request's id; without it nothing is logged.
 * - X-BatchKeys-Bench-Kit: off drops the BatchKeys plugin from active_plugins for this request.
 * - X-BatchKeys-Bench-Autoload: 1 adds the autoloaded-option figures to the line.
 * - X-BatchKeys-Bench-Product: bench-act-N registers that extra product (activation figure); on a
 *   POST the site-wide burst row is emptied first (the figure times activations, not the throttle).
 * - X-BatchKeys-Bench-Reset: 1 deletes every batchkeys_* row and the recheck event before the
 *   kit loads (the no-key figures start from a site that never had a key).
 * - X-BatchKeys-Bench-Fallback: 1 makes this admin page find WP-Cron dead and the demo product's
 *   check due, with no fallback in the last 12 hours: the dead-cron fallback fires here.
 *
 * Each line also names the kit files the request included and the CPU time it used from here
 * to shutdown (getrusage(), user + system).
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$batchkeys_bench_config = WP_CONTENT_DIR . '/batchkeys-bench/config.json';
if ( ! is_readable( $batchkeys_bench_config ) ) {
	return;
}
$batchkeys_bench = json_decode( (string) file_get_contents( $batchkeys_bench_config ), true );
if ( ! is_array( $batchkeys_bench ) || empty( $batchkeys_bench['log'] ) || ! is_string( $batchkeys_bench['log'] ) ) {
	return;
}

$GLOBALS['batchkeys_bench_state'] = array(
	'log'      => $batchkeys_bench['log'],
	'plugin'   => isset( $batchkeys_bench['plugin'] ) && is_string( $batchkeys_bench['plugin'] ) ? $batchkeys_bench['plugin'] : 'batchkeys/batchkeys.php',
	'id'       => isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_ID'] ) ? substr( (string) preg_replace( '/[^A-Za-z0-9_.:-]/', '', (string) $_SERVER['HTTP_X_BATCHKEYS_BENCH_ID'] ), 0, 64 ) : '',
	'kit_off'  => isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_KIT'] ) && 'off' === $_SERVER['HTTP_X_BATCHKEYS_BENCH_KIT'],
	'autoload' => isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_AUTOLOAD'] ),
	'calls'    => array(),
	'started'  => null,
	'cpu'      => batchkeys_bench_cpu_ms(),
);

/**
 * CPU time this process has used so far, in ms (a server worker serves many requests: the
 * request's share is the difference between two readings).
 *
 * @return float
 */
function batchkeys_bench_cpu_ms() {
	$usage = getrusage();
	if ( false === $usage ) {
		return 0.0;
	}
	return ( $usage['ru_utime.tv_sec'] + $usage['ru_stime.tv_sec'] ) * 1000 + ( $usage['ru_utime.tv_usec'] + $usage['ru_stime.tv_usec'] ) / 1000;
}

if ( isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_RESET'] ) ) {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the bench empties the table itself.
	$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE 'batchkeys\\_%' OR option_name LIKE '\\_transient\\_batchkeys\\_%' OR option_name LIKE '\\_transient\\_timeout\\_batchkeys\\_%'" );
	wp_cache_flush();
	wp_unschedule_hook( 'batchkeys_recheck' );
}

if ( isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_FALLBACK'] ) ) {
	add_filter( 'batchkeys_wp_cron_disabled', '__return_true' );
	$batchkeys_bench_record = get_option( 'batchkeys_license_batchkeys-demo' );
	if ( is_array( $batchkeys_bench_record ) ) {
		$batchkeys_bench_record['next_check'] = time() - 60;
		update_option( 'batchkeys_license_batchkeys-demo', $batchkeys_bench_record, false );
	}
	delete_option( 'batchkeys_cron_fallback' );
	delete_option( 'batchkeys_cron_fallback_token' );
	delete_option( 'batchkeys_rate_limited_until' );
}

if ( isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_PRODUCT'] ) && isset( $_SERVER['REQUEST_METHOD'] ) && 'POST' === $_SERVER['REQUEST_METHOD'] ) {
	// The activation figure measures latency, not the throttle: each activation goes to a product
	// of its own, and the site-wide burst row (6 back to back, then one per 10 s) starts empty.
	delete_option( 'batchkeys_site_throttle' );
}

if ( $GLOBALS['batchkeys_bench_state']['kit_off'] ) {
	add_filter( 'option_active_plugins', 'batchkeys_bench_without_kit', PHP_INT_MAX );
	// Whatever this request does, it must never store the filtered list.
	add_filter( 'pre_update_option_active_plugins', 'batchkeys_bench_keep_active_plugins', PHP_INT_MAX, 2 );
}

/**
 * The active plugins without BatchKeys (a kit-off request).
 *
 * @param mixed $plugins Active plugins.
 * @return mixed
 */
function batchkeys_bench_without_kit( $plugins ) {
	if ( ! is_array( $plugins ) ) {
		return $plugins;
	}
	return array_values( array_diff( $plugins, array( $GLOBALS['batchkeys_bench_state']['plugin'] ) ) );
}

/**
 * Refuses every change of active_plugins during a kit-off request.
 *
 * @param mixed $value     New value.
 * @param mixed $old_value Old value.
 * @return mixed
 */
function batchkeys_bench_keep_active_plugins( $value, $old_value ) {
	return $old_value;
}

add_action( 'plugins_loaded', 'batchkeys_bench_register_products' );

/**
 * Registers the bench's products (only when the kit is loaded): two more, so the site has three
 * with the demo product; and the activation figure's product named by the request.
 *
 * @return void
 */
function batchkeys_bench_register_products() {
	if ( ! function_exists( 'batchkeys_register_product' ) ) {
		return;
	}
	$products = array(
		'bench-two'   => 'Bench Product Two',
		'bench-three' => 'Bench Product Three',
	);
	if ( isset( $_SERVER['HTTP_X_BATCHKEYS_BENCH_PRODUCT'] ) && preg_match( '/^bench-act-([0-9]{1,3})$/', (string) $_SERVER['HTTP_X_BATCHKEYS_BENCH_PRODUCT'], $match ) ) {
		$products[ $match[0] ] = 'Bench Activation ' . $match[1];
	}
	foreach ( $products as $slug => $name ) {
		batchkeys_register_product(
			$slug,
			array(
				'name' => $name,
				'auth' => 'BATCHKEYS_DEMO_AUTH',
			)
		);
	}
}

if ( '' === $GLOBALS['batchkeys_bench_state']['id'] ) {
	return;
}

add_filter( 'pre_http_request', 'batchkeys_bench_count_call', PHP_INT_MIN, 3 );
add_filter( 'pre_http_request', 'batchkeys_bench_call_starts', PHP_INT_MAX, 1 );
add_action( 'http_api_debug', 'batchkeys_bench_call_ends', 10, 0 );
register_shutdown_function( 'batchkeys_bench_shutdown' );

/**
 * Records an outbound HTTP request before anything can short-circuit it, and whether the kit
 * made it (a kit file on the call stack, or the BatchKeys API as the target).
 *
 * @param mixed  $pre  Short-circuit value (passed through).
 * @param mixed  $args Request arguments.
 * @param string $url  URL.
 * @return mixed
 */
function batchkeys_bench_count_call( $pre, $args, $url ) {
	$roots = array();
	if ( isset( $GLOBALS['batchkeys_kit']['copies'] ) && is_array( $GLOBALS['batchkeys_kit']['copies'] ) ) {
		$roots = array_keys( $GLOBALS['batchkeys_kit']['copies'] );
	}
	$plugin_dir = realpath( WP_PLUGIN_DIR . '/' . dirname( $GLOBALS['batchkeys_bench_state']['plugin'] ) );
	if ( false !== $plugin_dir ) {
		$roots[] = $plugin_dir;
	}
	$kit = false;
	foreach ( debug_backtrace( DEBUG_BACKTRACE_IGNORE_ARGS ) as $frame ) {
		foreach ( $roots as $root ) {
			if ( isset( $frame['file'] ) && 0 === strpos( $frame['file'], $root . '/' ) ) {
				$kit = true;
				break 2;
			}
		}
	}
	$url = (string) $url;
	if ( defined( 'BATCHKEYS_API_URL' ) && '' !== (string) BATCHKEYS_API_URL && 0 === strpos( $url, (string) BATCHKEYS_API_URL ) ) {
		$kit = true;
	}
	if ( false !== stripos( (string) wp_parse_url( $url, PHP_URL_HOST ), 'batchkeys.com' ) ) {
		$kit = true;
	}
	$GLOBALS['batchkeys_bench_state']['calls'][] = array(
		'url' => strtok( $url, '?' ),
		'kit' => $kit,
		'ms'  => null,
	);
	return $pre;
}

/**
 * Notes when the real request starts (no other filter answered it).
 *
 * @param mixed $pre Short-circuit value (passed through).
 * @return mixed
 */
function batchkeys_bench_call_starts( $pre ) {
	$GLOBALS['batchkeys_bench_state']['started'] = false === $pre ? microtime( true ) : null;
	return $pre;
}

/**
 * Notes the time the last call took (http_api_debug fires once the answer, or the error, is in).
 *
 * @return void
 */
function batchkeys_bench_call_ends() {
	$state = &$GLOBALS['batchkeys_bench_state'];
	$last  = count( $state['calls'] ) - 1;
	if ( $last >= 0 && null !== $state['started'] ) {
		$state['calls'][ $last ]['ms'] = round( ( microtime( true ) - $state['started'] ) * 1000, 3 );
	}
	$state['started'] = null;
}

/**
 * The autoloaded-option figures: the kit's own rows and the size of everything autoloaded.
 *
 * @return array<string, mixed>
 */
function batchkeys_bench_autoload() {
	global $wpdb;
	$autoload_values = function_exists( 'wp_autoload_values_to_autoload' ) ? wp_autoload_values_to_autoload() : array( 'yes', 'on' );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the bench reads the table itself, not a cache.
	$rows      = $wpdb->get_results( "SELECT option_name, option_value, autoload FROM {$wpdb->options} WHERE option_name LIKE '%batchkeys%'", ARRAY_A );
	$kit_rows  = array();
	$kit_bytes = 0;
	foreach ( (array) $rows as $row ) {
		if ( ! preg_match( '/^(_site)?(_transient_(timeout_)?)?batchkeys_/', (string) $row['option_name'] ) ) {
			continue;
		}
		$autoloaded = in_array( (string) $row['autoload'], $autoload_values, true );
		$bytes      = strlen( (string) $row['option_value'] );
		$kit_rows[] = array(
			'name'       => (string) $row['option_name'],
			'bytes'      => $bytes,
			'autoload'   => (string) $row['autoload'],
			'autoloaded' => $autoloaded,
		);
		if ( $autoloaded ) {
			$kit_bytes += $bytes;
		}
	}
	$all_bytes = 0;
	$all       = wp_load_alloptions();
	foreach ( $all as $name => $value ) {
		$all_bytes += strlen( (string) $name ) + strlen( is_string( $value ) ? $value : (string) maybe_serialize( $value ) );
	}
	$events = 0;
	foreach ( (array) _get_cron_array() as $hooks ) {
		if ( isset( $hooks['batchkeys_recheck'] ) ) {
			$events += count( $hooks['batchkeys_recheck'] );
		}
	}
	return array(
		'kit_rows'         => $kit_rows,
		'kit_bytes'        => $kit_bytes,
		'cron_events'      => $events,
		'alloptions_bytes' => $all_bytes,
		'alloptions_count' => count( $all ),
	);
}

/**
 * The kit files this request included: under any recorded copy of the kit, relative to it.
 *
 * @return array<int, string>
 */
function batchkeys_bench_kit_files() {
	$roots = array();
	if ( isset( $GLOBALS['batchkeys_kit']['copies'] ) && is_array( $GLOBALS['batchkeys_kit']['copies'] ) ) {
		foreach ( array_keys( $GLOBALS['batchkeys_kit']['copies'] ) as $root ) {
			$roots[] = wp_normalize_path( (string) $root ) . '/';
		}
	}
	$files = array();
	foreach ( get_included_files() as $file ) {
		$file = wp_normalize_path( $file );
		foreach ( $roots as $root ) {
			if ( 0 === strpos( $file, $root ) ) {
				$files[] = ( count( $roots ) > 1 ? basename( dirname( $root ) ) . '/' : '' ) . substr( $file, strlen( $root ) );
				break;
			}
		}
	}
	return $files;
}

/**
 * Appends the request's line to the bench's log.
 *
 * @return void
 */
function batchkeys_bench_shutdown() {
	$state = $GLOBALS['batchkeys_bench_state'];
	$start = isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ? (float) $_SERVER['REQUEST_TIME_FLOAT'] : microtime( true );
	$line  = array(
		'id'      => $state['id'],
		'kit'     => $state['kit_off'] ? 'off' : 'on',
		'wall_ms' => round( ( microtime( true ) - $start ) * 1000, 3 ),
		'peak'    => memory_get_peak_usage(),
		'status'  => (int) http_response_code(),
		'calls'   => $state['calls'],
		'opcache' => function_exists( 'opcache_get_status' ) && is_array( opcache_get_status( false ) ),
		'cpu_ms'  => round( batchkeys_bench_cpu_ms() - $state['cpu'], 3 ),
		'files'   => batchkeys_bench_kit_files(),
	);
	if ( $state['autoload'] ) {
		$line['autoload'] = batchkeys_bench_autoload();
	}
	file_put_contents( $state['log'], wp_json_encode( $line ) . "\n", FILE_APPEND | LOCK_EX );
}
