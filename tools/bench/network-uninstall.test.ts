import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repeatUninstall } from './network-uninstall';

describe( 'repeatUninstall', () => {
	let siteDir: string;
	beforeEach( () => {
		siteDir = mkdtempSync( join( tmpdir(), 'bench-uninstall-' ) );
		mkdirSync( join( siteDir, 'db' ) );
		mkdirSync( join( siteDir, 'run' ) );
	} );
	afterEach( () => rmSync( siteDir, { recursive: true, force: true } ) );

	const db = ( name = 'wp.sqlite' ) => join( siteDir, 'db', name );

	it( 'starts every run from the state the first one found, and leaves no copy behind', () => {
		writeFileSync( db(), 'licensed' );
		writeFileSync( db( 'wp.sqlite-wal' ), 'frames' );
		const seen: string[] = [];
		let seconds = 1.2;
		const result = repeatUninstall( siteDir, 3, () => {
			seen.push(
				`${ readFileSync( db(), 'utf8' ) }+${ readFileSync( db( 'wp.sqlite-wal' ), 'utf8' ) }`
			);
			// What an uninstall leaves: the rows gone, the WAL gone, a new shared-memory file.
			writeFileSync( db(), 'uninstalled' );
			rmSync( db( 'wp.sqlite-wal' ) );
			writeFileSync( db( 'wp.sqlite-shm' ), 'index' );
			seconds -= 0.2;
			return { product: { seconds }, rows_left: 0, events_left: 0 };
		} );
		expect( seen ).toEqual( [
			'licensed+frames',
			'licensed+frames',
			'licensed+frames',
		] );
		expect( result.productMs.map( Math.round ) ).toEqual( [
			1000, 800, 600,
		] );
		expect( Math.round( result.medianMs ) ).toBe( 800 );
		expect(
			existsSync( join( siteDir, 'run', 'bench-uninstall-snapshot' ) )
		).toBe( false );
	} );

	it( 'runs once when the database is not a SQLite file it can copy', () => {
		let runs = 0;
		const result = repeatUninstall( siteDir, 7, () => {
			runs++;
			return { product: { seconds: 0.5 }, rows_left: 0, events_left: 0 };
		} );
		expect( runs ).toBe( 1 );
		expect( result.medianMs ).toBe( 500 );
	} );

	it( 'removes its copy when a run throws', () => {
		writeFileSync( db(), 'licensed' );
		expect( () =>
			repeatUninstall( siteDir, 3, () => {
				throw new Error( 'php failed' );
			} )
		).toThrow( 'php failed' );
		expect(
			existsSync( join( siteDir, 'run', 'bench-uninstall-snapshot' ) )
		).toBe( false );
	} );
} );
