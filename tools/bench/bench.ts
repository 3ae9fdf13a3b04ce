/**
 * `npm run bench`: the budgets of docs/budgets.md, measured on a real local site and printed
 * side by side with the raw numbers. Exit code 0 whatever the figures; with --check, 1 when a
 * budget is missed. The results are also written to .batchkeys/bench.json. See README.md here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureActivation } from './activation';
import { parseArgs, USAGE, wants, type Options } from './args';
import { measureAssets } from './assets';
import { measureAutoload, measureNoKey } from './autoload';
import { measureBlockPage } from './block-page';
import { measureFallback } from './fallback';
import { measureFiles } from './files';
import { missesBudget } from './budgets';
import { measureFrontend } from './frontend';
import { measureNetwork } from './network';
import { mock } from './mock';
import { measureOutbound, measureUnreachable } from './page-loads';
import { MU_PLUGIN, Probe } from './probe';
import { activateProducts } from './products';
import {
	allVerdicts,
	failedFigure,
	renderLegend,
	renderTable,
	type Figure,
} from './report';
import { Session, ordinaryPages } from './session';
import { ensureBuild, openSite, stopSite, type Site } from './site';

const ROOT = resolve( __dirname, '..', '..' );
const OUTPUT = join( ROOT, '.batchkeys', 'bench.json' );
/** The figures measured on the single site. */
const SITE_FIGURES = [ 1, 2, 3, 5, 6, 7, 8, 10 ];
/** Hard limit of a run: every request loop checks it. */
const MAX_MINUTES = 15;
const startedAt = Date.now();

function progress( text: string ): void {
	const seconds = ( ( Date.now() - startedAt ) / 1000 ).toFixed( 1 );
	process.stdout.write( `[bench ${ seconds.padStart( 5 ) }s] ${ text }\n` );
}

function message( error: unknown ): string {
	return error instanceof Error ? error.message : String( error );
}

async function guard(
	id: number,
	measure: () => Promise< Figure >
): Promise< Figure > {
	try {
		return await measure();
	} catch ( error ) {
		progress( `figure ${ id } not measured: ${ message( error ) }` );
		return failedFigure( id, message( error ) );
	}
}

async function measureSite(
	site: Site,
	options: Options,
	figures: Figure[]
): Promise< void > {
	const probe = new Probe(
		join( site.abspath, 'wp-content' ),
		join( __dirname, MU_PLUGIN )
	);
	const session = new Session( site, probe, MAX_MINUTES );
	const interrupt = () => session.abort( 'interrupted' );
	process.once( 'SIGINT', interrupt );
	try {
		probe.install();
		await mock.reset( site.mockUrl );
		await mock.rateLimitOff( site.mockUrl );
		await session.login();
		let noKey: Awaited< ReturnType< typeof measureNoKey > > | Error;
		try {
			noKey = await measureNoKey( session, progress );
		} catch ( error ) {
			noKey =
				error instanceof Error ? error : new Error( String( error ) );
		}
		await activateProducts( session, progress );
		progress(
			'3 products active (batchkeys-demo, bench-two, bench-three)'
		);
		const pages = await ordinaryPages( session );
		const steps: [ number, () => Promise< Figure > ][] = [
			[
				1,
				() => measureOutbound( session, pages, options.reps, progress ),
			],
			[ 2, () => measureFrontend( session, options.requests, progress ) ],
			[
				6,
				() =>
					measureUnreachable(
						session,
						pages,
						options.outageReps,
						progress
					),
			],
			[
				5,
				() =>
					measureActivation( session, options.activations, progress ),
			],
			[ 3, () => measureAutoload( session, progress, noKey ) ],
			[ 7, () => measureFiles( session, progress ) ],
			[ 8, () => measureFallback( session, progress ) ],
			[ 10, () => measureBlockPage( session, progress ) ],
		];
		for ( const [ id, measure ] of steps ) {
			if ( wants( options, id ) ) {
				figures.push( await guard( id, measure ) );
			}
		}
	} finally {
		process.removeListener( 'SIGINT', interrupt );
		for ( const step of [
			() => mock.reachable( site.mockUrl ),
			() => mock.reset( site.mockUrl ),
		] ) {
			try {
				await step();
			} catch ( error ) {
				progress( `cleaning up the mock: ${ message( error ) }` );
			}
		}
		probe.remove();
	}
}

async function main(): Promise< number > {
	let options: Options;
	try {
		options = parseArgs( process.argv.slice( 2 ), process.env );
	} catch ( error ) {
		process.stderr.write( `bench: ${ message( error ) }\n\n${ USAGE }\n` );
		return 2;
	}
	if ( options.help ) {
		process.stdout.write( `${ USAGE }\n` );
		return 0;
	}
	if ( options.requests < 200 ) {
		progress(
			`--requests=${ options.requests }: a development run (the figures want >= 200)`
		);
	}
	const figures: Figure[] = [];
	let site: Site | null = null;
	try {
		ensureBuild( ROOT, progress );
		if ( wants( options, 4 ) ) {
			figures.push( measureAssets( ROOT ) );
		}
		if ( SITE_FIGURES.some( ( id ) => wants( options, id ) ) ) {
			site = openSite( ROOT, options.site, progress );
			progress(
				`site '${ site.name }' ${ site.url } (${ site.db }, WordPress ${ site.wpSuite }), mock ${ site.mockUrl }`
			);
			await measureSite( site, options, figures );
			if ( site.startedByBench ) {
				progress( `stopping site '${ site.name }'` );
				stopSite( ROOT, site );
				site = { ...site, startedByBench: false };
			}
		}
		if ( options.network > 0 && wants( options, 9 ) ) {
			const subsites = options.network;
			figures.push(
				await guard( 9, () =>
					measureNetwork( ROOT, subsites, progress )
				)
			);
		}
	} catch ( error ) {
		process.stderr.write( `bench: ${ message( error ) }\n` );
		return 1;
	} finally {
		if ( site?.startedByBench ) {
			progress( `stopping site '${ site.name }'` );
			stopSite( ROOT, site );
		}
	}

	figures.sort( ( a, b ) => a.id - b.id );
	const missed = missesBudget( allVerdicts( figures ) );
	process.stdout.write(
		`\n${ renderTable( figures ) }\n\n${ renderLegend( figures ) }\n\n`
	);
	mkdirSync( join( ROOT, '.batchkeys' ), { recursive: true } );
	writeFileSync(
		OUTPUT,
		JSON.stringify(
			{
				generated: new Date().toISOString(),
				seconds: Math.round( ( Date.now() - startedAt ) / 100 ) / 10,
				options,
				site: site && {
					url: site.url,
					db: site.db,
					wp_suite: site.wpSuite,
					started_by_bench: site.startedByBench,
				},
				budgets_missed: missed,
				figures,
			},
			null,
			'\t'
		) + '\n'
	);
	progress(
		`${ missed ? 'a budget is missed' : 'every budget holds' }; written to .batchkeys/bench.json`
	);
	return options.check && missed ? 1 : 0;
}

main().then(
	( code ) => process.exit( code ),
	( error: unknown ) => {
		process.stderr.write( `bench: ${ message( error ) }\n` );
		process.exit( 1 );
	}
);
