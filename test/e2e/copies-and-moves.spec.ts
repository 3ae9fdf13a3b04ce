/**
 * Copies and moves on the local site: the database's home option is changed (as a copy or a
 * move of the database would) while WP_HOME keeps the browser on the local site. The mock's log
 * proves what was sent.
 */
import { request as httpRequest } from 'node:http';
import { expect, test } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import { phpWords } from './support/words';
import {
	DEMO,
	DEMO_SCREEN,
	KEYS,
	license,
	mock,
	now,
	site,
} from './support/site';

const TWO_SEATS = 'E2ETWO1-SEATS22-AAAAAAA-BBBBBBB-CCCCCCC';
const ONE_SEAT = 'E2EONE1-SEATONE-AAAAAAA-BBBBBBB-CCCCCCC';
const DEACTIVATED = 'DEMO005-INACTIV-AAAAAAA-BBBBBBB-CCCCCCC';
const NOTICE = `.batchkeys-address[data-batchkeys-product="${ DEMO }"]`;
const ANSWER = `.batchkeys-address-answer[data-batchkeys-product="${ DEMO }"]`;

/**
 * A key activated at 127.0.0.1, due for its daily check, then the database at another address.
 *
 * @param key  The key.
 * @param home The new home URL.
 */
async function copiedTo( key: string, home: string ) {
	const t = now();
	license.store( {
		key,
		state: 'active',
		code: 'valid',
		last_checked: t - 3600,
		last_success: t - 3600,
		next_check: t - 60,
		activated_at: t - 86400,
		fingerprint: {
			domain: '127.0.0.1',
			home: site.url,
			env: 'local',
			blog_id: 1,
			network_id: 1,
			scope: 'site',
			install_id: '6f1c1d0e-0000-4000-8000-000000000001',
			at: t - 86400,
		},
	} );
	license.home( home );
	await mock.key( {
		key,
		domains_allowed: key === ONE_SEAT ? 1 : 2,
		domains: [ '127.0.0.1' ],
	} );
	await mock.resetLog();
}

/** Runs WP-Cron once, as a visitor's request would. */
function runCron(): Promise< number > {
	const url = new URL(
		`${ site.url }/wp-cron.php?doing_wp_cron=${ Date.now() }`
	);
	return new Promise( ( resolve, reject ) => {
		const req = httpRequest( url, {}, ( response ) => {
			response.resume();
			response.on( 'end', () => resolve( response.statusCode ?? 0 ) );
		} );
		req.on( 'error', reject );
		req.end();
	} );
}

async function answer( page: Page, label: string ) {
	await page.locator( NOTICE ).getByRole( 'button', { name: label } ).click();
	await expect( page.locator( ANSWER ) ).toBeVisible();
}

