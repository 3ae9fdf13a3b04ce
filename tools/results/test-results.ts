/**
 * Collects the counts of every suite `npm test` runs and prints the closing line
 * `N passed, N failed` (CI reads it). Each runner's own report is parsed together with the
 * runner's exit code, and whatever shows that a suite did not really run is one failure, named
 * on its own line: no report or an unreadable one, a setup or load error, a suite that ran no
 * test, a PHPUnit warning, a non-zero exit the report does not explain.
 *
 *   tsx tools/results/test-results.ts add <suite> <label> <passed> <failed>
 *   tsx tools/results/test-results.ts jest|junit|playwright <label> <report file> [exit code]
 *   tsx tools/results/test-results.ts total
 *
 * The rows go to $BATCHKEYS_RESULTS/summary.jsonl (default .batchkeys/results/), the closing
 * line to closing-line.txt beside it.
 */
import {
	appendFileSync,
	existsSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export type Count = {
	suite: string;
	label: string;
	passed: number;
	/** Failed tests, plus one per problem. */
	failed: number;
	skipped: number;
	/** Why the suite cannot be trusted, one line each (each also counted in `failed`). */
	problems: string[];
};

type Json = Record< string, unknown >;

function resultsDir(): string {
	return (
		process.env.BATCHKEYS_RESULTS ||
		join( __dirname, '..', '..', '.batchkeys', 'results' )
	);
}

function readJson( file: string ): Json | null {
	try {
		const parsed: unknown = JSON.parse( readFileSync( file, 'utf8' ) );
		return parsed && typeof parsed === 'object' ? ( parsed as Json ) : null;
	} catch {
		return null;
	}
}

function num( value: unknown ): number {
	return typeof value === 'number' && Number.isFinite( value ) ? value : 0;
}

/**
 * The first meaningful line of a runner's message, without terminal colours.
 * @param text
 */
export function firstLine( text: unknown ): string {
	const plain = String( text ?? '' ).replace( /\u001b\[[0-9;]*m/g, '' );
	const line = plain
		.split( '\n' )
		.map( ( part ) => part.replace( /^[\s●]+/, '' ).trim() )
		.find( ( part ) => part && part !== 'Test suite failed to run' );
	return ( line ?? '' ).slice( 0, 200 );
}

function noReport( suite: string, label: string, file: string ): Count {
	return {
		suite,
		label,
		passed: 0,
		failed: 1,
		skipped: 0,
		problems: [
			`no readable report (${ file }): the runner crashed or never ran`,
		],
	};
}

/**
 * Adds the problems that only the totals and the exit code reveal, and counts every problem as
 * one failure.
 *
 * @param count    The runner's own counts and the problems its report names.
 * @param ran      How many tests ran (passed, failed or skipped).
 * @param exitCode The runner's exit code (null when unknown).
 */
function settle( count: Count, ran: number, exitCode: number | null ): Count {
	const problems = [ ...count.problems ];
	if ( ran === 0 && problems.length === 0 ) {
		problems.push( 'ran no test' );
	}
	if (
		exitCode !== null &&
		exitCode !== 0 &&
		count.failed === 0 &&
		problems.length === 0
	) {
		problems.push(
			`exited with code ${ exitCode } although its report shows no failure`
		);
	}
	return {
		...count,
		failed: count.failed + problems.length,
		problems,
	};
}

export function fromJest(
	label: string,
	file: string,
	exitCode: number | null = null
): Count {
	const report = readJson( file );
	if ( ! report || ! Array.isArray( report.testResults ) ) {
		return noReport( 'jest', label, file );
	}
	// A test file that fails to load has no test to count but must not pass.
	const problems = ( report.testResults as Json[] )
		.filter(
			( result ) =>
				result.status === 'failed' &&
				( ! Array.isArray( result.assertionResults ) ||
					result.assertionResults.length === 0 )
		)
		.map(
			( result ) =>
				`${ String( result.name ) } failed to load: ${ firstLine( result.message ) }`
		);
	const passed = num( report.numPassedTests );
	const failed = num( report.numFailedTests );
	const skipped = num( report.numPendingTests ) + num( report.numTodoTests );
	return settle(
		{ suite: 'jest', label, passed, failed, skipped, problems },
		passed + failed + skipped,
		exitCode
	);
}

function attributes( tag: string ): Record< string, string > {
	const found: Record< string, string > = {};
	for ( const match of tag.matchAll( /\b([a-z]+)="([^"]*)"/g ) ) {
		found[ match[ 1 ] ] = match[ 2 ];
	}
	return found;
}

function xmlText( text: string ): string {
	return text
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&quot;/g, '"' )
		.replace( /&#039;|&apos;/g, "'" )
		.replace( /&amp;/g, '&' );
}

/**
 * A JUnit report (PHPUnit's --log-junit): a warning fails the suite as PHPUnit's exit does.
 * @param label
 * @param file
 * @param exitCode
 */
export function fromJunit(
	label: string,
	file: string,
	exitCode: number | null = null
): Count {
	let xml: string;
	try {
		xml = readFileSync( file, 'utf8' );
	} catch {
		return noReport( 'phpunit', label, file );
	}
	if ( ! /<testsuites\b/.test( xml ) ) {
		return noReport( 'phpunit', label, file );
	}
	// The first <testsuite> holds the totals of the run; none at all means nothing ran.
	const top = xml.match( /<testsuite\b[^>]*>/ );
	const totals = top ? attributes( top[ 0 ] ) : {};
	const count = ( name: string ): number => Number( totals[ name ] ?? 0 );
	const problems = [
		...xml.matchAll(
			/<testcase\b([^>]*)>\s*<warning\b[^>]*>([\s\S]*?)<\/warning>/g
		),
	].map( ( match ) => {
		const test = attributes( match[ 1 ] );
		const text = xmlText( match[ 2 ] )
			.split( '\n' )
			.slice( 1 )
			.join( '\n' );
		return `${ test.class ?? '' }::${ test.name ?? '' } warning: ${ firstLine(
			text
		) }`;
	} );
	// A warning outside any test case is still counted by the totals.
	for ( let i = problems.length; i < count( 'warnings' ); i++ ) {
		problems.push( 'PHPUnit warning (see the output above)' );
	}
	const failed = count( 'failures' ) + count( 'errors' );
	const skipped = count( 'skipped' );
	return settle(
		{
			suite: 'phpunit',
			label,
			passed: Math.max(
				0,
				count( 'tests' ) - failed - skipped - count( 'warnings' )
			),
			failed,
			skipped,
			problems,
		},
		count( 'tests' ),
		exitCode
	);
}

export function fromPlaywright(
	label: string,
	file: string,
	exitCode: number | null = null
): Count {
	const report = readJson( file );
	const stats = report?.stats as Json | undefined;
	if ( ! report || ! stats ) {
		return noReport( 'playwright', label, file );
	}
	// Global setup failures and spec files that fail to load: Playwright then runs nothing.
	const problems = (
		Array.isArray( report.errors ) ? ( report.errors as Json[] ) : []
	).map( ( error ) => {
		const where = error.location as Json | undefined;
		const prefix = where?.file
			? `${ String( where.file ) } failed to load: `
			: 'setup failed: ';
		return `${ prefix }${ firstLine( error.message ) }`;
	} );
	const passed = num( stats.expected ) + num( stats.flaky );
	const failed = num( stats.unexpected );
	const skipped = num( stats.skipped );
	return settle(
		{ suite: 'playwright', label, passed, failed, skipped, problems },
		passed + failed + skipped,
		exitCode
	);
}

export function fromCounts(
	suite: string,
	label: string,
	passed: number,
	failed: number
): Count {
	return { suite, label, passed, failed, skipped: 0, problems: [] };
}

/**
 * The table of suites, every problem on its own line, and the closing line last.
 * @param rows
 */
export function summarize( rows: Count[] ): {
	lines: string[];
	closing: string;
	failed: number;
} {
	const lines = [ 'suite results' ];
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	for ( const row of rows ) {
		passed += row.passed;
		failed += row.failed;
		skipped += row.skipped;
		lines.push(
			`  ${ row.failed ? 'FAIL' : 'ok  ' }  ${ row.label.padEnd( 44 ) } ${
				row.passed
			} passed, ${ row.failed } failed` +
				( row.skipped ? `, ${ row.skipped } skipped` : '' )
		);
		for ( const problem of row.problems ) {
			lines.push( `        FAILED ${ row.label }: ${ problem }` );
		}
	}
	if ( rows.length === 0 ) {
		failed += 1;
		lines.push( '        FAILED no suite reported anything' );
	}
	const closing = `${ passed } passed, ${ failed } failed${
		skipped ? `, ${ skipped } skipped` : ''
	}`;
	return { lines, closing, failed };
}

function readRows( file: string ): Count[] {
	if ( ! existsSync( file ) ) {
		return [];
	}
	return readFileSync( file, 'utf8' )
		.split( '\n' )
		.filter( Boolean )
		.map( ( line ): Count => {
			try {
				return JSON.parse( line ) as Count;
			} catch {
				return {
					...fromCounts( 'summary', 'summary.jsonl', 0, 1 ),
					problems: [ `unreadable row: ${ line.slice( 0, 80 ) }` ],
				};
			}
		} );
}

function exitCodeArg( value: string | undefined ): number | null {
	if ( value === undefined || value === '' ) {
		return null;
	}
	const code = Number( value );
	return Number.isInteger( code ) ? code : 1;
}

export function main( argv: string[] ): number {
	const [ command, ...args ] = argv;
	const summary = join( resultsDir(), 'summary.jsonl' );
	const record = ( count: Count ): number => {
		appendFileSync( summary, JSON.stringify( count ) + '\n' );
		return 0;
	};
	switch ( command ) {
		case 'add':
			return record(
				fromCounts(
					args[ 0 ],
					args[ 1 ],
					Number( args[ 2 ] ) || 0,
					Number( args[ 3 ] ) || 0
				)
			);
		case 'jest':
			return record(
				fromJest( args[ 0 ], args[ 1 ], exitCodeArg( args[ 2 ] ) )
			);
		case 'junit':
			return record(
				fromJunit( args[ 0 ], args[ 1 ], exitCodeArg( args[ 2 ] ) )
			);
		case 'playwright':
			return record(
				fromPlaywright( args[ 0 ], args[ 1 ], exitCodeArg( args[ 2 ] ) )
			);
		case 'total': {
			const { lines, closing, failed } = summarize( readRows( summary ) );
			writeFileSync(
				join( resultsDir(), 'closing-line.txt' ),
				closing + '\n'
			);
			process.stdout.write(
				'\n' + lines.join( '\n' ) + '\n' + closing + '\n'
			);
			return failed > 0 ? 1 : 0;
		}
		default:
			process.stderr.write( `unknown command: ${ command }\n` );
			return 2;
	}
}

if ( require.main === module ) {
	process.exitCode = main( process.argv.slice( 2 ) );
}
