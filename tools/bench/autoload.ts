/**
 * Figure 3: the rows, autoloaded bytes and cron events the kit adds: first on a site where no
 * product has a key (the bench mu-plugin empties every batchkeys_* row, then the front page and
 * the dashboard load), then with the keys stored (kit on vs kit off).
 */
import { BUDGETS } from './budgets';
import { formatBytes } from './format';
import { makeCheck, TITLES, type Check, type Figure } from './report';
import type { AutoloadInfo } from './probe-line';
import type { Session } from './session';

/**
 * The no-key checks: run before any key is activated.
 *
 * @param session  A logged-in session.
 * @param progress Progress line.
 */
export async function measureNoKey(
	session: Session,
	progress: ( text: string ) => void
): Promise< Check[] > {
	progress( 'figure 3: no key stored: rows, autoloaded bytes, cron events' );
	const front = { key: 'nokey-front', path: '/', who: 'visitor' } as const;
	const dashboard = {
		key: 'nokey-dashboard',
		path: '/wp-admin/',
		who: 'admin',
	} as const;
	await session.load( front, { reset: true } );
	await session.load( dashboard );
	await session.load( front );
	const after = ( await session.load( front, { autoload: true } ) ).line
		.autoload;
	if ( after === null ) {
		throw new Error( 'the bench mu-plugin sent no autoload figures' );
	}
	return noKeyChecks( after );
}

function noKeyChecks( info: AutoloadInfo ): Check[] {
	return [
		makeCheck(
			'no key: batchkeys_* rows after the front page and the dashboard',
			info.kitRows.length,
			'count',
			BUDGETS.noKeyRows,
			info.kitRows.map( ( row ) => row.name ).join( ', ' ) || 'none'
		),
		makeCheck(
			"no key: kit's autoloaded option bytes",
			info.kitBytes,
			'bytes',
			BUDGETS.autoloadBytes,
			'rows written with autoload off, and none at all without a key'
		),
		makeCheck(
			'no key: batchkeys_recheck cron events',
			info.cronEvents,
			'count',
			BUDGETS.noKeyCronEvents,
			'the event comes with the first stored key'
		),
	];
}

export async function measureAutoload(
	session: Session,
	progress: ( text: string ) => void,
	noKey: Check[] | Error
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
			...( noKey instanceof Error
				? [
						makeCheck(
							'no key: not measured',
							null,
							'count',
							null,
							noKey.message
						),
					]
				: noKey ),
			makeCheck(
				`with keys: kit's autoloaded option bytes (${ on.kitRows.length } batchkeys_* rows)`,
				on.kitBytes,
				'bytes',
				BUDGETS.autoloadBytes,
				`autoload values: ${ values }${ autoloaded.length ? `; autoloaded: ${ autoloaded.map( ( row ) => `${ row.name } (${ row.autoload }, ${ row.bytes } B)` ).join( ', ' ) }` : '' }`
			),
			makeCheck(
				'with keys: batchkeys_recheck cron events',
				on.cronEvents,
				'count',
				null,
				'one event while a key is stored'
			),
			makeCheck(
				'with keys: wp_load_alloptions() size, kit on - kit off',
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
