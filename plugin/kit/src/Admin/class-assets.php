<?php
/**
 * Where the compiled scripts and styles live, and their URLs.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Admin;

use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The one place that knows where `npm run build` puts its output relative to the kit: the
 * screen, the block and anything else that enqueues a built file go through it.
 *
 * The build lives inside the kit (plugin/kit/build, where webpack.config.js writes it), so a
 * product that copies kit/ carries its scripts, styles and block with it, and whichever copy
 * the election boots serves its own files: from a plugin (symlinked or not) or from a theme,
 * the URL comes from Kit::url(). Moving the build changes BUILD_FROM_KIT alone.
 */
final class Assets {

	/**
	 * The build folder, relative to the kit's folder (kit/).
	 */
	const BUILD_FROM_KIT = 'build';

	/**
	 * Absolute path of a built file (or of the build folder when $relative is empty).
	 *
	 * @param Kit    $kit      The kit.
	 * @param string $relative Path inside the build folder, e.g. 'admin/index.js'.
	 * @return string
	 */
	public static function path( Kit $kit, $relative = '' ) {
		$base = self::resolve( wp_normalize_path( $kit->path() ), self::BUILD_FROM_KIT );
		return self::join( $base, $relative );
	}

	/**
	 * URL of a built file, wherever the kit lives (plugin, symlinked plugin, theme).
	 *
	 * @param Kit    $kit      The kit.
	 * @param string $relative Path inside the build folder.
	 * @return string
	 */
	public static function url( Kit $kit, $relative = '' ) {
		$base = self::resolve( untrailingslashit( $kit->url( '' ) ), self::BUILD_FROM_KIT );
		return self::join( $base, $relative );
	}

	/**
	 * The dependencies and version wp-scripts wrote for an entry, or null when it is not built.
	 *
	 * @param Kit    $kit   The kit.
	 * @param string $entry Entry name, e.g. 'admin/index'.
	 * @return array{dependencies: array<int, non-empty-string>, version: string}|null
	 */
	public static function asset( Kit $kit, $entry ) {
		$file = self::path( $kit, $entry . '.asset.php' );
		if ( ! is_readable( $file ) ) {
			return null;
		}
		$asset = require $file;
		if ( ! is_array( $asset ) ) {
			return null;
		}
		return array(
			'dependencies' => isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? array_values( array_filter( array_map( 'strval', $asset['dependencies'] ) ) ) : array(),
			'version'      => isset( $asset['version'] ) ? (string) $asset['version'] : $kit->version(),
		);
	}

	/**
	 * Folder of the script translations (JSON), beside the kit's .mo files.
	 *
	 * @param Kit $kit The kit.
	 * @return string
	 */
	public static function languages_path( Kit $kit ) {
		return $kit->path() . '/languages';
	}

	/**
	 * Applies a relative path made of '..' and names to a path or URL, without touching disk.
	 *
	 * @param string $base     Path or URL, no trailing slash.
	 * @param string $relative E.g. '../build' or 'build'.
	 * @return string
	 */
	private static function resolve( $base, $relative ) {
		$base = untrailingslashit( $base );
		foreach ( explode( '/', $relative ) as $part ) {
			if ( '..' === $part ) {
				$cut  = strrpos( $base, '/' );
				$base = false === $cut ? $base : substr( $base, 0, $cut );
			} elseif ( '' !== $part && '.' !== $part ) {
				$base .= '/' . $part;
			}
		}
		return $base;
	}

	/**
	 * Joins a base and a relative path with one slash.
	 *
	 * @param string $base     Base.
	 * @param string $relative Relative part ('' for none).
	 * @return string
	 */
	private static function join( $base, $relative ) {
		$relative = ltrim( (string) $relative, '/' );
		return '' === $relative ? $base : $base . '/' . $relative;
	}
}
