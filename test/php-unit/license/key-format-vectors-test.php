<?php
/**
 * Key_Input over the vectors TypeScript runs too (test/vectors/key-format.json).
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Unit\License;

use BatchKeys\Kit\License\Key_Format;
use BatchKeys\Kit\License\Key_Input;
use PHPUnit\Framework\TestCase;

/** PHP and the browser make the same key of the same input. */
final class Key_Format_Vectors_Test extends TestCase {

	/**
	 * The vectors, by name.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function vectors() {
		$file = dirname( __DIR__, 2 ) . '/vectors/key-format.json';
		$data = json_decode( (string) file_get_contents( $file ), true );
		$out  = array();
		foreach ( $data['vectors'] as $vector ) {
			$out[ $vector['name'] ] = array( $vector );
		}
		return $out;
	}

	/** The file is there and not empty (a data provider with no rows would pass silently). */
	public function test_there_are_vectors() {
		$this->assertGreaterThan( 20, count( self::vectors() ) );
	}

	/**
	 * Same key, code, count and first character at fault as TypeScript.
	 *
	 * @dataProvider vectors
	 * @param array<string, mixed> $vector One vector.
	 */
	public function test_vector( array $vector ) {
		$format = Key_Format::from_args( isset( $vector['format'] ) ? $vector['format'] : array(), $errors );
		$this->assertSame( array(), (array) $errors, 'the vector\'s format is valid' );
		$this->assertSame(
			array(
				'key'       => $vector['key'],
				'code'      => null === $vector['code'] ? '' : $vector['code'],
				'count'     => $vector['count'],
				'position'  => $vector['position'],
				'character' => $vector['character'],
			),
			Key_Input::inspect( $format, $vector['input'] )
		);
		$clean = '';
		$this->assertSame( null === $vector['code'] ? '' : $vector['code'], $format->validate( $vector['input'], $clean ) );
		$this->assertSame( $vector['key'], $clean );
		$this->assertSame( $vector['key'], Key_Input::normalize( $format, $vector['key'] ), 'stable' );
	}
}
