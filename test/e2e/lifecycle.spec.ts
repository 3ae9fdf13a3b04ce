/**
 * The edges of the lifecycle on the license screen, against the real site and the mock: the
 * service's own words (cut, masked, wrapped), the site limit named on a refused key, the notice
 * that follows the answer, the rate-limit pause, and a typo corrected at once with a wait that
 * counts down. A screenshot of each under artifacts/screenshots/.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import { KEYS, license, mock, screenshot } from './support/site';
import {
	licenseScreen as screen,
	openLicenseScreen as open,
} from './support/screen';

const LOCKED = 'DEMO003-LOCKED0-AAAAAAA-BBBBBBB-CCCCCCC';
const DELETED = 'DEMO006-DELETED-AAAAAAA-BBBBBBB-CCCCCCC';
const TOO_FAST = 'You’re sending keys too fast. Please try again later.';

/**
 * The number in "in 8 seconds".
 *
 * @param text The wait as shown.
 */
const seconds = ( text: string | null ) =>
	Number( /\d+/.exec( text ?? '' )?.[ 0 ] ?? NaN );

async function activateGood( page: Page ) {
	const ui = screen( page );
	await ui.field.fill( KEYS.good );
	await ui.activate.click();
	await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
	// The specs below start a new burst of requests.
	license.unthrottle();
}

test.beforeEach( async () => {
	await mock.reset();
	license.reset();
} );

test.afterAll( async () => {
	await mock.reset();
	license.reset();
} );

test( 'an unknown upstream error on a first activation shows its words, cut, masked and wrapped', async ( {
	page,
}, testInfo ) => {
	await mock.fault( {
		mode: 'error',
		error: `Backend refused key ${ KEYS.good }: ${ 'x'.repeat( 900 ) }`,
		times: 1,
	} );
	await open( page );
	const ui = screen( page );
	await ui.field.fill( KEYS.good );
	await ui.activate.click();
	const detail = ui.notice.locator( '.batchkeys-license__detail code' );
	await expect( detail ).toContainText(
		'Backend refused key •••••••-•••••••-•••••••-•••••••-•••CCCC'
	);
	await expect( page.getByText( KEYS.good ) ).toHaveCount( 0 );
	const text = ( await detail.textContent() ) ?? '';
	expect( text.length ).toBeLessThanOrEqual( 300 );
	expect( text.endsWith( '…' ) ).toBe( true );
	await expect( ui.notice ).toHaveClass( /is-error/ );
	// The words wrap in the layout: the page is no wider than the window.
	const widths = await page.evaluate( () => ( {
		page: document.documentElement.scrollWidth,
		window: document.documentElement.clientWidth,
	} ) );
	expect( widths.page ).toBeLessThanOrEqual( widths.window );
	await screenshot( page, 'lifecycle-upstream-detail', testInfo );
} );

test( 'a refused key names the site limit as the likely cause', async ( {
	page,
}, testInfo ) => {
	await open( page );
	const ui = screen( page );
	await ui.field.fill( LOCKED );
	await ui.activate.click();
	await expect( ui.notice ).toHaveClass( /is-error/ );
	await expect( ui.notice ).toContainText(
		'already active on as many sites as it allows'
	);
	await expect( ui.notice ).toContainText(
		'To free one, deactivate the key'
	);
	await screenshot( page, 'lifecycle-site-limit', testInfo );
} );

test( 'a first not-valid answer is a warning that names the confirming check', async ( {
	page,
}, testInfo ) => {
	await open( page );
	await activateGood( page );
	const ui = screen( page );
	await mock.fault( { mode: 'over_limit' } );
	await ui.checkNow.click();
	await expect( ui.notice ).toContainText( 'confirming check on' );
	await expect( ui.notice ).toHaveClass( /is-warning/ );
	await expect( ui.notice ).not.toHaveClass( /is-success/ );
	await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
	await screenshot( page, 'lifecycle-first-strike', testInfo );
} );

test( 'during a rate-limit pause the buttons wait for its end, and the dashboard names it', async ( {
	page,
}, testInfo ) => {
	await open( page );
	await activateGood( page );
	const ui = screen( page );
	await mock.fault( { mode: 'error', error: TOO_FAST } );
	await ui.checkNow.click();
	await expect( ui.notice ).toHaveClass( /is-warning/ );
	await expect( ui.activate ).toBeDisabled();
	await expect( ui.checkNow ).toBeDisabled();
	await expect( ui.deactivate ).toBeEnabled();
	await expect( page.locator( '.batchkeys-license__paused' ) ).toContainText(
		'Activate and Check now are available again on'
	);
	await expect( page.getByText( 'Paused by BatchKeys until' ) ).toBeVisible();
	await screenshot( page, 'lifecycle-paused', testInfo );

	// After a reload too (the page reads the pause from PHP).
	await page.reload();
	await expect( screen( page ).activate ).toBeDisabled();

	await page.goto( '/wp-admin/index.php' );
	const notice = page.locator(
		'.batchkeys-notice[data-batchkeys-product="batchkeys-demo"]'
	);
	await expect( notice ).toContainText( 'asked this site to pause' );
	await expect( notice ).not.toContainText( 'could not be reached' );
	await screenshot( page, 'lifecycle-paused-dashboard', testInfo );
} );

test( 'a typo is corrected at once; the wait, when there is one, counts down', async ( {
	page,
}, testInfo ) => {
	await open( page );
	const ui = screen( page );
	await ui.field.fill( DELETED );
	await ui.activate.click();
	await expect( ui.notice ).toHaveClass( /is-error/ );
	// The right key, straight away: no "Please wait".
	await ui.field.fill( KEYS.good );
	await ui.activate.click();
	await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
	await expect( ui.notice ).toHaveClass( /is-success/ );
	await expect( page.getByText( 'Next request allowed' ) ).toHaveCount( 0 );

	// The third request of the burst, then a fourth is held back with a countdown.
	await ui.checkNow.click();
	await expect( ui.notice ).toHaveClass( /is-success/ );
	await ui.checkNow.click();
	await expect( ui.notice ).toContainText( 'Please wait' );
	await expect( ui.wait ).toBeVisible();
	const first = seconds( await ui.wait.textContent() );
	expect( first ).toBeGreaterThan( 1 );
	await expect
		.poll( async () => seconds( await ui.wait.textContent() ), {
			timeout: 5000,
		} )
		.toBeLessThan( first );
	await screenshot( page, 'lifecycle-countdown', testInfo );
} );
