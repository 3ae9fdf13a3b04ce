/**
 * Figure 2: the request cost of the active kit (three products) against the same site with the
 * kit inactive for the request, interleaved: on the front page (an anonymous visitor) wall time,
 * peak memory and CPU time; on the dashboard (the admin) peak memory and CPU time.
 */
import { BUDGETS } from './budgets';
import { formatBytes, formatValue } from './format';
import { makeCheck, TITLES, type Figure } from './report';
import type { Page, Sample, Session } from './session';
import {
	bootstrapMedianDifference,
	distanceFromZero,
	median,
	pairedDifferences,
	ratio,
	summarize,
} from './stats';

const FRONT: Page = { key: 'front', path: '/', who: 'visitor' };
const DASHBOARD: Page = { key: 'dashboard', path: '/wp-admin/', who: 'admin' };
const WARM_UP = 5;

/**
 * Kit on and kit off, interleaved, alternating which side goes first.
 * @param session  The session.
 * @param page     The page.
 * @param requests Requests per side.
 * @param progress Progress line.
 */
async function interleaved(
	session: Session,
	page: Page,
	requests: number,
	progress: ( text: string ) => void
): Promise< { on: Sample[]; off: Sample[] } > {
	for ( let i = 0; i < WARM_UP; i++ ) {
		await session.load( page );
		await session.load( page, { kitOff: true } );
	}
	const on: Sample[] = [];
	const off: Sample[] = [];
	const step = Math.max( 1, Math.ceil( requests / 4 ) );
	for ( let i = 0; i < requests; i++ ) {
		for ( const kitOff of i % 2 === 0
			? [ false, true ]
			: [ true, false ] ) {
			( kitOff ? off : on ).push(
				await session.load( page, { kitOff } )
			);
		}
		if ( ( i + 1 ) % step === 0 && i + 1 < requests ) {
			progress( `figure 2: ${ page.key } ${ i + 1 }/${ requests }` );
		}
	}
	return { on, off };
}

/**
 * CPU samples of a side (a line without them fails the figure: nothing to judge).
 * @param samples Samples of one side.
 */
function cpu( samples: readonly Sample[] ): number[] {
	return samples.map( ( s ) => {
		if ( s.line.cpuMs === null ) {
			throw new Error( 'the bench mu-plugin sent no CPU time' );
		}
		return s.line.cpuMs;
	} );
}

