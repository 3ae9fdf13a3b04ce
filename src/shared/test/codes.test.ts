import { setLocaleData } from '@wordpress/i18n';
import generated from '../codes.generated.json';
import php from '../messages.generated.json';
import { CLIENT_MESSAGES, describeCode, isKitCode } from '../codes';
import { FORMAT_MESSAGES, genericMessage } from '../format-messages';
import { FORMAT_CODES } from '../key-format';

describe( 'the words the scripts keep, against PHP (messages.generated.json)', () => {
	it.each( FORMAT_CODES )(
		'%s: the same message and hint as PHP',
		( code ) => {
			expect( FORMAT_MESSAGES[ code ]() ).toEqual( php.messages[ code ] );
			expect( describeCode( code ) ).toEqual( php.messages[ code ] );
		}
	);

	it( 'keeps no other copy of a PHP message', () => {
		expect( Object.keys( FORMAT_MESSAGES ).sort() ).toEqual(
			[ ...FORMAT_CODES ].sort()
		);
		for ( const code of Object.keys( CLIENT_MESSAGES ) ) {
			expect( generated.codes ).not.toContain( code );
		}
	} );

	it( 'has the generic message and hint of PHP', () => {
		expect( genericMessage( '%s' ) ).toEqual( php.generic );
		expect( genericMessage( 'brand_new' ).message ).toBe(
			php.generic.message.replace( '%s', 'brand_new' )
		);
	} );

	it( 'knows every code PHP knows, from the generated list', () => {
		expect( Object.keys( php.messages ).sort() ).toEqual(
			[ ...generated.codes ].sort()
		);
		for ( const code of generated.codes ) {
			expect( isKitCode( code ) ).toBe( true );
		}
		expect( isKitCode( 'fetch_error' ) ).toBe( false );
	} );
} );

describe( 'codes api-fetch makes up itself', () => {
	it( 'have their own message and hint', () => {
		expect( Object.keys( CLIENT_MESSAGES ).sort() ).toEqual( [
			'fetch_error',
			'invalid_json',
		] );
		for ( const code of Object.keys( CLIENT_MESSAGES ) ) {
			const { message, hint } = describeCode( code );
			expect( message ).toMatch( /\S/ );
			expect( hint ).toMatch( /\S/ );
			expect( message ).not.toBe( genericMessage( code ).message );
		}
	} );
} );

describe( 'other codes', () => {
	it( 'get a generic message that names the code', () => {
		const { message, hint } = describeCode( 'brand_new_code' );
		expect( isKitCode( 'brand_new_code' ) ).toBe( false );
		expect( message ).toContain( 'brand_new_code' );
		expect( hint ).toMatch( /\S/ );
	} );

	it( 'do not trip on inherited property names', () => {
		expect( describeCode( 'constructor' ).message ).toContain(
			'constructor'
		);
		expect( describeCode( '__proto__' ).message ).toContain( '__proto__' );
		expect( isKitCode( 'constructor' ) ).toBe( false );
	} );
} );

describe( 'translation', () => {
	afterEach( () => setLocaleData( {}, 'batchkeys' ) );

	it( 'goes through the batchkeys text domain', () => {
		setLocaleData(
			{
				'': { domain: 'batchkeys' },
				'Your site could not be reached.': [
					'Votre site est injoignable.',
				],
			},
			'batchkeys'
		);
		expect( describeCode( 'fetch_error' ).message ).toBe(
			'Votre site est injoignable.'
		);
	} );
} );
