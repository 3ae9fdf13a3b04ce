<?php
/**
 * A product's license key format.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Groups of characters joined by a separator, e.g. five groups of seven A-Za-z0-9 joined by '-'.
 *
 * A typed key is first made into the key the person meant (Key_Input: look-alike separators,
 * white space, missing separators, the format's case), then checked in this order: key_length
 * (number of characters), key_characters (every character allowed), key_pattern (groups and
 * separators in place). The TypeScript side (src/shared/key-format.ts) applies the same steps to
 * the same five settings, and test/vectors/key-format.json holds both to the same answers;
 * `chars` is a character-class body made only of literal ASCII letters, digits and ranges
 * between them (e.g. 'A-Za-z0-9'), which both languages can turn into a regular expression
 * safely.
 */
final class Key_Format {

	/**
	 * Longest key a format may describe (the REST route accepts 200 characters).
	 */
	const MAX_TOTAL = 200;

	/**
	 * Number of groups.
	 *
	 * @var int
	 */
	public $groups;

	/**
	 * Characters per group.
	 *
	 * @var int
	 */
	public $length;

	/**
	 * Separator between groups ('' for none).
	 *
	 * @var string
	 */
	public $separator;

	/**
	 * Character-class body of the allowed characters, e.g. 'A-Za-z0-9'.
	 *
	 * @var string
	 */
	public $chars;

	/**
	 * Letter case: 'keep' (the default: keys are case-sensitive), 'upper' or 'lower' (typed
	 * letters are turned into that case).
	 *
	 * @var string
	 */
	public $case;

	/**
	 * A format; use from_args() for settings that come from an author.
	 *
	 * @param int    $groups    Number of groups (1-20).
	 * @param int    $length    Characters per group (1-100).
	 * @param string $separator Separator (0-3 printable ASCII characters, no letter or digit).
	 * @param string $chars     Character-class body (letters, digits, ranges).
	 * @param string $letters   Letter case: 'keep', 'upper' or 'lower'.
	 */
	public function __construct( $groups = 5, $length = 7, $separator = '-', $chars = 'A-Za-z0-9', $letters = 'keep' ) {
		$this->groups    = (int) $groups;
		$this->length    = (int) $length;
		$this->separator = (string) $separator;
		$this->chars     = (string) $chars;
		$this->case      = in_array( $letters, array( 'upper', 'lower' ), true ) ? $letters : 'keep';
	}

	/**
	 * The default format: 5 groups of 7 A-Za-z0-9 joined by '-'.
	 *
	 * @return self
	 */
	public static function default_format() {
		return new self();
	}

	/**
	 * Builds a format from an author's settings; each wrong setting is reported and replaced by
	 * its default.
	 *
	 * @param mixed         $args   Array with groups, length, separator, chars (all optional).
	 * @param array<string> $errors Receives one English-independent problem name per wrong setting.
	 * @return self
	 */
	public static function from_args( $args, &$errors = array() ) {
		$default = self::default_format();
		if ( ! is_array( $args ) ) {
			$errors[] = 'key_format';
			return $default;
		}
		$groups = $default->groups;
		if ( array_key_exists( 'groups', $args ) ) {
			if ( self::is_int_between( $args['groups'], 1, 20 ) ) {
				$groups = (int) $args['groups'];
			} else {
				$errors[] = 'groups';
			}
		}
		$length = $default->length;
		if ( array_key_exists( 'length', $args ) ) {
			if ( self::is_int_between( $args['length'], 1, 100 ) ) {
				$length = (int) $args['length'];
			} else {
				$errors[] = 'length';
			}
		}
		$separator = $default->separator;
		if ( array_key_exists( 'separator', $args ) ) {
			if ( is_string( $args['separator'] ) && preg_match( '/^[!-\/:-@\[-`{-~ ]{0,3}$/', $args['separator'] ) ) {
				$separator = $args['separator'];
			} else {
				$errors[] = 'separator';
			}
		}
		$chars = $default->chars;
		if ( array_key_exists( 'chars', $args ) ) {
			if ( is_string( $args['chars'] ) && self::is_valid_chars( $args['chars'] ) ) {
				$chars = $args['chars'];
			} else {
				$errors[] = 'chars';
			}
		}
		$letters = $default->case;
		if ( array_key_exists( 'case', $args ) ) {
			if ( in_array( $args['case'], array( 'keep', 'upper', 'lower' ), true ) ) {
				$letters = $args['case'];
			} else {
				$errors[] = 'case';
			}
		}
		$format = new self( $groups, $length, $separator, $chars, $letters );
		if ( $format->total_length() > self::MAX_TOTAL ) {
			$errors[] = 'total_length';
			return $default;
		}
		return $format;
	}

	/**
	 * Whether a value is an integer (or an integer string) within bounds.
	 *
	 * @param mixed $value Value.
	 * @param int   $min   Lowest allowed.
	 * @param int   $max   Highest allowed.
	 * @return bool
	 */
	private static function is_int_between( $value, $min, $max ) {
		if ( is_string( $value ) && preg_match( '/^[0-9]+$/', $value ) ) {
			$value = (int) $value;
		}
		return is_int( $value ) && $value >= $min && $value <= $max;
	}

