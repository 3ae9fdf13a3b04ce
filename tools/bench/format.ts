/**
 * Pure formatting: values with their units, budgets, and aligned text tables.
 */
import { KB, type Budget, type Unit } from './budgets';

/**
 * A value for people: "0.42 ms", "12.3 KB", "1.012x", "0".
 *
 * @param value The value (null or NaN: "n/a").
 * @param unit  Its unit.
 */
export function formatValue( value: number | null, unit: Unit ): string {
	if ( value === null || Number.isNaN( value ) ) {
		return 'n/a';
	}
	switch ( unit ) {
		case 'count':
			return String( Math.round( value ) );
		case 'ms':
			return `${ value.toFixed( 2 ) } ms`;
		case 'ratio':
			return `${ value.toFixed( 3 ) }x`;
		case 'bytes':
			return formatBytes( value );
	}
	return String( value );
}

/**
 * Bytes for people, in KB of 1000 bytes from 1000 up (signed: "-2.0 KB").
 *
 * @param bytes Bytes.
 */
export function formatBytes( bytes: number ): string {
	if ( Math.abs( bytes ) < KB ) {
		return `${ Math.round( bytes ) } B`;
	}
	return `${ ( bytes / KB ).toFixed( 1 ) } KB`;
}

/**
 * A budget for people: "< 1.00 ms", "= 0", "<= 1.100x"; "-" without one.
 *
 * @param budget The budget, or null.
 * @param unit   The unit of the value.
 */
export function formatBudget( budget: Budget | null, unit: Unit ): string {
	if ( budget === null ) {
		return '-';
	}
	const sign = { lt: '<', le: '<=', eq: '=' }[ budget.op ];
	return `${ sign } ${ formatValue( budget.limit, unit ) }`;
}

/**
 * Left-aligned columns separated by two spaces, a rule under the header; the last column is not
 * padded (it may be long).
 *
 * @param header Column titles.
 * @param rows   Cells (rows shorter than the header are padded with '').
 */
export function formatTable(
	header: readonly string[],
	rows: readonly ( readonly string[] )[]
): string {
	const all = [ header, ...rows ].map( ( row ) =>
		header.map( ( _, column ) => row[ column ] ?? '' )
	);
	const widths = header.map( ( _, column ) =>
		Math.max( ...all.map( ( row ) => row[ column ].length ) )
	);
	const line = ( row: readonly string[] ): string =>
		row
			.map( ( cell, column ) =>
				column === row.length - 1
					? cell
					: cell.padEnd( widths[ column ] )
			)
			.join( '  ' )
			.trimEnd();
	const rule = widths.map( ( width ) => '-'.repeat( width ) ).join( '  ' );
	return [ line( all[ 0 ] ), rule, ...all.slice( 1 ).map( line ) ].join(
		'\n'
	);
}
