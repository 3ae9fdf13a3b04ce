/**
 * The key form people expect, on the license screen and in the block: a key pasted from a
 * receipt (en dashes, a line break) is accepted, a wrong character is named with its position,
 * axe-core finds no serious or critical violation in any state (screen, busy, modal, notices,
 * block in the editor and on the front end), the block's Check now and Deactivate work, and a
 * generated test locale (en_XA) translates PHP and script strings from the kit's own folder.
 * Screenshots and axe results go to artifacts/.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { phpWords } from './support/words';
import { expectAccessible } from './support/axe';
import {
	licenseScreen as ui,
	openLicenseScreen as open,
} from './support/screen';
import {
	DEMO,
	DEMO_SCREEN,
	KEYS,
	LICENSE_ROUTE,
	ROOT,
	license,
	mock,
	now,
	screenshot,
	site,
} from './support/site';

// Each scan and page load is slow on a small machine; the long walks get the time they need.
test.describe.configure( { mode: 'serial', timeout: 300_000 } );

const SCREEN = '#wpbody-content';
const FORM = '.wp-block-batchkeys-license-form[data-slug]';
const BLOCK = `<!-- wp:batchkeys/license-form {"product":"${ DEMO }"} /-->`;

/**
 * Sets the site's and the admin's language as WordPress stores them (the REST API takes installed ones only).
 * @param locale
 */
function setLocale( locale: string ) {
	const env = { ...process.env };
	delete env.WP_TEST_DB;
	execFileSync(
		'php',
		[
			join( __dirname, 'support', 'site-state.php' ),
			site.abspath,
			site.url,
			'locale',
			DEMO,
			JSON.stringify( locale ),
		],
		{ env, stdio: [ 'ignore', 'ignore', 'inherit' ] }
	);
}

test.beforeEach( async () => {
	await mock.reset();
	license.reset();
} );

test( 'a key pasted with en dashes and a line break is accepted', async ( {
	page,
}, testInfo ) => {
	await open( page );
	const { field, activate, state, answer } = ui( page );
	await field.focus();
	// What a paste does: one insertion of the whole text.
	await page.keyboard.insertText(
		KEYS.good.replace( /-/g, '\u2013' ) + '\n'
	);
	await expect( field ).toHaveValue( KEYS.good );
	await expect( field ).toHaveAttribute( 'aria-invalid', 'false' );
	await expect( field ).toHaveAccessibleDescription( /39 of 39 characters/ );
	await screenshot( page, 'form-pasted-en-dashes', testInfo );
	await activate.click();
	await expect( state ).toHaveAttribute( 'data-state', 'active' );
	await expect( answer ).toContainText( phpWords( 'valid' ).message );
	const requests = await mock.requests();
	expect( requests ).toHaveLength( 1 );
	expect( requests[ 0 ].headers.key ).toBe( KEYS.good );
} );

