/**
 * What the copies-and-moves specs share: a clean slate around each test, a record activated at
 * 127.0.0.1 whose database is then seen at another address, WP-Cron run as a visitor's request
 * would run it (with the Host header the spec chooses), the notice's answers, the mock's binding
 * of a key, and the license view as REST answers it.
 */
import { request as httpRequest } from 'node:http';
import { expect, test } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import { DEMO, LICENSE_ROUTE, license, mock, now, site } from './site';

export const TWO_SEATS = 'E2ETWO1-SEATS22-AAAAAAA-BBBBBBB-CCCCCCC';
export const ONE_SEAT = 'E2EONE1-SEATONE-AAAAAAA-BBBBBBB-CCCCCCC';
export const DEACTIVATED = 'DEMO005-INACTIV-AAAAAAA-BBBBBBB-CCCCCCC';
export const NOTICE = `.batchkeys-address[data-batchkeys-product="${ DEMO }"]`;
export const ANSWER = `.batchkeys-address-answer[data-batchkeys-product="${ DEMO }"]`;
export const BINDINGS = [ 'valid', 'active' ] as const;

/**
 * Each test of the describe block starts and ends with no license record and the mock as seeded,
 * so that no test sees another's copy.
 *
 * @param undo What else the spec changes, undone after each test before the reset.
 */
export function resetAroundEachTest( undo: () => void = () => {} ) {
	test.beforeEach( async () => {
		license.reset();
		await mock.reset();
	} );

	test.afterEach( async () => {
		undo();
		license.reset();
		await mock.reset();
	} );
}

/** The parts of the license view (docs/architecture.md) these specs read. */
export interface View {
	state: string;
	code: string;
	features_enabled: boolean;
	strike: boolean;
	domain: string | null;
	grace_until: string | null;
	address: null | {
		status: string;
		reason: string;
		current_domain: string;
		features_until: string | null;
		hints: string[];
		suggested: string;
		constant_error: string | null;
	};
}

/** A minimal REST client: requestUtils of @wordpress/e2e-test-utils-playwright. */
interface Rest {
	rest: < T >( options: { path: string; method?: string } ) => Promise< T >;
}

/**
 * The demo product's license view (stored state only, no call).
 *
 * @param requestUtils The fixture.
 */
export function view( requestUtils: Rest ): Promise< View > {
	return requestUtils.rest< View >( { path: LICENSE_ROUTE } );
}

/**
 * A key activated at 127.0.0.1, due for its daily check, then the database at another address.
 *
 * @param key         The key.
 * @param home        The new home URL.
 * @param fingerprint Fingerprint fields that differ (another blog, environment, domain).
 */
export async function copiedTo(
	key: string,
	home: string,
	fingerprint: Record< string, unknown > = {}
) {
	const t = now();
	const print = {
		domain: '127.0.0.1',
		home: site.url,
		env: 'local',
		blog_id: 1,
		network_id: 1,
		scope: 'site',
		install_id: '6f1c1d0e-0000-4000-8000-000000000001',
		at: t - 86400,
		...fingerprint,
	};
	license.store( {
		key,
		state: 'active',
		code: 'valid',
		last_checked: t - 3600,
		last_success: t - 3600,
		next_check: t - 60,
		activated_at: t - 86400,
		fingerprint: print,
	} );
	license.home( home );
	await mock.key( {
		key,
		domains_allowed: key === ONE_SEAT ? 1 : 2,
		domains: [ print.domain ],
	} );
	await mock.resetLog();
}

/**
 * A GET request to the site, anonymous, with the given Host header (fetch() may not set one).
 *
 * @param path The path and query.
 * @param host The Host header (default: the site's own).
 */
export function visit(
	path: string,
	host?: string
): Promise< { status: number; body: string } > {
	return new Promise( ( resolve, reject ) => {
		const req = httpRequest(
			new URL( site.url + path ),
			{ headers: host ? { host } : {} },
			( response ) => {
				let body = '';
				response.setEncoding( 'utf8' );
				response.on( 'data', ( chunk: string ) => ( body += chunk ) );
				response.on( 'end', () =>
					resolve( { status: response.statusCode ?? 0, body } )
				);
			}
		);
		req.on( 'error', reject );
		req.end();
	} );
}

/**
 * Runs WP-Cron once, as a visitor's request or a system cron job would: an anonymous GET of
 * wp-cron.php (without `doing_wp_cron`, which only a spawn holding WP-Cron's lock may pass),
 * with the given Host header. Resolves to the kit's recheck outcomes (slug => kit code) when the
 * kit's event ran in that request, else null, so a test can tell "no call" from "did not run".
 *
 * @param host The Host header (default: the site's own).
 */
export async function runCron(
	host?: string
): Promise< Record< string, string > | null > {
	const before = license.cronUnlock();
	const { status } = await visit( '/wp-cron.php', host );
	expect( status ).toBe( 200 );
	const after = license.cronLastRun();
	return after === before
		? null
		: ( JSON.parse( after ) as { outcomes: Record< string, string > } )
				.outcomes;
}

/**
 * Answers the question with one of the notice's buttons and waits for the outcome.
 *
 * @param page  The page showing the notice.
 * @param label The button's label.
 */
export async function answer( page: Page, label: string ) {
	await page.locator( NOTICE ).getByRole( 'button', { name: label } ).click();
	await expect( page.locator( ANSWER ) ).toBeVisible();
}

/**
 * The domains the mock has bound to a key, and whether the key is on.
 *
 * @param key The key.
 */
export async function atBatchKeys(
	key: string
): Promise< { domains: unknown; active: unknown } > {
	const found = ( await mock.keys() ).find( ( k ) => k.key === key );
	return { domains: found?.domains, active: found?.active };
}

/**
 * Checks that the mock still binds the key to this site's domain only, and keeps it on: what no
 * copy or move may cost the production site.
 *
 * @param key The key.
 */
export async function expectBoundHereOnly( key: string ) {
	expect( await atBatchKeys( key ) ).toEqual( {
		domains: [ '127.0.0.1' ],
		active: true,
	} );
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/**
 * A date as the local site prints it (Clock::local(): WordPress's default `F j, Y g:i a`, UTC).
 *
 * @param iso ISO 8601 date.
 */
export function siteDate( iso: string ): string {
	const d = new Date( iso );
	const hour = d.getUTCHours() % 12 || 12;
	const minutes = String( d.getUTCMinutes() ).padStart( 2, '0' );
	const half = d.getUTCHours() < 12 ? 'am' : 'pm';
	return `${ MONTHS[ d.getUTCMonth() ] } ${ d.getUTCDate() }, ${ d.getUTCFullYear() } ${ hour }:${ minutes } ${ half }`;
}
