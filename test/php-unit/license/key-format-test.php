<?php
/**
 * Key_Format: normalise, then key_length, key_characters, key_pattern; placeholder; masking.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Unit\License;

use BatchKeys\Kit\License\Key_Format;
use PHPUnit\Framework\TestCase;

/** The key format as a pure value. */
final class Key_Format_Test extends TestCase {

	const GOOD = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';

	/** A well-formed key passes; case is kept. */
	public function test_default_format_accepts_a_well_formed_key() {
		$format = Key_Format::default_format();
		$this->assertSame( '', $format->validate( self::GOOD ) );
		$this->assertSame( '', $format->validate( 'abcdefg-ABCDEFG-0123456-zZ9yY8x-Aa0Bb1C' ) );
		$this->assertSame( 39, $format->total_length() );
	}

	/** Surrounding white space is trimmed, as JavaScript's trim() does, and nothing else. */
	public function test_trims_surrounding_white_space_like_javascript() {
		$format = Key_Format::default_format();
		foreach ( array( ' ', "\t", "\n", "\r\n", "\u{00A0}", "\u{FEFF}", "\u{2003}", "\u{3000}" ) as $space ) {
			$clean = '';
			$this->assertSame( '', $format->validate( $space . self::GOOD . $space, $clean ), 'trims U+' . bin2hex( $space ) );
			$this->assertSame( self::GOOD, $clean );
		}
		// A null byte is not white space: it stays, and makes the key too long.
		$this->assertSame( 'key_length', $format->validate( "\0" . self::GOOD ) );
	}

	/** The three rules apply in order: length first. */
	public function test_length_is_checked_first() {
		$format = Key_Format::default_format();
		$this->assertSame( 'key_length', $format->validate( '' ) );
		$this->assertSame( 'key_length', $format->validate( '   ' ) );
		$this->assertSame( 'key_length', $format->validate( substr( self::GOOD, 0, 38 ) ) );
		$this->assertSame( 'key_length', $format->validate( self::GOOD . 'A' ) );
		// Wrong characters AND wrong length: the length is reported.
		$this->assertSame( 'key_length', $format->validate( '!!!' ) );
		$this->assertSame( 'key_length', $format->validate( str_repeat( 'A', 10240 ) ) );
	}

