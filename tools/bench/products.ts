/**
 * The three products the page-load figures run with, and their activation through the REST API.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_KEYS } from '../../test/mock-api/seed';
import { jsonBody, type Reply } from './http';
import type { Session } from './session';

/** The demo product (plugin/batchkeys.php) and the two the bench mu-plugin registers. */
export const PRODUCTS = [
	{ slug: 'batchkeys-demo', key: DEMO_KEYS.good },
	{ slug: 'bench-two', key: DEMO_KEYS.good2 },
	{ slug: 'bench-three', key: DEMO_KEYS.good2 },
] as const;

/** The key the activation figure's products use (unlimited domains on the mock). */
export const ACTIVATION_KEY = DEMO_KEYS.good2;

function field( value: unknown, key: string ): unknown {
	return typeof value === 'object' &&
		value !== null &&
		! Array.isArray( value )
		? ( value as Record< string, unknown > )[ key ]
		: undefined;
}

/**
 * Seconds to wait before retrying a throttled (429) answer, from Retry-After; null otherwise.
 *
 * @param reply The answer.
 */
export function retryAfter( reply: Reply ): number | null {
	if ( reply.status !== 429 ) {
		return null;
	}
	const seconds = Number( reply.headers.get( 'retry-after' ) );
	return Number.isFinite( seconds ) && seconds > 0 ? seconds : null;
}

/**
 * Activates the three products' keys (waiting out one 10 s throttle at most) and checks that
 * the REST read shows them active.
 *
 * @param session  A logged-in session.
 * @param progress Progress printer.
 */
export async function activateProducts(
	session: Session,
	progress: ( text: string ) => void
): Promise< void > {
	for ( const product of PRODUCTS ) {
		const path = `batchkeys/v1/products/${ product.slug }/license`;
		let reply = await session.rest( path, 'POST', { key: product.key } );
		const wait = retryAfter( reply );
		if ( wait !== null && wait <= 15 ) {
			progress( `${ product.slug }: throttled, retrying in ${ wait } s` );
			await sleep( wait * 1000 + 200 );
			reply = await session.rest( path, 'POST', { key: product.key } );
		}
		if ( reply.status !== 200 ) {
			throw new Error(
				`activating ${ product.slug } failed: HTTP ${ reply.status } ${ reply.body.slice( 0, 300 ) }`
			);
		}
	}
	const list = jsonBody( await session.rest( 'batchkeys/v1/products' ) );
	const states = new Map< string, unknown >();
	if ( Array.isArray( list ) ) {
		for ( const item of list ) {
			states.set(
				String( field( item, 'slug' ) ),
				field( field( item, 'license' ), 'state' )
			);
		}
	}
	const inactive = PRODUCTS.filter(
		( product ) => states.get( product.slug ) !== 'active'
	);
	if ( inactive.length > 0 ) {
		throw new Error(
			`not active after activation: ${ inactive.map( ( product ) => `${ product.slug } (${ String( states.get( product.slug ) ?? 'not listed' ) })` ).join( ', ' ) }`
		);
	}
}
