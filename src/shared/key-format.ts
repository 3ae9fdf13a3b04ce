/**
 * The key format check, the same rules and order as PHP's Key_Format
 * (docs/upstream-contract.md, "Key format"): trim, then length (in characters), then allowed
 * characters (the format's class plus the separator), then the full pattern. Case is kept.
 */
import type { KeyFormat } from './types';

export type FormatCode = 'key_length' | 'key_characters' | 'key_pattern';

export const FORMAT_CODES: readonly FormatCode[] = [
	'key_length',
	'key_characters',
	'key_pattern',
];

/**
 * The key as PHP will see it: Key_Format::trim() strips exactly the white space that
 * String.prototype.trim() strips, and keeps case.
 *
 * @param key What the person typed.
 * @return The key without surrounding white space.
 */
export function trimKey( key: string ): string {
	return key.trim();
}

// Escapes text for a `[...]` class of a `u`-flag regular expression (like preg_quote).
const escapeForClass = ( text: string ): string =>
	text.replace( /[\\\]\[^$.*+?(){}|\/-]/g, '\\$&' );

// Escapes text outside a class: in `u` mode only syntax characters may be escaped there.
const escapeForPattern = ( text: string ): string =>
	text.replace( /[\\\]\[^$.*+?(){}|\/]/g, '\\$&' );

// A class PHP understands but JavaScript does not leaves that rule to the server.
function compile( source: string ): RegExp | null {
	try {
		return new RegExp( source, 'u' );
	} catch {
		return null;
	}
}

/**
 * How many characters (code points, like `mb_strlen`) a key of this format has.
 *
 * @param format The product's key format.
 * @return The length of a well-formed key.
 */
export function expectedLength( format: KeyFormat ): number {
	const separator = Array.from( format.separator ).length;
	return (
		format.groups * format.length +
		Math.max( 0, format.groups - 1 ) * separator
	);
}

/**
 * Checks a typed key.
 *
 * @param format The product's key format.
 * @param key    What the person typed (surrounding white space is ignored).
 * @return The first rule the key fails, or null when it is well formed.
 */
export function validateKey(
	format: KeyFormat,
	key: string
): FormatCode | null {
	const trimmed = trimKey( key );

	if ( Array.from( trimmed ).length !== expectedLength( format ) ) {
		return 'key_length';
	}

	const allowed = compile(
		'^[' + format.chars + escapeForClass( format.separator ) + ']*$'
	);
	if ( allowed && ! allowed.test( trimmed ) ) {
		return 'key_characters';
	}

	const group = '[' + format.chars + ']{' + format.length + '}';
	const more =
		format.groups > 1
			? '(?:' +
				escapeForPattern( format.separator ) +
				group +
				'){' +
				( format.groups - 1 ) +
				'}'
			: '';
	const pattern = compile( '^' + group + more + '$' );
	if ( pattern && ! pattern.test( trimmed ) ) {
		return 'key_pattern';
	}

	return null;
}

/**
 * The input's placeholder: `XXXXXXX-XXXXXXX-...` for the default format (as PHP's
 * Key_Format::placeholder()).
 *
 * @param format The product's key format.
 * @return One X per character, groups joined by the separator.
 */
export function placeholder( format: KeyFormat ): string {
	return Array.from( { length: format.groups }, () =>
		'X'.repeat( format.length )
	).join( format.separator );
}
