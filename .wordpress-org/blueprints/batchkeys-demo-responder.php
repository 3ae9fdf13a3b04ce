<?php
/**
 * Plugin Name: BatchKeys demo responder (Playground demo only)
 * Description: Answers the kit's calls to BatchKeys inside WordPress, so the Playground demo of
 * the key form works in a browser tab with no server and no network. Active only where the demo
 * blueprint defines BATCHKEYS_PLAYGROUND_DEMO, and only for requests to BATCHKEYS_API_URL. It
 * answers as the mock API (test/mock-api) does for the seeded demo keys; the mock stays the
 * reference for every test.
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) || ! defined( 'BATCHKEYS_PLAYGROUND_DEMO' ) || true !== BATCHKEYS_PLAYGROUND_DEMO ) {
	return;
}

add_filter(
	'pre_http_request',
	static function ( $pre, $args, $url ) {
		if ( ! defined( 'BATCHKEYS_API_URL' ) || BATCHKEYS_API_URL !== $url ) {
			return $pre;
		}
		$headers = isset( $args['headers'] ) ? array_change_key_case( (array) $args['headers'], CASE_LOWER ) : array();
		$auth    = isset( $headers['auth'] ) ? (string) $headers['auth'] : '';
		$key     = isset( $headers['key'] ) ? (string) $headers['key'] : '';
		$active  = isset( $headers['active'] ) ? (string) $headers['active'] : '';
		// Keys switched off with `active: 0`, so deactivating and activating again behave.
		$off = get_option( 'batchkeys_demo_responder_off', array() );
		$off = is_array( $off ) ? $off : array();
		if ( '' === $auth ) {
			$answer = array( 'ERROR' => 'd3v3rr1' );
		} elseif ( '' === $key ) {
			$answer = array( 'ERROR' => 'd3v3rr2' );
		} elseif ( ! preg_match( '/^[A-Za-z0-9]{7}(-[A-Za-z0-9]{7}){4}$/', $key ) ) {
			$answer = array( 'ERROR' => 'P477' );
		} else {
			$good = array( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC', 'DEMO002-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC' );
			if ( '0' === $active ) {
				$off[ $key ] = true;
			} elseif ( '1' === $active ) {
				unset( $off[ $key ] );
			}
			update_option( 'batchkeys_demo_responder_off', $off, false );
			$valid  = defined( 'BATCHKEYS_DEMO_AUTH' ) && BATCHKEYS_DEMO_AUTH === $auth && in_array( $key, $good, true ) && '0' !== $active && empty( $off[ $key ] );
			$answer = array( 'valid' => $valid ? '1' : '0' );
		}
		return array(
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => (string) wp_json_encode( $answer ),
			'response' => array(
				'code'    => 200,
				'message' => 'OK',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	},
	10,
	3
);
