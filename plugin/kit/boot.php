<?php
/**
 * Boots this copy of the kit. Required only by the election in load.php, for the elected copy.
 *
 * @package BatchKeys\Kit
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/src/class-autoloader.php';

\BatchKeys\Kit\Autoloader::register( __DIR__ . '/src' );
\BatchKeys\Kit\Kit::boot( __DIR__, (string) require __DIR__ . '/version.php' );
