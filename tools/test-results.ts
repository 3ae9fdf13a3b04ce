/**
 * Collects the counts of every suite `npm test` runs and prints the closing line
 * `N passed, N failed` (CI reads it). Each runner's own report file is parsed; a runner that left
 * no report counts as one failure, so a crash can never look green.
 *
 *   tsx tools/test-results.ts add <suite> <label> <passed> <failed>
 *   tsx tools/test-results.ts jest|junit|playwright <label> <report file>
 *   tsx tools/test-results.ts total
 */
import {
	appendFileSync,
	existsSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

type Count = {
	suite: string;
	label: string;
	passed: number;
	failed: number;
	skipped: number;
};

const summaryFile = join(
	__dirname,
	'..',
	'.batchkeys',
	'results',
	'summary.tsv'
);

function record( count: Count ): void {
	appendFileSync(
		summaryFile,
		[
			count.suite,
			count.label,
			count.passed,
			count.failed,
			count.skipped,
		].join( '\t' ) + '\n'
	);
}

function readJson( file: string ): Record< string, unknown > | null {
	if ( ! existsSync( file ) ) {
		return null;
	}
	try {
		return JSON.parse( readFileSync( file, 'utf8' ) ) as Record<
			string,
			unknown
		>;
	} catch {
		return null;
	}
}

function num( value: unknown ): number {
	return typeof value === 'number' ? value : 0;
}

function missing( suite: string, label: string ): Count {
	return {
		suite,
		label: `${ label } (no report: the runner crashed)`,
		passed: 0,
		failed: 1,
		skipped: 0,
	};
}

export function fromJest( label: string, file: string ): Count {
	const report = readJson( file );
	if ( ! report ) {
		return missing( 'jest', label );
	}
	return {
		suite: 'jest',
		label,
		passed: num( report.numPassedTests ),
		// A suite that fails to load has no tests to count but must not pass.
		failed:
			num( report.numFailedTests ) +
			num( report.numRuntimeErrorTestSuites ),
		skipped: num( report.numPendingTests ) + num( report.numTodoTests ),
	};
}

export function fromJunit( label: string, file: string ): Count {
	if ( ! existsSync( file ) ) {
		return missing( 'phpunit', label );
	}
	const xml = readFileSync( file, 'utf8' );
	const suite = xml.match( /<testsuite\b[^>]*>/ );
	if ( ! suite ) {
		return missing( 'phpunit', label );
	}
	const attr = ( name: string ): number => {
		const found = suite[ 0 ].match( new RegExp( `\\b${ name }="(\\d+)"` ) );
		return found ? Number( found[ 1 ] ) : 0;
	};
	const failed = attr( 'failures' ) + attr( 'errors' );
	const skipped = attr( 'skipped' );
	return {
		suite: 'phpunit',
		label,
		passed: attr( 'tests' ) - failed - skipped,
		failed,
		skipped,
	};
}

export function fromPlaywright( label: string, file: string ): Count {
	const report = readJson( file );
	const stats = report?.stats as Record< string, unknown > | undefined;
	if ( ! stats ) {
		return missing( 'playwright', label );
	}
	return {
		suite: 'playwright',
		label,
		passed: num( stats.expected ) + num( stats.flaky ),
		failed: num( stats.unexpected ),
		skipped: num( stats.skipped ),
	};
}

function total(): number {
	const rows: Count[] = existsSync( summaryFile )
		? readFileSync( summaryFile, 'utf8' )
				.trim()
				.split( '\n' )
				.filter( Boolean )
				.map( ( line ) => {
					const [ suite, label, passed, failed, skipped ] =
						line.split( '\t' );
					return {
						suite,
						label,
						passed: Number( passed ),
						failed: Number( failed ),
						skipped: Number( skipped ),
					};
				} )
		: [];
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	process.stdout.write( '\nsuite results\n' );
	for ( const row of rows ) {
		passed += row.passed;
		failed += row.failed;
		skipped += row.skipped;
		process.stdout.write(
			`  ${ row.failed ? 'FAIL' : 'ok  ' }  ${ row.label.padEnd( 44 ) } ${ row.passed } passed, ${ row.failed } failed` +
				( row.skipped ? `, ${ row.skipped } skipped` : '' ) +
				'\n'
		);
	}
	if ( rows.length === 0 ) {
		failed = 1;
	}
	const closing = `${ passed } passed, ${ failed } failed${ skipped ? `, ${ skipped } skipped` : '' }`;
	writeFileSync(
		join( dirname( summaryFile ), 'closing-line.txt' ),
		closing + '\n'
	);
	process.stdout.write( closing + '\n' );
	return failed > 0 ? 1 : 0;
}

function main( argv: string[] ): number {
	const [ command, ...args ] = argv;
	switch ( command ) {
		case 'add':
			record( {
				suite: args[ 0 ],
				label: args[ 1 ],
				passed: Number( args[ 2 ] ),
				failed: Number( args[ 3 ] ),
				skipped: 0,
			} );
			return 0;
		case 'jest':
			record( fromJest( args[ 0 ], args[ 1 ] ) );
			return 0;
		case 'junit':
			record( fromJunit( args[ 0 ], args[ 1 ] ) );
			return 0;
		case 'playwright':
			record( fromPlaywright( args[ 0 ], args[ 1 ] ) );
			return 0;
		case 'total':
			return total();
		default:
			process.stderr.write( `unknown command: ${ command }\n` );
			return 2;
	}
}

if ( require.main === module ) {
	process.exitCode = main( process.argv.slice( 2 ) );
}
