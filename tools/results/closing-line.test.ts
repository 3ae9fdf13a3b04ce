/*
 * @jest-environment node
 *
 * The closing line of `npm test` for each way a suite can fail to run: the same shell helpers
 * tools/test.sh uses (tools/results/run-suite.sh) run a stand-in runner that leaves a report
 * the real runner wrote in that case and exits with the real runner's code; then `total`
 * prints the closing line and sets the exit code of `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join( __dirname, '..', '..' );

type Run = { status: number | null; stdout: string; closing: string };

/**
 * One `npm test` in small: the suite under test, then the closing line.
 *
 * @param kind     The report's kind (jest, junit, playwright).
 * @param report   A sample report the stand-in runner leaves, or '' for none.
 * @param exitCode The stand-in runner's exit code.
 */
function runSuite(
	kind: string,
	report: string,
	exitCode: number
): Promise< Run > {
	const dir = mkdtempSync( join( tmpdir(), 'bk-results-' ) );
	const script = `
		set -uo pipefail
		source tools/lib.sh
		source tools/results/run-suite.sh
		bk_run_suite "$1" "suite under test" "$BATCHKEYS_RESULTS/report" 5 \\
			bash -c 'echo "runner output"; [ -z "$0" ] || cp "$0" "$1"; exit "$2"' "$2" "$BATCHKEYS_RESULTS/report" "$3"
		bk_count total`;
	const child = spawn(
		'bash',
		[
			'-c',
			script,
			'bash',
			kind,
			report && join( __dirname, 'samples', report ),
			String( exitCode ),
		],
		{ cwd: root, env: { ...process.env, BATCHKEYS_RESULTS: dir } }
	);
	let stdout = '';
	child.stdout.on( 'data', ( chunk: Buffer ) => ( stdout += chunk ) );
	return new Promise( ( resolve ) => {
		child.on( 'close', ( status ) => {
			const closing = readFileSync(
				join( dir, 'closing-line.txt' ),
				'utf8'
			);
			rmSync( dir, { recursive: true, force: true } );
			resolve( { status, stdout, closing } );
		} );
	} );
}

describe( 'the closing line of npm test', () => {
	it( 'passes when every suite ran and passed', async () => {
		const run = await runSuite( 'jest', 'jest-passes.json', 0 );
		expect( run.closing ).toBe( '13 passed, 0 failed\n' );
		expect( run.status ).toBe( 0 );
		expect( run.stdout ).toContain( 'runner output' );
	}, 30000 );

	const cases: Array< [ string, string, string, number, string ] > = [
		[
			'a Playwright global setup that fails',
			'playwright',
			'playwright-global-setup-fails.json',
			1,
			'setup failed: Error: Failed to setup REST API.',
		],
		[
			'a Playwright spec that fails to load',
			'playwright',
			'playwright-spec-fails-to-load.json',
			1,
			'e2e/broken.spec.ts failed to load',
		],
		[
			'jest finding no test',
			'jest',
			'jest-no-tests.json',
			1,
			'ran no test',
		],
		[
			'a jest test file that fails to load',
			'jest',
			'jest-suite-fails-to-load.json',
			1,
			'tools/zz-broken.test.ts failed to load',
		],
		[
			'a PHPUnit warning',
			'junit',
			'phpunit-warning.xml',
			1,
			'Warn_Test::test_warns warning: something is off',
		],
		[
			'PHPUnit running no test',
			'junit',
			'phpunit-no-tests.xml',
			0,
			'ran no test',
		],
		[
			'a runner that leaves no report',
			'junit',
			'',
			255,
			'no readable report',
		],
		[
			'a runner that fails with a clean report',
			'junit',
			'phpunit-passes.xml',
			2,
			'exited with code 2',
		],
	];
	// Started together: each run is mostly the counter's start-up.
	let runs: Run[];
	beforeAll( async () => {
		runs = await Promise.all(
			cases.map( ( [ , kind, report, exitCode ] ) =>
				runSuite( kind, report, exitCode )
			)
		);
	}, 60000 );

	it.each( cases.map( ( item, index ) => [ ...item, index ] as const ) )(
		'fails on %s, naming it',
		( _name, _kind, _report, _exitCode, problem, index ) => {
			const run = runs[ index ];
			expect( run.status ).toBe( 1 );
			expect( run.closing ).toMatch( /^\d+ passed, [1-9]\d* failed\n$/ );
			expect( run.stdout ).toMatch(
				new RegExp(
					`\\n {8}FAILED suite under test: .*${ problem.replace(
						/[.*+?^${}()|[\]\\]/g,
						'\\$&'
					) }`
				)
			);
		}
	);
} );
