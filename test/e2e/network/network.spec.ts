/**
 * The kit on a multisite network (npm start -- --multisite): one license for the whole network,
 * managed under Network Admin > Settings; read-only for a site's administrator; one check a day
 * for the network; no write of the kit on a site without a key. Runs only against a network site
 * (playwright.config.ts picks test/e2e/network for one).
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, KEYS, mock, site } from '../support/site';

interface NetworkSite {
	site_dir: string;
	subsites: { blog_id: number; url: string }[];
}
const network = site as unknown as typeof site & NetworkSite;
const SCREEN = `page=batchkeys-${ DEMO }`;
const NETWORK_SCREEN = `/wp-admin/network/settings.php?${ SCREEN }`;

/**
 * Runs network-state.php against the served network's own database.
 *
 * @param args The command and its arguments.
 */
function state( ...args: string[] ): string {
	const env = { ...process.env };
	delete env.WP_TEST_DB;
	return execFileSync(
		'php',
		[
			join( __dirname, 'support', 'network-state.php' ),
			site.abspath,
			site.url,
			...args,
		],
		{ env, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'inherit' ] }
	);
}

/**
 * The super admin activates the seeded key on the network screen.
 *
 * @param page The page.
 */
async function activateForNetwork( page: Page ) {
	await page.goto( NETWORK_SCREEN );
	await page
		.getByRole( 'textbox', { name: /license key/i } )
		.fill( KEYS.good );
	await page.getByRole( 'button', { name: 'Activate', exact: true } ).click();
	await expect( page.locator( '.batchkeys-license__state' ) ).toHaveAttribute(
		'data-state',
		'active'
	);
}

/**
 * A REST nonce for the session of a request context, on one site.
 *
 * @param request The context.
 * @param base    The site's URL, with a trailing slash.
 */
async function nonce( request: APIRequestContext, base: string ) {
	const answer = await request.get(
		`${ base }wp-admin/admin-ajax.php?action=rest-nonce`
	);
	return ( await answer.text() ).trim();
}

/**
 * A subsite administrator (not a super admin) of one subsite, logged in in a browser context
 * of its own: without the super admin's stored login.
 *
 * @param browser The browser.
 * @param subsite The subsite.
 */
async function asSiteAdmin(
	browser: Browser,
	subsite: NetworkSite[ 'subsites' ][ number ]
) {
	state(
		'site-admin',
		String( subsite.blog_id ),
		'siteadmin',
		'site-password'
	);
	const context = await browser.newContext( { storageState: undefined } );
	const admin = await context.newPage();
	await admin.goto( `${ subsite.url }wp-login.php` );
	await admin.locator( '#user_login' ).fill( 'siteadmin' );
	await admin.locator( '#user_pass' ).fill( 'site-password' );
	await admin.locator( '#wp-submit' ).click();
	await admin.waitForURL( /wp-admin/ );
	return { context, admin };
}

/**
 * WP-Cron requested on the main site and every subsite, twice over: a check that the first
 * round left due would show as another call.
 *
 * @param request The request context.
 */
async function cronEverywhereTwice( request: APIRequestContext ) {
	const crons = [ site.url + '/', ...network.subsites.map( ( s ) => s.url ) ];
	for ( let round = 0; round < 2; round++ ) {
		for ( const base of crons ) {
			expect(
				( await request.get( `${ base }wp-cron.php` ) ).status()
			).toBe( 200 );
		}
	}
}

test.beforeEach( async () => {
	await mock.reset();
	state( 'reset' );
} );

test( 'the super admin activates one key for the whole network under Network Admin > Settings', async ( {
	page,
} ) => {
	await activateForNetwork( page );
	const calls = await mock.requests();
	expect( calls ).toHaveLength( 1 );
	expect( calls[ 0 ].headers.domain ).toBe( '127.0.0.1' );
	// Every subsite is licensed, without a call of its own.
	for ( const subsite of network.subsites ) {
		const view = await page.request.get(
			`${ subsite.url }wp-json/batchkeys/v1/products/${ DEMO }/license`,
			{
				headers: {
					'X-WP-Nonce': await nonce( page.request, subsite.url ),
				},
			}
		);
		expect( view.status() ).toBe( 200 );
		const body = await view.json();
		expect( body.state ).toBe( 'active' );
		expect( body.scope ).toBe( 'network' );
	}
	expect( await mock.requests() ).toHaveLength( 1 );
} );

