/**
 * A generated test locale, `en_XA`: every string of batchkeys.pot with its letters accented and
 * wrapped in ⟦ ⟧, placeholders and markup kept. Written into plugin/kit/languages (never
 * committed, never zipped) as .po, .mo (msgfmt) and the scripts' JSON, so a spec can show that
 * PHP and script strings both come from the kit's own folder.
 *
 *   tsx tools/i18n/pseudo.ts [--remove]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeScriptJson } from './make-json';
import { parse, serialize } from './po';

export const LOCALE = 'en_XA';
const dir = join( __dirname, '..', '..', 'plugin/kit/languages' );

const ACCENTS: Record< string, string > = {
	a: 'á',
	e: 'é',
	i: 'í',
	o: 'ó',
	u: 'ú',
	c: 'ç',
	n: 'ñ',
	y: 'ý',
	A: 'Á',
	E: 'É',
	I: 'Í',
	O: 'Ó',
	U: 'Ú',
	C: 'Ç',
	N: 'Ñ',
	Y: 'Ý',
};

/**
 * Accents letters outside placeholders (%s, %1$d), tags and entities; wraps in ⟦ ⟧.
 * @param text
 */
export function pseudo( text: string ): string {
	if ( text === '' ) {
		return '';
	}
	const parts = text.split( /(%(?:\d+\$)?[sd%]|<[^>]*>|&[a-z#0-9]+;)/ );
	return (
		'⟦' +
		parts
			.map( ( part, i ) =>
				i % 2
					? part
					: part.replace(
							/[aeiouycnAEIOUYCN]/g,
							( c ) => ACCENTS[ c ]
						)
			)
			.join( '' ) +
		'⟧'
	);
}

export function remove(): void {
	for ( const name of readdirSync( dir ) ) {
		if ( name.startsWith( `batchkeys-${ LOCALE }` ) ) {
			rmSync( join( dir, name ) );
		}
	}
}

export function generate(): void {
	const entries = parse(
		readFileSync( join( dir, 'batchkeys.pot' ), 'utf8' )
	);
	for ( const entry of entries ) {
		if ( entry.id === '' ) {
			entry.str = [
				`Language: ${ LOCALE }\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\nPlural-Forms: nplurals=2; plural=(n != 1);\n`,
			];
		} else {
			entry.str =
				entry.plural === undefined
					? [ pseudo( entry.id ) ]
					: [ pseudo( entry.id ), pseudo( entry.plural ) ];
		}
	}
	const po = join( dir, `batchkeys-${ LOCALE }.po` );
	writeFileSync( po, serialize( entries ) );
	execFileSync( 'msgfmt', [
		'-o',
		join( dir, `batchkeys-${ LOCALE }.mo` ),
		po,
	] );
	writeScriptJson( po );
}

if ( require.main === module ) {
	if ( process.argv.includes( '--remove' ) ) {
		remove();
	} else {
		generate();
		process.stdout.write(
			`wrote the ${ LOCALE } test locale into plugin/kit/languages\n`
		);
	}
}
