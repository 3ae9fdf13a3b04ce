/*
 * @jest-environment node
 */
import { isLoopbackAddress } from './control';
import {
	DEMO_AUTH,
	DEMO_KEYS,
	DEMO_LOCKED_DOMAIN,
	DEMO_TOKEN_LIMIT,
} from './seed';
import {
	GOOD_REQUEST,
	callApi,
	control,
	keyState,
	mockPerFile,
} from './test-helpers';

const mock = mockPerFile();

describe( 'validation', () => {
	it.each( [
		[ 'keys', 'not json', /not valid JSON/ ],
		[ 'keys', [ 'a list' ], /must be a JSON object/ ],
		[ 'keys', undefined, /must be a JSON object/ ],
		[ 'keys', {}, /key is required/ ],
		[ 'keys', { key: '' }, /key must be a non-empty string/ ],
		[
			'keys',
			{ key: 'K', domain_allowed: 1 },
			/unknown field\(s\): domain_allowed/,
		],
		[
			'keys',
			{ key: 'K', domains_allowed: -1 },
			/domains_allowed must be an integer/,
		],
		[
			'keys',
			{ key: 'K', uuids_allowed: '2' },
			/uuids_allowed must be an integer/,
		],
		[
			'keys',
			{ key: 'K', token_limit: 1.5 },
			/token_limit must be an integer/,
		],
		[
			'keys',
			{ key: 'K', tokens_used: 1 },
			/tokens_used needs a token_limit/,
		],
		[ 'keys', { key: 'K', active: 'yes' }, /active must be true or false/ ],
		[ 'keys', { key: 'K', deleted: 1 }, /deleted must be true or false/ ],
		[ 'keys', { key: 'K', auth: 7 }, /auth must be a non-empty string/ ],
		[
			'keys',
			{
				key: 'K',
				domains_allowed: 1,
				domains: [ 'a.example', 'b.example' ],
			},
			/domains lists more than domains_allowed/,
		],
		[ 'faults', {}, /mode must be one of: none, delay, timeout/ ],
		[ 'faults', { mode: 'explode' }, /mode must be one of/ ],
		[ 'faults', { mode: 'delay' }, /mode delay needs delay_ms/ ],
		[
			'faults',
			{ mode: 'html', delay_ms: 5 },
			/delay_ms does not apply to mode html/,
		],
		[ 'faults', { mode: 'error' }, /mode error needs an error text/ ],
		[ 'faults', { mode: 'timeout', status: 500 }, /status does not apply/ ],
		[
			'faults',
			{ mode: 'http500', status: 42 },
			/status must be an integer from 200 to 599/,
		],
		[
			'faults',
			{ mode: 'empty', times: 0 },
			/times must be an integer from 1/,
		],
		[
			'faults',
			{ mode: 'none', times: 2 },
			/times does not apply to mode none/,
		],
		[ 'rate-limit', {}, /per_minute is required/ ],
		[ 'rate-limit', { per_minute: -1 }, /per_minute must be an integer/ ],
		[ 'rate-limit', { per_minute: '5' }, /per_minute must be an integer/ ],
	] )( 'POST %s %j: 400', async ( path, body, message ) => {
		const result = await control( mock.server, 'POST', path, body );
		expect( result.status ).toBe( 400 );
		expect( result.json ).toEqual( {
			error: expect.stringMatching( message ),
		} );
	} );

	it( 'a refused change changes nothing', async () => {
		await control( mock.server, 'POST', 'faults', { mode: 'explode' } );
		expect(
			( await control( mock.server, 'GET', 'faults' ) ).json
		).toEqual( {
			fault: { mode: 'none', times_left: null },
		} );
	} );

	it( 'unknown paths are 404, wrong methods 405', async () => {
		const unknownControl = await control( mock.server, 'GET', 'nothing' );
		expect( unknownControl.status ).toBe( 404 );
		expect( unknownControl.json ).toEqual( {
			error: expect.any( String ),
		} );
		expect( ( await fetch( `${ mock.server.url }/other` ) ).status ).toBe(
			404
		);
		const wrongMethod = await control( mock.server, 'GET', 'reset' );
		expect( wrongMethod.status ).toBe( 405 );
		expect( wrongMethod.headers.get( 'allow' ) ).toBe( 'POST' );
	} );
} );

