import {
	distanceFromZero,
	bootstrapMedianDifference,
	median,
	medianInterval,
	pairedDifferences,
	quantile,
	ratio,
	seededRandom,
	summarize,
	sum,
} from './stats';

describe( 'median', () => {
	it( 'takes the middle value of an odd count, in any order', () => {
		expect( median( [ 5, 1, 3 ] ) ).toBe( 3 );
	} );

	it( 'averages the two middle values of an even count', () => {
		expect( median( [ 4, 1, 3, 2 ] ) ).toBe( 2.5 );
	} );

	it( 'is NaN for no values and ignores values that are not finite', () => {
		expect( median( [] ) ).toBeNaN();
		expect( median( [ NaN, 2, Infinity ] ) ).toBe( 2 );
	} );

	it( 'does not reorder its input', () => {
		const values = [ 3, 1, 2 ];
		median( values );
		expect( values ).toEqual( [ 3, 1, 2 ] );
	} );
} );

describe( 'quantile and summarize', () => {
	it( 'interpolates between ranks', () => {
		expect( quantile( [ 0, 10 ], 0.25 ) ).toBe( 2.5 );
		expect( quantile( [ 1, 2, 3, 4, 5 ], 0 ) ).toBe( 1 );
		expect( quantile( [ 1, 2, 3, 4, 5 ], 1 ) ).toBe( 5 );
	} );

	it( 'summarizes a series', () => {
		expect( summarize( [ 1, 2, 3, 4, 5 ] ) ).toEqual( {
			n: 5,
			median: 3,
			p25: 2,
			p75: 4,
			min: 1,
			max: 5,
		} );
	} );
} );

describe( 'ratio', () => {
	it( 'divides', () => {
		expect( ratio( 3, 2 ) ).toBe( 1.5 );
	} );

	it( 'is NaN for a zero or missing denominator', () => {
		expect( ratio( 1, 0 ) ).toBeNaN();
		expect( ratio( NaN, 1 ) ).toBeNaN();
	} );
} );

describe( 'pairedDifferences and sum', () => {
	it( 'subtracts pairwise up to the shorter series', () => {
		expect( pairedDifferences( [ 5, 7, 9 ], [ 1, 2 ] ) ).toEqual( [
			4, 5,
		] );
	} );

	it( 'sums', () => {
		expect( sum( [ 1, 2, 3.5 ] ) ).toBe( 6.5 );
		expect( sum( [] ) ).toBe( 0 );
	} );
} );

describe( 'seededRandom and bootstrapMedianDifference', () => {
	it( 'repeats its numbers for a seed, within [0, 1)', () => {
		const a = seededRandom( 7 );
		const b = seededRandom( 7 );
		const numbers = Array.from( { length: 100 }, () => a() );
		expect( numbers ).toEqual( Array.from( { length: 100 }, () => b() ) );
		expect( numbers.every( ( n ) => n >= 0 && n < 1 ) ).toBe( true );
	} );

	it( 'brackets the difference of the medians', () => {
		const on = Array.from(
			{ length: 200 },
			( _, i ) => 41 + ( i % 10 ) / 10
		);
		const off = Array.from(
			{ length: 200 },
			( _, i ) => 40 + ( i % 10 ) / 10
		);
		const { low, high } = bootstrapMedianDifference( on, off );
		expect( low ).toBeLessThanOrEqual( 1 );
		expect( high ).toBeGreaterThanOrEqual( 1 );
		expect( high - low ).toBeLessThan( 0.5 );
	} );

	it( 'is NaN without values', () => {
		expect( bootstrapMedianDifference( [], [ 1 ] ).low ).toBeNaN();
	} );
} );

describe( 'distanceFromZero', () => {
	it( 'is 0 when the interval holds 0, else how far 0 lies outside', () => {
		expect( distanceFromZero( -0.2, 0.3 ) ).toBe( 0 );
		expect( distanceFromZero( 0, 0 ) ).toBe( 0 );
		expect( distanceFromZero( 0.4, 1.2 ) ).toBe( 0.4 );
		expect( distanceFromZero( -1.5, -0.5 ) ).toBe( 0.5 );
	} );
} );

describe( 'medianInterval', () => {
	it( 'spans the whole range of 7 values, which holds the median 98.4 % of the time', () => {
		const interval = medianInterval( [ 7, 1, 6, 2, 5, 3, 4 ] );
		expect( [ interval.low, interval.high ] ).toEqual( [ 1, 7 ] );
		expect( interval.coverage ).toBeCloseTo( 1 - 2 / 128, 10 );
	} );

	it( 'drops the extremes of 9 values (96.1 %) and of 20 values keeps ranks 6 to 15', () => {
		const nine = medianInterval( [ 9, 8, 7, 6, 5, 4, 3, 2, 1 ] );
		expect( [ nine.low, nine.high ] ).toEqual( [ 2, 8 ] );
		expect( nine.coverage ).toBeCloseTo( 1 - ( 2 * 10 ) / 512, 10 );
		const twenty = medianInterval(
			Array.from( { length: 20 }, ( _v, i ) => i + 1 )
		);
		expect( [ twenty.low, twenty.high ] ).toEqual( [ 6, 15 ] );
		expect( twenty.coverage ).toBeGreaterThanOrEqual( 0.95 );
	} );

	it( 'says when a few values cannot reach 95 %, and ignores values that are not finite', () => {
		const five = medianInterval( [ 3, NaN, 1, 2, 5, 4 ] );
		expect( [ five.low, five.high ] ).toEqual( [ 1, 5 ] );
		expect( five.coverage ).toBeCloseTo( 0.9375, 10 );
		expect( medianInterval( [] ).low ).toBeNaN();
	} );
} );
