/**
 * npm run i18n: writes plugin/kit/languages/batchkeys.pot from every string the kit
 * translates: PHP (plugin/ and the block's render.php, extracted by GNU gettext's xgettext
 * with WordPress's keywords), TypeScript (src/, read with the TypeScript compiler) and the
 * block's block.json (title, description, keywords, with WordPress's contexts).
 *
 *   tsx tools/i18n/make-pot.ts [--check]   --check: exit 1 when the committed .pot is stale
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { keyOf, parse, serialize } from './po';
import type { Entry } from './po';

const root = join( __dirname, '..', '..' );
const target = join( root, 'plugin/kit/languages/batchkeys.pot' );
const DOMAIN = 'batchkeys';

function walk(
	dir: string,
	test: ( file: string ) => boolean,
	skip: string[] = []
): string[] {
	const out: string[] = [];
	for ( const name of readdirSync( dir ).sort() ) {
		const path = join( dir, name );
		if ( skip.some( ( s ) => path.startsWith( join( root, s ) ) ) ) {
			continue;
		}
		if ( statSync( path ).isDirectory() ) {
			out.push( ...walk( path, test, skip ) );
		} else if ( test( path ) ) {
			out.push( path );
		}
	}
	return out;
}

// WordPress's functions: argument positions of singular, plural, context and domain.
const TS_KEYWORDS: Record<
	string,
	{ plural?: number; context?: number; domain: number }
> = {
	__: { domain: 1 },
	_x: { context: 1, domain: 2 },
	_n: { plural: 1, domain: 3 },
	_nx: { plural: 1, context: 3, domain: 4 },
};

function translatorComment( node: ts.Node, text: string ): string | undefined {
	for (
		let current: ts.Node | undefined = node;
		current && ! ts.isSourceFile( current );
		current = current.parent
	) {
		for ( const range of ts.getLeadingCommentRanges( text, current.pos ) ??
			[] ) {
			const comment = text
				.slice( range.pos, range.end )
				.replace( /^\/\*+|\*+\/$|^\/\/|^\s*\*\s?/gm, '' )
				.trim();
			if ( comment.startsWith( 'translators:' ) ) {
				return comment.replace( /\s+/g, ' ' );
			}
		}
		if ( ts.isStatement( current ) ) {
			break;
		}
	}
	return undefined;
}

function fromTypeScript(): Entry[] {
	const entries: Entry[] = [];
	const files = walk(
		join( root, 'src' ),
		( f ) =>
			/\.tsx?$/.test( f ) &&
			! /[\\/]test[\\/]/.test( f ) &&
			! f.endsWith( '.d.ts' )
	);
	for ( const file of files ) {
		const text = readFileSync( file, 'utf8' );
		const source = ts.createSourceFile(
			file,
			text,
			ts.ScriptTarget.Latest,
			true,
			file.endsWith( 'x' ) ? ts.ScriptKind.TSX : ts.ScriptKind.TS
		);
		const visit = ( node: ts.Node ) => {
			if (
				ts.isCallExpression( node ) &&
				ts.isIdentifier( node.expression ) &&
				TS_KEYWORDS[ node.expression.text ]
			) {
				const spec = TS_KEYWORDS[ node.expression.text ];
				const literal = ( i: number | undefined ) => {
					const arg =
						i === undefined ? undefined : node.arguments[ i ];
					return arg &&
						( ts.isStringLiteral( arg ) ||
							ts.isNoSubstitutionTemplateLiteral( arg ) )
						? arg.text
						: undefined;
				};
				const id = literal( 0 );
				if ( id !== undefined && literal( spec.domain ) === DOMAIN ) {
					const line =
						source.getLineAndCharacterOfPosition( node.getStart() )
							.line + 1;
					const comment = translatorComment( node, text );
					entries.push( {
						id,
						plural:
							spec.plural === undefined
								? undefined
								: literal( spec.plural ),
						context:
							spec.context === undefined
								? undefined
								: literal( spec.context ),
						str: [],
						comments: comment ? [ comment ] : [],
						references: [ `${ relative( root, file ) }:${ line }` ],
						flags: /%/.test( id ) ? [ 'php-format' ] : [],
					} );
				}
			}
			ts.forEachChild( node, visit );
		};
		visit( source );
	}
	return entries;
}

function fromBlockJson(): Entry[] {
	const file = join( root, 'src/block/block.json' );
	const block = JSON.parse( readFileSync( file, 'utf8' ) );
	const ref = [ relative( root, file ) ];
	const one = ( context: string, id: string ): Entry => ( {
		id,
		context,
		str: [],
		comments: [],
		references: ref,
		flags: [],
	} );
	return [
		one( 'block title', block.title ),
		one( 'block description', block.description ),
		...( block.keywords ?? [] ).map( ( k: string ) =>
			one( 'block keyword', k )
		),
	];
}

function fromPhp( tmp: string ): Entry[] {
	const files = [
		...walk( join( root, 'plugin' ), ( f ) => f.endsWith( '.php' ), [
			'plugin/kit/build',
		] ),
		join( root, 'src/block/render.php' ),
	].map( ( f ) => relative( root, f ) );
	const out = join( tmp, 'php.pot' );
	const keywords = [
		'__',
		'_e',
		'esc_html__',
		'esc_html_e',
		'esc_attr__',
		'esc_attr_e',
		'_x:1,2c',
		'_ex:1,2c',
		'esc_attr_x:1,2c',
		'esc_html_x:1,2c',
		'_n:1,2',
		'_nx:1,2,4c',
		'_n_noop:1,2',
		'_nx_noop:1,2,3c',
	];
	if ( spawnSync( 'xgettext', [ '--version' ] ).error ) {
		throw new Error(
			'xgettext not found: install GNU gettext (npm run setup installs it)'
		);
	}
	execFileSync(
		'xgettext',
		[
			'--language=PHP',
			'--from-code=UTF-8',
			'--add-comments=translators:',
			'--no-wrap',
			'--sort-by-file',
			'-o',
			out,
			...keywords.map( ( k ) => '--keyword=' + k ),
			...files,
		],
		{ cwd: root }
	);
	return parse( readFileSync( out, 'utf8' ) ).filter( ( e ) => e.id !== '' );
}

function merge( lists: Entry[][] ): Entry[] {
	const byKey = new Map< string, Entry >();
	for ( const entry of lists.flat() ) {
		const key = keyOf( entry );
		const known = byKey.get( key );
		if ( known ) {
			known.references.push(
				...entry.references.filter(
					( r ) => ! known.references.includes( r )
				)
			);
			entry.comments.forEach(
				( c ) =>
					known.comments.includes( c ) || known.comments.push( c )
			);
			entry.flags.forEach(
				( f ) => known.flags.includes( f ) || known.flags.push( f )
			);
			known.plural = known.plural ?? entry.plural;
		} else {
			byKey.set( key, {
				...entry,
				str: [],
				references: [ ...entry.references ],
				comments: [ ...entry.comments ],
				flags: entry.flags.filter( ( f ) => f !== 'no-php-format' ),
			} );
		}
	}
	return [ ...byKey.values() ];
}

export function makePot(): string {
	const tmp = mkdtempSync( join( tmpdir(), 'batchkeys-pot-' ) );
	try {
		const entries = merge( [
			fromPhp( tmp ),
			fromTypeScript(),
			fromBlockJson(),
		] );
		const version =
			readFileSync(
				join( root, 'plugin/kit/version.php' ),
				'utf8'
			).match( /'([0-9][^']*)'/ )?.[ 1 ] ?? '0.0.0';
		const header: Entry = {
			id: '',
			str: [
				[
					`Project-Id-Version: BatchKeys kit ${ version }`,
					'Report-Msgid-Bugs-To: ',
					'MIME-Version: 1.0',
					'Content-Type: text/plain; charset=UTF-8',
					'Content-Transfer-Encoding: 8bit',
					'X-Domain: batchkeys',
					'',
				].join( '\n' ),
			],
			comments: [],
			references: [],
			flags: [],
		};
		return (
			'# Translations of the BatchKeys kit (text domain "batchkeys"). Generated by npm run i18n.\n' +
			serialize( [ header, ...entries ] )
		);
	} finally {
		rmSync( tmp, { recursive: true, force: true } );
	}
}

if ( require.main === module ) {
	const pot = makePot();
	if ( process.argv.includes( '--check' ) ) {
		let current = '';
		try {
			current = readFileSync( target, 'utf8' );
		} catch {}
		if ( current !== pot ) {
			process.stderr.write(
				'plugin/kit/languages/batchkeys.pot is out of date: run npm run i18n\n'
			);
			process.exit( 1 );
		}
		process.stdout.write(
			`batchkeys.pot is current (${ parse( pot ).length - 1 } strings)\n`
		);
	} else {
		writeFileSync( target, pot );
		process.stdout.write(
			`wrote ${ relative( root, target ) } (${ parse( pot ).length - 1 } strings)\n`
		);
	}
}
