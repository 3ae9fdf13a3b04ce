/**
 * The site the bench measures: the 'bench' site it starts (and stops), or a running one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { findBuiltAssets } from './assets';

export interface Site {
	name: string;
	url: string;
	abspath: string;
	mockUrl: string;
	db: string;
	wpSuite: string;
	adminUser: string;
	adminPassword: string;
	/** The bench started it, so the bench stops it. */
	startedByBench: boolean;
}

export const BENCH_SITE = 'bench';

function siteJsonPath( root: string, name: string ): string {
	return join(
		root,
		'.batchkeys',
		name === 'dev' ? 'site.json' : `site-${ name }.json`
	);
}

/**
 * Reads a site JSON written by tools/site.sh.
 *
 * @param file           The file.
 * @param startedByBench Whether the bench started the site.
 */
export function readSite( file: string, startedByBench: boolean ): Site {
	let value: unknown;
	try {
		value = JSON.parse( readFileSync( file, 'utf8' ) );
	} catch {
		throw new Error( `cannot read the site file ${ file }` );
	}
	const text = ( key: string ): string => {
		const field =
			typeof value === 'object' && value !== null
				? ( value as Record< string, unknown > )[ key ]
				: undefined;
		if ( typeof field !== 'string' || field === '' ) {
			throw new Error( `the site file ${ file } has no '${ key }'` );
		}
		return field;
	};
	return {
		name: text( 'name' ),
		url: text( 'url' ).replace( /\/$/, '' ),
		abspath: text( 'abspath' ),
		mockUrl: text( 'mock_url' ).replace( /\/$/, '' ),
		db: text( 'db' ),
		wpSuite: text( 'wp_suite' ),
		adminUser: text( 'admin_user' ),
		adminPassword: text( 'admin_password' ),
		startedByBench,
	};
}

function siteSh(
	root: string,
	args: string[]
): { status: number; output: string } {
	const result = spawnSync(
		'bash',
		[ join( root, 'tools', 'site.sh' ), ...args ],
		{
			cwd: root,
			encoding: 'utf8',
			timeout: 300_000,
		}
	);
	return {
		status: result.status ?? 1,
		output: `${ result.stdout ?? '' }${ result.stderr ?? '' }`.trim(),
	};
}

/**
 * Builds the scripts when no built file exists under plugin/.
 *
 * @param root     Repository root.
 * @param progress Progress printer.
 */
export function ensureBuild(
	root: string,
	progress: ( text: string ) => void
): void {
	if ( findBuiltAssets( join( root, 'plugin' ) ).length > 0 ) {
		return;
	}
	progress( 'no built scripts under plugin/: running wp-scripts build' );
	const result = spawnSync( 'npx', [ 'wp-scripts', 'build' ], {
		cwd: root,
		encoding: 'utf8',
		timeout: 600_000,
	} );
	if ( result.status !== 0 ) {
		throw new Error(
			`wp-scripts build failed: ${ ( result.stderr || result.stdout || '' ).trim().split( '\n' ).slice( -5 ).join( '\n' ) }`
		);
	}
}

/**
 * The site to measure: the one named by --site / BATCHKEYS_SITE (a name or a site JSON file,
 * already running), else the 'bench' site, started unless it already runs.
 *
 * @param root     Repository root.
 * @param given    --site or BATCHKEYS_SITE, or null.
 * @param progress Progress printer.
 */
export function openSite(
	root: string,
	given: string | null,
	progress: ( text: string ) => void
): Site {
	if ( given !== null ) {
		if ( given.endsWith( '.json' ) || given.includes( '/' ) ) {
			const file = isAbsolute( given ) ? given : resolve( root, given );
			if ( ! existsSync( file ) ) {
				throw new Error( `no site file ${ file }` );
			}
			return readSite( file, false );
		}
		if ( siteSh( root, [ 'status', `--name=${ given }` ] ).status !== 0 ) {
			throw new Error(
				`site '${ given }' is not running (start it, or leave BATCHKEYS_SITE unset)`
			);
		}
		return readSite( siteJsonPath( root, given ), false );
	}
	const running =
		siteSh( root, [ 'status', `--name=${ BENCH_SITE }` ] ).status === 0;
	if ( ! running ) {
		progress(
			`starting site '${ BENCH_SITE }' (tools/site.sh start --name=${ BENCH_SITE } --no-build)`
		);
		const started = siteSh( root, [
			'start',
			`--name=${ BENCH_SITE }`,
			'--no-build',
		] );
		if ( started.status !== 0 ) {
			throw new Error(
				`tools/site.sh start failed:\n${ started.output.split( '\n' ).slice( -5 ).join( '\n' ) }`
			);
		}
	}
	return readSite( siteJsonPath( root, BENCH_SITE ), ! running );
}

export function stopSite( root: string, site: Site ): string {
	return siteSh( root, [ 'stop', `--name=${ site.name }` ] ).output;
}
