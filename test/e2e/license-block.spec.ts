/**
 * The batchkeys/license-form block: inserted and set up in the editor, published, and used on
 * the front end by an administrator; a subscriber and a visitor get no form.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Browser, Page } from '@playwright/test';
import { phpWords } from './support/words';
import { DEMO, KEYS, license, mock, screenshot, site } from './support/site';

const SUBSCRIBER = {
	username: 'bk-e2e-subscriber',
	email: 'bk-e2e-subscriber@example.com',
	password: 'subscriber-password',
	roles: [ 'subscriber' ],
};

const FORM = '.wp-block-batchkeys-license-form[data-slug]';

/**
 * A page in a fresh browser context: logged in as the subscriber, or nobody.
 *
 * @param browser The browser.
 * @param as      'subscriber' or 'visitor'.
 */
async function freshPage(
	browser: Browser,
	as: 'subscriber' | 'visitor'
): Promise< Page > {
	const context = await browser.newContext( {
		baseURL: site.url,
		storageState: { cookies: [], origins: [] },
	} );
	const page = await context.newPage();
	if ( as === 'subscriber' ) {
		await page.goto( '/wp-login.php' );
		await page
			.getByRole( 'textbox', { name: 'Username or Email Address' } )
			.fill( SUBSCRIBER.username );
		await page
			.getByRole( 'textbox', { name: 'Password' } )
			.fill( SUBSCRIBER.password );
		await page.getByRole( 'button', { name: 'Log In' } ).click();
		await expect( page ).toHaveURL( /wp-admin/ );
	}
	return page;
}

test.beforeEach( async () => {
	await mock.reset();
	license.reset();
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.deleteAllPosts();
} );

test( 'inserted, set up and published in the editor, then used by an administrator', async ( {
	admin,
	editor,
	page,
}, testInfo ) => {
	await admin.createNewPost( { title: 'Activate your license' } );

	// The inserter, as a person would use it.
	await page
		.getByRole( 'region', { name: 'Editor top bar' } )
		.getByRole( 'button', { name: /block inserter/i } )
		.click();
	await page
		.getByRole( 'searchbox', { name: /search/i } )
		.fill( 'License key form' );
	await page.getByRole( 'option', { name: 'License key form' } ).click();

	const block = editor.canvas.getByRole( 'document', {
		name: 'Block: License key form',
	} );
	await expect( block ).toBeVisible();

	// Its product, chosen in the inspector among the registered ones.
	await editor.openDocumentSettingsSidebar();
	const settings = page.getByRole( 'region', { name: 'Editor settings' } );
	await settings.getByRole( 'tab', { name: 'Block' } ).click();
	await settings
		.getByRole( 'combobox', { name: 'Product' } )
		.selectOption( DEMO );
	await settings
		.getByRole( 'textbox', { name: 'Button text' } )
		.fill( 'Activate my key' );

	// The live preview: the product's placeholder, the button text, the state.
	await expect(
		block.getByRole( 'textbox', { name: 'License key' } )
	).toHaveAttribute(
		'placeholder',
		'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX'
	);
	await expect(
		block.getByRole( 'button', { name: 'Activate my key' } )
	).toBeVisible();
	await expect( block ).toContainText( 'Not active' );
	await screenshot( page, 'block-editor', testInfo );

	expect( await editor.getBlocks() ).toMatchObject( [
		{
			name: 'batchkeys/license-form',
			attributes: { product: DEMO, buttonText: 'Activate my key' },
		},
	] );
	const postId = await editor.publishPost();
	expect( postId ).not.toBeNull();
	// Nothing was sent to BatchKeys while editing.
	expect( await mock.requests() ).toEqual( [] );

	// The front end, as the administrator.
	await page.goto( `/?p=${ postId }` );
	const form = page.locator( FORM );
	await expect( form ).toHaveAttribute( 'data-slug', DEMO );
	const field = form.getByRole( 'textbox', { name: 'License key' } );
	const error = form.locator( '.batchkeys-license-form__help.is-error' );
	const answer = form.locator( '.batchkeys-license-form__answer' );
	await expect( form ).toContainText( 'Not active' );

	// A malformed key is refused here, without a request.
	await field.fill( 'DEMO001-GOOD000' );
	await form.getByRole( 'button', { name: 'Activate my key' } ).click();
	await expect( error ).toBeVisible();
	await expect( field ).toHaveAccessibleDescription(
		new RegExp( phpWords( 'key_length' ).message.replace( '.', '\\.' ) )
	);
	await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	expect( await mock.requests() ).toEqual( [] );

	// A good key activates.
	await field.fill( KEYS.good );
	await expect( error ).toBeHidden();
	await form.getByRole( 'button', { name: 'Activate my key' } ).click();
	await expect( answer ).toContainText( phpWords( 'valid' ).message );
	await expect( answer ).toBeFocused();
	await expect(
		form.locator( '.batchkeys-license-form__state' )
	).toContainText( 'Active' );
	await expect( field ).toHaveValue( '' );
	await screenshot( page, 'block-front-active', testInfo );

	const requests = await mock.requests();
	expect( requests ).toHaveLength( 1 );
	expect( requests[ 0 ].headers.key ).toBe( KEYS.good );

	// No key in the markup, not even masked, after a reload.
	await page.reload();
	await expect( form ).toContainText( 'Active' );
	const html = await page.content();
	expect( html ).not.toContain( KEYS.good );
	expect( html ).not.toContain( 'CCCC' );
} );

test.describe( 'people who may not manage the license', () => {
	let postUrl = '';

	test.beforeAll( async ( { requestUtils } ) => {
		await requestUtils.createUser( SUBSCRIBER );
		const post = await requestUtils.createPost( {
			title: 'License form for everyone',
			status: 'publish',
			date_gmt: new Date().toISOString(),
			content:
				`<!-- wp:batchkeys/license-form {"product":"${ DEMO }"} /-->` +
				`<!-- wp:batchkeys/license-form {"product":"${ DEMO }","note":"Ask the site owner to activate the license."} /-->`,
		} );
		postUrl = post.link;
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.deleteAllUsers();
	} );

	for ( const who of [ 'subscriber', 'visitor' ] as const ) {
		test( `a ${ who } sees no form, only the author's note`, async ( {
			browser,
		}, testInfo ) => {
			const page = await freshPage( browser, who );
			await page.goto( postUrl );
			await expect(
				page.getByRole( 'heading', {
					level: 1,
					name: 'License form for everyone',
				} )
			).toBeVisible();
			const content = page.locator( '.wp-block-post-content' );
			await expect( content ).toBeVisible();
			await expect( page.locator( FORM ) ).toHaveCount( 0 );
			await expect( content.locator( 'form, input' ) ).toHaveCount( 0 );
			await expect(
				page.getByRole( 'button', { name: 'Activate' } )
			).toHaveCount( 0 );
			// The block without a note prints nothing; the other prints its note alone.
			await expect(
				content.locator( '.wp-block-batchkeys-license-form' )
			).toHaveCount( 1 );
			await expect(
				content.locator( '.batchkeys-license-form__note' )
			).toHaveText( 'Ask the site owner to activate the license.' );
			await expect( page.locator( '[data-key-format]' ) ).toHaveCount(
				0
			);
			await screenshot( page, `block-front-${ who }`, testInfo );
			await page.context().close();
		} );
	}
} );
