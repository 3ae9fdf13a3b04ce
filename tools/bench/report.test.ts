import { BUDGETS } from './budgets';
import {
	allVerdicts,
	failedFigure,
	makeCheck,
	renderTable,
	type Figure,
} from './report';

const figure: Figure = {
	id: 2,
	title: 'front-end cost',
	checks: [
		makeCheck(
			'added wall time',
			0.31,
			'ms',
			BUDGETS.frontendAddedMs,
			'on 40.31 ms / off 40.00 ms'
		),
		makeCheck(
			'added peak memory',
			120_000,
			'bytes',
			BUDGETS.frontendAddedBytes,
			'on / off'
		),
	],
	data: {},
	error: null,
};

describe( 'report', () => {
	it( 'judges each check as it is made', () => {
		expect( allVerdicts( [ figure ] ) ).toEqual( [ 'pass', 'fail' ] );
	} );

	it( 'prints one row per check, the figure number once', () => {
		expect( renderTable( [ figure ] ).split( '\n' ) ).toEqual( [
			'#  figure             measured  budget      result  raw numbers',
			'-  -----------------  --------  ----------  ------  --------------------------',
			'2  added wall time    0.31 ms   < 1.00 ms   PASS    on 40.31 ms / off 40.00 ms',
			'   added peak memory  120.0 KB  <= 15.0 KB  FAIL    on / off',
		] );
	} );

	it( 'turns a figure that could not be measured into an error row', () => {
		const failed = failedFigure( 5, 'mock down' );
		expect( failed.title ).toMatch( /REST activation/ );
		expect( allVerdicts( [ failed ] ) ).toEqual( [ 'error' ] );
	} );
} );
