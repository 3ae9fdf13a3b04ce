<?php
/**
 * Answer_Parser: the parsing rules, in order, and every documented ERROR text
 * (docs/upstream-contract.md).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Api;

use BatchKeys\Kit\Api\Answer_Parser;
use BatchKeys\Tests\Test_Case;

/** Upstream answers to kit codes, as a pure function. */
final class Answer_Parser_Test extends Test_Case {

	/**
	 * A response array as wp_remote_request() returns it.
	 *
	 * @param string $body    Body.
	 * @param int    $status  Status.
	 * @param array  $headers Headers.
	 * @return array
	 */
	private static function response( $body, $status = 200, array $headers = array() ) {
		return array(
			'headers'  => new \WpOrg\Requests\Utility\CaseInsensitiveDictionary( $headers ),
			'body'     => $body,
			'response' => array(
				'code'    => $status,
				'message' => '',
			),
			'cookies'  => array(),
		);
	}

	/**
	 * The documented ERROR texts (verbatim) and the kit code of each.
	 *
	 * @return array
	 */
	public function error_rows() {
		return array(
			'length'           => array( 'Invalid license key (CODE:  L3n7)', 'key_length' ),
			'length, 1 space'  => array( 'Invalid license key (CODE: L3n7)', 'key_length' ),
			'characters'       => array( 'Invalid license key (CODE: C4r5)', 'key_characters' ),
			'pattern'          => array( 'Invalid license key (CODE: P477)', 'key_pattern' ),
			'activation'       => array( 'Failed to activate key!', 'activation_failed' ),
			'ip'               => array( 'User IP Error!', 'ip_error' ),
			'too fast U+2019'  => array( 'You’re sending keys too fast. Please try again later.', 'rate_limited' ),
			'too fast ASCII'   => array( "You're sending keys too fast. Please try again later. ", 'rate_limited' ),
			'too fast upper'   => array( 'YOU’RE SENDING KEYS TOO FAST.', 'rate_limited' ),
			'auth missing'     => array( 'BatchKeys API Auth Key is required! (CODE:d3v3rr1)', 'auth_missing' ),
			'key missing'      => array( 'License key is required! (CODE:d3v3rr2)', 'key_missing' ),
			'unknown'          => array( 'Something new happened (CODE: zz99)', 'upstream_error' ),
			'empty error text' => array( '', 'upstream_error' ),
		);
	}

	/**
	 * Every documented ERROR text maps to its code; only upstream_error keeps the raw text.
	 *
	 * @dataProvider error_rows
	 * @param string $text ERROR text.
	 * @param string $code Kit code.
	 */
	public function test_error_texts_map_to_kit_codes( $text, $code ) {
		$answer = Answer_Parser::parse( self::response( wp_json_encode( array( 'ERROR' => $text ) ) ) );
		$this->assertSame( $code, $answer->code );
		$this->assertSame( 'upstream_error' === $code ? $text : null, $answer->detail );
		$this->assertFalse( $answer->is_verdict() );
	}

	/** Rule 2: "1", 1 and true are valid; anything else is not valid. */
	public function test_valid_values() {
		foreach ( array( '{"valid":"1"}', '{"valid":1}', '{"valid":true}', '{"valid" : "1"}', "\xEF\xBB\xBF{\"valid\":\"1\"}\n" ) as $body ) {
			$this->assertSame( 'valid', Answer_Parser::parse( self::response( $body ) )->code, $body );
		}
		foreach ( array( '{"valid":"0"}', '{"valid":0}', '{"valid":false}', '{"valid":"true"}', '{"valid":null}', '{"valid":"01"}', '{"valid":[1]}' ) as $body ) {
			$answer = Answer_Parser::parse( self::response( $body ) );
			$this->assertSame( 'invalid', $answer->code, $body );
			$this->assertTrue( $answer->is_verdict() );
		}
	}

	/** Rule 3: ERROR wins over valid. */
	public function test_error_beats_valid() {
		$this->assertSame( 'activation_failed', Answer_Parser::parse( self::response( '{"valid":"1","ERROR":"Failed to activate key!"}' ) )->code );
		$this->assertSame( 'upstream_error', Answer_Parser::parse( self::response( '{"ERROR":{"nested":true},"valid":"1"}' ) )->code );
	}

	/** Rule 4: no usable answer is a connection failure, never invalid. */
	public function test_no_usable_answer_is_a_connection_failure() {
		$cases = array(
			'empty'         => self::response( '' ),
			'spaces'        => self::response( "  \n" ),
			'html'          => self::response( '<!doctype html><html><body>Oops</body></html>' ),
			'truncated'     => self::response( '{"valid":"1"' ),
			'not an object' => self::response( '"1"' ),
			'a list'        => self::response( '[{"valid":"1"}]' ),
			'other members' => self::response( '{"status":"ok"}' ),
			'5xx with json' => self::response( '{"valid":"1"}', 500 ),
			'503 html'      => self::response( '<html>busy</html>', 503 ),
			'redirect'      => self::response( '{"valid":"1"}', 302, array( 'location' => 'https://example.com/' ) ),
			'no status'     => self::response( '{"valid":"1"}', 0 ),
			'404 html'      => self::response( '<html>not found</html>', 404 ),
		);
		foreach ( $cases as $name => $response ) {
			$this->assertSame( 'connection', Answer_Parser::parse( $response )->code, $name );
		}
		$this->assertSame( 'connection', Answer_Parser::parse( new \WP_Error( 'http_request_failed', 'cURL error 28: Operation timed out' ) )->code );
		$this->assertSame( 'connection', Answer_Parser::parse( new \WP_Error( 'http_request_failed', 'cURL error 6: Could not resolve host' ) )->code );
	}

	/** Rule 1: when the body has no answer, a response header whose value is the JSON answer counts. */
	public function test_json_in_a_header() {
		$this->assertSame( 'valid', Answer_Parser::parse( self::response( '', 200, array( 'X-BatchKeys-Response' => '{"valid":"1"}' ) ) )->code );
		$this->assertSame( 'invalid', Answer_Parser::parse( self::response( '<html></html>', 200, array( 'x-answer' => '{"valid":"0"}' ) ) )->code );
		$this->assertSame( 'ip_error', Answer_Parser::parse( self::response( '', 200, array( 'x-answer' => '{"ERROR":"User IP Error!"}' ) ) )->code );
		// Headers without a valid or ERROR member are ignored.
		$this->assertSame( 'connection', Answer_Parser::parse( self::response( '', 200, array( 'x-other' => '{"a":1}' ) ) )->code );
		// The body wins over a header.
		$this->assertSame( 'invalid', Answer_Parser::parse( self::response( '{"valid":"0"}', 200, array( 'x-answer' => '{"valid":"1"}' ) ) )->code );
	}

	/** A 4xx that carries a documented answer is read; one without is a connection failure. */
	public function test_client_errors_with_an_answer() {
		$this->assertSame( 'rate_limited', Answer_Parser::parse( self::response( '{"ERROR":"You’re sending keys too fast. Please try again later."}', 429 ) )->code );
		$this->assertSame( 'connection', Answer_Parser::parse( self::response( 'Too Many Requests', 429 ) )->code );
	}

	/** A plain array of headers (as some transports give) works too. */
	public function test_plain_header_array() {
		$response            = self::response( '' );
		$response['headers'] = array( 'x-answer' => array( 'nonsense', '{"valid":"1"}' ) );
		$this->assertSame( 'valid', Answer_Parser::parse( $response )->code );
	}
}
