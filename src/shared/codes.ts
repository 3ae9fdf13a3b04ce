/**
 * A message and a hint for every kit code. The list of codes is PHP's Messages::codes(),
 * exported to codes.generated.json; a test fails when this table and that file differ.
 * The server's own (translated, filterable) message is preferred when an answer carries
 * one; these are for answers without one and for checks made in the browser.
 */
import { __ } from '@wordpress/i18n';
import { FORMAT_MESSAGES, genericMessage } from './format-messages';
import type { CodeMessage } from './format-messages';

export type { CodeMessage };

const m = ( message: string, hint: string ): CodeMessage => ( {
	message,
	hint,
} );

/** Kit codes (one per entry of codes.generated.json). */
export const KIT_MESSAGES: Record< string, () => CodeMessage > = {
	...FORMAT_MESSAGES,
	none: () =>
		m(
			__( 'No license key has been entered yet.', 'batchkeys' ),
			__(
				'Paste the license key you received with your purchase, then choose Activate.',
				'batchkeys'
			)
		),
	valid: () =>
		m(
			__( 'The license key is valid.', 'batchkeys' ),
			__(
				'Nothing to do: the key is checked again automatically once a day.',
				'batchkeys'
			)
		),
	invalid: () =>
		m(
			__( 'The license service did not accept this key.', 'batchkeys' ),
			__(
				'Check that the key is meant for this product and this site, and that it has not been refunded or used up.',
				'batchkeys'
			)
		),
	activation_failed: () =>
		m(
			__(
				'The license service could not activate the key just now.',
				'batchkeys'
			),
			__( 'Try again in a few minutes.', 'batchkeys' )
		),
	ip_error: () =>
		m(
			__(
				'The license service could not identify this site’s server.',
				'batchkeys'
			),
			__(
				'Try again later. If it keeps happening, contact your host or the product’s support.',
				'batchkeys'
			)
		),
	rate_limited: () =>
		m(
			__(
				'The license service asked this site to slow down.',
				'batchkeys'
			),
			__(
				'No request is sent for 24 hours. Try again after the time shown.',
				'batchkeys'
			)
		),
	auth_missing: () =>
		m(
			__(
				'The license service says the product’s credentials are missing.',
				'batchkeys'
			),
			__(
				'This is a problem with the product’s setup, not with your key. Contact the product’s support.',
				'batchkeys'
			)
		),
	key_missing: () =>
		m(
			__( 'The license service did not receive a key.', 'batchkeys' ),
			__(
				'This is a problem with the product, not with your key. Contact the product’s support.',
				'batchkeys'
			)
		),
	upstream_error: () =>
		m(
			__(
				'The license service answered with an error this site does not know.',
				'batchkeys'
			),
			__(
				'Try again later. If it keeps happening, contact the product’s support.',
				'batchkeys'
			)
		),
	connection: () =>
		m(
			__( 'The license service could not be reached.', 'batchkeys' ),
			__(
				'Check that this site can reach the internet, then try again in a few minutes.',
				'batchkeys'
			)
		),
	not_configured: () =>
		m(
			__(
				'This product is not set up to check license keys yet.',
				'batchkeys'
			),
			__(
				'The vendor’s credentials are missing on this site. Contact the product’s support or the site’s developer.',
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
	no_key: () =>
		m(
			__( 'There is no license key to check.', 'batchkeys' ),
			__( 'Enter your license key and activate it first.', 'batchkeys' )
		),
	batchkeys_unknown_product: () =>
		m(
			__( 'This product is not registered on this site.', 'batchkeys' ),
			__(
				'The plugin or theme may have been deactivated. Reload the page.',
				'batchkeys'
			)
		),
	rest_invalid_param: () =>
		m(
			__( 'The key could not be read.', 'batchkeys' ),
			__(
				'Paste the key again: it must be text of a reasonable length.',
				'batchkeys'
			)
		),
	rest_missing_callback_param: () =>
		m(
			__( 'No key was sent.', 'batchkeys' ),
			__( 'Enter a key, then choose Activate.', 'batchkeys' )
		),
	rest_not_logged_in: () =>
		m(
			__( 'You are not logged in.', 'batchkeys' ),
			__( 'Log in again, then retry.', 'batchkeys' )
		),
	rest_forbidden: () =>
		m(
			__(
				'You are not allowed to manage this product’s license.',
				'batchkeys'
			),
			__( 'Ask an administrator of this site.', 'batchkeys' )
		),
	rest_cookie_invalid_nonce: () =>
		m(
			__( 'Your session has expired.', 'batchkeys' ),
			__( 'Reload the page, then try again.', 'batchkeys' )
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
