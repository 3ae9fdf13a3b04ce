/**
 * The key format, the same steps and rules as PHP's Key_Input and Key_Format
 * (test/vectors/key-format.json holds both to the same answers): the typed text is made into
 * the key the person meant (look-alike separators, white space, missing separators, the
 * format's case), then checked for length (in characters), allowed characters (the format's
 * class plus the separator) and the full pattern, in that order.
 */
import type { KeyFormat } from './types';

export type FormatCode = 'key_length' | 'key_characters' | 'key_pattern';

export const FORMAT_CODES: readonly FormatCode[] = [
	'key_length',
	'key_characters',
	'key_pattern',
];

// What JavaScript's trim() removes, and invisible characters (zero-width spaces and joiners,
// the word joiner, the soft hyphen). Same classes as PHP's Key_Input.
const SPACE =
	'\\u0009-\\u000D\\u0020\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';

// Look-alikes of the separators a format may use, by the ASCII character they stand for.
const LOOKALIKES: Record< string, string > = {
	'-': '\\u2010-\\u2015\\u2043\\u2212\\uFE58\\uFE63\\uFF0D',
	_: '\\uFF3F',
	'.': '\\u2024\\u3002\\uFF0E\\uFF61',
	'/': '\\u2044\\u2215\\uFF0F',
	':': '\\u2236\\uFF1A',
	'~': '\\u301C\\uFF5E',
};

// Escapes text for a `[...]` class of a `u`-flag regular expression (like preg_quote).
const escapeForClass = ( text: string ): string =>
	text.replace( /[\\\]\[^$.*+?(){}|\/-]/g, '\\$&' );

// Escapes text outside a class: in `u` mode only syntax characters may be escaped there.
const escapeForPattern = ( text: string ): string =>
	text.replace( /[\\\]\[^$.*+?(){}|\/]/g, '\\$&' );

// A class PHP understands but JavaScript does not leaves that rule to the server.
function compile( source: string, flags = 'u' ): RegExp | null {
	try {
		return new RegExp( source, flags );
	} catch {
		return null;
	}
}

const chars = ( text: string ): string[] => Array.from( text );

function allows( format: KeyFormat, char: string ): boolean {
	const one = compile( '^[' + format.chars + ']$' );
	return one ? one.test( char ) : true;
}

function applyCase( format: KeyFormat, key: string ): string {
	if ( format.case === 'upper' ) {
		return key.replace( /[a-z]/g, ( c ) => c.toUpperCase() );
	}
	if ( format.case === 'lower' ) {
		return key.replace( /[A-Z]/g, ( c ) => c.toLowerCase() );
	}
	return key;
}

// Lays the groups out again when that cannot change what the person meant (see PHP's
// Key_Input::regroup()): every character allowed, every separator between two groups.
function regroup( format: KeyFormat, key: string ): string {
	const sep = format.separator;
	if ( sep === '' || format.groups < 2 || key === '' ) {
		return key;
	}
	const list = chars( key );
	const sepLength = chars( sep ).length;
	const max = format.groups * format.length;
	const content: string[] = [];
	let after = false;
	for ( let i = 0; i < list.length; ) {
		if ( list.slice( i, i + sepLength ).join( '' ) === sep ) {
			const done = content.length;
			if (
				after ||
				done === 0 ||
				done % format.length !== 0 ||
				done >= max
			) {
				return key;
			}
			after = true;
			i += sepLength;
			continue;
		}
		if ( ! allows( format, list[ i ] ) ) {
			return key;
		}
		content.push( list[ i ] );
		after = false;
		i++;
	}
	if ( content.length > max ) {
		return key;
	}
	const groups: string[] = [];
	for ( let i = 0; i < content.length; i += format.length ) {
		groups.push( content.slice( i, i + format.length ).join( '' ) );
	}
	return groups.join( sep ) + ( after ? sep : '' );
}

