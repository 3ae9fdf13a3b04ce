/**
 * Figure 5: the latency a REST activation adds over the mock's own answer time. Each activation
 * goes to its own product (bench-act-N, registered by the bench mu-plugin for that request only,
 * which also empties the site-wide burst row) because the kit throttles a person's calls; a
 * direct call to the mock with the same headers and a REST read of the same license are
 * interleaved with it.
 */
import { DEMO_AUTH } from '../../test/mock-api/seed';
import { BUDGETS } from './budgets';
import { formatValue } from './format';
import { request } from './http';
import { ACTIVATION_KEY } from './products';
import { makeCheck, TITLES, type Figure } from './report';
import type { Page, Sample, Session } from './session';
import { median } from './stats';

type Step = 'mock' | 'activate' | 'read';
const ORDERS: Step[][] = [
	[ 'mock', 'activate', 'read' ],
	[ 'activate', 'read', 'mock' ],
	[ 'read', 'mock', 'activate' ],
];

export async function measureActivation(
	session: Session,
	count: number,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress(
		`figure 5: ${ count } REST activations (one product each) vs the mock alone`
	);
	const { site } = session;
	const mockCall = () =>
		request( `${ site.mockUrl }/api.php`, {
			headers: {
				auth: DEMO_AUTH,
				key: ACTIVATION_KEY,
				domain: new URL( site.url ).hostname,
			},
		} );
	// Warm-up: one of each kind, not counted.
	await mockCall();
	await session.load( {
		key: 'warm',
		path: '/wp-json/batchkeys/v1/products',
		who: 'rest',
	} );

	const mockMs: number[] = [];
	const readMs: number[] = [];
	const activations: Sample[] = [];
	const failures: string[] = [];
	for ( let i = 1; i <= count; i++ ) {
		const slug = `bench-act-${ i }`;
		const page: Page = {
			key: 'act',
			path: `/wp-json/batchkeys/v1/products/${ slug }/license`,
			who: 'rest',
		};
		for ( const step of ORDERS[ i % ORDERS.length ] ) {
			if ( step === 'mock' ) {
				const reply = await mockCall();
				if (
					reply.status === 200 &&
					reply.body.includes( '"valid":"1"' )
				) {
					mockMs.push( reply.ms );
				} else {
					failures.push(
						`mock HTTP ${ reply.status } ${ reply.body.slice( 0, 60 ) }`
					);
				}
			} else if ( step === 'read' ) {
				readMs.push(
					( await session.load( page, { product: slug } ) ).clientMs
				);
			} else {
				const sample = await session.load( page, {
					product: slug,
					method: 'POST',
					json: { key: ACTIVATION_KEY },
				} );
				if ( sample.status === 200 ) {
					activations.push( sample );
				} else {
					failures.push( `${ slug } HTTP ${ sample.status }` );
				}
			}
		}
	}
	const activationMs = median( activations.map( ( s ) => s.clientMs ) );
	const mockMedian = median( mockMs );
	const serverWall = median( activations.map( ( s ) => s.line.wallMs ) );
	const apiMs = median(
		activations.map( ( s ) =>
			s.line.calls.reduce(
				( total, call ) => total + ( call.ms ?? 0 ),
				0
			)
		)
	);
	const enough =
		activations.length * 2 >= count && mockMs.length * 2 >= count;
	return {
		id: 5,
		title: TITLES[ 5 ],
		checks: [
			makeCheck(
				`added latency of a REST activation (${ activations.length }/${ count } ok)`,
				enough ? activationMs - mockMedian : null,
				'ms',
				BUDGETS.activationAddedMs,
				`activation ${ formatValue( activationMs, 'ms' ) } - mock alone ${ formatValue( mockMedian, 'ms' ) }; server side: wall ${ formatValue( serverWall, 'ms' ) }, of which the API call ${ formatValue( apiMs, 'ms' ) }; REST read of the same license (no API call) ${ formatValue( median( readMs ), 'ms' ) }${ failures.length ? `; failed: ${ failures.slice( 0, 3 ).join( ', ' ) }${ failures.length > 3 ? ` +${ failures.length - 3 }` : '' }` : '' }`
			),
		],
		data: {
			activations: count,
			ok: activations.length,
			activation_client_ms: activations.map( ( s ) => s.clientMs ),
			activation_server_wall_ms: activations.map(
				( s ) => s.line.wallMs
			),
			activation_api_call_ms: activations.map( ( s ) =>
				s.line.calls.reduce(
					( total, call ) => total + ( call.ms ?? 0 ),
					0
				)
			),
			mock_client_ms: mockMs,
			rest_read_client_ms: readMs,
			failures,
		},
		error: null,
	};
}
