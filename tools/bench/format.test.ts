import { BUDGETS } from './budgets';
import { formatBudget, formatBytes, formatTable, formatValue } from './format';

describe( 'formatValue', () => {
	it( 'formats each unit', () => {
		expect( formatValue( 0, 'count' ) ).toBe( '0' );
		expect( formatValue( 0.4167, 'ms' ) ).toBe( '0.42 ms' );
		expect( formatValue( 1.01234, 'ratio' ) ).toBe( '1.012x' );
		expect( formatValue( 9876, 'bytes' ) ).toBe( '9.9 KB' );
	} );

	it( 'says n/a for a missing value', () => {
		expect( formatValue( null, 'ms' ) ).toBe( 'n/a' );
		expect( formatValue( NaN, 'bytes' ) ).toBe( 'n/a' );
	} );
} );

describe( 'formatBytes', () => {
	it( 'uses bytes under 1000, KB of 1000 from there, keeping the sign', () => {
		expect( formatBytes( 999 ) ).toBe( '999 B' );
		expect( formatBytes( 1000 ) ).toBe( '1.0 KB' );
		expect( formatBytes( -2048 ) ).toBe( '-2.0 KB' );
		expect( formatBytes( -12.4 ) ).toBe( '-12 B' );
	} );
} );

describe( 'formatBudget', () => {
	it( 'writes the operator and the limit in the unit', () => {
		expect( formatBudget( BUDGETS.frontendAddedMs, 'ms' ) ).toBe(
			'< 1.00 ms'
		);
		expect( formatBudget( BUDGETS.outboundCalls, 'count' ) ).toBe( '= 0' );
		expect( formatBudget( BUDGETS.unreachableRatio, 'ratio' ) ).toBe(
			'<= 1.100x'
		);
		expect( formatBudget( BUDGETS.viewScriptGzip, 'bytes' ) ).toBe(
			'< 5.0 KB'
		);
		expect( formatBudget( null, 'ms' ) ).toBe( '-' );
	} );
} );

describe( 'formatTable', () => {
	it( 'aligns the columns, rules the header, leaves the last column unpadded', () => {
		expect(
			formatTable(
				[ '#', 'name', 'raw' ],
				[
					[ '1', 'a long name', 'x' ],
					[ '', 'b', 'a longer raw text' ],
				]
			)
		).toBe(
			[
				'#  name         raw',
				'-  -----------  -----------------',
				'1  a long name  x',
				'   b            a longer raw text',
			].join( '\n' )
		);
	} );

	it( 'pads short rows with empty cells', () => {
		expect( formatTable( [ 'a', 'b' ], [ [ 'x' ] ] ) ).toBe(
			[ 'a  b', '-  -', 'x' ].join( '\n' )
		);
	} );
} );
