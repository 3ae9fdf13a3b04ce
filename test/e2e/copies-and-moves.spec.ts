/**
 * Copies and moves on the local site: the database's home option is changed (as a copy or a
 * move of the database would) while WP_HOME keeps the browser on the local site. The mock's log
 * proves what was sent; each test that depends on how BatchKeys binds a domain runs under both of
 * the mock's readings. Bad input and faults: copies-and-moves-faults.spec.ts.
 */
import { expect, test } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import { phpWords } from './support/words';
import { DEMO, DEMO_SCREEN, KEYS, license, mock, now } from './support/site';
import {
	ANSWER,
	BINDINGS,
	DEACTIVATED,
	NOTICE,
	ONE_SEAT,
	TWO_SEATS,
	answer,
	atBatchKeys,
	copiedTo,
	expectBoundHereOnly,
	resetAroundEachTest,
	runCron,
	siteDate,
	view,
} from './support/copies';

/** A staging copy's address. */
const STAGING = 'https://staging.example.com';

/**
 * Under one of the mock's readings, a key's record copied to another address.
 *
 * @param bindOn The mock's reading.
 * @param key    The key.
 * @param home   The new home URL.
 */
async function copiedUnder(
	bindOn: ( typeof BINDINGS )[ number ],
	key: string,
	home: string
) {
	await mock.bindOn( bindOn );
	await copiedTo( key, home );
}

/**
 * As copiedUnder(), then the cron run that first sees the copy (the daily check is due).
 *
 * @param bindOn The mock's reading.
 * @param key    The key.
 * @param home   The new home URL.
 * @return The time just before that cron run (Unix seconds).
 */
async function copiedAndSeen(
	bindOn: ( typeof BINDINGS )[ number ],
	key: string,
	home: string
): Promise< number > {
	await copiedUnder( bindOn, key, home );
	const seenFrom = now();
	expect( await runCron() ).toEqual( {
		[ DEMO ]: 'address_changed',
	} );
	return seenFrom;
}

/**
 * Answers the notice with one of its buttons and checks the outcome's message.
 *
 * @param page  The page showing the notice.
 * @param label The button's label.
 * @param code  The kit code whose message the outcome shows.
 */
async function answerWith( page: Page, label: string, code: string ) {
	await answer( page, label );
	await expect( page.locator( ANSWER ) ).toContainText(
		phpWords( code ).message
	);
}