test( 'a wrong character is named with its position, with the format’s hint', async ( {
	page,
}, testInfo ) => {
	await open( page );
	const { field, activate } = ui( page );
	await field.fill( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCC€CC' );
	// Neutral while typing.
	await expect( field ).toHaveAttribute( 'aria-invalid', 'false' );
	await activate.click();
	await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( field ).toHaveAccessibleDescription(
		'The 37th character, “€” (U+20AC), cannot be in a license key. ' +
			phpWords( 'key_characters' ).hint
	);
	await screenshot( page, 'form-wrong-character-named', testInfo );
	await expectAccessible( page, 'screen-error', testInfo, SCREEN );
	expect( await mock.requests() ).toEqual( [] );
} );

test( 'the license screen passes axe in every state', async ( {
	page,
	requestUtils,
}, testInfo ) => {
	const { field, activate, deactivate, state } = ui( page );
	await open( page );
	await expectAccessible( page, 'screen-inactive', testInfo, SCREEN );

	await field.pressSequentially( 'DEMO001GOO' );
	await expectAccessible( page, 'screen-typing', testInfo, SCREEN );

	// Busy: the button keeps its label, disabled; the wait is announced.
	await mock.fault( { mode: 'delay', delay_ms: 2500 } );
	await field.fill( KEYS.good );
	await activate.click();
	await expect( activate ).toBeDisabled();
	await expect( activate ).toHaveAccessibleName( 'Activate' );
	await expect( page.locator( '.batchkeys-license' ) ).toHaveAttribute(
		'aria-busy',
		'true'
	);
	await expect(
		page.locator( '.batchkeys-license .components-spinner' )
	).toBeVisible();
	await screenshot( page, 'form-screen-busy', testInfo );
	await expectAccessible( page, 'screen-busy', testInfo, SCREEN );
	await expect( state ).toHaveAttribute( 'data-state', 'active' );
	await expectAccessible( page, 'screen-active', testInfo, SCREEN );

	await deactivate.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Deactivate the license?',
	} );
	await expect( dialog ).toBeVisible();
	await expectAccessible(
		page,
		'screen-modal',
		testInfo,
		'.components-modal__frame'
	);
	await page.keyboard.press( 'Escape' );

	const day = 86400;
	const t = now();
	const stored = {
		key: KEYS.good,
		last_checked: t - 3600,
		next_check: t + day,
		activated_at: t - 30 * day,
	};
	for ( const [ name, record ] of [
		[
			'grace',
			{
				...stored,
				state: 'grace',
				code: 'connection',
				last_success: t - 2 * day,
				grace_until: t + 5 * day,
				failures: 3,
			},
		],
		[
			'lapsed',
			{
				...stored,
				state: 'grace',
				code: 'connection',
				last_success: t - 9 * day,
				grace_until: t - day,
				failures: 12,
			},
		],
		[
			'invalid',
			{
				...stored,
				state: 'invalid',
				code: 'invalid',
				last_success: t - 2 * day,
			},
		],
	] as const ) {
		license.store( record );
		await page.reload();
		await expect( state ).toHaveAttribute( 'data-state', name );
		await expectAccessible( page, `screen-${ name }`, testInfo, SCREEN );

		// The kit's notice on the dashboard, for the same state.
		await page.goto( '/wp-admin/index.php' );
		const notice = page
			.locator( '.notice' )
			.filter( { hasText: 'BatchKeys Demo' } );
		await expect( notice.first() ).toBeVisible();
		await expectAccessible( page, `notice-${ name }`, testInfo, SCREEN );
		await open( page );
	}
	await screenshot( page, 'form-dashboard-notice', testInfo );
	await requestUtils.rest( { method: 'DELETE', path: LICENSE_ROUTE } );
} );

