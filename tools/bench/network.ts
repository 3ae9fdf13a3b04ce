/**
 * Figure 9: the kit on a subdirectory multisite network of 1,000 subsites (docs/multisite.md).
 * The network is built once by tools/site.sh (cached in ~/.cache/batchkeys/networks/) and each
 * run starts from that copy (--fresh). Daily calls and uninstall run in PHP against the served
 * network's database (network-bench.php); writes per request and the screen go over HTTP.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS } from './budgets';
import { CookieJar, request } from './http';
import { mock } from './mock';
import { makeCheck, TITLES, type Figure, type Json } from './report';
import { median } from './stats';
import { repeatUninstall } from './network-uninstall';

/** Runs of the uninstall, each from the same state: the figure is their median. */
const UNINSTALL_RUNS = 7;

export const NETWORK_SITE = 'bench-network';

interface NetworkSite {
	url: string;
	abspath: string;
	mock_url: string;
	site_dir: string;
	subsites: { blog_id: number; url: string }[];
}

function siteSh( root: string, args: string[] ) {
	const run = spawnSync(
		'bash',
		[ join( root, 'tools', 'site.sh' ), ...args ],
		{
			cwd: root,
			encoding: 'utf8',
			timeout: 60 * 60_000,
		}
	);
	return { status: run.status, output: `${ run.stdout }${ run.stderr }` };
}

/**
 * Runs one task of network-bench.php; its last line is JSON.
 *
 * @param site The network.
 * @param task network-day | site-day | uninstall.
 */
function phpTask( site: NetworkSite, task: string ): Record< string, Json > {
	const env = { ...process.env };
	delete env.WP_TEST_DB;
	const run = spawnSync(
		'php',
		[
			'-d',
			'memory_limit=1G',
			join( __dirname, 'network-bench.php' ),
			site.abspath,
			site.url,
			task,
		],
		{ encoding: 'utf8', env, timeout: 30 * 60_000 }
	);
	const lines = ( run.stdout || '' ).trim().split( '\n' );
	try {
		return JSON.parse( lines[ lines.length - 1 ] ) as Record<
			string,
			Json
		>;
	} catch {
		throw new Error(
			`network-bench.php ${ task } failed: ${ ( run.stderr || run.stdout || '' ).slice( -400 ) }`
		);
	}
}

async function login( site: NetworkSite, jar: CookieJar ): Promise< void > {
	jar.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
	await request( `${ site.url }/wp-login.php`, {
		form: {
			log: 'admin',
			pwd: 'password',
			testcookie: '1',
			'wp-submit': 'Log In',
		},
		jar,
	} );
	if (
		! jar.names().some( ( n ) => n.startsWith( 'wordpress_logged_in_' ) )
	) {
		throw new Error( 'login to the network failed' );
	}
}

/**
 * The kit's writes (queries naming batchkeys) of requests to subsites without a key, from the
 * local site's write log.
 *
 * @param site The network.
 * @param jar  The admin's cookies.
 */
async function unlicensedWrites( site: NetworkSite, jar: CookieJar ) {
	const picked = site.subsites.filter( ( _s, i ) => i % 50 === 7 );
	let requests = 0;
	let kitWrites = 0;
	let allWrites = 0;
	for ( const [ index, subsite ] of picked.entries() ) {
		for ( const [ path, who ] of [
			[ '', 'visitor' ],
			[ 'wp-admin/', 'admin' ],
		] as const ) {
			if ( who === 'admin' && index % 4 !== 0 ) {
				continue;
			}
			const token = `bench-${ Date.now() }-${ subsite.blog_id }-${ who }`;
			const reply = await request( subsite.url + path, {
				headers: { 'X-BatchKeys-Write-Log': token },
				jar: who === 'admin' ? jar : undefined,
			} );
			if ( reply.status !== 200 ) {
				throw new Error(
					`${ subsite.url }${ path }: HTTP ${ reply.status }`
				);
			}
			const file = join(
				site.site_dir,
				'run',
				'write-log',
				`${ token }.json`
			);
			for ( let i = 0; i < 50 && ! existsSync( file ); i++ ) {
				await new Promise( ( r ) => setTimeout( r, 100 ) );
			}
			const log = JSON.parse( readFileSync( file, 'utf8' ) ) as {
				writes: string[];
			};
			requests++;
			allWrites += log.writes.length;
			// The kit's rows and event are named batchkeys_*; WordPress's own writes of the
			// plugins list name batchkeys/batchkeys.php, which is not the kit's.
			kitWrites += log.writes.filter( ( q ) =>
				/batchkeys_/i.test( q )
			).length;
		}
	}
	return { requests, kitWrites, allWrites };
}

/**
 * Figure 9.
 *
 * @param root     Repository root.
 * @param subsites Number of subsites.
 * @param progress Progress printer.
 */
