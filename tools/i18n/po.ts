/**
 * A small reader and writer for the gettext catalogues the kit's tools make (POT and PO):
 * entries with context, plural and translator comments. Enough for tools/i18n, not a general
 * PO library.
 */
export interface Entry {
	context?: string;
	id: string;
	plural?: string;
	/** One string, or one per plural form. */
	str: string[];
	comments: string[];
	references: string[];
	flags: string[];
}

const unquote = ( line: string ): string => JSON.parse( line.trim() ) as string;

const quote = ( text: string ): string =>
	'"' +
	text
		.replace( /\\/g, '\\\\' )
		.replace( /"/g, '\\"' )
		.replace( /\n/g, '\\n' )
		.replace( /\t/g, '\\t' ) +
	'"';

export function parse( text: string ): Entry[] {
	const entries: Entry[] = [];
	for ( const block of text.split( /\n\s*\n/ ) ) {
		const entry: Entry = {
			id: '',
			str: [],
			comments: [],
			references: [],
			flags: [],
		};
		let field: string | null = null;
		let index = 0;
		let seen = false;
		for ( const line of block.split( '\n' ) ) {
			if ( line.startsWith( '#.' ) ) {
				entry.comments.push( line.slice( 2 ).trim() );
			} else if ( line.startsWith( '#:' ) ) {
				entry.references.push(
					...line.slice( 2 ).trim().split( /\s+/ )
				);
			} else if ( line.startsWith( '#,' ) ) {
				entry.flags.push(
					...line
						.slice( 2 )
						.split( ',' )
						.map( ( f ) => f.trim() )
				);
			} else if ( line.startsWith( '#' ) || line.trim() === '' ) {
				continue;
			} else {
				const match = line.match(
					/^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$/
				);
				if ( match ) {
					field = match[ 1 ].replace( /\[\d+\]$/, '' );
					index = match[ 2 ] ? Number( match[ 2 ] ) : 0;
					seen = true;
					append( entry, field, index, unquote( match[ 3 ] ) );
				} else if ( field && line.trim().startsWith( '"' ) ) {
					append( entry, field, index, unquote( line ) );
				}
			}
		}
		if ( seen ) {
			entries.push( entry );
		}
	}
	return entries;
}

function append( entry: Entry, field: string, index: number, text: string ) {
	if ( field === 'msgctxt' ) {
		entry.context = ( entry.context ?? '' ) + text;
	} else if ( field === 'msgid' ) {
		entry.id += text;
	} else if ( field === 'msgid_plural' ) {
		entry.plural = ( entry.plural ?? '' ) + text;
	} else {
		entry.str[ index ] = ( entry.str[ index ] ?? '' ) + text;
	}
}

export function serialize( entries: Entry[] ): string {
	return (
		entries
			.map( ( entry ) => {
				const lines: string[] = [];
				entry.comments.forEach( ( c ) => lines.push( '#. ' + c ) );
				if ( entry.references.length ) {
					lines.push( '#: ' + entry.references.join( ' ' ) );
				}
				if ( entry.flags.length ) {
					lines.push( '#, ' + entry.flags.join( ', ' ) );
				}
				if ( entry.context !== undefined ) {
					lines.push( 'msgctxt ' + quote( entry.context ) );
				}
				lines.push( 'msgid ' + quote( entry.id ) );
				if ( entry.plural !== undefined ) {
					lines.push( 'msgid_plural ' + quote( entry.plural ) );
					const forms = entry.str.length ? entry.str : [ '', '' ];
					forms.forEach( ( s, i ) =>
						lines.push( `msgstr[${ i }] ` + quote( s ?? '' ) )
					);
				} else {
					lines.push( 'msgstr ' + quote( entry.str[ 0 ] ?? '' ) );
				}
				return lines.join( '\n' );
			} )
			.join( '\n\n' ) + '\n'
	);
}

/**
 * The key gettext and Jed use for an entry: context, EOT, id.
 * @param entry
 */
export const keyOf = ( entry: Entry ): string =>
	( entry.context !== undefined ? entry.context + '\u0004' : '' ) + entry.id;
