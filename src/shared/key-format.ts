/**
 * The key format check, the same rules and order as PHP's Key_Format (design section 3,
 * spec section 4): trim, then length (in characters), then allowed characters (the format's
 * class plus the separator), then the full pattern. Case is kept.
 */
import type { KeyFormat } from './types';

export type FormatCode = 'key_length' | 'key_characters' | 'key_pattern';

export const FORMAT_CODES: readonly FormatCode[] = [
	'key_length',
	'key_characters',
	'key_pattern',
];

// PHP's trim() strips exactly these: space, tab, LF, CR, NUL, vertical tab.
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/** The key as PHP will see it after `trim()`. */
export function trimKey( key: string ): string {
	return key.replace( PHP_TRIM, '' );
}

/** Escapes a string for use inside a `[...]` class of a `u`-flag regular expression. */
function escapeForClass( text: string ): string {
	return text.replace( /[\\\]\[^$.*+?(){}|\/-]/g, '\\$&' );
}

/** Escapes a string for use outside a class (in `u` mode `\-` is an error there). */
function escapeForPattern( text: string ): string {
	return text.replace( /[\\\]\[^$.*+?(){}|\/]/g, '\\$&' );
}

function compile( source: string ): RegExp | null {
	try {
		return new RegExp( source, 'u' );
	} catch {
		// A class PHP understands but JavaScript does not: leave that rule to the server.
		return null;
	}
}

/** How many characters (code points, like `mb_strlen`) a key of this format has. */
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
	const rest =
		format.groups > 1
			? '(?:' +
			  escapeForPattern( format.separator ) +
			  group +
			  '){' +
			  ( format.groups - 1 ) +
			  '}'
			: '';
	const pattern = compile( '^' + group + rest + '$' );
	if ( pattern && ! pattern.test( trimmed ) ) {
		return 'key_pattern';
	}

	return null;
}

/** The input's placeholder: `XXXXXXX-XXXXXXX-...` for the default format. */
export function placeholder( format: KeyFormat ): string {
	return Array.from( { length: format.groups }, () =>
		'X'.repeat( format.length )
	).join( format.separator );
}