export async function measureNetwork(
	root: string,
	subsites: number,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress(
		`network of ${ subsites } subsites: tools/site.sh start --name=${ NETWORK_SITE } --subsites=${ subsites } --fresh (minutes the first time; then from the cache)`
	);
	const started = siteSh( root, [
		'start',
		`--name=${ NETWORK_SITE }`,
		`--subsites=${ subsites }`,
		'--no-build',
		'--fresh',
	] );
	if ( started.status !== 0 ) {
		throw new Error(
			`tools/site.sh start failed:\n${ started.output.split( '\n' ).slice( -5 ).join( '\n' ) }`
		);
	}
	try {
		const site = JSON.parse(
			readFileSync(
				join( root, '.batchkeys', `site-${ NETWORK_SITE }.json` ),
				'utf8'
			)
		) as NetworkSite;
		await mock.reset( site.mock_url );
		await mock.rateLimitOff( site.mock_url );

		progress( 'network: 3 network licenses, a simulated day' );
		const day = phpTask( site, 'network-day' );

		progress(
			'network: writes on unlicensed subsites, the network license screen'
		);
		const jar = new CookieJar();
		await login( site, jar );
		const writes = await unlicensedWrites( site, jar );
		// The kit's screen and WordPress's own Network Settings page, interleaved: what the
		// network admin costs by itself (the toolbar lists every site of a super admin).
		const screen: number[] = [];
		const core: number[] = [];
		for ( let i = 0; i < 6; i++ ) {
			const reply = await request(
				`${ site.url }/wp-admin/network/settings.php?page=batchkeys-batchkeys-demo`,
				{ jar }
			);
			if (
				reply.status !== 200 ||
				! reply.body.includes( 'batchkeys-license-screen' )
			) {
				throw new Error(
					`network license screen: HTTP ${ reply.status }`
				);
			}
			const plain = await request(
				`${ site.url }/wp-admin/network/settings.php`,
				{ jar }
			);
			if ( plain.status !== 200 ) {
				throw new Error(
					`network settings page: HTTP ${ plain.status }`
				);
			}
			if ( i > 0 ) {
				screen.push( reply.ms );
				core.push( plain.ms );
			}
		}

		progress(
			`network: one per-site key activated on ${ subsites } subsites, a day later`
		);
		const perSite = phpTask( site, 'site-day' );
		progress(
			`network: uninstall, ${ UNINSTALL_RUNS } runs from the same state`
		);
		const runs = repeatUninstall( site.site_dir, UNINSTALL_RUNS, () =>
			phpTask( site, 'uninstall' )
		);
		const uninstall = runs.runs[ 0 ];
		const product = uninstall.product as Record< string, number >;
		const all = uninstall.all as Record< string, number >;
		const each = ( pick: ( out: Record< string, Json > ) => number ) =>
			runs.runs.map( pick );
		const left = Math.max(
			...each(
				( out ) => Number( out.rows_left ) + Number( out.events_left )
			)
		);
		const peakMb = Math.max(
			...each( ( out ) =>
				Number( ( out.product as Record< string, number > ).peak_mb )
			)
		);
		const msList = ( values: number[] ) =>
			values.map( ( ms ) => Math.round( ms ) ).join( ', ' );

		return {
			id: 9,
			title: TITLES[ 9 ],
			checks: [
				makeCheck(
					'API calls a day, 3 network licenses',
					Number( day.day_calls ),
					'count',
					BUDGETS.networkDailyCalls,
					`${ day.activation_calls } activation calls first; sites with the event: ${ JSON.stringify( day.sites_with_event ) } of ${ day.sites }`
				),
				makeCheck(
					`API calls a day, one per-site key on ${ subsites } subsites`,
					Number( perSite.day_calls ),
					'count',
					null,
					`${ perSite.licensed } licensed, ${ perSite.indexed } indexed, ${ perSite.sites_with_event } sites with the event, ${ perSite.ran } rechecks ran, ${ perSite.active } sites active after them; the sites share one day's answer (same product, key and domain)`
				),
				makeCheck(
					'kit writes on unlicensed subsites',
					writes.requests ? writes.kitWrites : null,
					'count',
					BUDGETS.unlicensedSiteWrites,
					`${ writes.kitWrites } kit writes in ${ writes.requests } requests (front pages and dashboards); all writes ${ writes.allWrites }`
				),
				makeCheck(
					`uninstall of a product, ${ perSite.licensed } licensed subsites, median of ${ runs.productMs.length }`,
					// A run that left a row or an event is no uninstall: no figure, a failure.
					left === 0 ? runs.medianMs : null,
					'ms',
					BUDGETS.networkUninstallMs,
					`runs ${ msList( runs.productMs ) } ms; ${ Math.round( runs.interval.coverage * 1000 ) / 10 }% interval of the median ${ Math.round( runs.interval.low ) } to ${ Math.round( runs.interval.high ) } ms; first run: CPU ${ product.cpu_ms } ms, ${ product.queries } queries, ${ product.switches } site switches, ${ product.calls } API calls; then uninstall_all ${ msList( each( ( out ) => Number( ( out.all as Record< string, number > ).seconds ) * 1000 ) ) } ms (CPU ${ all.cpu_ms } ms, ${ all.queries } queries, ${ all.switches } switches); rows and events left after any run: ${ left }`
				),
				makeCheck(
					'uninstall peak memory (the whole PHP process), highest run',
					peakMb * 1e6,
					'bytes',
					BUDGETS.networkUninstallPeakBytes,
					`peak ${ uninstall.peak_before_mb } MB before (WordPress booted on the network, opcache off as in a command-line PHP), ${ product.peak_mb } MB after the product's uninstall, ${ all.peak_mb } MB after uninstall_all (first run); retained by the product's uninstall ${ product.added_kb } KB`
				),
				makeCheck(
					'network license screen (Network Admin > Settings), median',
					median( screen ),
					'ms',
					null,
					`client round trips of 5 loads after one warm-up: ${ screen.map( ( ms ) => Math.round( ms ) ).join( ', ' ) } ms; WordPress's own Network Settings page, interleaved: median ${ Math.round( median( core ) ) } ms`
				),
			],
			data: {
				day,
				perSite,
				writes,
				uninstall: runs.runs,
				uninstall_product_ms: runs.productMs,
				screen_ms: screen,
				core_settings_ms: core,
			},
			error: null,
		};
	} finally {
		siteSh( root, [ 'stop', `--name=${ NETWORK_SITE }` ] );
	}
}
