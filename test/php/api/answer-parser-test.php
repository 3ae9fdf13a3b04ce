<?php
/**
 * Answer_Parser::parse() on what wp_remote_request() returns: the status, the body, a header, a
 * WP_Error (the rules: docs/upstream-contract.md; without WordPress: test/php-unit/api/).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Api;

use BatchKeys\Kit\Api\Answer_Parser;
use BatchKeys\Tests\Test_Case;

/** WordPress HTTP responses (arrays and WP_Error) to kit codes; the rules themselves are unit-tested in test/php-unit/api/. */
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

	/** Through a response array: an ERROR text and a valid value end as their code (the rules are in test/php-unit/api/answer-parser-test.php). */
	public function test_a_response_array_is_read() {
		$this->assertSame( 'ip_error', Answer_Parser::parse( self::response( wp_json_encode( array( 'ERROR' => 'User IP Error!' ) ) ) )->code );
		$this->assertSame( 'valid', Answer_Parser::parse( self::response( '{"valid":"1"}' ) )->code );
		$this->assertSame( 'invalid', Answer_Parser::parse( self::response( '{"valid":"0"}' ) )->code );
	}

	/** A non-scalar ERROR is kept as its JSON text (wp_json_encode). */
	public function test_a_nested_error_beats_valid() {
		$answer = Answer_Parser::parse( self::response( '{"ERROR":{"nested":true},"valid":"1"}' ) );
		$this->assertSame( 'upstream_error', $answer->code );
		$this->assertSame( '{"nested":true}', $answer->detail );
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
