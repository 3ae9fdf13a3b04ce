/**
 * Figure 8: an admin page whose dead-cron fallback fires while BatchKeys hangs. The bench
 * mu-plugin makes WP-Cron look dead and the demo product's check due for that one request; the
 * page starts the check in a loopback request and must not wait for it.
 */
import { BUDGETS } from './budgets';
import { formatValue } from './format';
import { mock } from './mock';
import { makeCheck, TITLES, type Figure } from './report';
import type { Page, Session } from './session';

const DASHBOARD: Page = { key: 'fallback', path: '/wp-admin/', who: 'admin' };
/** How long to wait for the loopback request to reach the mock. */
const ARRIVAL_MS = 5000;

export async function measureFallback(
	session: Session,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress( 'figure 8: dead-cron fallback against a hanging BatchKeys' );
	const mockUrl = session.site.mockUrl;
	await mock.reset( mockUrl );
	await mock.rateLimitOff( mockUrl );
	await mock.unreachable( mockUrl );
	try {
		const sample = await session.load( DASHBOARD, { fallback: true } );
		const started = Date.now();
		let arrived = 0;
		while ( arrived === 0 && Date.now() - started < ARRIVAL_MS ) {
			await new Promise( ( done ) => setTimeout( done, 100 ) );
			arrived = await mock.apiRequests( mockUrl );
		}
		if ( sample.status !== 200 ) {
			throw new Error( `the dashboard answered HTTP ${ sample.status }` );
		}
		if ( arrived === 0 ) {
			throw new Error(
				`the fallback's check did not reach the mock within ${ ARRIVAL_MS } ms: it did not fire`
			);
		}
		return {
			id: 8,
			title: TITLES[ 8 ],
			checks: [
				makeCheck(
					"the kit's outbound requests during the page",
					sample.line.calls.filter( ( c ) => c.kit ).length,
					'count',
					BUDGETS.outboundCalls,
					'the check runs in the loopback request, not in the page'
				),
				makeCheck(
					'admin response, client round trip',
					sample.clientMs,
					'ms',
					BUDGETS.fallbackResponseMs,
					`server side ${ formatValue( sample.line.wallMs, 'ms' ) }; the check reached the hanging mock ${ Date.now() - started } ms after the response at most (${ arrived } request)`
				),
			],
			data: {
				client_ms: sample.clientMs,
				server_ms: sample.line.wallMs,
				kit_calls_in_page: sample.line.calls.filter( ( c ) => c.kit )
					.length,
				mock_requests: arrived,
			},
			error: null,
		};
	} finally {
		await mock.reachable( mockUrl );
		// Releases the hanging request.
		await mock.reset( mockUrl );
		await mock.rateLimitOff( mockUrl );
	}
}