/**
 * The key the person meant: look-alike separators become the separator, letters take the
 * format's case, white space and invisible characters are dropped (only trimmed at the ends
 * when the separator itself has a space), and missing separators are put back where that
 * cannot change the key. A wrong character stays, so the error can name it.
 *
 * @param format The product's key format.
 * @param typed  What the person typed or pasted.
 * @return The normalised key.
 */
export function normalizeKey( format: KeyFormat, typed: string ): string {
	let key = typed;
	for ( const [ ascii, lookalikes ] of Object.entries( LOOKALIKES ) ) {
		if ( format.separator.includes( ascii ) ) {
			key = key.replace(
				new RegExp( '[' + lookalikes + ']', 'gu' ),
				ascii
			);
		}
	}
	key = applyCase( format, key );
	if ( /\s/.test( format.separator ) ) {
		key = key
			.replace( new RegExp( '[' + INVISIBLE + ']', 'gu' ), '' )
			.replace(
				new RegExp( '^[' + SPACE + ']+|[' + SPACE + ']+$', 'gu' ),
				''
			);
	} else {
		key = key.replace(
			new RegExp( '[' + SPACE + INVISIBLE + ']', 'gu' ),
			''
		);
	}
	return regroup( format, key );
}

/**
 * How many characters (code points, like `mb_strlen`) a key of this format has.
 *
 * @param format The product's key format.
 * @return The length of a well-formed key.
 */
export function expectedLength( format: KeyFormat ): number {
	const separator = chars( format.separator ).length;
	return (
		format.groups * format.length +
		Math.max( 0, format.groups - 1 ) * separator
	);
}

/**
 * Checks a key as it is (normalise it first): the first rule it fails, or null.
 *
 * @param format The product's key format.
 * @param key    A normalised key.
 * @return The failing rule's code, or null when the key is well formed.
 */
export function checkKey( format: KeyFormat, key: string ): FormatCode | null {
	if ( chars( key ).length !== expectedLength( format ) ) {
		return 'key_length';
	}
	const allowed = compile(
		'^[' + format.chars + escapeForClass( format.separator ) + ']*$'
	);
	if ( allowed && ! allowed.test( key ) ) {
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
	if ( pattern && ! pattern.test( key ) ) {
		return 'key_pattern';
	}
	return null;
}

/**
 * Normalises a typed key and checks it.
 *
 * @param format The product's key format.
 * @param key    What the person typed.
 * @return The first rule the key fails, or null when it is well formed.
 */
export function validateKey(
	format: KeyFormat,
	key: string
): FormatCode | null {
	return checkKey( format, normalizeKey( format, key ) );
}

export interface KeyInspection {
	/** The normalised key. */
	key: string;
	code: FormatCode | null;
	/** Characters in the normalised key. */
	count: number;
	/** 1-based position of the first character at fault (key_characters, key_pattern). */
	position: number | null;
	character: string | null;
}

/**
 * What is wrong with a typed key, and where (PHP's Key_Input::inspect()).
 *
 * @param format The product's key format.
 * @param typed  What the person typed.
 * @return The normalised key, the failing rule, and the first character at fault.
 */
export function inspectKey( format: KeyFormat, typed: string ): KeyInspection {
	const key = normalizeKey( format, typed );
	const code = checkKey( format, key );
	const list = chars( key );
	let at = -1;
	if ( code === 'key_characters' ) {
		at = list.findIndex(
			( c ) => ! allows( format, c ) && ! format.separator.includes( c )
		);
	} else if ( code === 'key_pattern' ) {
		const template = chars( placeholder( format ) );
		at = list.findIndex(
			( c, i ) =>
				( template[ i ] === 'X' ) !== allows( format, c ) ||
				( template[ i ] !== 'X' && c !== template[ i ] )
		);
	}
	return {
		key,
		code,
		count: list.length,
		position: at >= 0 ? at + 1 : null,
		character: at >= 0 ? list[ at ] : null,
	};
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
