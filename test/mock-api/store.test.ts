/*
 * @jest-environment node
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEYS } from './seed';
import { createMockServer } from './server';
import { GOOD_REQUEST, callApi, control, keyState } from './test-helpers';

let directory: string;

beforeEach( () => {
	directory = mkdtempSync( join( tmpdir(), 'batchkeys-mock-' ) );
} );

afterEach( () => rmSync( directory, { recursive: true, force: true } ) );

describe( 'file-backed store', () => {
	it( 'keeps bindings, token use and new keys across a restart', async () => {
		const file = join( directory, 'nested', 'store.json' );
		const first = await createMockServer( { storeFile: file } );
		await callApi( first, GOOD_REQUEST );
		await callApi( first, {
			...GOOD_REQUEST,
			key: DEMO_KEYS.tokens,
			consume: '4',
		} );
		const added = 'DEMO400-PERSIST-AAAAAAA-BBBBBBB-CCCCCCC';
		await control( first, 'POST', 'keys', {
			key: added,
			auth: 'saved-auth',
		} );
		await first.close();

		const second = await createMockServer( { storeFile: file } );
		try {
			expect(
				( await keyState( second, DEMO_KEYS.good ) )?.domains
			).toEqual( [ 'site.example' ] );
			expect(
				( await keyState( second, DEMO_KEYS.tokens ) )?.tokens_used
			).toBe( 4 );
			const again = await callApi( second, {
				...GOOD_REQUEST,
				auth: 'saved-auth',
				key: added,
			} );
			expect( again.text ).toBe( '{"valid":"1"}' );
			// Reset writes the seed back to the file too.
			second.reset();
			const saved = JSON.parse( readFileSync( file, 'utf8' ) );
			expect( saved.keys[ 0 ] ).toMatchObject( {
				key: DEMO_KEYS.good,
				domains: [],
			} );
		} finally {
			await second.close();
		}
	} );

	it( 'refuses a file that is not a store', async () => {
		const file = join( directory, 'broken.json' );
		writeFileSync( file, '{"keys": "nope"}' );
		await expect( createMockServer( { storeFile: file } ) ).rejects.toThrow(
			/is not a mock key store file/
		);
	} );

	it( 'the in-memory store forgets everything on restart', async () => {
		const first = await createMockServer();
		await callApi( first, GOOD_REQUEST );
		await first.close();
		const second = await createMockServer();
		expect( ( await keyState( second, DEMO_KEYS.good ) )?.domains ).toEqual(
			[]
		);
		await second.close();
	} );
} );
