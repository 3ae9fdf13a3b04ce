/**
 * Figure 4: the gzipped size of every built script and stylesheet under plugin/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS, type Budget } from './budgets';
import { formatBytes } from './format';
import { makeCheck, TITLES, type Figure } from './report';

/**
 * Every *.js and *.css file inside a build/ folder under a folder (symlinks are not followed).
 *
 * @param dir Folder (plugin/).
 */
export function findBuiltAssets( dir: string ): string[] {
	const found: string[] = [];
	const walk = ( folder: string, inBuild: boolean, depth: number ): void => {
		if ( depth > 12 ) {
			return;
		}
		let entries;
		try {
			entries = readdirSync( folder, { withFileTypes: true } );
		} catch {
			return;
		}
		for ( const entry of entries ) {
			const path = join( folder, entry.name );
			if ( entry.isDirectory() && entry.name !== 'node_modules' ) {
				walk( path, inBuild || entry.name === 'build', depth + 1 );
			} else if (
				entry.isFile() &&
				inBuild &&
				/\.(js|css)$/.test( entry.name )
			) {
				found.push( path );
			}
		}
	};
	walk( dir, false, 0 );
	return found.sort();
}

/**
 * The budget of a built file, by its path: the admin screen script and the block's view script.
 *
 * @param path Path relative to plugin/ (any separator).
 */
export function assetBudget(
	path: string
): { label: string; budget: Budget } | null {
	const normal = path.split( sep ).join( '/' );
	if ( /(^|\/)build\/admin\/index\.js$/.test( normal ) ) {
		return {
			label: 'admin screen script',
			budget: BUDGETS.adminScriptGzip,
		};
	}
	if ( /(^|\/)build\/block\/view\.js$/.test( normal ) ) {
		return { label: 'block view script', budget: BUDGETS.viewScriptGzip };
	}
	return null;
}

export function measureAssets( root: string ): Figure {
	const pluginDir = join( root, 'plugin' );
	const files = findBuiltAssets( pluginDir );
	const rows = files.map( ( file ) => {
		const bytes = readFileSync( file );
		return {
			path: relative( pluginDir, file ).split( sep ).join( '/' ),
			bytes: bytes.length,
			gzip: gzipSync( bytes, { level: 9 } ).length,
		};
	} );
	const budgeted = rows.filter( ( row ) => assetBudget( row.path ) !== null );
	const missing = [ 'admin screen script', 'block view script' ].filter(
		( label ) =>
			! budgeted.some(
				( row ) => assetBudget( row.path )?.label === label
			)
	);
	const checks = [
		// Budgeted files first, then the others for information.
		...budgeted,
		...rows.filter( ( row ) => assetBudget( row.path ) === null ),
	].map( ( row ) => {
		const budget = assetBudget( row.path );
		return makeCheck(
			budget
				? `${ budget.label } (${ row.path }) gzip`
				: `${ row.path } gzip`,
			row.gzip,
			'bytes',
			budget ? budget.budget : null,
			`${ formatBytes( row.bytes ) } raw, gzip -9`
		);
	} );
	for ( const label of missing ) {
		checks.push(
			makeCheck(
				`${ label } gzip`,
				null,
				'bytes',
				null,
				'not found under plugin/**/build/'
			)
		);
	}
	return {
		id: 4,
		title: TITLES[ 4 ],
		checks,
		data: { files: rows },
		error: null,
	};
}
