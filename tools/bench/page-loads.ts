/**
 * Figures 1 and 6: outbound HTTP requests during ordinary page loads, with BatchKeys reachable
 * and unreachable, and whether page loads get slower when it is unreachable.
 */
import { BUDGETS } from './budgets';
import { formatValue } from './format';
import { mock } from './mock';
import { kitCalls } from './probe-line';
import { makeCheck, TITLES, type Figure } from './report';
import type { Page, Sample, Session } from './session';
import { median, ratio, sum } from './stats';

type Progress = ( text: string ) => void;

function byPage(
	pages: readonly Page[],
	samples: readonly Sample[]
): Map< string, Sample[] > {
	const map = new Map< string, Sample[] >(
		pages.map( ( page ) => [ page.key, [] ] )
	);
	for ( const sample of samples ) {
		map.get( sample.page )?.push( sample );
	}
	return map;
}

function callCount( samples: readonly Sample[], kitOnly: boolean ): number {
	return sum(
		samples.map( ( sample ) =>
			kitOnly ? kitCalls( sample.line ) : sample.line.calls.length
		)
	);
}

/**
 * "api.wordpress.org/core/browse-happy/1.1/ x3" for the calls WordPress itself made.
 * @param samples
 */
function callTargets( samples: readonly Sample[] ): string {
	const counts = new Map< string, number >();
	for ( const sample of samples ) {
		for ( const call of sample.line.calls ) {
			const target =
				call.url.replace( /^https?:\/\//, '' ) +
				( call.kit ? ' (kit)' : '' );
			counts.set( target, ( counts.get( target ) ?? 0 ) + 1 );
		}
	}
	return [ ...counts ]
		.map( ( [ target, count ] ) => `${ target } x${ count }` )
		.join( ', ' );
}

function unexpectedStatus( samples: readonly Sample[] ): string {
	const bad = samples.filter(
		( sample ) => sample.status < 200 || sample.status >= 400
	);
	return bad.length === 0
		? ''
		: `; unexpected HTTP status: ${ [ ...new Set( bad.map( ( sample ) => `${ sample.page } ${ sample.status }` ) ) ].join( ', ' ) }`;
}

/**
 * Figure 1: each page `reps` times with the kit on and off (interleaved); the kit's calls must be 0.
 *
 * @param session  A logged-in session, products active.
 * @param pages    The pages.
 * @param reps     Loads of each page per state.
 * @param progress Progress printer.
 */
export async function measureOutbound(
	session: Session,
	pages: readonly Page[],
	reps: number,
	progress: Progress
): Promise< Figure > {
	progress( `figure 1: ${ pages.length } pages x ${ reps }, kit on and off` );
	const on: Sample[] = [];
	const off: Sample[] = [];
	for ( let rep = 0; rep < reps; rep++ ) {
		for ( const page of pages ) {
			const first = ( rep + pages.indexOf( page ) ) % 2 === 0;
			for ( const kitOff of first ? [ false, true ] : [ true, false ] ) {
				( kitOff ? off : on ).push(
					await session.load( page, { kitOff } )
				);
			}
		}
	}
	const onByPage = byPage( pages, on );
	const perPage = pages
		.map(
			( page ) =>
				`${ page.key } ${ callCount( onByPage.get( page.key ) ?? [], true ) }`
		)
		.join( ', ' );
	const targets = callTargets( on );
	return {
		id: 1,
		title: TITLES[ 1 ],
		checks: [
			makeCheck(
				`kit's outbound calls, ${ on.length } page loads`,
				callCount( on, true ),
				'count',
				BUDGETS.outboundCalls,
				`per page: ${ perPage }${ unexpectedStatus( on ) }`
			),
			makeCheck(
				'all outbound calls, kit on / kit off',
				callCount( on, false ),
				'count',
				null,
				`kit on ${ callCount( on, false ) }, kit off ${ callCount( off, false ) }${ targets ? `; kit on: ${ targets }` : '' }`
			),
		],
		data: {
			pages: pages.map( ( page ) => ( {
				page: page.key,
				path: page.path,
				kit_calls: callCount( onByPage.get( page.key ) ?? [], true ),
				calls_kit_on: callCount(
					onByPage.get( page.key ) ?? [],
					false
				),
				calls_kit_off: callCount(
					byPage( pages, off ).get( page.key ) ?? [],
					false
				),
				median_wall_ms_kit_on: median(
					( onByPage.get( page.key ) ?? [] ).map(
						( s ) => s.line.wallMs
					)
				),
				status: ( onByPage.get( page.key ) ?? [] ).map(
					( s ) => s.status
				),
			} ) ),
			calls_kit_on: on.flatMap( ( sample ) =>
				sample.line.calls.map( ( call ) => ( {
					page: sample.page,
					url: call.url,
					kit: call.kit,
				} ) )
			),
		},
		error: null,
	};
}

/**
 * Figure 6: the same pages, kit on, BatchKeys reachable and unreachable (the mock's timeout
 * fault) interleaved request by request: 0 calls, and no slower (the sum of the per-page medians).
 *
 * @param session  A logged-in session, products active.
 * @param pages    The pages.
 * @param reps     Loads of each page per state.
 * @param progress Progress printer.
 */
export async function measureUnreachable(
	session: Session,
	pages: readonly Page[],
	reps: number,
	progress: Progress
): Promise< Figure > {
	progress(
		`figure 6: ${ pages.length } pages x ${ reps }, BatchKeys reachable / unreachable, interleaved`
	);
	const reachable: Sample[] = [];
	const unreachable: Sample[] = [];
	const mockUrl = session.site.mockUrl;
	let isDown: boolean | null = null;
	try {
		for ( let rep = 0; rep < reps; rep++ ) {
			for ( const [ index, page ] of pages.entries() ) {
				// Alternate which state goes first, so neither always follows the other.
				for ( const down of ( rep + index ) % 2 === 0
					? [ false, true ]
					: [ true, false ] ) {
					if ( down !== isDown ) {
						await ( down
							? mock.unreachable( mockUrl )
							: mock.reachable( mockUrl ) );
						isDown = down;
					}
					( down ? unreachable : reachable ).push(
						await session.load( page )
					);
				}
			}
		}
	} finally {
		await mock.reachable( mockUrl );
	}
	const medians = ( samples: readonly Sample[] ): Map< string, number > => {
		const grouped = byPage( pages, samples );
		return new Map(
			pages.map( ( page ) => [
				page.key,
				median(
					( grouped.get( page.key ) ?? [] ).map(
						( s ) => s.line.wallMs
					)
				),
			] )
		);
	};
	const up = medians( reachable );
	const down = medians( unreachable );
	const upTotal = sum( [ ...up.values() ] );
	const downTotal = sum( [ ...down.values() ] );
	const perPage = pages
		.map(
			( page ) =>
				`${ page.key } ${ formatValue( down.get( page.key ) ?? NaN, 'ms' ) } vs ${ formatValue( up.get( page.key ) ?? NaN, 'ms' ) }`
		)
		.join( ', ' );
	return {
		id: 6,
		title: TITLES[ 6 ],
		checks: [
			makeCheck(
				`kit's outbound calls, ${ unreachable.length } page loads, unreachable`,
				callCount( unreachable, true ),
				'count',
				BUDGETS.outboundCalls,
				`all calls: ${ callCount( unreachable, false ) }${ unexpectedStatus( unreachable ) }`
			),
			makeCheck(
				'page-load time, unreachable / reachable',
				ratio( downTotal, upTotal ),
				'ratio',
				BUDGETS.unreachableRatio,
				`sum of per-page median server wall time ${ formatValue( downTotal, 'ms' ) } vs ${ formatValue( upTotal, 'ms' ) } (${ reachable.length } loads each); ${ perPage }`
			),
		],
		data: {
			reps,
			median_wall_ms_reachable: Object.fromEntries( up ),
			median_wall_ms_unreachable: Object.fromEntries( down ),
			wall_ms_reachable: reachable.map( ( s ) => s.line.wallMs ),
			wall_ms_unreachable: unreachable.map( ( s ) => s.line.wallMs ),
		},
		error: null,
	};
}
