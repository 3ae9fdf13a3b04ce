<?php
/**
 * Where the elected copy of the kit lives, as a URL.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Maps the kit's folder to a URL: a plugin (symlinked or not), a must-use plugin, a parent or
 * child theme. Only screens, the block and the Site Health page need it, so it is not part of
 * the Kit class every request loads.
 */
final class Location {

	/**
	 * URL of a file of the kit in $path.
	 *
	 * @param string $path     The kit's folder (kit/), no trailing slash.
	 * @param string $relative Path relative to kit/, e.g. 'build/admin.js'.
	 * @return string
	 */
	public static function url( $path, $relative = '' ) {
		$relative = ltrim( (string) $relative, '/' );
		$mine     = array( wp_normalize_path( $path ), wp_normalize_path( (string) realpath( $path ) ) );

		$themes = array(
			array( get_stylesheet_directory(), get_stylesheet_directory_uri() ),
			array( get_template_directory(), get_template_directory_uri() ),
		);
		foreach ( $themes as $theme ) {
			$dir = wp_normalize_path( $theme[0] );
			foreach ( array_unique( array( $dir, wp_normalize_path( (string) realpath( $theme[0] ) ) ) ) as $candidate ) {
				if ( '' === $candidate || '/' === $candidate ) {
					continue;
				}
				foreach ( $mine as $folder ) {
					if ( 0 === strpos( $folder . '/', trailingslashit( $candidate ) ) ) {
						$tail = ltrim( substr( $folder, strlen( $candidate ) ), '/' );
						return trailingslashit( $theme[1] ) . ( '' === $tail ? '' : $tail . '/' ) . $relative;
					}
				}
			}
		}

		// Plugins and must-use plugins, symlinked or not (plugins_url() maps registered real paths).
		return plugins_url( $relative, $path . '/load.php' );
	}
}