test( 'a subsite administrator sees the network key read-only and cannot change it', async ( {
	page,
	browser,
} ) => {
	await activateForNetwork( page );
	const subsite = network.subsites[ 1 ];
	const { context, admin } = await asSiteAdmin( browser, subsite );

	await admin.goto(
		`${ subsite.url }wp-admin/options-general.php?${ SCREEN }`
	);
	const seen = await admin.request.get(
		`${ subsite.url }wp-json/batchkeys/v1/products/${ DEMO }/license`,
		{ headers: { 'X-WP-Nonce': await nonce( admin.request, subsite.url ) } }
	);
	const managed = ( await seen.json() ).managed_by_network;
	expect( managed.message ).toContain( 'network administrator' );
	await expect(
		admin
			.locator( '.components-notice__content' )
			.getByText( managed.message )
	).toBeVisible();
	await expect(
		admin.locator( '.batchkeys-license__state' )
	).toHaveAttribute( 'data-state', 'active' );
	await expect(
		admin.getByRole( 'button', { name: 'Activate', exact: true } )
	).toHaveCount( 0 );
	await expect(
		admin.getByRole( 'button', { name: 'Deactivate' } )
	).toHaveCount( 0 );

	// Nor through REST: 403 network_managed, nothing sent.
	const headers = { 'X-WP-Nonce': await nonce( admin.request, subsite.url ) };
	const route = `${ subsite.url }wp-json/batchkeys/v1/products/${ DEMO }`;
	for ( const answer of [
		await admin.request.delete( `${ route }/license`, { headers } ),
		await admin.request.post( `${ route }/license`, {
			headers,
			data: { key: KEYS.good2 },
		} ),
		await admin.request.post( `${ route }/check`, { headers } ),
	] ) {
		expect( answer.status() ).toBe( 403 );
		expect( ( await answer.json() ).code ).toBe( 'network_managed' );
	}
	// And Network Admin is closed to them.
	const closed = await admin.request.get(
		`${ site.url }${ NETWORK_SCREEN }`
	);
	expect( closed.status() ).toBe( 403 );
	expect( await closed.text() ).not.toContain( 'batchkeys-license-screen' );
	expect( await mock.requests() ).toHaveLength( 1 );
	await context.close();
} );

test( 'one check a day for the network, run from the main site', async ( {
	page,
	request,
} ) => {
	await activateForNetwork( page );
	expect( JSON.parse( state( 'events' ) ) ).toEqual( [ 1 ] );
	state( 'due' );
	await cronEverywhereTwice( request );
	const calls = await mock.requests();
	expect( calls ).toHaveLength( 2 ); // The activation, then the network's one check.
	expect( calls[ 1 ].headers.domain ).toBe( '127.0.0.1' );
	// The next check is tomorrow: the event is on the main site only.
	expect( JSON.parse( state( 'events' ) ) ).toEqual( [ 1 ] );
} );

