/**
 * Figure 9's uninstall, repeated: one run is one sample of a noisy machine, so the network's
 * SQLite database is copied once all its sites hold a key and put back before every further run.
 * The served network is idle meanwhile (PHP's built-in server opens the database per request).
 */
import {
	copyFileSync,
	mkdirSync,
	readdirSync,
	rmSync,
	unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Json } from './report';
import { median, medianInterval } from './stats';

export interface UninstallRuns {
	/** Every run's output (network-bench.php uninstall), in order. */
	runs: Record< string, Json >[];
	/** Wall time of the product's uninstall, per run, in ms. */
	productMs: number[];
	/** Its median and the distribution-free interval of that median. */
	medianMs: number;
	interval: { low: number; high: number; coverage: number };
}

/**
 * Runs the uninstall task `reps` times from the same state.
 *
 * @param siteDir The network's site folder (its database is db/wp.sqlite).
 * @param reps    Runs wanted; 1 when the database is not a SQLite file.
 * @param run     Runs the task once and returns its output.
 */
export function repeatUninstall(
	siteDir: string,
	reps: number,
	run: () => Record< string, Json >
): UninstallRuns {
	const dbDir = join( siteDir, 'db' );
	const snapshot = join( siteDir, 'run', 'bench-uninstall-snapshot' );
	const files = readdirSync( dbDir ).filter( ( name ) =>
		name.startsWith( 'wp.sqlite' )
	);
	const repeatable = files.includes( 'wp.sqlite' );
	const runs: Record< string, Json >[] = [];
	try {
		if ( repeatable ) {
			mkdirSync( snapshot, { recursive: true } );
			for ( const name of files ) {
				copyFileSync( join( dbDir, name ), join( snapshot, name ) );
			}
		}
		for ( let i = 0; i < ( repeatable ? reps : 1 ); i++ ) {
			if ( i > 0 ) {
				for ( const name of readdirSync( dbDir ) ) {
					if ( name.startsWith( 'wp.sqlite' ) ) {
						unlinkSync( join( dbDir, name ) );
					}
				}
				for ( const name of files ) {
					copyFileSync( join( snapshot, name ), join( dbDir, name ) );
				}
			}
			runs.push( run() );
		}
	} finally {
		rmSync( snapshot, { recursive: true, force: true } );
	}
	const productMs = runs.map(
		( out ) =>
			Number( ( out.product as Record< string, number > ).seconds ) * 1000
	);
	return {
		runs,
		productMs,
		medianMs: median( productMs ),
		interval: medianInterval( productMs ),
	};
}
