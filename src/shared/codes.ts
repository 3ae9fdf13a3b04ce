/**
 * A message and a hint for every kit code. The list of codes is PHP's Messages::codes(),
 * exported to codes.generated.json; a test fails when this table and that file differ.
 * The server's own (translated, filterable) message is preferred when an answer carries
 * one; these are for answers without one and for checks made in the browser.
 */
import { __ } from '@wordpress/i18n';
import { FORMAT_MESSAGES, genericMessage, m } from './format-messages';
import type { CodeMessage } from './format-messages';

export type { CodeMessage };

/**
 * Kit codes (one per entry of codes.generated.json), in the words of PHP's Messages::table().
 */
export const KIT_MESSAGES: Record< string, () => CodeMessage > = {
	...FORMAT_MESSAGES,
	none: () =>
		m(
			__( 'No license key has been entered yet.', 'batchkeys' ),
			__(
				'Paste the license key from your purchase receipt, then select Activate.',
				'batchkeys'
			)
		),
	valid: () =>
		m(
			__( 'The license key is active on this site.', 'batchkeys' ),
			__(
				'Nothing to do: the key is checked again automatically once a day.',
				'batchkeys'
			)
		),
	deactivated: () =>
		m(
			__( 'The license key was removed from this site.', 'batchkeys' ),
			__( 'You can enter a key again at any time.', 'batchkeys' )
		),
	invalid: () =>
		m(
			__(
				'BatchKeys says this license key is not valid for this site.',
				'batchkeys'
			),
			__(
				'Check that you copied the whole key and that it is meant for this site. If it was refunded or has no tokens left, contact the seller.',
				'batchkeys'
			)
		),
	activation_failed: () =>
		m(
			__(
				'BatchKeys could not activate the key this time.',
				'batchkeys'
			),
			__(
				'This is usually a passing connection problem. Try again in a few minutes.',
				'batchkeys'
			)
		),
	ip_error: () =>
		m(
			__(
				'BatchKeys could not read this site’s IP address.',
				'batchkeys'
			),
			__(
				'This is usually a passing network problem. Try again later; if it persists, ask your hosting provider.',
				'batchkeys'
			)
		),
	upstream_error: () =>
		m(
			__(
				'BatchKeys answered with an error this site does not recognize.',
				'batchkeys'
			),
			__(
				'Try again later. If it persists, contact the product’s author and mention the error details.',
				'batchkeys'
			)
		),
	key_missing: () =>
		m(
			__( 'BatchKeys did not receive the license key.', 'batchkeys' ),
			__(
				'Try again. If it persists, contact the product’s author.',
				'batchkeys'
			)
		),
	connection: () =>
		m(
			__( 'BatchKeys could not be reached.', 'batchkeys' ),
			__(
				'Try again later. An active key keeps working for a grace period while BatchKeys cannot be reached.',
				'batchkeys'
			)
		),
	rate_limited: () =>
		m(
			__(
				'BatchKeys received too many requests from this site and asked it to wait.',
				'batchkeys'
			),
			__(
				'This site sends nothing to BatchKeys for 24 hours. An active key keeps working meanwhile.',
				'batchkeys'
			)
		),
	throttled: () =>
		m(
			__( 'Please wait a few seconds before trying again.', 'batchkeys' ),
			__(
				'A key can be activated or checked once every 10 seconds.',
				'batchkeys'
			)
		),
	auth_missing: () =>
		m(
			__(
				'BatchKeys says the product’s authorization key is missing.',
				'batchkeys'
			),
			__(
				'This is a problem in the product’s setup, not with your key. Contact the product’s author.',
				'batchkeys'
			)
		),
	not_configured: () =>
		m(
			__(
				'This product is not connected to BatchKeys on this site.',
				'batchkeys'
			),
			__(
				'The product’s BatchKeys authorization key is not set. Follow the product’s setup instructions, or contact its author.',
				'batchkeys'
			)
		),
	not_ready: () =>
		m(
			__( 'The license kit is not ready yet.', 'batchkeys' ),
			__(
				'Call it after WordPress has loaded the theme (the after_setup_theme action).',
				'batchkeys'
			)
		),
	no_key: () =>
		m(
			__( 'There is no license key to check.', 'batchkeys' ),
			__( 'Enter and activate a license key first.', 'batchkeys' )
		),
	invalid_amount: () =>
		m(
			__(
				'The number of tokens must be a whole number other than zero.',
				'batchkeys'
			),
			__(
				'This is a problem in the product’s code. Contact the product’s author.',
				'batchkeys'
			)
		),
	topup_not_allowed: () =>
		m(
			__(
				'This product does not allow topping up tokens from the site.',
				'batchkeys'
			),
			__(
				'This is a problem in the product’s code. Contact the product’s author.',
				'batchkeys'
			)
		),
	batchkeys_unknown_product: () =>
		m(
			__( 'There is no such product on this site.', 'batchkeys' ),
			__(
				'The product may have been deactivated. Reload the page.',
				'batchkeys'
			)
		),
	rest_invalid_param: () =>
		m(
			__(
				'The license key was not sent in a form this site accepts.',
				'batchkeys'
			),
			__(
				'Type or paste the key as text, at most 200 characters.',
				'batchkeys'
			)
		),
	rest_missing_callback_param: () =>
		m(
			__( 'No license key was sent.', 'batchkeys' ),
			__( 'Enter a license key and try again.', 'batchkeys' )
		),
	rest_not_logged_in: () =>
		m(
			__( 'You are not logged in.', 'batchkeys' ),
			__( 'Log in again, then retry.', 'batchkeys' )
		),
	rest_forbidden: () =>
		m(
			__( 'You are not allowed to manage this license.', 'batchkeys' ),
			__( 'Ask an administrator of this site.', 'batchkeys' )
		),
	rest_cookie_invalid_nonce: () =>
		m(
			__( 'Your session has expired.', 'batchkeys' ),
			__( 'Reload the page and try again.', 'batchkeys' )
		),
};

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
 * Whether the script has its own message for this code.
 * @param code
 */
export function isKnownCode( code: string ): boolean {
	return has( KIT_MESSAGES, code ) || has( CLIENT_MESSAGES, code );
}

/**
 * The message and hint for a code; a generic one naming the code when it is unknown.
 * @param code
 */
export function describeCode( code: string ): CodeMessage {
	if ( has( KIT_MESSAGES, code ) ) {
		return KIT_MESSAGES[ code ]();
	}
	if ( has( CLIENT_MESSAGES, code ) ) {
		return CLIENT_MESSAGES[ code ]();
	}
	return genericMessage( code );
}
