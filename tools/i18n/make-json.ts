/**
 * Script translations for the kit, from a translated PO file: one JSON file (Jed 1.x, the
 * format WordPress's wp_set_script_translations() reads) per script handle of the kit, named
 * `batchkeys-<locale>-<handle>.json` beside the .mo. WordPress looks for that name in the
 * folder the kit passes (kit/languages), whatever folder a product bundles the kit in.
 *
 *   tsx tools/i18n/make-json.ts plugin/kit/languages/batchkeys-de_DE.po
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { keyOf, parse } from './po';
import type { Entry } from './po';

/** The kit's script handles (Admin\Screen::HANDLE and the block's two scripts). */
export const HANDLES = [
	'batchkeys-license-screen',
	'batchkeys-license-form-editor-script',
	'batchkeys-license-form-view-script',
];

export function jed(
	entries: Entry[],
	locale: string,
	pluralForms: string
): string {
	const messages: Record< string, unknown > = {
		'': { domain: 'messages', lang: locale, 'plural-forms': pluralForms },
	};
	for ( const entry of entries ) {
		// Only strings the scripts use (a reference under src/, not render.php) and translated.
		const fromScripts = entry.references.some(
			( r ) =>
				r.startsWith( 'src/' ) &&
				! r.startsWith( 'src/block/render.php' )
		);
		if (
			entry.id === '' ||
			! fromScripts ||
			! entry.str.some( ( s ) => s )
		) {
			continue;
		}
		messages[ keyOf( entry ) ] = entry.str;
	}
	return JSON.stringify( { domain: 'messages', locale_data: { messages } } );
}

export function writeScriptJson( poFile: string ): string[] {
	const entries = parse( readFileSync( poFile, 'utf8' ) );
	const header = entries.find( ( e ) => e.id === '' )?.str[ 0 ] ?? '';
	const locale =
		header.match( /^Language:\s*(\S+)/m )?.[ 1 ] ??
		basename( poFile, '.po' ).replace( /^batchkeys-/, '' );
	const plural =
		header.match( /^Plural-Forms:\s*(.+)$/m )?.[ 1 ] ??
		'nplurals=2; plural=(n != 1);';
	const json = jed( entries, locale, plural );
	return HANDLES.map( ( handle ) => {
		const file = join(
			dirname( poFile ),
			`batchkeys-${ locale }-${ handle }.json`
		);
		writeFileSync( file, json );
		return file;
	} );
}

if ( require.main === module ) {
	for ( const po of process.argv.slice( 2 ) ) {
		writeScriptJson( po ).forEach( ( f ) =>
			process.stdout.write( `wrote ${ f }\n` )
		);
	}
}
