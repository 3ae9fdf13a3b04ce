/**
 * Figure 3: the autoloaded option bytes the kit adds, read by the bench mu-plugin on a front-end
 * request with the kit on and one with it off.
 */
import { BUDGETS } from './budgets';
import { formatBytes } from './format';
import { makeCheck, TITLES, type Figure } from './report';
import type { Session } from './session';

export async function measureAutoload(
	session: Session,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress( 'figure 3: autoloaded options, kit on and off' );
	const page = { key: 'autoload', path: '/', who: 'visitor' } as const;
	const on = ( await session.load( page, { autoload: true } ) ).line.autoload;
	const off = ( await session.load( page, { autoload: true, kitOff: true } ) )
		.line.autoload;
	if ( on === null || off === null ) {
		throw new Error( 'the bench mu-plugin sent no autoload figures' );
	}
	const autoloaded = on.kitRows.filter( ( row ) => row.autoloaded );
	const values =
		[ ...new Set( on.kitRows.map( ( row ) => row.autoload ) ) ].join(
			'/'
		) || 'none';
	return {
		id: 3,
		title: TITLES[ 3 ],
		checks: [
			makeCheck(
				`kit's autoloaded option bytes (${ on.kitRows.length } batchkeys_* rows)`,
				on.kitBytes,
				'bytes',
				BUDGETS.autoloadBytes,
				`autoload values: ${ values }${ autoloaded.length ? `; autoloaded: ${ autoloaded.map( ( row ) => `${ row.name } (${ row.autoload }, ${ row.bytes } B)` ).join( ', ' ) }` : '' }`
			),
			makeCheck(
				'wp_load_alloptions() size, kit on - kit off',
				on.alloptionsBytes - off.alloptionsBytes,
				'bytes',
				BUDGETS.autoloadBytes,
				`on ${ formatBytes( on.alloptionsBytes ) } (${ on.alloptionsCount } options) / off ${ formatBytes( off.alloptionsBytes ) } (${ off.alloptionsCount } options)`
			),
		],
		data: {
			kit_rows: on.kitRows.map( ( row ) => ( { ...row } ) ),
			kit_autoloaded_bytes: on.kitBytes,
			alloptions_bytes_on: on.alloptionsBytes,
			alloptions_bytes_off: off.alloptionsBytes,
			alloptions_count_on: on.alloptionsCount,
			alloptions_count_off: off.alloptionsCount,
		},
		error: null,
	};
}
