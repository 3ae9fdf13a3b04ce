/*
 * @jest-environment node
 */
import {
	DEFAULT_KEY_FORMAT,
	checkKeyFormat,
	expectedKeyLength,
	type KeyFormat,
} from './key-format';
import { DEMO_AUTH, DEMO_KEYS } from './seed';
import { createMockServer } from './server';
import { callApi, control } from './test-helpers';

describe( 'checkKeyFormat', () => {
	it( 'the service format is 39 characters', () => {
		expect( expectedKeyLength( DEFAULT_KEY_FORMAT ) ).toBe( 39 );
	} );

	it.each( Object.values( DEMO_KEYS ) )(
		'seeded key %s is well formed',
		( key ) => {
			expect( checkKeyFormat( key ) ).toBeNull();
		}
	);

	it.each( [
		[ '', 'length' ],
		[ 'abcdefg-abcdefg-abcdefg-abcdefg-abcdefgh', 'length' ],
		[ 'abcdefg-abcdefg-abcdefg-abcdefg-abcdef ', 'characters' ],
		[ 'abcdefg-abcdefg-abcdefg-abcdefg-abcdeé', 'length' ],
		[ 'abcdefg-abcdefg-abcdefg-abcdefg-abcdefé', 'characters' ],
		[ 'abcdefg-abcdefg-abcdefg-abcdefg-abcdef!', 'characters' ],
		[ 'abcdefgabcdefg-abcdefg-abcdefg-abcdefg-', 'pattern' ],
		[ '---------------------------------------', 'pattern' ],
		[ 'abcdefg-abcdefg-abcdefg-abcdefg-abcdefg', null ],
	] )( '%j: %s', ( key, problem ) => {
		expect( checkKeyFormat( key ) ).toBe( problem );
	} );
} );

describe( 'the keyFormat server option', () => {
	const fourByFour: KeyFormat = {
		groups: 4,
		groupLength: 4,
		separator: '.',
		character: /^[0-9A-F]$/,
	};

	it( 'checks keys against the given format', async () => {
		const server = await createMockServer( { keyFormat: fourByFour } );
		try {
			const key = '0123.4567.89AB.CDEF';
			await control( server, 'POST', 'keys', { key } );
			const ask = async ( value: string ) =>
				(
					await callApi( server, {
						auth: DEMO_AUTH,
						key: value,
						domain: 'site.example',
					} )
				).text;
			expect( await ask( key ) ).toBe( '{"valid":"1"}' );
			expect( await ask( DEMO_KEYS.good ) ).toContain( 'L3n7' );
			expect( await ask( '0123.4567.89ab.CDEF' ) ).toContain( 'C4r5' );
			expect( await ask( '01234567..89ABCDEF' + '.' ) ).toContain(
				'P477'
			);
		} finally {
			await server.close();
		}
	} );
} );
