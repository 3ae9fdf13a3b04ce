/*
 * @jest-environment node
 */
import { RateLimiter } from './rate-limit';
import { createMockServer, type MockServer } from './server';
import { GOOD_REQUEST, callApi, control, startMock } from './test-helpers';

const TOO_FAST = {
	ERROR: 'You\u2019re sending keys too fast. Please try again later.',
};

let server: MockServer;
let clock = 0;

beforeAll( async () => {
	server = await startMock( { rateLimitPerMinute: 3, now: () => clock } );
} );

afterAll( () => server.close() );

beforeEach( () => {
	clock = Date.parse( '2026-01-01T00:00:00Z' );
	server.reset();
} );

async function answers(
	count: number,
	headers: Record< string, string > = GOOD_REQUEST
) {
	const bodies: unknown[] = [];
	for ( let call = 0; call < count; call++ ) {
		bodies.push( ( await callApi( server, headers ) ).json );
	}
	return bodies;
}

describe( 'rate limit', () => {
	it( 'answers the too-fast ERROR (U+2019) after per_minute calls', async () => {
		const bodies = await answers( 4 );
		expect( bodies.slice( 0, 3 ) ).toEqual(
			Array( 3 ).fill( { valid: '1' } )
		);
		expect( bodies[ 3 ] ).toEqual( TOO_FAST );
		const raw = ( await callApi( server, GOOD_REQUEST ) ).text;
		expect( raw ).toContain( 'You\u2019re sending keys too fast' );
	} );

	it( 'counts every call, even malformed ones', async () => {
		await answers( 3, { ...GOOD_REQUEST, key: 'SHORT' } );
		expect( ( await callApi( server, GOOD_REQUEST ) ).json ).toEqual(
			TOO_FAST
		);
	} );

	it( 'is per client: another auth has its own budget', async () => {
		await answers( 3 );
		const other = await callApi( server, {
			...GOOD_REQUEST,
			auth: 'another-vendor-auth',
		} );
		expect( other.json ).toEqual( { valid: '0' } );
	} );

	it( 'is a sliding minute; calls while timed out keep it going', async () => {
		await answers( 3 );
		clock += 30_000;
		expect( ( await answers( 1 ) )[ 0 ] ).toEqual( TOO_FAST );
		clock += 30_001;
		// The first three calls left the window; the refused one has not.
		expect( await answers( 2 ) ).toEqual( [
			{ valid: '1' },
			{ valid: '1' },
		] );
		expect( ( await answers( 1 ) )[ 0 ] ).toEqual( TOO_FAST );
	} );

	it( 'POST /__mock/rate-limit 0 turns it off', async () => {
		const set = await control( server, 'POST', 'rate-limit', {
			per_minute: 0,
		} );
		expect( set.json ).toEqual( { per_minute: 0 } );
		expect( await answers( 10 ) ).toEqual(
			Array( 10 ).fill( { valid: '1' } )
		);
	} );

	it( 'reset clears the counters and restores the starting limit', async () => {
		await control( server, 'POST', 'rate-limit', { per_minute: 1 } );
		await answers( 2 );
		await control( server, 'POST', 'reset' );
		expect( ( await control( server, 'GET', 'rate-limit' ) ).json ).toEqual(
			{
				per_minute: 3,
			}
		);
		expect( await answers( 3 ) ).toEqual(
			Array( 3 ).fill( { valid: '1' } )
		);
	} );

	it( 'defaults to 30 a minute', async () => {
		const other = await createMockServer();
		expect( other.rateLimiter.limit ).toBe( 30 );
		await other.close();
	} );
} );

describe( 'RateLimiter', () => {
	it( 'keeps at most per_minute times per client', () => {
		const limiter = new RateLimiter( 2, () => 0 );
		expect( [ 1, 2, 3 ].map( () => limiter.allow( 'a' ) ) ).toEqual( [
			true,
			true,
			false,
		] );
		expect( limiter.allow( 'b' ) ).toBe( true );
	} );
} );
