<?php
/**
 * Answer_Parser without WordPress: the parsing rules in order on decoded bodies, and every
 * documented ERROR text (docs/upstream-contract.md). What needs WordPress's HTTP responses (a
 * WP_Error, headers, the status of a response array) is in test/php/api/answer-parser-test.php.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Unit\Api;

use BatchKeys\Kit\Api\Answer;
use BatchKeys\Kit\Api\Answer_Parser;
use PHPUnit\Framework\TestCase;

/** Upstream answers to kit codes, as a pure function. */
final class Answer_Parser_Test extends TestCase {

	/**
	 * The answer for a body, as parse() reads it once the status is usable.
	 *
	 * @param string $body Body.
	 * @return Answer|null Null when the body holds no answer (a connection failure).
	 */
	private static function body( $body ) {
		$data = Answer_Parser::decode( $body );
		return null === $data ? null : Answer_Parser::from_data( $data );
	}

	/**
	 * The documented ERROR texts (verbatim) and the kit code of each.
	 *
	 * @return array<string, array{string, string}>
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
		$answer = Answer_Parser::from_data( array( 'ERROR' => $text ) );
		$this->assertSame( $code, $answer->code );
		$this->assertSame( 'upstream_error' === $code ? $text : null, $answer->detail );
		$this->assertFalse( $answer->is_verdict() );
		$this->assertSame( $code, Answer_Parser::code_for_error( $text ) );
	}

	/** "1", 1 and true are valid; anything else is not valid. */
	public function test_valid_values() {
		foreach ( array( '{"valid":"1"}', '{"valid":1}', '{"valid":true}', '{"valid" : "1"}', "\xEF\xBB\xBF{\"valid\":\"1\"}\n" ) as $body ) {
			$answer = self::body( $body );
			$this->assertNotNull( $answer, $body );
			$this->assertSame( 'valid', $answer->code, $body );
		}
		foreach ( array( '{"valid":"0"}', '{"valid":0}', '{"valid":false}', '{"valid":"true"}', '{"valid":null}', '{"valid":"01"}', '{"valid":[1]}' ) as $body ) {
			$answer = self::body( $body );
			$this->assertNotNull( $answer, $body );
			$this->assertSame( 'invalid', $answer->code, $body );
			$this->assertTrue( $answer->is_verdict() );
		}
	}

	/** ERROR wins over valid. */
	public function test_error_beats_valid() {
		$answer = self::body( '{"valid":"1","ERROR":"Failed to activate key!"}' );
		$this->assertNotNull( $answer );
		$this->assertSame( 'activation_failed', $answer->code );
	}

	/** A body without an answer is no answer (parse() makes it a connection failure, never invalid). */
	public function test_a_body_without_an_answer_is_none() {
		$bodies = array(
			'empty'         => '',
			'spaces'        => "  \n",
			'html'          => '<!doctype html><html><body>Oops</body></html>',
			'truncated'     => '{"valid":"1"',
			'not an object' => '"1"',
			'a list'        => '[{"valid":"1"}]',
			'other members' => '{"status":"ok"}',
			'too deep'      => '{"valid":' . str_repeat( '[', 10 ) . str_repeat( ']', 10 ) . '}',
		);
		foreach ( $bodies as $name => $body ) {
			$this->assertNull( Answer_Parser::decode( $body ), $name );
		}
		$this->assertNull( Answer_Parser::decode( null ) );
		$this->assertNull( Answer_Parser::decode( array( 'valid' => '1' ) ) );
	}

	/** 2xx and 4xx may carry an answer; a 5xx, a redirect or no status never does. */
	public function test_usable_statuses() {
		foreach ( array( 200, 201, 299, 400, 404, 429, 499 ) as $status ) {
			$this->assertTrue( Answer_Parser::usable_status( $status ), (string) $status );
		}
		foreach ( array( 0, 100, 199, 301, 302, 304, 399, 500, 502, 503, 599 ) as $status ) {
			$this->assertFalse( Answer_Parser::usable_status( $status ), (string) $status );
		}
	}
}
