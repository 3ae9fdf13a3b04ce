<?php
/**
 * Router for PHP's built-in server: real files pass through, everything else goes to
 * index.php so pretty permalinks and /wp-json/ work.
 *
 * On a subdirectory network a subsite's core paths carry its prefix (/site2/wp-admin/...,
 * /site2/wp-login.php, /site2/wp-includes/...): like the rewrite rules of WordPress's network
 * setup, they are served from the core files, while WordPress reads the subsite from REQUEST_URI.
 * /site2/wp-json/... is not a file and goes to index.php, which serves it for that subsite.
 *
 * @package BatchKeys
 */

$batchkeys_root = $_SERVER['DOCUMENT_ROOT'];
$batchkeys_uri  = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$batchkeys_path = $batchkeys_uri;
if ( ! file_exists( $batchkeys_root . $batchkeys_path )
	&& preg_match( '#^/[_0-9a-zA-Z-]+(/(?:wp-(?:admin|includes|content)(?:/.*)?|wp-[a-z-]+\.php))$#', $batchkeys_path, $batchkeys_match ) ) {
	$batchkeys_path = $batchkeys_match[1];
}
$batchkeys_file = $batchkeys_root . $batchkeys_path;
if ( is_dir( $batchkeys_file ) && is_file( rtrim( $batchkeys_file, '/' ) . '/index.php' ) ) {
	if ( '/' !== substr( $batchkeys_uri, -1 ) ) {
		header( 'Location: ' . $batchkeys_uri . '/' );
		return true;
	}
	$batchkeys_path = rtrim( $batchkeys_path, '/' ) . '/index.php';
	$batchkeys_file = $batchkeys_root . $batchkeys_path;
}
if ( is_file( $batchkeys_file ) ) {
	if ( '.php' !== substr( $batchkeys_file, -4 ) ) {
		if ( $batchkeys_path === $batchkeys_uri ) {
			return false; // The server sends it itself.
		}
		$batchkeys_types = array(
			'css'   => 'text/css',
			'js'    => 'application/javascript',
			'json'  => 'application/json',
			'map'   => 'application/json',
			'svg'   => 'image/svg+xml',
			'png'   => 'image/png',
			'gif'   => 'image/gif',
			'jpg'   => 'image/jpeg',
			'webp'  => 'image/webp',
			'ico'   => 'image/x-icon',
			'woff'  => 'font/woff',
			'woff2' => 'font/woff2',
			'ttf'   => 'font/ttf',
		);
		$batchkeys_ext   = strtolower( pathinfo( $batchkeys_file, PATHINFO_EXTENSION ) );
		if ( isset( $batchkeys_types[ $batchkeys_ext ] ) ) {
			header( 'Content-Type: ' . $batchkeys_types[ $batchkeys_ext ] );
		}
		readfile( $batchkeys_file );
		return true;
	}
	if ( $batchkeys_path === $batchkeys_uri ) {
		return false;
	}
	$_SERVER['SCRIPT_NAME']     = $batchkeys_path;
	$_SERVER['SCRIPT_FILENAME'] = $batchkeys_file;
	$_SERVER['PHP_SELF']        = $batchkeys_path;
	chdir( dirname( $batchkeys_file ) );
	require $batchkeys_file;
	return true;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $batchkeys_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $batchkeys_root );
require $batchkeys_root . '/index.php';
