/*
 * @jest-environment node
 */
import { DEMO_AUTH } from './seed';
import type { MockServer } from './server';
import { callApi, control, keyState, startMock } from './test-helpers';

const TWO_SEATS = 'BINDTWO-SEATS22-AAAAAAA-BBBBBBB-CCCCCCC';

let server: MockServer;

beforeAll( async () => {
	server = await startMock();
} );

afterAll( () => server.close() );

beforeEach( async () => {
	server.reset();
	await control( server, 'POST', 'keys', {
		key: TWO_SEATS,
		domains_allowed: 2,
	} );
} );

function ask( domain: string, extra: Record< string, string > = {} ) {
	return callApi( server, {
		auth: DEMO_AUTH,
		key: TWO_SEATS,
		domain,
		...extra,
	} );
}

describe( 'the binding switch', () => {
	it( 'defaults to valid: any valid answer binds the domain', async () => {
		expect( ( await control( server, 'GET', 'binding' ) ).json ).toEqual( {
			bind_on: 'valid',
		} );
		expect( ( await ask( 'a.example' ) ).json ).toEqual( { valid: '1' } );
		expect( ( await ask( 'b.example' ) ).json ).toEqual( { valid: '1' } );
		expect( ( await ask( 'c.example' ) ).json ).toEqual( { valid: '0' } );
		expect( ( await keyState( server, TWO_SEATS ) )?.domains ).toEqual( [
			'a.example',
			'b.example',
		] );
	} );

	it( 'active: only active 1 binds; other requests bind nothing', async () => {
		expect(
			(
				await control( server, 'POST', 'binding', {
					bind_on: 'active',
				} )
			).json
		).toEqual( { bind_on: 'active' } );
		expect( ( await ask( 'a.example' ) ).json ).toEqual( { valid: '1' } );
		expect( ( await keyState( server, TWO_SEATS ) )?.domains ).toEqual(
			[]
		);
		await ask( 'a.example', { active: '1' } );
		await ask( 'b.example', { active: '1' } );
		expect( ( await keyState( server, TWO_SEATS ) )?.domains ).toEqual( [
			'a.example',
			'b.example',
		] );
		expect( ( await ask( 'c.example' ) ).json ).toEqual( { valid: '0' } );
	} );

	it( 'POST /__mock/log clears the log and keeps the bindings', async () => {
		await ask( 'a.example' );
		expect( ( await control( server, 'POST', 'log', {} ) ).json ).toEqual( {
			requests: [],
		} );
		expect( server.requestLog.list() ).toEqual( [] );
		expect( ( await keyState( server, TWO_SEATS ) )?.domains ).toEqual( [
			'a.example',
		] );
	} );

	it( 'reset restores valid; a wrong value is a 400', async () => {
		await control( server, 'POST', 'binding', { bind_on: 'active' } );
		await control( server, 'POST', 'reset', {} );
		expect( ( await control( server, 'GET', 'binding' ) ).json ).toEqual( {
			bind_on: 'valid',
		} );
		const wrong = await control( server, 'POST', 'binding', {
			bind_on: 'maybe',
		} );
		expect( wrong.status ).toBe( 400 );
		expect( wrong.json ).toEqual( {
			error: 'bind_on must be one of: valid, active',
		} );
	} );
} );
