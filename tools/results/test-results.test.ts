/*
 * @jest-environment node
 */
import { join } from 'node:path';
import {
	firstLine,
	fromCounts,
	fromJest,
	fromJunit,
	fromPlaywright,
	summarize,
} from './test-results';

// Reports written by the real runners (jest 30, PHPUnit 9.6, Playwright 1.65), paths shortened.
const sample = ( name: string ): string => join( __dirname, 'samples', name );

describe( 'jest reports', () => {
	it( 'counts a passing run', () => {
		expect( fromJest( 'jest', sample( 'jest-passes.json' ), 0 ) ).toEqual( {
			suite: 'jest',
			label: 'jest',
			passed: 13,
			failed: 0,
			skipped: 0,
			problems: [],
		} );
	} );

	it( 'fails a run that found no test', () => {
		const count = fromJest( 'jest', sample( 'jest-no-tests.json' ), 1 );
		expect( count.failed ).toBe( 1 );
		expect( count.problems ).toEqual( [ 'ran no test' ] );
	} );

	it( 'names a test file that fails to load', () => {
		const count = fromJest(
			'jest',
			sample( 'jest-suite-fails-to-load.json' ),
			1
		);
		expect( count.passed ).toBe( 1 );
		expect( count.failed ).toBe( 1 );
		expect( count.problems ).toEqual( [
			"tools/zz-broken.test.ts failed to load: Cannot find module './nope-missing' from 'tools/zz-broken.test.ts'",
		] );
	} );

	it( 'fails a non-zero exit that the report does not explain', () => {
		const count = fromJest( 'jest', sample( 'jest-passes.json' ), 1 );
		expect( count.failed ).toBe( 1 );
		expect( count.problems[ 0 ] ).toMatch( /exited with code 1/ );
	} );
} );

describe( 'JUnit reports (PHPUnit)', () => {
	it( 'counts a passing run', () => {
		const count = fromJunit( 'php', sample( 'phpunit-passes.xml' ), 0 );
		expect( [ count.passed, count.failed, count.problems ] ).toEqual( [
			1,
			0,
			[],
		] );
	} );

	it( 'counts a failing test once, from the report', () => {
		const count = fromJunit( 'php', sample( 'phpunit-failure.xml' ), 1 );
		expect( [ count.passed, count.failed, count.problems ] ).toEqual( [
			1,
			1,
			[],
		] );
	} );

	it( 'fails a test with a PHPUnit warning and names it', () => {
		const count = fromJunit( 'php', sample( 'phpunit-warning.xml' ), 1 );
		expect( count.passed ).toBe( 1 );
		expect( count.failed ).toBe( 1 );
		expect( count.problems ).toEqual( [
			'Warn_Test::test_warns warning: something is off',
		] );
	} );

	it( 'fails a run that executed no test', () => {
		const count = fromJunit( 'php', sample( 'phpunit-no-tests.xml' ), 0 );
		expect( count.failed ).toBe( 1 );
		expect( count.problems ).toEqual( [ 'ran no test' ] );
	} );

	it( 'fails a missing or unreadable report', () => {
		for ( const file of [
			sample( 'absent.xml' ),
			sample( 'jest-passes.json' ),
		] ) {
			const count = fromJunit( 'php', file, 0 );
			expect( count.failed ).toBe( 1 );
			expect( count.problems[ 0 ] ).toMatch( /no readable report/ );
		}
	} );
} );

describe( 'Playwright reports', () => {
	it( 'counts a passing run', () => {
		const count = fromPlaywright(
			'e2e',
			sample( 'playwright-passes.json' ),
			0
		);
		expect( [ count.passed, count.failed, count.problems ] ).toEqual( [
			1,
			0,
			[],
		] );
	} );

	it( 'fails a global setup that failed, with its message', () => {
		const count = fromPlaywright(
			'e2e',
			sample( 'playwright-global-setup-fails.json' ),
			1
		);
		expect( count.failed ).toBe( 1 );
		expect( count.problems ).toEqual( [
			'setup failed: Error: Failed to setup REST API.',
		] );
	} );

	it( 'names a spec that fails to load', () => {
		const count = fromPlaywright(
			'e2e',
			sample( 'playwright-spec-fails-to-load.json' ),
			1
		);
		expect( count.failed ).toBe( 1 );
		expect( count.problems ).toEqual( [
			"e2e/broken.spec.ts failed to load: Error: Cannot find module './does-not-exist'",
		] );
	} );

	it( 'fails a report without stats', () => {
		expect(
			fromPlaywright( 'e2e', sample( 'jest-no-tests.json' ), 0 ).failed
		).toBe( 1 );
	} );
} );

describe( 'summarize', () => {
	it( 'adds every row and prints each problem on its own line', () => {
		const { lines, closing, failed } = summarize( [
			fromCounts( 'static', 'eslint', 1, 0 ),
			fromJest( 'jest', sample( 'jest-no-tests.json' ), 1 ),
			fromJunit( 'php', sample( 'phpunit-warning.xml' ), 1 ),
		] );
		expect( closing ).toBe( '2 passed, 2 failed' );
		expect( failed ).toBe( 2 );
		expect( lines ).toContain( '        FAILED jest: ran no test' );
		expect( lines ).toContain(
			'        FAILED php: Warn_Test::test_warns warning: something is off'
		);
	} );

	it( 'fails when no suite reported anything', () => {
		expect( summarize( [] ).closing ).toBe( '0 passed, 1 failed' );
	} );

	it( 'strips terminal colours and bullets from a message', () => {
		expect(
			firstLine(
				'  ● Test suite failed to run\n\n  \u001b[31mboom\u001b[39m'
			)
		).toBe( 'boom' );
	} );
} );