test( 'a site without a key: the kit writes nothing there', async ( {
	page,
} ) => {
	// A product licensed per site (the example plugin, activated on two subsites), with a key
	// on the first only; the network's key too.
	await activateForNetwork( page );
	const [ licensed, bare ] = network.subsites;
	for ( const subsite of [ licensed, bare ] ) {
		state(
			'activate-plugin',
			String( subsite.blog_id ),
			'batchkeys-example-plugin'
		);
	}
	const activation = await page.request.post(
		`${ licensed.url }wp-json/batchkeys/v1/products/acme-seo/license`,
		{
			headers: {
				'X-WP-Nonce': await nonce( page.request, licensed.url ),
			},
			data: { key: KEYS.good },
		}
	);
	expect( activation.status() ).toBe( 200 );
	expect( ( await activation.json() ).scope ).toBe( 'site' );

	const runDir = join( network.site_dir, 'run', 'write-log' );
	for ( const path of [
		'',
		'wp-admin/',
		`wp-admin/admin.php?page=batchkeys-acme-seo`,
	] ) {
		const token = `bare-${ Date.now() }-${ path.length }`;
		const answer = await page.request.get( bare.url + path, {
			headers: { 'X-BatchKeys-Write-Log': token },
		} );
		expect( answer.status() ).toBe( 200 );
		const file = join( runDir, `${ token }.json` );
		await expect.poll( () => existsSync( file ) ).toBe( true );
		const log = JSON.parse( readFileSync( file, 'utf8' ) ) as {
			queries: number;
			writes: string[];
			blog_id: number;
		};
		expect( log.blog_id ).toBe( bare.blog_id );
		expect( log.queries ).toBeGreaterThan( 0 );
		expect(
			log.writes.filter( ( query ) => /batchkeys_/i.test( query ) )
		).toEqual( [] );
	}
	expect( JSON.parse( state( 'events' ) ) ).not.toContain( bare.blog_id );
} );

test( 'a copied network makes zero calls; Network Admin asks and answers, a subsite administrator only sees a note', async ( {
	page,
	browser,
	request,
} ) => {
	// The network's database, copied from a network activated at network.example.com.
	const key = 'E2ENET1-TWOSEAT-AAAAAAA-BBBBBBB-CCCCCCC';
	const old = 'network.example.com';
	await mock.key( { key, domains_allowed: 2, domains: [ old ] } );
	state( 'copied', key, old );
	await mock.resetLog();
	const notice = `.batchkeys-address[data-batchkeys-product="${ DEMO }"]`;

	// WP-Cron on every site, twice, and the admin pages: nothing is sent.
	await cronEverywhereTwice( request );
	expect( await mock.requests() ).toHaveLength( 0 );

	// A subsite administrator: the note, both addresses, no answers.
	const subsite = network.subsites[ 0 ];
	const { context, admin } = await asSiteAdmin( browser, subsite );
	await admin.goto( `${ subsite.url }wp-admin/` );
	await expect( admin.locator( notice ) ).toContainText( old );
	await expect( admin.locator( notice ) ).toContainText(
		'A network administrator answers this question in Network Admin.'
	);
	await expect( admin.locator( `${ notice } button` ) ).toHaveCount( 0 );
	await context.close();

	// Network Admin: the dashboard and the Plugins screen ask, in the network's words.
	for ( const screen of [
		'/wp-admin/network/',
		'/wp-admin/network/plugins.php',
	] ) {
		await page.goto( screen );
		const asked = page.locator( notice );
		await expect( asked ).toHaveAttribute( 'data-scope', 'network' );
		await expect( asked ).toContainText(
			`This network’s license key was activated for ${ old }; this network is now 127.0.0.1.`
		);
		for ( const label of [
			'A copy for testing',
			'The network moved here',
			'A different network',
		] ) {
			await expect(
				asked.getByRole( 'button', { name: label } )
			).toBeVisible();
		}
	}
	await expect(
		page.locator( '.batchkeys-plugin-state[data-scope="network"]' )
	).toContainText( 'license for this network' );
	await page.screenshot( {
		path: test.info().outputPath( 'network-address-question.png' ),
		fullPage: true,
	} );
	expect( await mock.requests() ).toHaveLength( 0 );

	// "The network moved here": one activation call, for the network's domain.
	await page
		.locator( notice )
		.getByRole( 'button', { name: 'The network moved here' } )
		.click();
	await expect(
		page.locator(
			`.batchkeys-address-answer[data-batchkeys-product="${ DEMO }"]`
		)
	).toContainText( 'The license key is active on this network.' );
	await expect( page.locator( notice ) ).toHaveCount( 0 );
	const calls = await mock.requests();
	expect( calls ).toHaveLength( 1 );
	expect( calls[ 0 ].headers.domain ).toBe( '127.0.0.1' );
} );
