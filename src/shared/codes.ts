/**
 * The words a script shows for a code. PHP owns the messages (Messages, in
 * plugin/kit/src/Messages/class-messages.php): every REST answer and every license view carries
 * the server's translated message and hint, and the scripts show those. A script keeps words of
 * its own only for what it finds out itself: a key's format before any request
 * (format-messages.ts), an answer that never came (api-fetch's `fetch_error`, `invalid_json`),
 * and a code it does not know. test/codes.test.ts compares the copies with PHP's words.
 */
import { __ } from '@wordpress/i18n';
import codes from './codes.generated.json';
import { FORMAT_MESSAGES, genericMessage, m } from './format-messages';
import type { CodeMessage } from './format-messages';

export type { CodeMessage };

const KIT_CODES = new Set< string >( codes.codes );

/**
 * Whether PHP knows the code (its message from the server is then shown as is).
 * @param code
 */
export function isKitCode( code: string ): boolean {
	return KIT_CODES.has( code );
}

/** Codes @wordpress/api-fetch makes up itself when no usable answer came back. */
export const CLIENT_MESSAGES: Record< string, () => CodeMessage > = {
	fetch_error: () =>
		m(
			__( 'Your site could not be reached.', 'batchkeys' ),
			__( 'Check your internet connection, then try again.', 'batchkeys' )
		),
	invalid_json: () =>
		m(
			__(
				'Your site sent an answer that could not be read.',
				'batchkeys'
			),
			__(
				'Reload the page and try again. If it keeps happening, the site’s error log may say why.',
				'batchkeys'
			)
		),
};

const has = ( table: object, code: string ): boolean =>
	Object.prototype.hasOwnProperty.call( table, code );

/**
 * The script's own words for a code: a format code's, an api-fetch code's, else a generic
 * message naming the code. Used only where no word came from PHP.
 * @param code
 */
export function describeCode( code: string ): CodeMessage {
	if ( has( FORMAT_MESSAGES, code ) ) {
		return FORMAT_MESSAGES[ code as keyof typeof FORMAT_MESSAGES ]();
	}
	if ( has( CLIENT_MESSAGES, code ) ) {
		return CLIENT_MESSAGES[ code ]();
	}
	return genericMessage( code );
}
