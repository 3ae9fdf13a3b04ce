<?php
/**
 * Router for PHP's built-in server: real files pass through, everything else goes to
 * index.php so pretty permalinks and /wp-json/ work.
 *
 * @package BatchKeys
 */

$batchkeys_root = $_SERVER['DOCUMENT_ROOT'];
$batchkeys_path = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$batchkeys_file = $batchkeys_root . $batchkeys_path;
if ( is_file( $batchkeys_file ) ) {
	return false;
}
if ( is_dir( $batchkeys_file ) && is_file( rtrim( $batchkeys_file, '/' ) . '/index.php' ) ) {
	if ( '/' !== substr( $batchkeys_path, -1 ) ) {
		header( 'Location: ' . $batchkeys_path . '/' );
		return true;
	}
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $batchkeys_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $batchkeys_root );
require $batchkeys_root . '/index.php';
