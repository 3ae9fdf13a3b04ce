<?php
/**
 * Turns what BatchKeys sent back into one kit code.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Api;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Turns one upstream answer into one kit code: the parsing rules, in order, then the ERROR texts
 * (docs/upstream-contract.md has both, and which parts BatchKeys leaves undocumented).
 *
 * 1. Decode the body as JSON; when it holds no `valid` or `ERROR` member, look for a response
 *    header whose value decodes as JSON with one.
 * 2. `valid` is valid when "1", 1 or true; anything else is not valid.
 * 3. `ERROR` wins over `valid`.
 * 4. An empty body, non-JSON, HTML, a 5xx, a redirect, a TLS or DNS failure or a timeout is a
 *    connection failure, never "invalid".
 *
 * Each choice made where BatchKeys is silent is a named rule here (error_rules(), is_valid_value(),
 * usable_status()) so a correction against the live service is a one-line change.
 */
final class Answer_Parser {

	/**
	 * Upstream ERROR texts, in the order they are tried: kit code => regular expression.
	 *
	 * @return array<string, string>
	 */
	public static function error_rules() {
		return array(
			'key_length'        => '/L3n7/i',
			'key_characters'    => '/C4r5/i',
			'key_pattern'       => '/P477/i',
			'auth_missing'      => '/d3v3rr1/i',
			'key_missing'       => '/d3v3rr2/i',
			'activation_failed' => '/failed\s+to\s+activate\s+key/i',
			'ip_error'          => '/user\s+ip\s+error/i',
			'rate_limited'      => '/sending\s+keys\s+too\s+fast/i',
		);
	}

	/**
	 * Maps an upstream ERROR text to a kit code (upstream_error when no rule matches).
	 *
	 * @param string $text ERROR text.
	 * @return string
	 */
	public static function code_for_error( $text ) {
		foreach ( self::error_rules() as $code => $regex ) {
			if ( preg_match( $regex, $text ) ) {
				return $code;
			}
		}
		return 'upstream_error';
	}

	/**
	 * Whether a `valid` member means valid.
	 *
	 * @param mixed $value The member's value.
	 * @return bool
	 */
	public static function is_valid_value( $value ) {
		return '1' === $value || 1 === $value || true === $value;
	}

	/**
	 * Whether an HTTP status may carry an answer (2xx and 4xx; a 5xx or a redirect never does).
	 *
	 * @param int $status HTTP status.
	 * @return bool
	 */
	public static function usable_status( $status ) {
		return ( $status >= 200 && $status < 300 ) || ( $status >= 400 && $status < 500 );
	}

	/**
	 * Parses the result of wp_remote_request().
	 *
	 * @param array<string, mixed>|\WP_Error $response Response array or error.
	 * @return Answer
	 */
	public static function parse( $response ) {
		if ( is_wp_error( $response ) || ! is_array( $response ) ) {
			return new Answer( 'connection' );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( ! self::usable_status( $status ) ) {
			return new Answer( 'connection' );
		}

		$data = self::decode( wp_remote_retrieve_body( $response ) );
		if ( null === $data ) {
			$headers = wp_remote_retrieve_headers( $response );
			if ( is_iterable( $headers ) ) {
				foreach ( $headers as $value ) {
					foreach ( (array) $value as $one ) {
						$data = is_string( $one ) ? self::decode( $one ) : null;
						if ( null !== $data ) {
							break 2;
						}
					}
				}
			}
		}
		if ( null === $data ) {
			return new Answer( 'connection' );
		}
		return self::from_data( $data );
	}

	/**
	 * The answer for a decoded JSON object that has a `valid` or an `ERROR` member.
	 *
	 * @param array<string, mixed> $data Decoded object.
	 * @return Answer
	 */
	public static function from_data( array $data ) {
		if ( array_key_exists( 'ERROR', $data ) ) {
			$text = is_scalar( $data['ERROR'] ) ? (string) $data['ERROR'] : (string) wp_json_encode( $data['ERROR'] );
			$code = self::code_for_error( $text );
			return new Answer( $code, 'upstream_error' === $code ? $text : null );
		}
		return new Answer( self::is_valid_value( $data['valid'] ) ? 'valid' : 'invalid' );
	}

	/**
	 * Decodes a JSON object with a `valid` or `ERROR` member; null for anything else.
	 *
	 * @param mixed $text Body or header value.
	 * @return array<string, mixed>|null
	 */
	public static function decode( $text ) {
		if ( ! is_string( $text ) ) {
			return null;
		}
		$text = trim( $text );
		if ( 0 === strncmp( $text, "\xEF\xBB\xBF", 3 ) ) {
			$text = trim( substr( $text, 3 ) );
		}
		if ( '' === $text || '{' !== $text[0] ) {
			return null;
		}
		$data = json_decode( $text, true, 8 );
		if ( ! is_array( $data ) || ( ! array_key_exists( 'valid', $data ) && ! array_key_exists( 'ERROR', $data ) ) ) {
			return null;
		}
		return $data;
	}
}