test.describe( 'copies and moves', () => {
	resetAroundEachTest();

	for ( const bindOn of BINDINGS ) {
		test( `a copy makes zero calls; the dashboard asks, with both addresses and a date (binding: ${ bindOn })`, async ( {
			page,
			requestUtils,
		} ) => {
			await copiedAndSeen( bindOn, TWO_SEATS, STAGING );
			await page.goto( '/wp-admin/' );
			const notice = page.locator( NOTICE );
			await expect( notice ).toContainText( '127.0.0.1' );
			await expect( notice ).toContainText( 'staging.example.com' );
			const seen = await view( requestUtils );
			expect( seen.address?.status ).toBe( 'changed' );
			await expect( notice ).toContainText(
				`Premium features keep working until ${ siteDate(
					String( seen.address?.features_until )
				) }.`
			);
			await expect(
				notice.getByRole( 'button', { name: 'A copy for testing' } )
			).toHaveClass( /button-primary/ );
			await page.goto( '/wp-admin/plugins.php' );
			await expect( page.locator( NOTICE ) ).toBeVisible();
			expect( license.isActive() ).toBe( true );
			// A day on it is not due again; nothing runs, nothing is sent.
			expect( await runCron() ).toBeNull();
			expect( await mock.requests() ).toEqual( [] );
			await expectBoundHereOnly( TWO_SEATS );
		} );

		test( `a moved site keeps its features, with a dated notice (binding: ${ bindOn })`, async ( {
			page,
			requestUtils,
		} ) => {
			const before = await copiedAndSeen(
				bindOn,
				ONE_SEAT,
				'https://example.org'
			);
			// batchkeys_is_active() as a product's feature gate reads it on a page load.
			expect( license.isActive() ).toBe( true );
			const seen = await view( requestUtils );
			expect( seen.features_enabled ).toBe( true );
			expect( seen.state ).toBe( 'grace' );
			expect( seen.address?.current_domain ).toBe( 'example.org' );
			expect( seen.address?.suggested ).toBe( 'moved' );
			const until = Date.parse( String( seen.address?.features_until ) );
			expect( until / 1000 - before ).toBeGreaterThanOrEqual(
				30 * 86400 - 5
			);
			expect( until / 1000 - before ).toBeLessThanOrEqual(
				30 * 86400 + 60
			);
			await page.goto( '/wp-admin/plugins.php' );
			const notice = page.locator( NOTICE );
			await expect( notice ).toContainText( 'example.org' );
			await expect( notice ).toContainText(
				siteDate( String( seen.address?.features_until ) )
			);
			await expect(
				notice.getByRole( 'button', { name: 'The site moved here' } )
			).toHaveClass( /button-primary/ );
			expect( await mock.requests() ).toEqual( [] );
			await expectBoundHereOnly( ONE_SEAT );
		} );

		test( `a copy for testing: no call, the question becomes a line on the license screen (binding: ${ bindOn })`, async ( {
			page,
		} ) => {
			await copiedAndSeen( bindOn, TWO_SEATS, STAGING );
			await page.goto( '/wp-admin/' );
			await answerWith( page, 'A copy for testing', 'kept_as_copy' );
			await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
			await page.goto( DEMO_SCREEN );
			await expect( page.locator( NOTICE ) ).toHaveAttribute(
				'data-status',
				'kept_as_copy'
			);
			expect( await runCron() ).toBeNull();
			expect( license.isActive() ).toBe( true );
			expect( await mock.requests() ).toEqual( [] );
			await expectBoundHereOnly( TWO_SEATS );
		} );

		test( `the site moved here: one activation call for the new domain (binding: ${ bindOn })`, async ( {
			page,
			requestUtils,
		} ) => {
			await copiedUnder( bindOn, TWO_SEATS, 'https://example.org' );
			await page.goto( '/wp-admin/plugins.php' );
			await answerWith( page, 'The site moved here', 'valid' );
			await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
			const requests = await mock.requests();
			expect( requests ).toHaveLength( 1 );
			expect( requests[ 0 ].headers.domain ).toBe( 'example.org' );
			expect( requests[ 0 ].headers.active ).toBeUndefined();
			const moved = await view( requestUtils );
			expect( moved.state ).toBe( 'active' );
			expect( moved.domain ).toBe( 'example.org' );
			expect( moved.address ).toBeNull();
			expect( license.isActive() ).toBe( true );
			// Without `active: 1`, only the reading where any valid answer binds takes a seat.
			expect( await atBatchKeys( TWO_SEATS ) ).toEqual( {
				domains:
					bindOn === 'valid'
						? [ '127.0.0.1', 'example.org' ]
						: [ '127.0.0.1' ],
				active: true,
			} );
		} );

		test( `the site moved here, refused: nothing changes, the message says where to free the old activation (binding: ${ bindOn })`, async ( {
			page,
			requestUtils,
		} ) => {
			await copiedUnder( bindOn, ONE_SEAT, 'https://example.org' );
			await page.goto( '/wp-admin/' );
			const before = await view( requestUtils );
			await answer( page, 'The site moved here' );
			const refused = phpWords( 'moved_refused' );
			await expect( page.locator( ANSWER ) ).toContainText(
				refused.message
			);
			await expect( page.locator( ANSWER ) ).toContainText(
				refused.hint
			);
			await expect( page.locator( NOTICE ) ).toContainText( '127.0.0.1' );
			expect( await mock.requests() ).toHaveLength( 1 );
			const after = await view( requestUtils );
			expect( after ).toEqual( before );
			expect( after.strike ).toBe( false );
			expect( license.isActive() ).toBe( true );
			await expectBoundHereOnly( ONE_SEAT );
		} );

		test( `a different site: the copied key is removed here, no call (binding: ${ bindOn })`, async ( {
			page,
		} ) => {
			await copiedUnder( bindOn, TWO_SEATS, 'https://other.example.net' );
			await page.goto( '/wp-admin/' );
			await answerWith( page, 'A different site', 'deactivated' );
			await page.goto( DEMO_SCREEN );
			await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
			expect( license.isActive() ).toBe( false );
			expect( await mock.requests() ).toEqual( [] );
			// The production site's key: still on, still bound.
			await expectBoundHereOnly( TWO_SEATS );
		} );

		test( `a key the vendor switched off stays off when pasted (binding: ${ bindOn })`, async ( {
			page,
		} ) => {
			await mock.bindOn( bindOn );
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
			expect( await atBatchKeys( DEACTIVATED ) ).toEqual( {
				domains: [],
				active: false,
			} );
			expect( license.isActive() ).toBe( false );
		} );
	}

	test( 'a first activation on a staging-looking address asks first', async ( {
		page,
	} ) => {
		license.home( STAGING );
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
} );
