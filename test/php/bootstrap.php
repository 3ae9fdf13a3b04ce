<?php
/**
 * PHPUnit bootstrap: boots the REAL WordPress of a running local site (tools/site.sh) against a
 * separate, freshly installed test database. No WordPress test library (wp-phpunit is not in the
 * package registry this project can reach); each test runs in a rolled-back transaction instead.
 *
 * The site is named by BATCHKEYS_SITE (a site JSON file); default .batchkeys/site-test.json when
 * present, else .batchkeys/site.json (the one `npm start` writes). A network site (`--multisite`)
 * boots as its main site, with a network test database of the same subsites: run the tests of
 * group `network` there (`BATCHKEYS_MULTISITE=1 bash tools/test-php.sh --group network`).
 *
 * @package BatchKeys\Tests
 */

$batchkeys_root = dirname( __DIR__, 2 );
$batchkeys_json = getenv( 'BATCHKEYS_SITE' );
if ( ! $batchkeys_json ) {
	$batchkeys_json = file_exists( $batchkeys_root . '/.batchkeys/site-test.json' )
		? $batchkeys_root . '/.batchkeys/site-test.json'
		: $batchkeys_root . '/.batchkeys/site.json';
}
if ( ! is_readable( $batchkeys_json ) ) {
	fwrite( STDERR, "No local site found ($batchkeys_json). Run `npm start` first, or use `npm run test:php`.\n" );
	exit( 1 );
}
$batchkeys_site = json_decode( (string) file_get_contents( $batchkeys_json ), true );
define( 'BATCHKEYS_TEST_SITE', $batchkeys_site );
// A site file outlives its site: say so plainly instead of failing every test.
foreach ( array( $batchkeys_site['url'] . '/wp-login.php', $batchkeys_site['mock_url'] . '/__mock/keys' ) as $batchkeys_probe ) {
	if ( false === @file_get_contents( $batchkeys_probe, false, stream_context_create( array( 'http' => array( 'timeout' => 5 ) ) ) ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a probe before WordPress loads.
		fwrite( STDERR, "The local site of $batchkeys_json is not running ($batchkeys_probe does not answer). Start it with `npm run test:php`, or `bash tools/site.sh start --name={$batchkeys_site['name']}`.\n" );
		exit( 1 );
	}
}

// The generated wp-config.php switches to the test database (wp_tests.sqlite / bk_<name>_tests).
putenv( 'WP_TEST_DB=1' );

// A fresh test database for every run.
if ( 'sqlite' === $batchkeys_site['db'] ) {
	foreach ( glob( $batchkeys_site['site_dir'] . '/db/wp_tests.sqlite*' ) as $batchkeys_file ) {
		unlink( $batchkeys_file );
	}
} else {
	$batchkeys_db     = 'bk_' . str_replace( '-', '_', $batchkeys_site['name'] ) . '_tests';
	$batchkeys_mysqli = mysqli_connect( 'localhost', 'root', '', '', 0, $batchkeys_site['mysql_socket'] );
	mysqli_query( $batchkeys_mysqli, "DROP DATABASE IF EXISTS `$batchkeys_db`" );
	mysqli_query( $batchkeys_mysqli, "CREATE DATABASE `$batchkeys_db`" );
	mysqli_close( $batchkeys_mysqli );
}
// A network site gets a network test database with the same subsites.
$batchkeys_network = ! empty( $batchkeys_site['multisite'] );
passthru(
	sprintf(
		'WP_TEST_DB=1 php %s %s %s admin password %s batchkeys >/dev/null',
		escapeshellarg( $batchkeys_root . '/tools/site/install.php' ),
		escapeshellarg( $batchkeys_site['abspath'] ),
		escapeshellarg( $batchkeys_site['url'] ),
		$batchkeys_network ? escapeshellarg( '--subsites=' . count( (array) $batchkeys_site['subsites'] ) ) : ''
	),
	$batchkeys_status
);
if ( 0 !== $batchkeys_status ) {
	fwrite( STDERR, "Installing the test database failed.\n" );
	exit( 1 );
}

$_SERVER['HTTP_HOST']       = batchkeys_tests_host_port( $batchkeys_site['url'] );
$_SERVER['SERVER_NAME']     = '127.0.0.1';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define( 'WP_USE_THEMES', false );

/**
 * Host and port of a URL, as HTTP_HOST carries them.
 *
 * @param string $url URL.
 * @return string
 */
function batchkeys_tests_host_port( $url ) {
	return parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
}

require $batchkeys_site['abspath'] . 'wp-load.php';
// One process stands for every kind of request, so it is wired for all of them. What each real
// request wires is tested over HTTP (test/php/loading/).
foreach ( array_keys( \BatchKeys\Kit\Wiring::CONCERNS + \BatchKeys\Kit\Wiring::ON_DEMAND ) as $batchkeys_kind ) {
	\BatchKeys\Kit\Kit::instance()->wire_for( $batchkeys_kind );
}
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once __DIR__ . '/includes/class-mock-api.php';
require_once __DIR__ . '/includes/class-site-http.php';
require_once __DIR__ . '/includes/class-test-case.php';