test( 'the block: the same form in the editor and on the front end, axe-clean, Check now and Deactivate', async ( {
	page,
	admin,
	editor,
	requestUtils,
}, testInfo ) => {
	await admin.createNewPost( { title: 'License' } );
	await editor.insertBlock( {
		name: 'batchkeys/license-form',
		attributes: { product: DEMO },
	} );
	const block = editor.canvas.getByRole( 'document', {
		name: 'Block: License key form',
	} );
	await expect( block ).toContainText(
		'A license key has 5 groups of 7 characters'
	);
	await expectAccessible( page, 'block-editor', testInfo, [
		'iframe[name="editor-canvas"]',
		'[data-type="batchkeys/license-form"]',
	] );

	const post = ( await requestUtils.createPage( {
		title: 'Your license',
		content: BLOCK,
		status: 'publish',
	} ) ) as { id: number };
	await page.goto( `/?page_id=${ post.id }` );
	const form = page.locator( FORM );
	const field = form.getByRole( 'textbox', { name: 'License key' } );
	const answer = form.locator( '.batchkeys-license-form__answer' );
	await expect( form ).toContainText(
		'A license key has 5 groups of 7 characters'
	);
	await expectAccessible( page, 'block-front-inactive', testInfo, FORM );

	// Pasted with en dashes: accepted; a wrong character: named.
	await field.fill( 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCC_CC' );
	await field.blur();
	await expect(
		form.locator( '.batchkeys-license-form__help' )
	).toContainText(
		'The 37th character, an underscore (“_”), cannot be in a license key.'
	);
	await expectAccessible( page, 'block-front-error', testInfo, FORM );
	await field.fill( '' );
	await field.focus();
	await page.keyboard.insertText(
		KEYS.good.replace( /-/g, '\u2013' ) + '\n'
	);
	await expect( field ).toHaveValue( KEYS.good );
	await mock.fault( { mode: 'delay', delay_ms: 2000 } );
	await form.getByRole( 'button', { name: 'Activate' } ).click();
	await expect( form ).toHaveAttribute( 'aria-busy', 'true' );
	await expect( form.getByRole( 'status' ) ).toHaveText(
		'Waiting for the answer…'
	);
	await expect(
		form.getByRole( 'button', { name: 'Activate' } )
	).toBeDisabled();
	await screenshot( page, 'form-block-busy', testInfo );
	await expectAccessible( page, 'block-front-busy', testInfo, FORM );
	await expect( answer ).toContainText( phpWords( 'valid' ).message );
	await expect( form ).not.toHaveAttribute( 'aria-busy' );

	// Check now.
	license.unthrottle();
	await mock.reset();
	const checked = page.waitForResponse( ( response ) =>
		decodeURIComponent( response.url() ).includes( `${ DEMO }/check` )
	);
	await form.getByRole( 'button', { name: 'Check now' } ).click();
	expect( ( await checked ).status() ).toBe( 200 );
	await expect( answer ).toContainText( phpWords( 'valid' ).message );
	expect( await mock.requests() ).toHaveLength( 1 );
	await screenshot( page, 'form-block-check-now', testInfo );
	await expectAccessible( page, 'block-front-active', testInfo, FORM );

	// Deactivate, with the screen's confirmation: Cancel keeps the key.
	const deactivate = form.getByRole( 'button', { name: 'Deactivate' } );
	const dialog = page.getByRole( 'dialog', {
		name: 'Deactivate the license?',
	} );
	await deactivate.click();
	await expect( dialog ).toBeVisible();
	await screenshot( page, 'form-block-confirm-deactivate', testInfo );
	await expectAccessible( page, 'block-front-modal', testInfo, FORM );
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( dialog ).toBeHidden();
	await expect( deactivate ).toBeFocused();
	await expect(
		form.locator( '.batchkeys-license-form__state' )
	).toContainText( 'Active' );
	await deactivate.click();
	await dialog.getByRole( 'button', { name: 'Deactivate' } ).click();
	await expect( answer ).toContainText( phpWords( 'deactivated' ).message );
	await expect(
		form.locator( '.batchkeys-license-form__state' )
	).toContainText( 'Not active' );
	await expect( deactivate ).toBeHidden();
	await screenshot( page, 'form-block-deactivated', testInfo );
	await requestUtils.deleteAllPages();
} );

test.describe( 'a generated test locale', () => {
	test.beforeAll( () => {
		execFileSync( 'npx', [ 'tsx', 'tools/i18n/pseudo.ts' ], { cwd: ROOT } );
		setLocale( 'en_XA' );
	} );

	test.afterAll( () => {
		setLocale( '' );
		execFileSync( 'npx', [ 'tsx', 'tools/i18n/pseudo.ts', '--remove' ], {
			cwd: ROOT,
		} );
	} );

	test( 'translates PHP and script strings on the screen and in the block', async ( {
		page,
		requestUtils,
	}, testInfo ) => {
		await page.goto( DEMO_SCREEN );
		// PHP: the page title the screen prints; scripts: the status card and the field.
		await expect( page.locator( '.wrap h1' ).first() ).toContainText( '⟦' );
		await expect(
			page.locator( '.batchkeys-license__heading' )
		).toHaveText( '⟦Líçéñsé státús⟧' );
		await expect(
			page.getByRole( 'button', { name: '⟦Áçtíváté⟧' } )
		).toBeVisible();
		await screenshot( page, 'form-pseudo-locale-screen', testInfo );

		const post = ( await requestUtils.createPage( {
			title: 'Pseudo',
			content: BLOCK,
			status: 'publish',
		} ) ) as { id: number };
		await page.goto( `/?page_id=${ post.id }` );
		const form = page.locator( FORM );
		// render.php (PHP) and view.js (script) strings of the block.
		await expect(
			form.locator( '.batchkeys-license-form__state' )
		).toContainText( '⟦Líçéñsé státús:⟧' );
		await expect(
			form.locator( '.batchkeys-license-form__help' )
		).toContainText( '⟦Á líçéñsé kéý hás' );
		await screenshot( page, 'form-pseudo-locale-block', testInfo );
		await requestUtils.deleteAllPages();
	} );
} );
