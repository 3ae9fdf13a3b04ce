/**
 * Figure 10: what a page with the license block sends a visitor, and what it sends a person who
 * manages the product. render.php prints the form, and enqueues the view script, only for the
 * second; a visitor gets the author's note or nothing, and no script of the kit.
 */
import { gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets';
import { jsonBody, request } from './http';
import { makeCheck, TITLES, type Figure } from './report';
import type { Session } from './session';

/** The kit's built scripts a page links (under any kit copy's build/). */
const KIT_SCRIPT =
	/<script[^>]+src="([^"]*\/build\/(?:block|admin)\/[^"]+\.js)[^"]*"/g;

/**
 * The kit scripts an HTML page links, as paths without their query.
 *
 * @param html The page.
 */
export function kitScripts( html: string ): string[] {
	const found = new Set< string >();
	for ( const match of html.matchAll( KIT_SCRIPT ) ) {
		found.add( match[ 1 ].split( '?' )[ 0 ].replace( /&amp;.*$/, '' ) );
	}
	return [ ...found ].sort();
}

async function gzipBytes( urls: string[] ): Promise< number > {
	let total = 0;
	for ( const url of urls ) {
		const reply = await request( url );
		if ( reply.status !== 200 ) {
			throw new Error( `${ url }: HTTP ${ reply.status }` );
		}
		total += gzipSync( Buffer.from( reply.body ), { level: 9 } ).length;
	}
	return total;
}

export async function measureBlockPage(
	session: Session,
	progress: ( text: string ) => void
): Promise< Figure > {
	progress( 'figure 10: a page with the license block, visitor and admin' );
	const created = await session.rest( 'wp/v2/pages', 'POST', {
		title: 'Bench license block',
		status: 'publish',
		content:
			'<!-- wp:batchkeys/license-form {"product":"batchkeys-demo","note":"Ask the site owner."} /-->',
	} );
	const page = jsonBody( created ) as { id?: number; link?: string } | null;
	if ( created.status !== 201 || ! page?.id || ! page.link ) {
		throw new Error( `creating the page: HTTP ${ created.status }` );
	}
	try {
		const visitor = await request( page.link );
		const admin = await request( page.link, { jar: session.jar } );
		if ( visitor.status !== 200 || admin.status !== 200 ) {
			throw new Error(
				`the block page: HTTP ${ visitor.status } / ${ admin.status }`
			);
		}
		if ( ! visitor.body.includes( 'Ask the site owner.' ) ) {
			throw new Error( "the visitor's page lacks the block's note" );
		}
		const forVisitor = kitScripts( visitor.body );
		const forAdmin = kitScripts( admin.body );
		if ( ! forAdmin.some( ( src ) => src.endsWith( '/block/view.js' ) ) ) {
			// Without it the visitor's 0 would prove nothing about the page.
			throw new Error(
				"the admin's page does not link the block's view script"
			);
		}
		const visitorBytes = await gzipBytes( forVisitor );
		const adminBytes = await gzipBytes( forAdmin );
		return {
			id: 10,
			title: TITLES[ 10 ],
			checks: [
				makeCheck(
					'kit scripts sent to a visitor, gzipped',
					visitorBytes,
					'bytes',
					BUDGETS.visitorBlockScriptGzip,
					forVisitor.length
						? forVisitor.join( ', ' )
						: 'none linked; the note only'
				),
				makeCheck(
					'kit scripts sent to an administrator, gzipped',
					adminBytes,
					'bytes',
					null,
					forAdmin.join( ', ' )
				),
			],
			data: {
				visitor: forVisitor,
				admin: forAdmin,
				visitorBytes,
				adminBytes,
			},
			error: null,
		};
	} finally {
		await session.rest(
			`wp/v2/pages/${ page.id }?force=true&_method=DELETE`,
			'POST'
		);
	}
}
