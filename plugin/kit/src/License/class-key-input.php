<?php
/**
 * What a person typed or pasted, made into the key they meant, and what is wrong with it.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Forgiving input, the same steps as src/shared/key-format.ts (test/vectors/key-format.json
 * keeps the two equal):
 *
 * 1. look-alikes of the format's separator (en and em dashes, minus signs, full-width forms...)
 *    become the separator;
 * 2. letters take the format's case when it has one ('upper' or 'lower'; 'keep' by default:
 *    BatchKeys keys are case-sensitive);
 * 3. white space and invisible characters are dropped (a separator that contains a space keeps
 *    inner spaces: only the ends are trimmed);
 * 4. when every character is allowed and every separator sits between two groups, the groups
 *    are laid out again with the separator between them, so a key typed or pasted without its
 *    separators gets them.
 *
 * Nothing else is changed: a key with a wrong character keeps it, so the error can name it.
 */
final class Key_Input {

	/**
	 * White space (what JavaScript's trim() removes) and invisible characters (zero-width
	 * spaces and joiners, the word joiner, the soft hyphen).
	 */
	const SPACE_CLASS = '\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}';

	/**
	 * Invisible characters, dropped even where spaces are kept.
	 */
	const INVISIBLE_CLASS = '\x{00AD}\x{200B}-\x{200D}\x{2060}\x{FEFF}';

	/**
	 * Look-alikes of the separators a format may use, by the ASCII character they stand for.
	 *
	 * @var array<string, string>
	 */
	const LOOKALIKES = array(
		'-' => '\x{2010}-\x{2015}\x{2043}\x{2212}\x{FE58}\x{FE63}\x{FF0D}',
		'_' => '\x{FF3F}',
		'.' => '\x{2024}\x{3002}\x{FF0E}\x{FF61}',
		'/' => '\x{2044}\x{2215}\x{FF0F}',
		':' => '\x{2236}\x{FF1A}',
		'~' => '\x{301C}\x{FF5E}',
	);

	/**
	 * The key a person meant (steps 1 to 4 above). Keeps anything that is not a string or not
	 * UTF-8 recognisable: the check then refuses it.
	 *
	 * @param Key_Format $format The product's key format.
	 * @param mixed      $typed  What was typed.
	 * @return string
	 */
	public static function normalize( Key_Format $format, $typed ) {
		if ( ! is_string( $typed ) ) {
			return '';
		}
		if ( ! mb_check_encoding( $typed, 'UTF-8' ) ) {
			return trim( $typed, " \t\n\r\x0B\x0C" );
		}
		$key = $typed;
		foreach ( self::LOOKALIKES as $ascii => $class ) {
			if ( false !== strpos( $format->separator, $ascii ) ) {
				$key = (string) preg_replace( '/[' . $class . ']/u', $ascii, $key );
			}
		}
		$key = self::apply_case( $format->case, $key );
		if ( 1 === preg_match( '/\s/', $format->separator ) ) {
			$key = (string) preg_replace( '/[' . self::INVISIBLE_CLASS . ']/u', '', $key );
			$key = (string) preg_replace( '/^[' . self::SPACE_CLASS . ']+|[' . self::SPACE_CLASS . ']+$/u', '', $key );
		} else {
			$key = (string) preg_replace( '/[' . self::SPACE_CLASS . self::INVISIBLE_CLASS . ']/u', '', $key );
		}
		return self::regroup( $format, $key );
	}

	/**
	 * ASCII letters in the format's case (never other letters: PHP and JavaScript map those
	 * differently).
	 *
	 * @param string $mode 'keep', 'upper' or 'lower'.
	 * @param string $key  Key.
	 * @return string
	 */
	private static function apply_case( $mode, $key ) {
		$lower = 'abcdefghijklmnopqrstuvwxyz';
		$upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
		if ( 'upper' === $mode ) {
			return strtr( $key, $lower, $upper );
		}
		if ( 'lower' === $mode ) {
			return strtr( $key, $upper, $lower );
		}
		return $key;
	}

	/**
	 * Lays the groups out again when that cannot change what the person meant: every character
	 * is allowed, every separator sits between two groups (not doubled), and there are no more
	 * characters than a key has. A separator typed at the end of a group stays.
	 *
	 * @param Key_Format $format The product's key format.
	 * @param string     $key    Key after steps 1 to 3.
	 * @return string
	 */
	private static function regroup( Key_Format $format, $key ) {
		$sep = $format->separator;
		if ( '' === $sep || $format->groups < 2 || '' === $key ) {
			return $key;
		}
		$chars   = self::chars( $key );
		$sep_len = mb_strlen( $sep, 'UTF-8' );
		$content = array();
		$max     = $format->groups * $format->length;
		$after   = false; // The last token was a separator.
		$count   = count( $chars );
		for ( $i = 0; $i < $count; ) {
			if ( implode( '', array_slice( $chars, $i, $sep_len ) ) === $sep ) {
				$done = count( $content );
				if ( $after || 0 === $done || 0 !== $done % $format->length || $done >= $max ) {
					return $key;
				}
				$after = true;
				$i    += $sep_len;
				continue;
			}
			if ( ! $format->allows( $chars[ $i ] ) ) {
				return $key;
			}
			$content[] = $chars[ $i ];
			$after     = false;
			++$i;
		}
		if ( count( $content ) > $max ) {
			return $key;
		}
		$groups = array_map( 'implode', array_chunk( $content, max( 1, $format->length ) ) );
		$out    = implode( $sep, $groups );
		return $after ? $out . $sep : $out;
	}

	/**
	 * What is wrong with a key, after normalize(): the failing rule ('' when none) and, for
	 * key_characters and key_pattern, the first character at fault (1-based position among
	 * the characters of the normalised key) and that character.
	 *
	 * @param Key_Format $format The product's key format.
	 * @param mixed      $typed  What was typed.
	 * @return array{key: string, code: string, count: int, position: int|null, character: string|null}
	 */
	public static function inspect( Key_Format $format, $typed ) {
		$key    = self::normalize( $format, $typed );
		$code   = $format->check( $key );
		$utf8   = mb_check_encoding( $key, 'UTF-8' );
		$chars  = $utf8 ? self::chars( $key ) : str_split( $key );
		$result = array(
			'key'       => $key,
			'code'      => $code,
			'count'     => '' === $key ? 0 : count( $chars ),
			'position'  => null,
			'character' => null,
		);
		$at     = null;
		if ( 'key_characters' === $code ) {
			foreach ( $chars as $i => $char ) {
				if ( ! $utf8 || ( ! $format->allows( $char ) && false === strpos( $format->separator, $char ) ) ) {
					$at = $i;
					break;
				}
			}
		} elseif ( 'key_pattern' === $code ) {
			$template = self::chars( $format->placeholder() );
			foreach ( $chars as $i => $char ) {
				if ( ( 'X' === $template[ $i ] ) !== $format->allows( $char ) || ( 'X' !== $template[ $i ] && $char !== $template[ $i ] ) ) {
					$at = $i;
					break;
				}
			}
		}
		if ( null !== $at ) {
			$result['position']  = $at + 1;
			$result['character'] = $utf8 ? $chars[ $at ] : null;
		}
		return $result;
	}

	/**
	 * The characters (code points) of a UTF-8 string.
	 *
	 * @param string $text Text.
	 * @return array<int, string>
	 */
	private static function chars( $text ) {
		$chars = preg_split( '//u', $text, -1, PREG_SPLIT_NO_EMPTY );
		return is_array( $chars ) ? $chars : array();
	}
}
