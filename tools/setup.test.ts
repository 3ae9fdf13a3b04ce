/*
 * @jest-environment node
 *
 * tools/setup.sh decides what to install and how without touching this machine's packages: the
 * commands it calls (dpkg-query, id, sudo, apt-get) are stand-ins on PATH that record their
 * arguments, so each case (nothing missing, root, sudo, neither) is tried on any machine.
 */
import { spawnSync } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join( __dirname, 'setup.sh' );

type Machine = {
	missing: string[];
	uid: number;
	sudo: 'none' | 'nopasswd' | 'password';
};

function run( machine: Machine, args: string[] = [] ) {
	const bin = mkdtempSync( join( tmpdir(), 'bk-setup-' ) );
	const log = join( bin, 'calls.log' );
	const stub = ( name: string, body: string ): void => {
		writeFileSync( join( bin, name ), `#!/bin/bash\n${ body }\n` );
		chmodSync( join( bin, name ), 0o755 );
	};
	for ( const tool of [ 'grep', 'tail' ] ) {
		symlinkSync( `/usr/bin/${ tool }`, join( bin, tool ) );
	}
	stub(
		'dpkg-query',
		`for p in ${ machine.missing.join(
			' '
		) }; do [ "\${@: -1}" = "$p" ] && exit 1; done; printf 'install ok installed'`
	);
	stub( 'id', `echo ${ machine.uid }` );
	stub( 'apt-get', `echo "apt-get $*" >> '${ log }'` );
	if ( machine.sudo !== 'none' ) {
		stub(
			'sudo',
			`[ "$1" = -n ] && exit ${
				machine.sudo === 'nopasswd' ? 0 : 1
			}; echo "sudo $1" >> '${ log }'; "$@"`
		);
	}
	const result = spawnSync( '/bin/bash', [ script, ...args ], {
		encoding: 'utf8',
		env: { PATH: bin },
		input: '',
	} );
	const calls = existsSync( log )
		? readFileSync( log, 'utf8' ).trim().split( '\n' )
		: [];
	rmSync( bin, { recursive: true, force: true } );
	return { status: result.status, out: result.stdout + result.stderr, calls };
}

describe( 'tools/setup.sh', () => {
	it( 'does nothing when every package is installed', () => {
		const result = run( { missing: [], uid: 1000, sudo: 'none' } );
		expect( result.status ).toBe( 0 );
		expect( result.calls ).toEqual( [] );
	} );

	it( 'installs only the missing packages as root', () => {
		const result = run( {
			missing: [ 'php-curl', 'chromium' ],
			uid: 0,
			sudo: 'none',
		} );
		expect( result.status ).toBe( 0 );
		expect( result.calls ).toEqual( [
			'apt-get update -qq',
			'apt-get install -y -qq --no-install-recommends php-curl chromium',
		] );
	} );

	it( 'installs through sudo when sudo needs no password', () => {
		const result = run( {
			missing: [ 'php-curl' ],
			uid: 1000,
			sudo: 'nopasswd',
		} );
		expect( result.status ).toBe( 0 );
		expect( result.calls ).toEqual( [
			'sudo apt-get',
			'apt-get update -qq',
			'sudo apt-get',
			'apt-get install -y -qq --no-install-recommends php-curl',
		] );
	} );

	it.each( [
		[
			'none',
			'run as root: apt-get update && apt-get install -y --no-install-recommends php-curl mariadb-server',
		],
		[
			'password',
			'run: sudo apt-get update && sudo apt-get install -y --no-install-recommends php-curl mariadb-server',
		],
	] as const )(
		'fails with one line naming the command when it cannot install (sudo: %s)',
		( sudo, command ) => {
			const result = run( {
				missing: [ 'php-curl', 'mariadb-server' ],
				uid: 1000,
				sudo,
			} );
			expect( result.status ).toBe( 1 );
			expect( result.calls ).toEqual( [] );
			expect( result.out.trim().split( '\n' ) ).toHaveLength( 1 );
			expect( result.out ).toContain( command );
		}
	);

	it( 'only says what it would run with --dry-run', () => {
		const result = run( { missing: [ 'php-curl' ], uid: 0, sudo: 'none' }, [
			'--dry-run',
		] );
		expect( result.status ).toBe( 0 );
		expect( result.calls ).toEqual( [] );
		expect( result.out ).toContain(
			'would run: apt-get update -qq && apt-get install -y -qq --no-install-recommends php-curl'
		);
	} );
} );
