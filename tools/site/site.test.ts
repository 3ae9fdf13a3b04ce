/*
 * @jest-environment node
 *
 * tools/site.sh refuses a polluted WordPress cache and a real folder where it puts a link, naming
 * the path, and links with -T semantics. Each case runs on a private cache (BATCHKEYS_HOME) and
 * stops before any server starts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readlinkSync,
	readdirSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join( __dirname, '..', '..' );
const wordpress = join( 'root', 'usr', 'share', 'wordpress' );

let home: string;
beforeEach( () => {
	home = mkdtempSync( join( tmpdir(), 'bk-site-' ) );
	// A cached WordPress as tools/site/fetch-core.sh leaves it (only what it checks).
	const core = join( home, 'core', 'sid', wordpress );
	mkdirSync( join( core, 'wp-includes' ), { recursive: true } );
	mkdirSync( join( core, 'wp-content', 'plugins', 'akismet' ), {
		recursive: true,
	} );
	writeFileSync(
		join( core, 'wp-includes', 'version.php' ),
		"<?php $wp_version = '7.1';\n"
	);
} );
afterEach( () => rmSync( home, { recursive: true, force: true } ) );

function bash( script: string ) {
	return spawnSync( 'bash', [ '-c', script ], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, BATCHKEYS_HOME: home },
	} );
}

function startSite() {
	return bash( 'bash tools/site.sh start --name=polluted --no-build' );
}

describe( 'tools/site.sh start', () => {
	jest.setTimeout( 60000 );

	it( 'refuses a cache that holds a folder where a link goes', () => {
		const polluted = join(
			home,
			'core',
			'sid',
			wordpress,
			'wp-content',
			'plugins',
			'batchkeys'
		);
		mkdirSync( polluted );
		const result = startSite();
		expect( result.status ).toBe( 1 );
		expect( result.stderr ).toContain(
			`the cached WordPress is polluted: ${ polluted } is not Debian's`
		);
		// Nothing was copied from it.
		expect( readdirSync( join( home, 'sites' ) ) ).toHaveLength( 1 );
		const [ site ] = readdirSync( join( home, 'sites' ) );
		expect( readdirSync( join( home, 'sites', site ) ) ).toEqual( [
			'run',
		] );
	} );

	it( "refuses a real folder in the site's tree where a link goes", () => {
		const repoId = createHash( 'md5' )
			.update( root )
			.digest( 'hex' )
			.slice( 0, 8 );
		const site = join( home, 'sites', `${ repoId }-polluted` );
		const folder = join(
			site,
			wordpress,
			'wp-content',
			'plugins',
			'batchkeys-example-plugin'
		);
		mkdirSync( join( site, wordpress, 'wp-includes' ), {
			recursive: true,
		} );
		writeFileSync(
			join( site, wordpress, 'wp-includes', 'version.php' ),
			''
		);
		mkdirSync( folder, { recursive: true } );
		mkdirSync( join( site, 'run' ), { recursive: true } );
		writeFileSync( join( site, 'run', 'suite' ), 'sid\n' );
		const result = startSite();
		expect( result.status ).toBe( 1 );
		expect( result.stderr ).toContain(
			`${ folder } is a real file or folder where a link to ${ root }/test/fixtures/plugins/batchkeys-example-plugin belongs`
		);
	} );
} );

describe( 'bk_link (tools/lib.sh)', () => {
	it( 'replaces an older link to a folder instead of linking inside it', () => {
		const a = join( home, 'a' );
		const b = join( home, 'b' );
		const at = join( home, 'link' );
		mkdirSync( a );
		mkdirSync( b );
		symlinkSync( a, at );
		const result = bash(
			`source tools/lib.sh; bk_link '${ b }' '${ at }'`
		);
		expect( result.status ).toBe( 0 );
		expect( readlinkSync( at ) ).toBe( b );
		expect( readdirSync( a ) ).toEqual( [] );
	} );

	it( 'refuses a real folder, naming it, and leaves it as it was', () => {
		const at = join( home, 'real' );
		mkdirSync( at );
		const result = bash( `source tools/lib.sh; bk_link /tmp '${ at }'` );
		expect( result.status ).toBe( 1 );
		expect( result.stderr ).toContain(
			`${ at } is a real file or folder where a link to /tmp belongs`
		);
		expect( lstatSync( at ).isDirectory() ).toBe( true );
		expect( readdirSync( at ) ).toEqual( [] );
	} );
} );
