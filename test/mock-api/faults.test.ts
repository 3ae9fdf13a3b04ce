/*
 * @jest-environment node
 */
import { DEMO_KEYS } from './seed';
import {
	GOOD_REQUEST,
	callApi,
	control,
	keyState,
	mockPerFile,
	startMock,
} from './test-helpers';

const mock = mockPerFile();

async function setFault( fault: Record< string, unknown > ) {
	const result = await control( mock.server, 'POST', 'faults', fault );
	expect( result.status ).toBe( 200 );
	return result.json;
}

// Settles to what happened, so a rejection is never left unhandled.
function outcome( call: Promise< unknown > ) {
	return call.then(
		() => 'answered',
		() => 'connection closed'
	);
}

function lastLogEntry() {
	const entries = mock.server.requestLog.list();
	return entries[ entries.length - 1 ];
}

describe( 'fault modes', () => {
	it( 'delay answers normally after delay_ms', async () => {
		await setFault( { mode: 'delay', delay_ms: 150 } );
		const started = Date.now();
		const result = await callApi( mock.server, GOOD_REQUEST );
		expect( Date.now() - started ).toBeGreaterThanOrEqual( 140 );
		expect( result.text ).toBe( '{"valid":"1"}' );
	} );

	it( 'timeout never answers; the client gives up', async () => {
		await setFault( { mode: 'timeout' } );
		await expect(
			callApi( mock.server, GOOD_REQUEST, {
				signal: AbortSignal.timeout( 150 ),
			} )
		).rejects.toThrow( /abort|timeout/i );
		expect( lastLogEntry() ).toMatchObject( {
			fault: 'timeout',
			answer: null,
		} );
	} );

	it( 'reset releases a hanging request', async () => {
		await setFault( { mode: 'timeout' } );
		const hanging = outcome( callApi( mock.server, GOOD_REQUEST ) );
		// Wait until the request reached the server, then reset.
		while ( mock.server.requestLog.list().length === 0 ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 5 ) );
		}
		mock.server.reset();
		expect( await hanging ).toBe( 'connection closed' );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).text ).toBe(
			'{"valid":"1"}'
		);
	} );

	it( 'close() releases hanging and delayed requests', async () => {
		const other = await startMock();
		other.faults.set( {
			fault: { mode: 'timeout', delayMs: 0, error: null, status: null },
			times: 1,
		} );
		const hanging = outcome( callApi( other, GOOD_REQUEST ) );
		other.faults.set( {
			fault: {
				mode: 'delay',
				delayMs: 60_000,
				error: null,
				status: null,
			},
			times: null,
		} );
		const delayed = outcome( callApi( other, GOOD_REQUEST ) );
		while ( other.requestLog.list().length < 2 ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 5 ) );
		}
		const started = Date.now();
		await other.close();
		expect( Date.now() - started ).toBeLessThan( 1000 );
		expect( await hanging ).toBe( 'connection closed' );
		expect( await delayed ).toBe( 'connection closed' );
	} );

	it( 'http500 answers 500 with an HTML page, or the given status', async () => {
		await setFault( { mode: 'http500' } );
		const result = await callApi( mock.server, GOOD_REQUEST );
		expect( result.status ).toBe( 500 );
		expect( result.headers.get( 'content-type' ) ).toMatch( /^text\/html/ );
		await setFault( { mode: 'http500', status: 503 } );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).status ).toBe(
			503
		);
	} );

	it( 'html answers 200 with an HTML page', async () => {
		await setFault( { mode: 'html' } );
		const result = await callApi( mock.server, GOOD_REQUEST );
		expect( result.status ).toBe( 200 );
		expect( result.headers.get( 'content-type' ) ).toMatch( /^text\/html/ );
		expect( result.text ).toMatch( /^<!DOCTYPE html>/ );
		expect( result.json ).toBeNull();
	} );

	it( 'empty answers 200 with no body', async () => {
		await setFault( { mode: 'empty' } );
		const result = await callApi( mock.server, GOOD_REQUEST );
		expect( result.status ).toBe( 200 );
		expect( result.text ).toBe( '' );
	} );

	it( 'truncated answers cut JSON and spends nothing', async () => {
		await setFault( { mode: 'truncated' } );
		const result = await callApi( mock.server, {
			...GOOD_REQUEST,
			key: DEMO_KEYS.tokens,
			consume: '1',
		} );
		expect( result.text ).toBe( '{"valid":"1"' );
		expect( result.json ).toBeNull();
		expect(
			( await keyState( mock.server, DEMO_KEYS.tokens ) )?.tokens_used
		).toBe( 0 );
	} );

	it( 'header_json puts the real answer in a header', async () => {
		await setFault( { mode: 'header_json' } );
		const good = await callApi( mock.server, GOOD_REQUEST );
		expect( good.text ).toBe( '' );
		expect( good.headers.get( 'x-batchkeys-response' ) ).toBe(
			'{"valid":"1"}'
		);
		const deleted = await callApi( mock.server, {
			...GOOD_REQUEST,
			key: DEMO_KEYS.deleted,
		} );
		expect( deleted.headers.get( 'x-batchkeys-response' ) ).toBe(
			'{"valid":"0"}'
		);
	} );

	it( 'header_json escapes the U+2019 of the too-fast text', async () => {
		await control( mock.server, 'POST', 'rate-limit', { per_minute: 1 } );
		await setFault( { mode: 'header_json' } );
		await callApi( mock.server, GOOD_REQUEST );
		const refused = await callApi( mock.server, GOOD_REQUEST );
		const header = refused.headers.get( 'x-batchkeys-response' ) ?? '';
		expect( header ).toContain( '\\u2019' );
		expect( JSON.parse( header ) ).toEqual( {
			ERROR: 'You\u2019re sending keys too fast. Please try again later.',
		} );
	} );

	it.each( [
		'Failed to activate key!',
		'User IP Error!',
		'Something we never heard of',
	] )( 'error answers {"ERROR": "%s"}', async ( error ) => {
		await setFault( { mode: 'error', error } );
		const result = await callApi( mock.server, GOOD_REQUEST );
		expect( result.status ).toBe( 200 );
		expect( result.json ).toEqual( { ERROR: error } );
	} );

	it( 'over_limit makes every key valid 0, still checking the input', async () => {
		await setFault( { mode: 'over_limit' } );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).text ).toBe(
			'{"valid":"0"}'
		);
		expect(
			( await callApi( mock.server, { ...GOOD_REQUEST, key: 'SHORT' } ) )
				.text
		).toContain( 'L3n7' );
	} );
} );

describe( 'times', () => {
	it( 'faults the next N requests only', async () => {
		expect( await setFault( { mode: 'http500', times: 2 } ) ).toEqual( {
			fault: { mode: 'http500', times_left: 2 },
		} );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).status ).toBe(
			500
		);
		expect(
			( await control( mock.server, 'GET', 'faults' ) ).json
		).toEqual( {
			fault: { mode: 'http500', times_left: 1 },
		} );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).status ).toBe(
			500
		);
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).text ).toBe(
			'{"valid":"1"}'
		);
	} );

	it( 'without times, lasts until reset or mode none', async () => {
		await setFault( { mode: 'empty' } );
		for ( let call = 0; call < 3; call++ ) {
			expect( ( await callApi( mock.server, GOOD_REQUEST ) ).text ).toBe(
				''
			);
		}
		await setFault( { mode: 'none' } );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).text ).toBe(
			'{"valid":"1"}'
		);
		await setFault( { mode: 'empty' } );
		await control( mock.server, 'POST', 'reset' );
		expect( ( await callApi( mock.server, GOOD_REQUEST ) ).text ).toBe(
			'{"valid":"1"}'
		);
	} );
} );
