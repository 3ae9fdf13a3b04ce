/**
 * The messages for the three format codes (found in the browser, before any request) and the
 * generic fallback: word for word those of PHP's Messages (one msgid, one translation);
 * test/codes.test.ts fails when they differ. Apart from codes.ts so the block's view script
 * carries only these.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { FormatCode } from './key-format';

export interface CodeMessage {
	message: string;
	hint: string;
}

export const m = ( message: string, hint: string ): CodeMessage => ( {
	message,
	hint,
} );

export const FORMAT_MESSAGES: Record< FormatCode, () => CodeMessage > = {
	key_length: () =>
		m(
			__(
				'The license key does not have the right length.',
				'batchkeys'
			),
			__(
				'Copy the whole key, every group of it, exactly as it appears in your receipt. The example in the field shows its shape.',
				'batchkeys'
			)
		),
	key_characters: () =>
		m(
			__(
				'The license key contains characters a key cannot contain.',
				'batchkeys'
			),
			__(
				'Copy the key again, without spaces or other characters inside it.',
				'batchkeys'
			)
		),
	key_pattern: () =>
		m(
			__(
				'The license key is not in the expected pattern.',
				'batchkeys'
			),
			__(
				'Check that its groups and separators match the example in the field.',
				'batchkeys'
			)
		),
};

/**
 * The message for a code the script does not know: it names the code.
 *
 * @param code The unknown code.
 * @return A generic message and hint.
 */
export function genericMessage( code: string ): CodeMessage {
	return m(
		sprintf(
			/* translators: %s: an error code, e.g. upstream_error. */
			__( 'Something went wrong (code: %s).', 'batchkeys' ),
			code || '?'
		),
		__(
			'Try again later. If it persists, contact the product’s author and mention the code.',
			'batchkeys'
		)
	);
}
