import { BUDGETS, KB, judge, missesBudget } from './budgets';

describe( 'judge', () => {
	it( 'passes strictly under an lt budget', () => {
		expect( judge( 0.99, BUDGETS.frontendAddedMs ) ).toBe( 'pass' );
		expect( judge( 1, BUDGETS.frontendAddedMs ) ).toBe( 'fail' );
		expect( judge( -0.3, BUDGETS.frontendAddedMs ) ).toBe( 'pass' );
	} );

	it( 'passes at the limit of an le budget', () => {
		expect( judge( 1.1, BUDGETS.unreachableRatio ) ).toBe( 'pass' );
		expect( judge( 1.11, BUDGETS.unreachableRatio ) ).toBe( 'fail' );
	} );

	it( 'wants exactly the limit of an eq budget', () => {
		expect( judge( 0, BUDGETS.outboundCalls ) ).toBe( 'pass' );
		expect( judge( 1, BUDGETS.outboundCalls ) ).toBe( 'fail' );
		expect( judge( -8, BUDGETS.autoloadBytes ) ).toBe( 'fail' );
	} );

	it( 'says info without a budget and error without a value', () => {
		expect( judge( 12, null ) ).toBe( 'info' );
		expect( judge( null, BUDGETS.outboundCalls ) ).toBe( 'error' );
		expect( judge( NaN, null ) ).toBe( 'error' );
	} );

	it( 'holds the budgets of docs/budgets.md, KB being 1000 bytes', () => {
		expect( KB ).toBe( 1000 );
		expect( BUDGETS.frontendAddedBytes ).toEqual( {
			op: 'le',
			limit: 15_000,
		} );
		expect( BUDGETS.dashboardAddedBytes ).toEqual( {
			op: 'le',
			limit: 25_000,
		} );
		expect( BUDGETS.anonymousKitFiles ).toEqual( { op: 'le', limit: 4 } );
		expect( BUDGETS.fallbackResponseMs ).toEqual( {
			op: 'lt',
			limit: 1000,
		} );
		expect( BUDGETS.adminScriptGzip.limit ).toBe( 10_000 );
		expect( BUDGETS.viewScriptGzip.limit ).toBe( 5_000 );
		expect( BUDGETS.visitorBlockScriptGzip ).toEqual( {
			op: 'eq',
			limit: 0,
		} );
		expect( BUDGETS.activationAddedMs.limit ).toBe( 50 );
	} );
} );

describe( 'missesBudget', () => {
	it( 'is true for a failure or an error, not for info', () => {
		expect( missesBudget( [ 'pass', 'info' ] ) ).toBe( false );
		expect( missesBudget( [ 'pass', 'fail' ] ) ).toBe( true );
		expect( missesBudget( [ 'error' ] ) ).toBe( true );
		expect( missesBudget( [] ) ).toBe( false );
	} );
} );