test.describe( 'copies and moves', () => {
	test.beforeEach( async () => {
		license.reset();
		await mock.reset();
	} );

	test.afterEach( async () => {
		license.reset();
		await mock.reset();
	} );

	for ( const bindOn of [ 'valid', 'active' ] as const ) {
		test( `a copy makes zero calls; the dashboard asks, with both addresses and a date (binding: ${ bindOn })`, async ( {
			page,
		} ) => {
			await mock.bindOn( bindOn );
			await copiedTo( TWO_SEATS, 'https://staging.example.com' );
			// The daily check is due: the cron run is the first to see the copy.
			expect( await runCron() ).toBe( 200 );
			await page.goto( '/wp-admin/' );
			const notice = page.locator( NOTICE );
			await expect( notice ).toContainText( '127.0.0.1' );
			await expect( notice ).toContainText( 'staging.example.com' );
			await expect( notice ).toContainText(
				'Premium features keep working until'
			);
			await expect(
				notice.getByRole( 'button', { name: 'A copy for testing' } )
			).toHaveClass( /button-primary/ );
			await page.goto( '/wp-admin/plugins.php' );
			await expect( page.locator( NOTICE ) ).toBeVisible();
			expect( await mock.requests() ).toEqual( [] );
			const key = ( await mock.keys() ).find(
				( k ) => k.key === TWO_SEATS
			);
			expect( key?.domains ).toEqual( [ '127.0.0.1' ] );
		} );
	}

	test( 'a copy for testing: no call, the question becomes a line on the license screen', async ( {
		page,
	} ) => {
		await copiedTo( TWO_SEATS, 'https://staging.example.com' );
		await page.goto( '/wp-admin/' );
		await answer( page, 'A copy for testing' );
		await expect( page.locator( ANSWER ) ).toContainText(
			phpWords( 'kept_as_copy' ).message
		);
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
		await page.goto( DEMO_SCREEN );
		await expect( page.locator( NOTICE ) ).toHaveAttribute(
			'data-status',
			'kept_as_copy'
		);
		expect( await runCron() ).toBe( 200 );
		expect( await mock.requests() ).toEqual( [] );
	} );

	test( 'the site moved here: one activation call for the new domain', async ( {
		page,
	} ) => {
		await copiedTo( TWO_SEATS, 'https://example.org' );
		await page.goto( '/wp-admin/plugins.php' );
		await expect(
			page
				.locator( NOTICE )
				.getByRole( 'button', { name: 'The site moved here' } )
		).toHaveClass( /button-primary/ );
		await answer( page, 'The site moved here' );
		await expect( page.locator( ANSWER ) ).toContainText(
			phpWords( 'valid' ).message
		);
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.domain ).toBe( 'example.org' );
		expect( requests[ 0 ].headers.active ).toBeUndefined();
	} );

	test( 'the site moved here, refused: nothing changes, the message says where to free the old activation', async ( {
		page,
	} ) => {
		await copiedTo( ONE_SEAT, 'https://example.org' );
		await page.goto( '/wp-admin/' );
		await answer( page, 'The site moved here' );
		const refused = phpWords( 'moved_refused' );
		await expect( page.locator( ANSWER ) ).toContainText( refused.message );
		await expect( page.locator( ANSWER ) ).toContainText( refused.hint );
		await expect( page.locator( NOTICE ) ).toContainText( '127.0.0.1' );
		expect( await mock.requests() ).toHaveLength( 1 );
	} );

	test( 'a different site: the copied key is removed here, no call', async ( {
		page,
	} ) => {
		await copiedTo( TWO_SEATS, 'https://other.example.net' );
		await page.goto( '/wp-admin/' );
		await answer( page, 'A different site' );
		await expect( page.locator( ANSWER ) ).toContainText(
			phpWords( 'deactivated' ).message
		);
		await page.goto( DEMO_SCREEN );
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
		expect( await mock.requests() ).toEqual( [] );
	} );

	test( 'a first activation on a staging-looking address asks first', async ( {
		page,
	} ) => {
		license.home( 'https://staging.example.com' );
		await page.goto( DEMO_SCREEN );
		await page
			.getByRole( 'textbox', { name: 'License key' } )
			.fill( KEYS.good );
		await page
			.getByRole( 'button', { name: 'Activate', exact: true } )
			.click();
		const dialog = page.getByRole( 'dialog' );
		await expect( dialog ).toContainText(
			phpWords( 'confirm_activation' ).hint
		);
		expect( await mock.requests() ).toEqual( [] );
		await dialog.getByRole( 'button', { name: 'Activate anyway' } ).click();
		await expect(
			page.locator( '.batchkeys-license__state' )
		).toContainText( 'Active' );
		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.domain ).toBe( 'staging.example.com' );
	} );

	test( 'a key the vendor switched off stays off when pasted', async ( {
		page,
	} ) => {
		await page.goto( DEMO_SCREEN );
		await page
			.getByRole( 'textbox', { name: 'License key' } )
			.fill( DEACTIVATED );
		await page
			.getByRole( 'button', { name: 'Activate', exact: true } )
			.click();
		await expect(
			page.locator( '.batchkeys-license__answer' )
		).toContainText( phpWords( 'invalid' ).message );
		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.active ).toBeUndefined();
		const key = ( await mock.keys() ).find(
			( k ) => k.key === DEACTIVATED
		);
		expect( key?.active ).toBe( false );
	} );
} );