	/** With the right length, a character outside the set is key_characters. */
	public function test_characters_are_checked_second() {
		$format = Key_Format::default_format();
		$this->assertSame( 'key_characters', $format->validate( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC!' ) );
		$this->assertSame( 'key_characters', $format->validate( 'DEMO001*GOOD000-AAAAAAA-BBBBBBB-CCCCCCC' ) );
		// A space where the separator belongs is dropped and the separator put back.
		$this->assertSame( '', $format->validate( 'DEMO001 GOOD000-AAAAAAA-BBBBBBB-CCCCCCC' ) );
		$this->assertSame( 'key_characters', $format->validate( "DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC\0" ) );
		// Characters count as characters, not bytes.
		$this->assertSame( 'key_characters', $format->validate( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCé' ) );
		$this->assertSame( 'key_characters', $format->validate( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC😀' ) );
		$this->assertSame( 'key_characters', $format->validate( "'OR1=1--'OR1=1--'OR1=1--'OR1=1--'OR1=1-" ) );
		$this->assertSame( 'key_characters', $format->validate( '<script>alert(1)</script>-AAAAAAA-BBBBB' ) );
	}

	/** With the right length and characters, misplaced separators are key_pattern. */
	public function test_pattern_is_checked_last() {
		$format = Key_Format::default_format();
		$this->assertSame( 'key_pattern', $format->validate( 'DEMO001GOOD000-AAAAAAA-BBBBBBB-CCCCCCC-' ) );
		$this->assertSame( 'key_pattern', $format->validate( str_repeat( 'A', 39 ) ) );
		$this->assertSame( 'key_pattern', $format->validate( str_repeat( '-', 39 ) ) );
	}

	/** Invalid UTF-8 never warns: it is a character problem (or a length one). */
	public function test_invalid_utf8_is_refused_without_warnings() {
		$format = Key_Format::default_format();
		$this->assertSame( 'key_characters', $format->validate( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC' . "\xFF" ) );
		$this->assertSame( 'key_length', $format->validate( "\xC3\x28" ) );
		$this->assertSame( 'key_length', $format->validate( array( 'x' ) ) );
		$this->assertSame( 'key_length', $format->validate( null ) );
	}

	/** The placeholder is an X per character, the separators kept. */
	public function test_placeholder_is_derived_from_the_format() {
		$this->assertSame( 'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX', Key_Format::default_format()->placeholder() );
		$this->assertSame( 'XXXX_XXXX_XXXX', ( new Key_Format( 3, 4, '_', 'A-F0-9' ) )->placeholder() );
		$this->assertSame( 'XXXXXXXXXX', ( new Key_Format( 1, 10, '', '0-9' ) )->placeholder() );
	}

	/** A custom format applies its own settings. */
	public function test_custom_format() {
		$format = new Key_Format( 4, 4, '.', 'A-F0-9' );
		$this->assertSame( '', $format->validate( 'ABCD.0123.4567.89EF' ) );
		$this->assertSame( 'key_characters', $format->validate( 'abcd.0123.4567.89EF' ) );
		$this->assertSame( 'key_pattern', $format->validate( 'ABCD0.123.4567.89EF' ) );
		$this->assertSame( 'key_length', $format->validate( 'ABCD-0123-4567-89EF-' ) );
	}

	/** The author's settings are validated; wrong ones fall back to defaults and are named. */
	public function test_from_args_validates_each_setting() {
		$errors = array();
		$format = Key_Format::from_args(
			array(
				'groups'    => 4,
				'length'    => '5',
				'separator' => '.',
				'chars'     => 'A-Z0-9',
				'case'      => 'upper',
			),
			$errors
		);
		$this->assertSame( array(), $errors );
		$this->assertSame(
			array(
				'groups'    => 4,
				'length'    => 5,
				'separator' => '.',
				'chars'     => 'A-Z0-9',
				'case'      => 'upper',
			),
			$format->to_array()
		);

		$errors = array();
		$format = Key_Format::from_args(
			array(
				'groups'    => 0,
				'length'    => 1000,
				'separator' => 'ab',
				'chars'     => '\\d]|.*',
				'case'      => 'UPPER',
			),
			$errors
		);
		$this->assertSame( array( 'groups', 'length', 'separator', 'chars', 'case' ), $errors );
		$this->assertSame( Key_Format::default_format()->to_array(), $format->to_array() );

		$errors = array();
		Key_Format::from_args(
			array(
				'groups' => 20,
				'length' => 100,
			),
			$errors
		);
		$this->assertSame( array( 'total_length' ), $errors );

		$errors = array();
		Key_Format::from_args( 'A-Z', $errors );
		$this->assertSame( array( 'key_format' ), $errors );
	}

	/** The character set is letters, digits and ascending ranges of one kind, nothing else. */
	public function test_character_class_bodies() {
		foreach ( array( 'A-Za-z0-9', 'A-Z', '0-9', 'abc', 'A-F0-9xyz', 'Z' ) as $ok ) {
			$this->assertTrue( Key_Format::is_valid_chars( $ok ), $ok );
		}
		foreach ( array( '', 'Z-A', 'A-z', '0-Z', '\\w', 'A-Z-', '^A', 'A-Z]', '.', 'A-Z\\', 'é', '-' ) as $bad ) {
			$this->assertFalse( Key_Format::is_valid_chars( $bad ), $bad );
		}
	}

	/** Masking keeps the separators and the last 4 characters. */
	public function test_mask_keeps_separators_and_last_four() {
		$format = Key_Format::default_format();
		$this->assertSame( '•••••••-•••••••-•••••••-•••••••-•••CCCC', $format->mask( self::GOOD ) );
		$this->assertSame( '•••••••-•••••••-•••••••-•••••••-•••4AB2', $format->mask( 'ABCDEFG-ABCDEFG-ABCDEFG-ABCDEFG-ABC4AB2' ) );
		$this->assertNull( $format->mask( null ) );
		$this->assertNull( $format->mask( '' ) );
		$this->assertSame( '••••_••••_DDDD', ( new Key_Format( 3, 4, '_', 'A-F' ) )->mask( 'AAAA_BBBB_DDDD' ) );
		// A short key never shows more than half.
		$this->assertSame( '••AB', ( new Key_Format( 1, 4, '', 'A-Z' ) )->mask( 'XYAB' ) );
	}
}