	/**
	 * Whether a character-class body uses only letters, digits and ascending ranges of one kind.
	 *
	 * @param string $chars Character-class body.
	 * @return bool
	 */
	public static function is_valid_chars( $chars ) {
		if ( ! preg_match_all( '/([A-Za-z0-9])(?:-([A-Za-z0-9]))?/', $chars, $matches, PREG_SET_ORDER ) ) {
			return false;
		}
		$rebuilt = '';
		foreach ( $matches as $match ) {
			$rebuilt .= $match[0];
			if ( isset( $match[2] ) ) {
				if ( self::kind( $match[1] ) !== self::kind( $match[2] ) || ord( $match[1] ) > ord( $match[2] ) ) {
					return false;
				}
			}
		}
		return $rebuilt === $chars;
	}

	/**
	 * The kind of an ASCII letter or digit: 'digit', 'upper' or 'lower'.
	 *
	 * @param string $c One character.
	 * @return string
	 */
	private static function kind( $c ) {
		if ( ctype_digit( $c ) ) {
			return 'digit';
		}
		return ctype_upper( $c ) ? 'upper' : 'lower';
	}

	/**
	 * Number of characters of a well-formed key.
	 *
	 * @return int
	 */
	public function total_length() {
		return $this->groups * $this->length + ( $this->groups - 1 ) * strlen( $this->separator );
	}

	/**
	 * The placeholder for the key input: an X per character, e.g. XXXXXXX-XXXXXXX-...
	 *
	 * @return string
	 */
	public function placeholder() {
		$group = str_repeat( 'X', max( 1, $this->length ) );
		return $group . str_repeat( $this->separator . $group, max( 0, $this->groups - 1 ) );
	}

	/**
	 * The whole-key regular expression (PCRE, anchored, UTF-8 mode).
	 *
	 * @return string
	 */
	public function pattern() {
		$group = '[' . $this->chars . ']{' . $this->length . '}';
		$sep   = preg_quote( $this->separator, '/' );
		$more  = $this->groups > 1 ? '(?:' . $sep . $group . '){' . ( $this->groups - 1 ) . '}' : '';
		return '/^' . $group . $more . '$/Du';
	}

	/**
	 * Checks a typed key: '' when it is well formed, else key_length, key_characters or
	 * key_pattern (the first rule that fails, in that order). Normalise first (see validate()).
	 *
	 * @param mixed $key Key, already normalised.
	 * @return string
	 */
	public function check( $key ) {
		if ( ! is_string( $key ) ) {
			return 'key_length';
		}
		$valid_utf8 = mb_check_encoding( $key, 'UTF-8' );
		$count      = $valid_utf8 ? mb_strlen( $key, 'UTF-8' ) : strlen( $key );
		if ( $count !== $this->total_length() ) {
			return 'key_length';
		}
		if ( ! $valid_utf8 ) {
			return 'key_characters';
		}
		$allowed = '/^[' . $this->chars . preg_quote( $this->separator, '/' ) . ']*$/Du';
		if ( 1 !== preg_match( $allowed, $key ) ) {
			return 'key_characters';
		}
		if ( 1 !== preg_match( $this->pattern(), $key ) ) {
			return 'key_pattern';
		}
		return '';
	}

	/**
	 * Makes a typed key into the key the person meant (Key_Input::normalize()) and checks it.
	 *
	 * @param mixed  $key   Typed key.
	 * @param string $clean Receives the normalised key.
	 * @return string '' when well formed, else the failing rule's code.
	 */
	public function validate( $key, &$clean = '' ) {
		$clean = Key_Input::normalize( $this, $key );
		return $this->check( $clean );
	}

	/**
	 * Whether one character is in the format's class (the separator is not).
	 *
	 * @param string $char One character.
	 * @return bool
	 */
	public function allows( $char ) {
		return 1 === preg_match( '/^[' . $this->chars . ']$/Du', $char );
	}

	/**
	 * A key as it may be shown: every character but the separators and the last 4 becomes '•'
	 * (a key of 8 characters or fewer keeps at most half of them visible).
	 *
	 * @param string|null $key Stored key.
	 * @return string|null
	 */
	public function mask( $key ) {
		if ( null === $key || '' === $key ) {
			return null;
		}
		$chars = mb_check_encoding( $key, 'UTF-8' ) ? preg_split( '//u', $key, -1, PREG_SPLIT_NO_EMPTY ) : str_split( $key );
		if ( ! is_array( $chars ) ) {
			return null;
		}
		$count   = count( $chars );
		$visible = min( 4, intdiv( $count, 2 ) );
		$keep    = '' === $this->separator ? array() : str_split( $this->separator );
		foreach ( $chars as $i => $char ) {
			if ( $i < $count - $visible && ! in_array( $char, $keep, true ) ) {
				$chars[ $i ] = "\u{2022}";
			}
		}
		return implode( '', $chars );
	}

	/**
	 * The format's settings, as the scripts receive them.
	 *
	 * @return array{groups: int, length: int, separator: string, chars: string, case: string}
	 */
	public function to_array() {
		return array(
			'groups'    => $this->groups,
			'length'    => $this->length,
			'separator' => $this->separator,
			'chars'     => $this->chars,
			'case'      => $this->case,
		);
	}
}
