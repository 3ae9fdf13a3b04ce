<?php
/**
 * Bootstrap of the site-free unit suite (test/php-unit): the kit's pure classes with no
 * WordPress, no database and no mock. Only the kit's classes are loaded, by the naming rule of
 * plugin/kit/boot.php (which also wires WordPress hooks, so it is not loaded here); a class under
 * test that calls WordPress fails here with "undefined function", which is the point.
 *
 * @package BatchKeys\Tests
 */

// The kit's files refuse to run outside WordPress unless ABSPATH is defined; nothing reads it.
define( 'ABSPATH', __DIR__ . '/no-wordpress/' );

spl_autoload_register(
	static function ( $class_name ) {
		$prefix = 'BatchKeys\\Kit\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$parts = explode( '\\', substr( $class_name, strlen( $prefix ) ) );
		$name  = array_pop( $parts );
		$file  = dirname( __DIR__, 2 ) . '/plugin/kit/src/' . ( $parts ? implode( '/', $parts ) . '/' : '' )
			. 'class-' . strtolower( str_replace( '_', '-', $name ) ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
