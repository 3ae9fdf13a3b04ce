/**
 * The typed client of the kit's REST API (`batchkeys/v1`), over @wordpress/api-fetch (which
 * adds the root URL and the `X-WP-Nonce` header WordPress gives it). Every failure rejects
 * with a NormalisedError.
 */
import apiFetch from '@wordpress/api-fetch';
import type { APIFetchOptions } from '@wordpress/api-fetch';
import { describeCode, isKitCode } from './codes';
import { normaliseError } from './rest-error';
import type { LicenseView, ProductWithLicense } from './types';

export const NAMESPACE = '/batchkeys/v1';

const vocabulary = { isKitCode, describe: describeCode };

/**
 * Normalises anything api-fetch (or a caller) rejected with.
 * @param error
 */
export const toError = ( error: unknown ) =>
	normaliseError( error, vocabulary );

async function request< T >( options: APIFetchOptions< true > ): Promise< T > {
	try {
		return await apiFetch< T >( options );
	} catch ( error ) {
		throw toError( error );
	}
}

const licensePath = ( slug: string ) =>
	`${ NAMESPACE }/products/${ encodeURIComponent( slug ) }/license`;

/** The products the current user may manage, each with its license view. */
export const getProducts = () =>
	request< ProductWithLicense[] >( { path: `${ NAMESPACE }/products` } );

/**
 * The stored license view (no call to the license service).
 * @param slug
 */
export const getLicense = ( slug: string ) =>
	request< LicenseView >( { path: licensePath( slug ) } );

/**
 * Activates a key (PHP normalises it as key-format.ts does).
 * @param slug
 * @param key
 * @param confirm After `confirm_activation`: activate on a staging-looking address anyway.
 */
export const activate = ( slug: string, key: string, confirm = false ) =>
	request< LicenseView >( {
		path: licensePath( slug ),
		method: 'POST',
		data: confirm ? { key, confirm: true } : { key },
	} );

/**
 * Checks the stored key now.
 * @param slug
 */
export const check = ( slug: string ) =>
	request< LicenseView >( {
		path: `${ NAMESPACE }/products/${ encodeURIComponent( slug ) }/check`,
		method: 'POST',
	} );

/**
 * Removes the stored key.
 * @param slug
 */
export const deactivate = ( slug: string ) =>
	request< LicenseView >( { path: licensePath( slug ), method: 'DELETE' } );
