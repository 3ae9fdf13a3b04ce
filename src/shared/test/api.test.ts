import apiFetch from '@wordpress/api-fetch';
import { activate, check, deactivate, getLicense, getProducts } from '../api';
import { inactiveView } from './support/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockFetch = apiFetch as unknown as jest.Mock;

const VIEW = inactiveView( {
	code: 'invalid',
	message: 'Server sentence.',
	hint: 'Server hint.',
} );

beforeEach( () => mockFetch.mockReset() );

describe( 'requests', () => {
	it( 'calls the batchkeys/v1 routes with the right methods', async () => {
		mockFetch.mockResolvedValue( VIEW );
		await getProducts();
		await getLicense( 'acme-seo' );
		await activate( 'acme-seo', 'KEY-1' );
		await check( 'acme-seo' );
		await deactivate( 'acme/seo' );
		expect(
			mockFetch.mock.calls.map( ( [ options ] ) => options )
		).toEqual( [
			{ path: '/batchkeys/v1/products' },
			{ path: '/batchkeys/v1/products/acme-seo/license' },
			{
				path: '/batchkeys/v1/products/acme-seo/license',
				method: 'POST',
				data: { key: 'KEY-1' },
			},
			{ path: '/batchkeys/v1/products/acme-seo/check', method: 'POST' },
			{
				path: '/batchkeys/v1/products/acme%2Fseo/license',
				method: 'DELETE',
			},
		] );
	} );

	it( 'resolves with the license view', async () => {
		mockFetch.mockResolvedValue( VIEW );
		await expect( check( 'acme-seo' ) ).resolves.toBe( VIEW );
	} );
} );

describe( 'error normalisation', () => {
	it( 'keeps a kit error’s code, server message, hint, status and license', async () => {
		mockFetch.mockRejectedValue( {
			code: 'invalid',
			message: 'Translated by PHP.',
			data: { status: 422, hint: 'Hint by PHP.', license: VIEW },
		} );
		await expect( activate( 'acme-seo', 'x' ) ).rejects.toEqual( {
			code: 'invalid',
			message: 'Translated by PHP.',
			hint: 'Hint by PHP.',
			status: 422,
			license: VIEW,
		} );
	} );

	it( 'names the code when the server sent no words (PHP owns them; the script keeps no copy)', async () => {
		mockFetch.mockRejectedValue( {
			code: 'throttled',
			message: '',
			data: { status: 429 },
		} );
		const error = await check( 'acme-seo' ).catch( ( e ) => e );
		expect( error.code ).toBe( 'throttled' );
		expect( error.status ).toBe( 429 );
		expect( error.message ).toBe(
			'Something went wrong (code: throttled).'
		);
		expect( error.hint ).toMatch( /\S/ );
		expect( error.license ).toBeUndefined();
	} );

	it( 'uses its own words for a format code the server sent without any', async () => {
		mockFetch.mockRejectedValue( {
			code: 'key_length',
			message: '',
			data: { status: 400 },
		} );
		const error = await check( 'acme-seo' ).catch( ( e ) => e );
		expect( error.message ).toBe(
			'The license key does not have the right length.'
		);
	} );

	it( 'gives a generic message naming an unknown code, not the raw text', async () => {
		mockFetch.mockRejectedValue( {
			code: 'internal_server_error',
			message: '<p>There has been a critical error on this website.</p>',
			data: { status: 500 },
		} );
		const error = await getLicense( 'acme-seo' ).catch( ( e ) => e );
		expect( error.code ).toBe( 'internal_server_error' );
		expect( error.status ).toBe( 500 );
		expect( error.message ).toContain( 'internal_server_error' );
		expect( error.message ).not.toContain( '<p>' );
	} );

	it( 'uses its own words for api-fetch’s offline and invalid JSON errors', async () => {
		mockFetch.mockRejectedValue( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );
		const offline = await getProducts().catch( ( e ) => e );
		expect( offline ).toEqual( {
			code: 'fetch_error',
			message: 'Your site could not be reached.',
			hint: 'Check your internet connection, then try again.',
			status: 0,
		} );
	} );

	it( 'copes with anything thrown', async () => {
		mockFetch.mockRejectedValue( new TypeError( 'boom' ) );
		const error = await deactivate( 'acme-seo' ).catch( ( e ) => e );
		expect( error.code ).toBe( 'unknown_error' );
		expect( error.message ).toContain( 'unknown_error' );
		expect( error.status ).toBe( 0 );

		mockFetch.mockRejectedValue( null );
		const nothing = await deactivate( 'acme-seo' ).catch( ( e ) => e );
		expect( nothing.code ).toBe( 'unknown_error' );
	} );

	it( 'ignores a license that is not a license view', async () => {
		mockFetch.mockRejectedValue( {
			code: 'connection',
			message: 'No answer.',
			data: { status: 502, license: 'nope' },
		} );
		const error = await check( 'acme-seo' ).catch( ( e ) => e );
		expect( error.license ).toBeUndefined();
		expect( error.message ).toBe( 'No answer.' );
	} );
} );
