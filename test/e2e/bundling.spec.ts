/**
 * Three products on one site, each bundling its own copy of the kit at another version: the
 * standalone plugin (its demo product), the example plugin and the example theme of test/fixtures
 * (tools/build-fixtures.sh gives them their copies). Each product's screen, where its registration
 * put it, activates a key; the products' gated features then show, and the example plugin's row
 * on the plugins screen links to its screen and tells its state.
 *
 * The spec activates the fixtures on the site it is given and leaves the site as it found it.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import { phpWords } from './support/words';
import { KEYS, license, mock, screenshot } from './support/site';

/** The example plugin, as the REST API names it (plugin file without .php). */
const EXAMPLE_PLUGIN = 'batchkeys-example-plugin/batchkeys-example-plugin';
const EXAMPLE_THEME = 'batchkeys-example-theme';

interface Product {
	slug: string;
	title: string;
	screen: string;
	/** The admin menu that holds the screen (its list item's id). */
	menu: string;
}

const PRODUCTS: Product[] = [
	{
		slug: 'batchkeys-demo',
		title: 'BatchKeys Demo License',
		screen: '/wp-admin/options-general.php?page=batchkeys-batchkeys-demo',
		menu: '#menu-settings',
	},
	{
		slug: 'acme-seo',
		title: 'Acme SEO Pro License',
		screen: '/wp-admin/admin.php?page=batchkeys-acme-seo',
		menu: '#toplevel_page_acme-seo',
	},
	{
		slug: 'acme-theme',
		title: 'Acme Theme Pro License',
		screen: '/wp-admin/themes.php?page=batchkeys-acme-theme',
		menu: '#menu-appearance',
	},
];

const FIXTURE_PRODUCTS = [ 'acme-seo', 'acme-theme' ];

let previousTheme = 'twentytwentyfive';

function licenseState( page: Page ) {
	return page.locator( '.batchkeys-license__state' );
}

test.describe.configure( { mode: 'serial' } );

test.beforeAll( async ( { requestUtils } ) => {
	await mock.reset();
	license.reset();
	const themes = await requestUtils.rest< Array< { stylesheet: string } > >( {
		path: '/wp/v2/themes',
		params: { status: 'active' },
	} );
	previousTheme = themes[ 0 ]?.stylesheet ?? previousTheme;
	await requestUtils.rest( {
		method: 'PUT',
		path: `/wp/v2/plugins/${ EXAMPLE_PLUGIN }`,
		data: { status: 'active' },
	} );
	await requestUtils.activateTheme( EXAMPLE_THEME );
	// Start without keys (a run stopped halfway may have left some).
	for ( const slug of FIXTURE_PRODUCTS ) {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/batchkeys/v1/products/${ slug }/license`,
		} );
	}
} );

test.afterAll( async ( { requestUtils } ) => {
	for ( const slug of FIXTURE_PRODUCTS ) {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/batchkeys/v1/products/${ slug }/license`,
		} );
	}
	license.reset();
	await requestUtils.rest( {
		method: 'PUT',
		path: `/wp/v2/plugins/${ EXAMPLE_PLUGIN }`,
		data: { status: 'inactive' },
	} );
	await requestUtils.activateTheme( previousTheme );
} );

test( 'the features of the example products are off without a key', async ( {
	page,
} ) => {
	await page.goto( '/' );
	await expect( page.getByText( 'Acme SEO Pro features on' ) ).toHaveCount(
		0
	);
	await expect( page.getByText( 'Acme Theme Pro features on' ) ).toHaveCount(
		0
	);
} );

for ( const product of PRODUCTS ) {
	test( `${ product.title }: the screen activates a key`, async ( {
		page,
	}, testInfo ) => {
		// The screen is in the menu its registration named.
		await page.goto( product.screen );
		await expect(
			page
				.locator( product.menu )
				.getByRole( 'link', { name: product.title } )
		).toHaveAttribute(
			'href',
			new RegExp( `page=batchkeys-${ product.slug }$` )
		);
		await expect(
			page.getByRole( 'heading', { level: 1, name: product.title } )
		).toBeVisible();
		await expect( licenseState( page ) ).toHaveAttribute(
			'data-state',
			'inactive'
		);

		await page
			.getByRole( 'textbox', { name: /license key/i } )
			.fill( KEYS.good );
		await page
			.getByRole( 'button', { name: 'Activate', exact: true } )
			.click();

		await expect( licenseState( page ) ).toHaveAttribute(
			'data-state',
			'active'
		);
		await expect(
			page.locator(
				'.batchkeys-license__answer .components-notice__content'
			)
		).toContainText( phpWords( 'valid' ).message );
		await screenshot( page, `bundling-${ product.slug }-active`, testInfo );

		// Stored: a reload reads it back.
		await page.reload();
		await expect( licenseState( page ) ).toHaveAttribute(
			'data-state',
			'active'
		);
	} );
}

test( 'with their keys active, both example products turn their feature on', async ( {
	page,
} ) => {
	await page.goto( '/' );
	await expect( page.getByText( 'Acme SEO Pro features on' ) ).toBeVisible();
	await expect(
		page.getByText( 'Acme Theme Pro features on' )
	).toBeVisible();
} );

test( 'the example plugin’s row links to its screen and tells its state', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/plugins.php' );
	const row = page.locator( `tr[data-plugin="${ EXAMPLE_PLUGIN }.php"]` );
	await expect( row ).toContainText( 'Acme SEO Pro license: Active' );
	await row.getByRole( 'link', { name: 'License of Acme SEO Pro' } ).click();
	await expect( page ).toHaveURL( /admin\.php\?page=batchkeys-acme-seo$/ );
	await expect( licenseState( page ) ).toHaveAttribute(
		'data-state',
		'active'
	);
} );
