/**
 * The bench mu-plugin on the site: installing it, reading its log, removing it.
 */
import {
	closeSync,
	copyFileSync,
	existsSync,
	fstatSync,
	mkdirSync,
	openSync,
	readSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseProbeLine, type ProbeLine } from './probe-line';

export const MU_PLUGIN = 'batchkeys-bench.php';

export class Probe {
	readonly dir: string;
	readonly log: string;
	private readonly muPlugin: string;
	private offset = 0;
	private pending = '';
	private readonly lines = new Map< string, ProbeLine >();

	/**
	 * @param wpContent The site's wp-content folder.
	 * @param source    The mu-plugin's file in tools/bench.
	 */
	constructor(
		wpContent: string,
		private readonly source: string
	) {
		this.dir = join( wpContent, 'batchkeys-bench' );
		this.log = join( this.dir, 'requests.jsonl' );
		this.muPlugin = join( wpContent, 'mu-plugins', MU_PLUGIN );
	}

	install(): void {
		mkdirSync( this.dir, { recursive: true } );
		writeFileSync( this.log, '' );
		writeFileSync(
			join( this.dir, 'config.json' ),
			JSON.stringify( {
				log: this.log,
				plugin: 'batchkeys/batchkeys.php',
			} )
		);
		mkdirSync( join( this.muPlugin, '..' ), { recursive: true } );
		copyFileSync( this.source, this.muPlugin );
	}

	remove(): void {
		rmSync( this.muPlugin, { force: true } );
		rmSync( this.dir, { recursive: true, force: true } );
	}

	/**
	 * The line the request with this id logged; waits up to 3 s for it (the line is written at
	 * the request's shutdown).
	 *
	 * @param id Request id.
	 */
	async line( id: string ): Promise< ProbeLine > {
		for ( let attempt = 0; attempt < 60; attempt++ ) {
			this.readNew();
			const line = this.lines.get( id );
			if ( line ) {
				this.lines.delete( id );
				return line;
			}
			await sleep( 50 );
		}
		throw new Error(
			`the bench mu-plugin logged no line for request ${ id } (is ${ MU_PLUGIN } loaded?)`
		);
	}

	private readNew(): void {
		if ( ! existsSync( this.log ) ) {
			return;
		}
		const fd = openSync( this.log, 'r' );
		try {
			const size = fstatSync( fd ).size;
			if ( size <= this.offset ) {
				return;
			}
			const buffer = Buffer.alloc( size - this.offset );
			const read = readSync( fd, buffer, 0, buffer.length, this.offset );
			this.offset += read;
			const text =
				this.pending + buffer.subarray( 0, read ).toString( 'utf8' );
			const parts = text.split( '\n' );
			this.pending = parts.pop() ?? '';
			for ( const part of parts ) {
				const line = parseProbeLine( part );
				if ( line ) {
					this.lines.set( line.id, line );
				}
			}
		} finally {
			closeSync( fd );
		}
	}
}