describe( 'keys', () => {
	it( 'GET lists the seeded store with bindings and token use', async () => {
		const result = await control( mock.server, 'GET', 'keys' );
		const store = result.json as {
			accounts: string[];
			keys: Array< Record< string, unknown > >;
		};
		expect( store.accounts ).toEqual( [ DEMO_AUTH ] );
		expect( store.keys.map( ( record ) => record.key ) ).toEqual(
			Object.values( DEMO_KEYS )
		);
		expect(
			await keyState( mock.server, DEMO_KEYS.lockedElsewhere )
		).toMatchObject( {
			domains_allowed: 1,
			domains: [ DEMO_LOCKED_DOMAIN ],
		} );
		expect( await keyState( mock.server, DEMO_KEYS.tokens ) ).toMatchObject(
			{
				token_limit: DEMO_TOKEN_LIMIT,
				tokens_used: 0,
				tokens_left: DEMO_TOKEN_LIMIT,
			}
		);
	} );

	it( 'POST creates a key in the default account, with defaults', async () => {
		const key = 'DEMO300-CREATED-AAAAAAA-BBBBBBB-CCCCCCC';
		const result = await control( mock.server, 'POST', 'keys', {
			key,
			token_limit: 5,
			tokens_used: 2,
		} );
		expect( result.json ).toEqual( {
			key: {
				key,
				auth: DEMO_AUTH,
				domains_allowed: 0,
				uuids_allowed: 0,
				token_limit: 5,
				tokens_used: 2,
				tokens_left: 3,
				active: true,
				deleted: false,
				domains: [],
				uuids: [],
			},
		} );
		expect(
			(
				await callApi( mock.server, {
					...GOOD_REQUEST,
					key,
					consume: '4',
				} )
			).text
		).toBe( '{"valid":"0"}' );
	} );

	it( 'POST replaces a whole key and registers a new account', async () => {
		await callApi( mock.server, GOOD_REQUEST );
		await control( mock.server, 'POST', 'keys', {
			key: DEMO_KEYS.good,
			auth: 'new-account-auth',
			deleted: true,
		} );
		expect( await keyState( mock.server, DEMO_KEYS.good ) ).toMatchObject( {
			auth: 'new-account-auth',
			deleted: true,
			domains: [],
		} );
		const { json } = await control( mock.server, 'GET', 'keys' );
		expect( ( json as { accounts: string[] } ).accounts ).toContain(
			'new-account-auth'
		);
	} );

	it( 'reset restores the seeded data', async () => {
		await callApi( mock.server, GOOD_REQUEST );
		await control( mock.server, 'POST', 'keys', {
			key: DEMO_KEYS.deleted,
			deleted: false,
		} );
		expect(
			( await control( mock.server, 'POST', 'reset' ) ).json
		).toEqual( {
			reset: true,
		} );
		expect(
			( await keyState( mock.server, DEMO_KEYS.good ) )?.domains
		).toEqual( [] );
		expect(
			( await keyState( mock.server, DEMO_KEYS.deleted ) )?.deleted
		).toBe( true );
	} );
} );

describe( 'log', () => {
	it( 'records every /api.php request with all headers and the answer', async () => {
		await callApi( mock.server, {
			...GOOD_REQUEST,
			consume: '1',
			'x-extra': 'seen',
		} );
		await callApi( mock.server, { auth: DEMO_AUTH }, { method: 'POST' } );
		await control( mock.server, 'GET', 'keys' );
		const { json } = await control( mock.server, 'GET', 'log' );
		const requests = (
			json as { requests: Array< Record< string, unknown > > }
		 ).requests;
		expect( requests ).toHaveLength( 2 );
		expect( requests[ 0 ] ).toMatchObject( {
			method: 'GET',
			path: '/api.php',
			fault: null,
			headers: {
				auth: DEMO_AUTH,
				key: DEMO_KEYS.good,
				domain: 'site.example',
				consume: '1',
				'x-extra': 'seen',
			},
			answer: { status: 200, body: '{"valid":"1"}' },
		} );
		expect( Date.parse( String( requests[ 0 ].time ) ) ).not.toBeNaN();
		expect( requests[ 1 ] ).toMatchObject( {
			method: 'POST',
			answer: {
				status: 200,
				body: '{"ERROR":"License key is required! (CODE:d3v3rr2)"}',
			},
		} );
	} );

	it( 'reset clears it', async () => {
		await callApi( mock.server, GOOD_REQUEST );
		await control( mock.server, 'POST', 'reset' );
		expect( ( await control( mock.server, 'GET', 'log' ) ).json ).toEqual( {
			requests: [],
		} );
	} );
} );

describe( 'loopback only', () => {
	it.each( [
		[ '127.0.0.1', true ],
		[ '127.3.4.5', true ],
		[ '::1', true ],
		[ '::ffff:127.0.0.1', true ],
		[ '192.0.2.2', false ],
		[ '::ffff:10.0.0.1', false ],
		[ 'fd00::2', false ],
		[ undefined, false ],
	] )( '%s is loopback: %s', ( address, expected ) => {
		expect( isLoopbackAddress( address ) ).toBe( expected );
	} );

	// Only the address check is tested: the test machine may send no traffic to a
	// non-loopback address, even its own.
} );
