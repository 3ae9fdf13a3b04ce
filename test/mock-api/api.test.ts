/*
 * @jest-environment node
 */
import {
	DEMO_AUTH,
	DEMO_KEYS,
	DEMO_LOCKED_DOMAIN,
	DEMO_LOCKED_UUID,
} from './seed';
import {
	GOOD_REQUEST,
	callApi,
	control,
	keyState,
	mockPerFile,
} from './test-helpers';

const mock = mockPerFile();

const INVALID_BODY = '{"valid":"0"}';
const VALID_BODY = '{"valid":"1"}';

async function bodyFor( headers: Record< string, string > ) {
	const result = await callApi( mock.server, headers );
	expect( result.status ).toBe( 200 );
	return result.text;
}

describe( 'answers (the documented ERROR texts)', () => {
	it.each( [
		[ 'no auth', {}, 'BatchKeys API Auth Key is required! (CODE:d3v3rr1)' ],
		[
			'no key',
			{ auth: DEMO_AUTH },
			'License key is required! (CODE:d3v3rr2)',
		],
		[
			'a short key',
			{ auth: DEMO_AUTH, key: 'DEMO001-GOOD000' },
			'Invalid license key (CODE: L3n7)',
		],
		[
			'a character outside A-Z a-z 0-9',
			{ auth: DEMO_AUTH, key: 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCC_' },
			'Invalid license key (CODE: C4r5)',
		],
		[
			'separators in the wrong places',
			{ auth: DEMO_AUTH, key: 'DEMO001GOOD000-AAAAAAA-BBBBBBB-CCCCCCC-' },
			'Invalid license key (CODE: P477)',
		],
	] )( '%s: the documented ERROR text', async ( _case, headers, error ) => {
		const result = await callApi( mock.server, {
			...headers,
			domain: 'site.example',
		} );
		expect( result.json ).toEqual( { ERROR: error } );
		expect( result.headers.get( 'content-type' ) ).toMatch(
			/^application\/json/
		);
	} );

	it( 'answers {"valid":"1"} for a good key, as a JSON string', async () => {
		expect( await bodyFor( GOOD_REQUEST ) ).toBe( VALID_BODY );
	} );

	it( 'answers to POST the same way as to GET', async () => {
		const result = await callApi( mock.server, GOOD_REQUEST, {
			method: 'POST',
		} );
		expect( result.text ).toBe( VALID_BODY );
	} );

	it( 'refuses other methods with 405', async () => {
		const result = await callApi( mock.server, GOOD_REQUEST, {
			method: 'PUT',
		} );
		expect( result.status ).toBe( 405 );
		expect( result.headers.get( 'allow' ) ).toBe( 'GET, POST' );
	} );

	it.each( [
		[
			'an unknown auth',
			{ ...GOOD_REQUEST, auth: 'not-a-known-auth-key' },
		],
		[
			'an unknown key',
			{ ...GOOD_REQUEST, key: 'ZZZZZZZ-ZZZZZZZ-ZZZZZZZ-ZZZZZZZ-ZZZZZZZ' },
		],
		[ 'no domain and no uuid', { auth: DEMO_AUTH, key: DEMO_KEYS.good } ],
		[ 'a blank domain', { ...GOOD_REQUEST, domain: ' ' } ],
		[ 'a deleted key', { ...GOOD_REQUEST, key: DEMO_KEYS.deleted } ],
		[
			'a deactivated key',
			{ ...GOOD_REQUEST, key: DEMO_KEYS.deactivated },
		],
		[
			'a key locked to another domain',
			{ ...GOOD_REQUEST, key: DEMO_KEYS.lockedElsewhere },
		],
	] )(
		'%s: {"valid":"0"} with no ERROR',
		async ( _case, headers: Record< string, string > ) => {
			expect( await bodyFor( headers ) ).toBe( INVALID_BODY );
		}
	);
} );

describe( 'the order of the checks', () => {
	it( 'missing auth wins over missing key', async () => {
		expect( ( await callApi( mock.server, {} ) ).json ).toEqual( {
			ERROR: 'BatchKeys API Auth Key is required! (CODE:d3v3rr1)',
		} );
	} );

	it( 'an empty auth header counts as missing', async () => {
		const result = await callApi( mock.server, {
			...GOOD_REQUEST,
			auth: '',
		} );
		expect( result.text ).toContain( 'd3v3rr1' );
	} );

	it( 'missing key wins over a wrong auth', async () => {
		const result = await callApi( mock.server, {
			auth: 'wrong',
			domain: 'x.example',
		} );
		expect( result.text ).toContain( 'd3v3rr2' );
	} );

	it( 'a too-short key with a wrong auth still gives L3n7', async () => {
		const result = await callApi( mock.server, {
			auth: 'wrong',
			key: 'ABC',
		} );
		expect( result.json ).toEqual( {
			ERROR: 'Invalid license key (CODE: L3n7)',
		} );
	} );

	it( 'length wins over characters, characters over pattern', async () => {
		const wrongLengthAndCharacters = await callApi( mock.server, {
			auth: DEMO_AUTH,
			key: 'DEMO001_GOOD000',
		} );
		expect( wrongLengthAndCharacters.text ).toContain( 'L3n7' );
		const wrongCharactersAndPattern = await callApi( mock.server, {
			auth: DEMO_AUTH,
			key: 'DEMO001_GOOD000_AAAAAAA_BBBBBBB_CCCCCCC',
		} );
		expect( wrongCharactersAndPattern.text ).toContain( 'C4r5' );
	} );

	it( 'the format is checked before the auth is known', async () => {
		const result = await callApi( mock.server, {
			auth: 'wrong',
			key: 'DEMO001GOOD000-AAAAAAA-BBBBBBB-CCCCCCC-',
		} );
		expect( result.text ).toContain( 'P477' );
	} );

	it( 'a key of another account is not valid with this auth', async () => {
		const other = 'DEMO100-OTHER00-AAAAAAA-BBBBBBB-CCCCCCC';
		await control( mock.server, 'POST', 'keys', {
			key: other,
			auth: 'other-account-auth',
		} );
		expect( await bodyFor( { ...GOOD_REQUEST, key: other } ) ).toBe(
			INVALID_BODY
		);
		expect(
			await bodyFor( {
				...GOOD_REQUEST,
				key: other,
				auth: 'other-account-auth',
			} )
		).toBe( VALID_BODY );
	} );
} );

describe( 'domain and uuid locks', () => {
	const twoSeats = 'DEMO200-TWOSEAT-AAAAAAA-BBBBBBB-CCCCCCC';

	it( 'binds the first N distinct domains and refuses the next', async () => {
		await control( mock.server, 'POST', 'keys', {
			key: twoSeats,
			domains_allowed: 2,
		} );
		const ask = ( domain: string ) =>
			bodyFor( { auth: DEMO_AUTH, key: twoSeats, domain } );
		expect( await ask( 'a.example' ) ).toBe( VALID_BODY );
		expect( await ask( 'B.Example' ) ).toBe( VALID_BODY );
		expect( await ask( 'c.example' ) ).toBe( INVALID_BODY );
		expect( await ask( 'a.example' ) ).toBe( VALID_BODY );
		expect( ( await keyState( mock.server, twoSeats ) )?.domains ).toEqual(
			[ 'a.example', 'b.example' ]
		);
	} );

	it( 'records domains of an unlimited key', async () => {
		for ( const domain of [
			'one.example',
			'two.example',
			'three.example',
		] ) {
			expect( await bodyFor( { ...GOOD_REQUEST, domain } ) ).toBe(
				VALID_BODY
			);
		}
		expect(
			( await keyState( mock.server, DEMO_KEYS.good ) )?.domains
		).toEqual( [ 'one.example', 'two.example', 'three.example' ] );
	} );

	it( 'the seeded locked key is valid only on its own domain', async () => {
		const locked = { auth: DEMO_AUTH, key: DEMO_KEYS.lockedElsewhere };
		expect( await bodyFor( { ...locked, domain: 'site.example' } ) ).toBe(
			INVALID_BODY
		);
		expect(
			await bodyFor( { ...locked, domain: DEMO_LOCKED_DOMAIN } )
		).toBe( VALID_BODY );
	} );

	it( 'locks uuids the same way', async () => {
		const oneDevice = 'DEMO201-ONEUUID-AAAAAAA-BBBBBBB-CCCCCCC';
		await control( mock.server, 'POST', 'keys', {
			key: oneDevice,
			uuids_allowed: 1,
		} );
		const ask = ( uuid: string ) =>
			bodyFor( { auth: DEMO_AUTH, key: oneDevice, uuid } );
		const first = '11111111-2222-4333-8444-555555555555';
		expect( await ask( first ) ).toBe( VALID_BODY );
		expect( await ask( '99999999-2222-4333-8444-555555555555' ) ).toBe(
			INVALID_BODY
		);
		expect( await ask( first.toUpperCase() ) ).toBe( VALID_BODY );
		expect( ( await keyState( mock.server, oneDevice ) )?.uuids ).toEqual( [
			first,
		] );
		const seeded = { auth: DEMO_AUTH, key: DEMO_KEYS.uuidLockedElsewhere };
		expect( await bodyFor( { ...seeded, uuid: first } ) ).toBe(
			INVALID_BODY
		);
		expect( await bodyFor( { ...seeded, uuid: DEMO_LOCKED_UUID } ) ).toBe(
			VALID_BODY
		);
	} );
} );

describe( 'active state', () => {
	it( 'active: 1 switches a deactivated key on', async () => {
		const deactivated = { ...GOOD_REQUEST, key: DEMO_KEYS.deactivated };
		expect( await bodyFor( deactivated ) ).toBe( INVALID_BODY );
		expect( await bodyFor( { ...deactivated, active: '1' } ) ).toBe(
			VALID_BODY
		);
		expect( await bodyFor( deactivated ) ).toBe( VALID_BODY );
		expect(
			( await keyState( mock.server, DEMO_KEYS.deactivated ) )?.active
		).toBe( true );
	} );

	it( 'active: 0 switches the key off and frees the domain', async () => {
		expect( await bodyFor( GOOD_REQUEST ) ).toBe( VALID_BODY );
		expect( await bodyFor( { ...GOOD_REQUEST, active: '0' } ) ).toBe(
			INVALID_BODY
		);
		const state = await keyState( mock.server, DEMO_KEYS.good );
		expect( state?.active ).toBe( false );
		expect( state?.domains ).toEqual( [] );
		expect( await bodyFor( GOOD_REQUEST ) ).toBe( INVALID_BODY );
	} );

	it( 'a domain that may not use the key cannot switch it', async () => {
		const locked = {
			auth: DEMO_AUTH,
			key: DEMO_KEYS.lockedElsewhere,
			domain: 'site.example',
		};
		expect( await bodyFor( { ...locked, active: '0' } ) ).toBe(
			INVALID_BODY
		);
		expect(
			( await keyState( mock.server, DEMO_KEYS.lockedElsewhere ) )?.active
		).toBe( true );
	} );
} );

describe( 'tokens', () => {
	const tokens = { ...GOOD_REQUEST, key: DEMO_KEYS.tokens };
	const used = async () =>
		( await keyState( mock.server, DEMO_KEYS.tokens ) )?.tokens_used;

	it( 'spends N when N are left, and nothing when fewer are', async () => {
		expect( await bodyFor( { ...tokens, consume: '3' } ) ).toBe(
			VALID_BODY
		);
		expect( await used() ).toBe( 3 );
		expect( await bodyFor( { ...tokens, consume: '8' } ) ).toBe(
			INVALID_BODY
		);
		expect( await used() ).toBe( 3 );
		expect( await bodyFor( { ...tokens, consume: '7' } ) ).toBe(
			VALID_BODY
		);
		expect( await used() ).toBe( 10 );
	} );

	it( 'an exhausted key is not valid; a top-up makes it valid again', async () => {
		await bodyFor( { ...tokens, consume: '10' } );
		expect( await bodyFor( tokens ) ).toBe( INVALID_BODY );
		expect( await bodyFor( { ...tokens, consume: '-5' } ) ).toBe(
			VALID_BODY
		);
		const state = await keyState( mock.server, DEMO_KEYS.tokens );
		expect( state ).toMatchObject( {
			token_limit: 15,
			tokens_used: 10,
			tokens_left: 5,
		} );
	} );

	it( 'a consume that is not an integer spends nothing', async () => {
		expect( await bodyFor( { ...tokens, consume: 'two' } ) ).toBe(
			INVALID_BODY
		);
		expect( await used() ).toBe( 0 );
	} );

	it( 'consume is ignored on a key that is not token-based', async () => {
		expect( await bodyFor( { ...GOOD_REQUEST, consume: '5' } ) ).toBe(
			VALID_BODY
		);
	} );
} );
