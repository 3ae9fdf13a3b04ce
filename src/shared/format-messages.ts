/**
 * The messages for the three format codes and the generic fallback. Kept apart from the
 * full table in codes.ts so the block's view script can show them without carrying every
 * message of the kit.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { FormatCode } from './key-format';

export interface CodeMessage {
	message: string;
	hint: string;
}

export const FORMAT_MESSAGES: Record< FormatCode, () => CodeMessage > = {
	key_length: () => ( {
		message: __( 'This key does not have the right length.', 'batchkeys' ),
		hint: __(
			'Copy the whole key again, separators included, with nothing before or after it.',
			'batchkeys'
		),
	} ),
	key_characters: () => ( {
		message: __(
			'This key contains characters a license key cannot have.',
			'batchkeys'
		),
		hint: __(
			'Use only the letters, digits and separators a license key is made of.',
			'batchkeys'
		),
	} ),
	key_pattern: () => ( {
		message: __(
			'This key is not grouped the way a license key is.',
			'batchkeys'
		),
		hint: __(
			'Compare the position of the separators with the example in the field.',
			'batchkeys'
		),
	} ),
};

/**
 * The message for a code the script does not know: it names the code.
 * @param code
 */
export function genericMessage( code: string ): CodeMessage {
	return {
		message: sprintf(
			/* translators: %s: an error code, for example "upstream_error". */
			__( 'Something went wrong (code: %s).', 'batchkeys' ),
			code || '?'
		),
		hint: __(
			'Try again in a moment. If it keeps happening, contact the product’s support and mention this code.',
			'batchkeys'
		),
	};
}
