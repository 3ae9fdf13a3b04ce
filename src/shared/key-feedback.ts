/**
 * What the key field says, in the screen and in the block alike: neutral progress while the
 * person types ("12 of 39 characters"), and on blur or submit the error, naming the first
 * character at fault and its position, with the format's hint. An empty submit asks for a key.
 */
import { __, _x, sprintf } from '@wordpress/i18n';
import { FORMAT_MESSAGES } from './format-messages';
import { expectedLength, inspectKey } from './key-format';
import type { KeyInspection } from './key-format';
import type { KeyFormat } from './types';

export interface KeyFeedback {
	/** The key as the field should show it (normalised). */
	key: string;
	inspection: KeyInspection;
	/** Neutral: "12 of 39 characters", or '' when nothing is typed. */
	progress: string;
	/** Shown on blur or submit only; null when the key is well formed (or empty on blur). */
	error: { message: string; hint: string } | null;
}

function lang(): string | undefined {
	return (
		( typeof document !== 'undefined' && document.documentElement.lang ) ||
		undefined
	);
}

/**
 * "9th": the ordinal of a position, through the language's ordinal plural rules.
 *
 * @param n A 1-based position.
 * @return The ordinal, translated.
 */
export function ordinal( n: number ): string {
	let rule = 'other';
	try {
		rule = new Intl.PluralRules( lang(), { type: 'ordinal' } ).select( n );
	} catch {
		// An unknown language tag: the generic form.
	}
	switch ( rule ) {
		case 'one':
			/* translators: %d: a position; the ordinal form for 1, 21, 31... in English ("1st"). */
			return sprintf( _x( '%dst', 'ordinal one', 'batchkeys' ), n );
		case 'two':
			/* translators: %d: a position; the ordinal form for 2, 22, 32... in English ("2nd"). */
			return sprintf( _x( '%dnd', 'ordinal two', 'batchkeys' ), n );
		case 'few':
			/* translators: %d: a position; the ordinal form for 3, 23, 33... in English ("3rd"). */
			return sprintf( _x( '%drd', 'ordinal few', 'batchkeys' ), n );
		default:
			/* translators: %d: a position; the ordinal form for other numbers in English ("9th"). */
			return sprintf( _x( '%dth', 'ordinal other', 'batchkeys' ), n );
	}
}

/**
 * A character as people can see it: its name when it is easily mistaken ("an en dash (–)"),
 * else the character in quotes, with its code point when it is not plain ASCII.
 *
 * @param char One character.
 * @return The visible name.
 */
export function nameCharacter( char: string ): string {
	const names: Record< string, () => string > = {
		'\u2013': () => __( 'an en dash', 'batchkeys' ),
		'\u2014': () => __( 'an em dash', 'batchkeys' ),
		'-': () => __( 'a hyphen', 'batchkeys' ),
		_: () => __( 'an underscore', 'batchkeys' ),
		' ': () => __( 'a space', 'batchkeys' ),
		'\u00A0': () => __( 'a no-break space', 'batchkeys' ),
	};
	const point = char.codePointAt( 0 ) ?? 0;
	const code = 'U+' + point.toString( 16 ).toUpperCase().padStart( 4, '0' );
	const glyph = point < 0x20 ? code : `“${ char }”`;
	if ( names[ char ] ) {
		return `${ names[ char ]() } (${ glyph })`;
	}
	return point < 0x7f ? glyph : `${ glyph } (${ code })`;
}

/**
 * The field's feedback for what is typed.
 *
 * @param format The product's key format.
 * @param typed  The field's value.
 * @param submit Whether the person submitted (an empty key is then an error too).
 * @return Normalised key, progress and error.
 */
export function keyFeedback(
	format: KeyFormat,
	typed: string,
	submit = false
): KeyFeedback {
	const inspection = inspectKey( format, typed );
	const total = expectedLength( format );
	const progress =
		inspection.count === 0
			? ''
			: sprintf(
					/* translators: 1: characters typed so far, 2: characters a key has. */
					__( '%1$d of %2$d characters', 'batchkeys' ),
					inspection.count,
					total
				);
	let error: KeyFeedback[ 'error' ] = null;
	if ( inspection.count === 0 ) {
		error = submit
			? {
					message: __( 'Enter a key.', 'batchkeys' ),
					hint: __(
						'Paste the license key from your purchase receipt.',
						'batchkeys'
					),
				}
			: null;
	} else if ( inspection.code ) {
		const words = FORMAT_MESSAGES[ inspection.code ]();
		let message = words.message;
		if ( inspection.code === 'key_length' ) {
			message += ' ' + progress + '.';
		} else if ( inspection.position && inspection.character ) {
			const where = ordinal( inspection.position );
			const what = nameCharacter( inspection.character );
			message =
				inspection.code === 'key_characters'
					? sprintf(
							/* translators: 1: a position such as "9th", 2: the character, e.g. "an en dash (“–”)". */
							__(
								'The %1$s character, %2$s, cannot be in a license key.',
								'batchkeys'
							),
							where,
							what
						)
					: sprintf(
							/* translators: 1: a position such as "9th", 2: the character, e.g. "“G”". */
							__(
								'The %1$s character, %2$s, is not where the key’s groups and separators put it.',
								'batchkeys'
							),
							where,
							what
						);
		}
		error = { message, hint: words.hint };
	}
	return { key: inspection.key, inspection, progress, error };
}

/**
 * Where the caret goes once the field shows the normalised key: after the same number of
 * key characters (separators and dropped spaces aside) as before it; at the end when it was.
 *
 * @param format     The product's key format.
 * @param raw        What the field held before normalising.
 * @param caret      The caret in `raw`.
 * @param normalized The normalised key.
 * @return The caret in `normalized`.
 */
export function caretAfter(
	format: KeyFormat,
	raw: string,
	caret: number,
	normalized: string
): number {
	if ( caret >= raw.length ) {
		return normalized.length;
	}
	const strip = ( text: string ) =>
		format.separator === ''
			? text
			: text.split( format.separator ).join( '' );
	const before = Array.from(
		strip( inspectKey( format, raw.slice( 0, caret ) ).key )
	).length;
	let seen = 0;
	let index = 0;
	const list = Array.from( normalized );
	while ( index < list.length && seen < before ) {
		if (
			format.separator !== '' &&
			list.slice( index ).join( '' ).startsWith( format.separator )
		) {
			index += Array.from( format.separator ).length;
			continue;
		}
		seen++;
		index++;
	}
	return list.slice( 0, index ).join( '' ).length;
}
