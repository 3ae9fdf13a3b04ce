<?php
/**
 * Autoloader for the elected copy's classes.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Maps BatchKeys\Kit\<Concern>\<Class_Name> to src/<Concern>/class-<class-name>.php.
 *
 * Example: BatchKeys\Kit\License\Key_Format is src/License/class-key-format.php, and
 * BatchKeys\Kit\Kit is src/class-kit.php. Only the elected copy registers it.
 */
final class Autoloader {

	/**
	 * Namespace prefix served.
	 */
	const PREFIX = 'BatchKeys\\Kit\\';

	/**
	 * Folder of the classes (src/ of the elected copy).
	 *
	 * @var string
	 */
	private static $base = '';

	/**
	 * Registers the autoloader for the classes under $base (once).
	 *
	 * @param string $base Absolute path of src/.
	 * @return void
	 */
	public static function register( $base ) {
		if ( '' !== self::$base ) {
			return;
		}
		self::$base = rtrim( $base, '/\\' );
		spl_autoload_register( array( __CLASS__, 'load' ) );
	}

	/**
	 * The file a class would live in, or '' when the class is not the kit's.
	 *
	 * @param string $class_name Fully qualified class name.
	 * @return string
	 */
	public static function file_for( $class_name ) {
		$class_name = ltrim( $class_name, '\\' );
		if ( 0 !== strpos( $class_name, self::PREFIX ) ) {
			return '';
		}
		$parts = explode( '\\', substr( $class_name, strlen( self::PREFIX ) ) );
		foreach ( $parts as $part ) {
			if ( ! preg_match( '/^[A-Za-z][A-Za-z0-9_]*$/', $part ) ) {
				return '';
			}
		}
		$name = array_pop( $parts );
		$dir  = $parts ? implode( '/', $parts ) . '/' : '';
		return self::$base . '/' . $dir . 'class-' . strtolower( str_replace( '_', '-', $name ) ) . '.php';
	}

	/**
	 * Loads a kit class, if its file exists.
	 *
	 * @param string $class_name Fully qualified class name.
	 * @return void
	 */
	public static function load( $class_name ) {
		$file = self::file_for( $class_name );
		if ( '' !== $file && is_readable( $file ) ) {
			require_once $file;
		}
	}
}
