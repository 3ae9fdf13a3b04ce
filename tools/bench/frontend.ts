/**
 * Figure 2: the front-end request cost of the active kit (three products) against the same site
 * with the kit inactive for the request: interleaved, server-side wall time and peak memory.
 */
import { BUDGETS } from './budgets';
import { formatBytes, formatValue } from './format';
import { makeCheck, TITLES, type Figure } from './report';
import type { Page, Sample, Session } from './session';
import {
	bootstrapMedianDifference,
	median,
	pairedDifferences,
	ratio,
	summarize,
} from './stats';

const FRONT: Page = { key: 'front', path: '/', who: 'visitor' };
const WARM_UP = 5;

export async function measureFrontend(
	session: Session,
	requests: number,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress(
		`figure 2: front page, ${ requests } requests kit on + ${ requests } kit off, interleaved`
	);
	for ( let i = 0; i < WARM_UP; i++ ) {
		await session.load( FRONT );
		await session.load( FRONT, { kitOff: true } );
	}
	const on: Sample[] = [];
	const off: Sample[] = [];
	const step = Math.max( 1, Math.ceil( requests / 4 ) );
	for ( let i = 0; i < requests; i++ ) {
		// Alternate which side goes first, so neither always follows the other.
		for ( const kitOff of i % 2 === 0
			? [ false, true ]
			: [ true, false ] ) {
			( kitOff ? off : on ).push(
				await session.load( FRONT, { kitOff } )
			);
		}
		if ( ( i + 1 ) % step === 0 && i + 1 < requests ) {
			progress( `figure 2: ${ i + 1 }/${ requests }` );
		}
	}
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
	const badStatus = [ ...on, ...off ].filter(
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
			samples_wall_ms_on: wallOn,
			samples_wall_ms_off: wallOff,
		},
		error: null,
	};
}

function summarizeJson( values: readonly number[] ): {
	[ key: string ]: number;
} {
	return { ...summarize( values ) };
}
