/**
 * Pure statistics for the bench: medians, quantiles, ratios.
 */

export interface Summary {
	n: number;
	median: number;
	p25: number;
	p75: number;
	min: number;
	max: number;
}

/**
 * The finite values of a series in ascending order (a new array: the input keeps its order).
 *
 * @param values Numbers (any order).
 */
function finiteSorted( values: readonly number[] ): number[] {
	return values
		.filter( ( value ) => Number.isFinite( value ) )
		.sort( ( a, b ) => a - b );
}

/**
 * The q-quantile (0..1) by linear interpolation between closest ranks; NaN for no values.
 *
 * @param values Numbers (any order).
 * @param q      0 for the minimum, 0.5 for the median, 1 for the maximum.
 */
export function quantile( values: readonly number[], q: number ): number {
	const sorted = finiteSorted( values );
	if ( sorted.length === 0 ) {
		return NaN;
	}
	const position = ( sorted.length - 1 ) * Math.min( 1, Math.max( 0, q ) );
	const below = Math.floor( position );
	const above = Math.ceil( position );
	return (
		sorted[ below ] +
		( sorted[ above ] - sorted[ below ] ) * ( position - below )
	);
}

export function median( values: readonly number[] ): number {
	return quantile( values, 0.5 );
}

export function summarize( values: readonly number[] ): Summary {
	const finite = values.filter( ( value ) => Number.isFinite( value ) );
	return {
		n: finite.length,
		median: median( finite ),
		p25: quantile( finite, 0.25 ),
		p75: quantile( finite, 0.75 ),
		min: finite.length ? Math.min( ...finite ) : NaN,
		max: finite.length ? Math.max( ...finite ) : NaN,
	};
}

/**
 * a / b; NaN when b is 0 or either is not a finite number.
 *
 * @param a Numerator.
 * @param b Denominator.
 */
export function ratio( a: number, b: number ): number {
	if ( ! Number.isFinite( a ) || ! Number.isFinite( b ) || b === 0 ) {
		return NaN;
	}
	return a / b;
}

/**
 * The element-wise differences a[i] - b[i] of two series of the same length (the shorter length
 * otherwise): paired samples taken one after the other.
 *
 * @param a First series.
 * @param b Second series.
 */
export function pairedDifferences(
	a: readonly number[],
	b: readonly number[]
): number[] {
	const length = Math.min( a.length, b.length );
	const out: number[] = [];
	for ( let i = 0; i < length; i++ ) {
		out.push( a[ i ] - b[ i ] );
	}
	return out;
}

export function sum( values: readonly number[] ): number {
	return values.reduce( ( total, value ) => total + value, 0 );
}

/**
 * A small seeded pseudo-random generator (Park-Miller, exact in doubles): the same seed, the same
 * numbers, so a run's confidence interval does not change when it is computed twice.
 *
 * @param seed Any integer.
 */
export function seededRandom( seed: number ): () => number {
	const modulus = 2147483647;
	let state = Math.abs( Math.trunc( seed ) ) % modulus || 1;
	return () => {
		state = ( state * 48271 ) % modulus;
		return ( state - 1 ) / ( modulus - 1 );
	};
}

/**
 * The 95 % bootstrap interval of median(a) - median(b): both series resampled with replacement.
 *
 * @param a          First series.
 * @param b          Second series.
 * @param iterations Resamples (bounded to 10000).
 * @param random     Numbers in [0, 1).
 */
export function bootstrapMedianDifference(
	a: readonly number[],
	b: readonly number[],
	iterations = 2000,
	random: () => number = seededRandom( 1 )
): { low: number; high: number } {
	if ( a.length === 0 || b.length === 0 ) {
		return { low: NaN, high: NaN };
	}
	const resample = ( values: readonly number[] ): number[] =>
		values.map( () => values[ Math.floor( random() * values.length ) ] );
	const differences: number[] = [];
	for ( let i = 0; i < Math.min( iterations, 10_000 ); i++ ) {
		differences.push( median( resample( a ) ) - median( resample( b ) ) );
	}
	return {
		low: quantile( differences, 0.025 ),
		high: quantile( differences, 0.975 ),
	};
}

/**
 * How far 0 lies outside an interval: 0 when the interval holds it (no difference shown).
 *
 * @param low  Lower end.
 * @param high Upper end.
 */
export function distanceFromZero( low: number, high: number ): number {
	return Math.max( 0, low, -high );
}

/**
 * A distribution-free interval of the median of one series, from its order statistics: the
 * narrowest pair x(r), x(n-r+1) whose chance of missing the true median (binomial, p = 1/2) stays
 * within 5 %. With fewer than 6 values no such pair exists and the interval is the whole range;
 * `coverage` says what it is.
 *
 * @param values One series (any order).
 */
export function medianInterval( values: readonly number[] ): {
	low: number;
	high: number;
	coverage: number;
} {
	const sorted = finiteSorted( values );
	const n = sorted.length;
	if ( n === 0 ) {
		return { low: NaN, high: NaN, coverage: NaN };
	}
	// cdf[i] = P(X <= i) for X ~ Binomial(n, 1/2): the chance that i or fewer values lie below
	// the true median.
	const cdf: number[] = [];
	let term = Math.pow( 0.5, n );
	for ( let i = 0; i < n; i++ ) {
		cdf.push( ( i ? cdf[ i - 1 ] : 0 ) + term );
		term = ( term * ( n - i ) ) / ( i + 1 );
	}
	// The 1-based rank r of the lower end: x(r) misses the median with chance cdf[r - 1].
	let r = 1;
	while ( r + 1 <= n - r && 2 * cdf[ r ] <= 0.05 ) {
		r++;
	}
	return {
		low: sorted[ r - 1 ],
		high: sorted[ n - r ],
		coverage: 1 - 2 * cdf[ r - 1 ],
	};
}
