/*
 * @jest-environment node
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs } from './cli-args';
import { GOOD_REQUEST } from './test-helpers';

describe( 'parseCliArgs', () => {
	it( 'has the documented defaults', () => {
		expect( parseCliArgs( [] ) ).toEqual( {
			port: 0,
			host: '127.0.0.1',
			storeFile: undefined,
			rateLimitPerMinute: 30,
			bindOn: 'valid',
			readyFile: undefined,
			quiet: false,
			printSeed: false,
			help: false,
		} );
	} );

	it( 'reads every flag', () => {
		expect(
			parseCliArgs( [
				'--port',
				'8787',
				'--host',
				'0.0.0.0',
				'--store',
				's.json',
				'--rate-limit',
				'0',
				'--ready-file',
				'r.json',
				'--quiet',
			] )
		).toMatchObject( {
			port: 8787,
			host: '0.0.0.0',
			storeFile: 's.json',
			rateLimitPerMinute: 0,
			bindOn: 'valid',
			readyFile: 'r.json',
			quiet: true,
		} );
	} );

	it.each( [
		[ [ '--port', 'abc' ], /--port must be an integer/ ],
		[ [ '--port', '70000' ], /--port must be an integer/ ],
		[ [ '--rate-limit=-1' ], /--rate-limit must be an integer/ ],
		[ [ '--rate-limit', '1.5' ], /--rate-limit must be an integer/ ],
		[ [ '--colour' ], /Unknown option/ ],
	] )( '%j is refused', ( argv, message ) => {
		expect( () => parseCliArgs( argv ) ).toThrow( message );
	} );
} );

describe( 'cli.ts', () => {
	let directory: string;

	beforeEach( () => {
		directory = mkdtempSync( join( tmpdir(), 'batchkeys-mock-cli-' ) );
	} );

	afterEach( () => rmSync( directory, { recursive: true, force: true } ) );

	it( 'writes the ready file, serves, and exits 0 on SIGTERM', async () => {
		const readyFile = join( directory, 'ready.json' );
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				join( __dirname, 'cli.ts' ),
				'--ready-file',
				readyFile,
				'--quiet',
			],
			{ stdio: [ 'ignore', 'pipe', 'pipe' ] }
		);
		let output = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( output += chunk ) );
		const exited = new Promise< number | null >( ( resolve ) =>
			child.on( 'exit', ( code ) => resolve( code ) )
		);
		try {
			const deadline = Date.now() + 8000;
			while ( ! existsSync( readyFile ) && Date.now() < deadline ) {
				await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
			}
			const ready = JSON.parse( readFileSync( readyFile, 'utf8' ) );
			expect( ready ).toEqual( {
				url: expect.stringMatching( /^http:\/\/127\.0\.0\.1:\d+$/ ),
				pid: child.pid,
			} );
			expect( output ).toContain( `listening on ${ ready.url }` );
			const answer = await fetch( `${ ready.url }/api.php`, {
				headers: GOOD_REQUEST,
			} );
			expect( await answer.text() ).toBe( '{"valid":"1"}' );
			child.kill( 'SIGTERM' );
			expect( await exited ).toBe( 0 );
			expect( existsSync( readyFile ) ).toBe( false );
		} finally {
			child.kill( 'SIGKILL' );
		}
	}, 15_000 );
} );
