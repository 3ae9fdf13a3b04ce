/**
 * Figure 7: the kit files each kind of request includes (the bench mu-plugin lists them from
 * get_included_files()): an anonymous front page, the dashboard, the license screen, a REST call.
 */
import { BUDGETS } from './budgets';
import { makeCheck, TITLES, type Figure } from './report';
import type { Page, Session } from './session';

const KINDS: Page[] = [
	{ key: 'front', path: '/', who: 'visitor' },
	{ key: 'dashboard', path: '/wp-admin/', who: 'admin' },
	{
		key: 'license',
		path: '/wp-admin/options-general.php?page=batchkeys-batchkeys-demo',
		who: 'admin',
	},
	{ key: 'rest-read', path: '/wp-json/batchkeys/v1/products', who: 'rest' },
];

const NAMES: Record< string, string > = {
	front: 'anonymous front page',
	dashboard: 'dashboard',
	license: 'license screen',
	'rest-read': 'REST call (GET batchkeys/v1/products)',
};

export async function measureFiles(
	session: Session,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress( 'figure 7: kit files per request kind' );
	const files: Record< string, string[] > = {};
	for ( const page of KINDS ) {
		// The second load: the first may do one-time work (a missing event put back).
		await session.load( page );
		const sample = await session.load( page );
		if ( sample.status !== 200 ) {
			throw new Error( `${ page.path }: HTTP ${ sample.status }` );
		}
		files[ page.key ] = sample.line.files;
	}
	return {
		id: 7,
		title: TITLES[ 7 ],
		checks: KINDS.map( ( page ) =>
			makeCheck(
				`kit files, ${ NAMES[ page.key ] }`,
				files[ page.key ].length,
				'count',
				page.key === 'front' ? BUDGETS.anonymousKitFiles : null,
				page.key === 'front'
					? files[ page.key ].join( ', ' )
					: `${ files[ page.key ].filter( ( file ) => file.includes( 'src/' ) ).length } classes`
			)
		),
		data: { files },
		error: null,
	};
}
