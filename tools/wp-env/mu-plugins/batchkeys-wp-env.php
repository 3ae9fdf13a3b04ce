<?php
/**
 * Plugin Name: BatchKeys wp-env host
 * Description: Development only, mapped by .wp-env.json. BATCHKEYS_API_URL names the mock on
 * host.docker.internal, the host as Docker containers see it. On wp-env's Playground runtime PHP
 * runs inside the host's own Node process, where that name does not exist and the host is
 * 127.0.0.1: there the URL is rewritten, so one config works on both runtimes.
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_filter(
	'batchkeys_api_url',
	static function ( $url ) {
		// PHP compiled to WebAssembly reports Emscripten as its system.
		if ( is_string( $url ) && 0 === strpos( php_uname( 's' ), 'Emscripten' ) ) {
			$url = str_replace( '://host.docker.internal:', '://127.0.0.1:', $url );
		}
		return $url;
	}
);
