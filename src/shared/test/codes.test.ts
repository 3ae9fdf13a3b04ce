import { setLocaleData } from '@wordpress/i18n';
import generated from '../codes.generated.json';
import {
	CLIENT_MESSAGES,
	KIT_MESSAGES,
	describeCode,
	isKnownCode,
} from '../codes';
import { genericMessage } from '../format-messages';
import { FORMAT_CODES } from '../key-format';

describe( 'codes shared with PHP (codes.generated.json)', () => {
	it( 'has a message and a hint for every code PHP knows, and no other', () => {
		expect( Object.keys( KIT_MESSAGES ).sort() ).toEqual(
			[ ...generated.codes ].sort()
		);
	} );

	it( 'knows the three format codes', () => {
		for ( const code of FORMAT_CODES ) {
			expect( generated.codes ).toContain( code );
		}
	} );

	it( 'gives a status for error codes only among known codes', () => {
		for ( const code of Object.keys( generated.statuses ) ) {
			expect( generated.codes ).toContain( code );
		}
	} );

	it.each( generated.codes )(
		'%s has its own sentence and hint',
		( code ) => {
			const { message, hint } = describeCode( code );
			expect( message ).toMatch( /\S/ );
			expect( hint ).toMatch( /\S/ );
			expect( message ).not.toBe( genericMessage( code ).message );
			expect( isKnownCode( code ) ).toBe( true );
		}
	);

	it( 'uses a different sentence for every code', () => {
		const sentences = generated.codes.map(
			( code ) => describeCode( code ).message
		);
		expect( new Set( sentences ).size ).toBe( sentences.length );
	} );

	it( 'has messages for the codes api-fetch makes up itself', () => {
		expect( Object.keys( CLIENT_MESSAGES ).sort() ).toEqual( [
			'fetch_error',
			'invalid_json',
		] );
		expect( describeCode( 'fetch_error' ).message ).toMatch( /\S/ );
	} );
} );

describe( 'unknown codes', () => {
	it( 'get a generic message that names the code', () => {
		const { message, hint } = describeCode( 'brand_new_code' );
		expect( isKnownCode( 'brand_new_code' ) ).toBe( false );
		expect( message ).toContain( 'brand_new_code' );
		expect( hint ).toMatch( /\S/ );
	} );

	it( 'do not trip on inherited property names', () => {
		expect( describeCode( 'constructor' ).message ).toContain(
			'constructor'
		);
		expect( describeCode( '__proto__' ).message ).toContain( '__proto__' );
	} );
} );

describe( 'translation', () => {
	afterEach( () => setLocaleData( {}, 'batchkeys' ) );

	it( 'goes through the batchkeys text domain', () => {
		setLocaleData(
			{
				'': { domain: 'batchkeys' },
				'There is no license key to check.': [
					'Il n’y a aucune clé à vérifier.',
				],
			},
			'batchkeys'
		);
		expect( describeCode( 'no_key' ).message ).toBe(
			'Il n’y a aucune clé à vérifier.'
		);
	} );
} );
