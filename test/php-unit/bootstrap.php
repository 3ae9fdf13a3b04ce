<?php
/**
 * Bootstrap of the site-free unit suite (test/php-unit): the kit's pure classes with no
 * WordPress, no database and no mock. Only the kit's autoloader is loaded; a class under test
 * that calls WordPress fails here with "undefined function", which is the point.
 *
 * @package BatchKeys\Tests
 */

// The kit's files refuse to run outside WordPress unless ABSPATH is defined; nothing reads it.
define( 'ABSPATH', __DIR__ . '/no-wordpress/' );

require dirname( __DIR__, 2 ) . '/plugin/kit/src/class-autoloader.php';
BatchKeys\Kit\Autoloader::register( dirname( __DIR__, 2 ) . '/plugin/kit/src' );