export async function measureFrontend(
	session: Session,
	requests: number,
	progress: ( text: string ) => void
): Promise< Figure > {
	const dashboardRequests = Math.max( 10, Math.round( requests / 4 ) );
	progress(
		`figure 2: front page, ${ requests } requests kit on + ${ requests } kit off; dashboard ${ dashboardRequests } + ${ dashboardRequests }; interleaved`
	);
	const { on, off } = await interleaved( session, FRONT, requests, progress );
	const dash = await interleaved(
		session,
		DASHBOARD,
		dashboardRequests,
		progress
	);
	const cpuOn = cpu( on );
	const cpuOff = cpu( off );
	const cpuInterval = bootstrapMedianDifference( cpuOn, cpuOff );
	const addedCpu = median( cpuOn ) - median( cpuOff );
	const dashPeakOn = dash.on.map( ( s ) => s.line.peakBytes );
	const dashPeakOff = dash.off.map( ( s ) => s.line.peakBytes );
	const dashCpuOn = cpu( dash.on );
	const dashCpuOff = cpu( dash.off );
	const dashCpuInterval = bootstrapMedianDifference( dashCpuOn, dashCpuOff );
	const wallOn = on.map( ( s ) => s.line.wallMs );
	const wallOff = off.map( ( s ) => s.line.wallMs );
	const peakOn = on.map( ( s ) => s.line.peakBytes );
	const peakOff = off.map( ( s ) => s.line.peakBytes );
	const clientOn = median( on.map( ( s ) => s.clientMs ) );
	const clientOff = median( off.map( ( s ) => s.clientMs ) );
	const addedMs = median( wallOn ) - median( wallOff );
	const interval = bootstrapMedianDifference( wallOn, wallOff );
	const ms = ( value: number ) => formatValue( value, 'ms' );
	const addedBytes = median( peakOn ) - median( peakOff );
	const opcache = on.every( ( s ) => s.line.opcache ) ? 'on' : 'off';
	const badStatus = [ ...on, ...off, ...dash.on, ...dash.off ].filter(
		( s ) => s.status !== 200
	).length;
	const wallRaw = [
		`on ${ ms( median( wallOn ) ) } / off ${ ms( median( wallOff ) ) } = ${ formatValue( ratio( median( wallOn ), median( wallOff ) ), 'ratio' ) }`,
		`95% interval of the difference ${ ms( interval.low ) } to ${ ms( interval.high ) }`,
		`fastest on ${ ms( Math.min( ...wallOn ) ) } / off ${ ms( Math.min( ...wallOff ) ) }`,
		`median of paired differences ${ ms( median( pairedDifferences( wallOn, wallOff ) ) ) }`,
		`client round trip on ${ ms( clientOn ) } / off ${ ms( clientOff ) }`,
		`opcache ${ opcache }`,
		...( badStatus ? [ `${ badStatus } answers not HTTP 200` ] : [] ),
	];
	return {
		id: 2,
		title: TITLES[ 2 ],
		checks: [
			makeCheck(
				`added wall time, median of ${ on.length } + ${ off.length }`,
				addedMs,
				'ms',
				BUDGETS.frontendAddedMs,
				wallRaw.join( '; ' )
			),
			makeCheck(
				'added peak PHP memory, median',
				addedBytes,
				'bytes',
				BUDGETS.frontendAddedBytes,
				`on ${ formatBytes( median( peakOn ) ) } / off ${ formatBytes( median( peakOff ) ) } = ${ formatValue( ratio( median( peakOn ), median( peakOff ) ), 'ratio' ) } (memory_get_peak_usage)`
			),
			makeCheck(
				'added CPU time: distance of its 95% interval from 0',
				distanceFromZero( cpuInterval.low, cpuInterval.high ),
				'ms',
				BUDGETS.frontendCpuFromZero,
				`median on ${ ms( median( cpuOn ) ) } / off ${ ms( median( cpuOff ) ) }, added ${ ms( addedCpu ) }, 95% interval ${ ms( cpuInterval.low ) } to ${ ms( cpuInterval.high ) } (getrusage, user + system, from the mu-plugins to shutdown)`
			),
			makeCheck(
				`dashboard: added peak PHP memory, median of ${ dash.on.length } + ${ dash.off.length }`,
				median( dashPeakOn ) - median( dashPeakOff ),
				'bytes',
				BUDGETS.dashboardAddedBytes,
				`on ${ formatBytes( median( dashPeakOn ) ) } / off ${ formatBytes( median( dashPeakOff ) ) }`
			),
			makeCheck(
				'dashboard: added CPU time, median',
				median( dashCpuOn ) - median( dashCpuOff ),
				'ms',
				null,
				`95% interval ${ ms( dashCpuInterval.low ) } to ${ ms( dashCpuInterval.high ) }`
			),
		],
		data: {
			requests_per_side: requests,
			wall_ms_on: summarizeJson( wallOn ),
			wall_ms_off: summarizeJson( wallOff ),
			peak_bytes_on: summarizeJson( peakOn ),
			peak_bytes_off: summarizeJson( peakOff ),
			client_ms_on_median: clientOn,
			client_ms_off_median: clientOff,
			added_wall_ms: addedMs,
			added_wall_ms_interval_95: [ interval.low, interval.high ],
			added_peak_bytes: addedBytes,
			wall_ratio: ratio( median( wallOn ), median( wallOff ) ),
			peak_ratio: ratio( median( peakOn ), median( peakOff ) ),
			opcache: opcache === 'on',
			cpu_ms_on: summarizeJson( cpuOn ),
			cpu_ms_off: summarizeJson( cpuOff ),
			added_cpu_ms: addedCpu,
			added_cpu_ms_interval_95: [ cpuInterval.low, cpuInterval.high ],
			dashboard_requests_per_side: dash.on.length,
			dashboard_peak_bytes_on: summarizeJson( dashPeakOn ),
			dashboard_peak_bytes_off: summarizeJson( dashPeakOff ),
			dashboard_added_peak_bytes:
				median( dashPeakOn ) - median( dashPeakOff ),
			dashboard_added_cpu_ms: median( dashCpuOn ) - median( dashCpuOff ),
			dashboard_added_cpu_ms_interval_95: [
				dashCpuInterval.low,
				dashCpuInterval.high,
			],
			samples_wall_ms_on: wallOn,
			samples_wall_ms_off: wallOff,
			samples_cpu_ms_on: cpuOn,
			samples_cpu_ms_off: cpuOff,
		},
		error: null,
	};
}

function summarizeJson( values: readonly number[] ): {
	[ key: string ]: number;
} {
	return { ...summarize( values ) };
}
