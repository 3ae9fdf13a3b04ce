/**
 * Turns whatever @wordpress/api-fetch rejects with (a WordPress REST error body, or its own
 * `fetch_error` / `invalid_json` objects) into one shape: {code, message, hint, status,
 * license?}. Free of the message table so the block's view script can use it too.
 */
import type { CodeMessage } from './format-messages';
import type { LicenseView, NormalisedError } from './types';

export interface ErrorVocabulary {
	/** Codes whose message from the server is shown as is (the kit's own codes). */
	isKitCode: ( code: string ) => boolean;
	/** The script's own words for a code (generic for unknown codes). */
	describe: ( code: string ) => CodeMessage;
}

const isRecord = ( value: unknown ): value is Record< string, unknown > =>
	typeof value === 'object' && value !== null;

const text = ( value: unknown ): string =>
	typeof value === 'string' ? value.trim() : '';

function isLicenseView( value: unknown ): value is LicenseView {
	return (
		isRecord( value ) &&
		typeof value.state === 'string' &&
		typeof value.product === 'string'
	);
}

export function normaliseError(
	error: unknown,
	vocabulary: ErrorVocabulary
): NormalisedError {
	const body = isRecord( error ) ? error : {};
	const data = isRecord( body.data ) ? body.data : {};
	const code = text( body.code ) || 'unknown_error';
	const own = vocabulary.describe( code );
	const trusted = vocabulary.isKitCode( code );

	const normalised: NormalisedError = {
		code,
		message: ( trusted && text( body.message ) ) || own.message,
		hint: ( trusted && text( data.hint ) ) || own.hint,
		status: typeof data.status === 'number' ? data.status : 0,
	};
	if ( isLicenseView( data.license ) ) {
		normalised.license = data.license;
	}
	const detail = text( data.detail );
	if ( detail ) {
		normalised.detail = detail;
	}
	if ( typeof data.retry_after === 'number' && data.retry_after > 0 ) {
		normalised.retryAfter = data.retry_after;
	}
	return normalised;
}
