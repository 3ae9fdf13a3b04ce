/**
 * Copies and moves, bad input and faults, on the local site: a forged Host header (with WP_HOME
 * built from it, the site's `home_from_host` mode), an unknown BATCHKEYS_ADDRESS_RESOLUTION, a
 * record of another blog, BatchKeys unreachable during "the site moved here", `www.` changes and
 * the staging hints. None may cost the production site its license: the mock's keys are checked
 * after each.
 */
import { expect, test } from '@wordpress/e2e-test-utils-playwright';
import { phpWords } from './support/words';
import { DEMO, license, mock, site, siteMode } from './support/site';
import {
	ANSWER,
	BINDINGS,
	NOTICE,
	ONE_SEAT,
	TWO_SEATS,
	answer,
	atBatchKeys,
	copiedTo,
	expectBoundHereOnly,
	resetAroundEachTest,
	runCron,
	view,
	visit,
} from './support/copies';

const FORGED = 'evil.example';

test.describe( 'copies and moves: bad input and faults', () => {
	resetAroundEachTest( () => siteMode( {} ) );

	for ( const bindOn of BINDINGS ) {
		test( `a forged Host on wp-cron.php, WP_HOME built from it, sends nothing new (binding: ${ bindOn })`, async ( {
			requestUtils,
		} ) => {
			await mock.bindOn( bindOn );
			siteMode( { home_from_host: true } );
			// The premise: with this wp-config.php, WordPress takes its address from the Host header.
			const index = await visit( '/?rest_route=/', FORGED );
			expect(
				( JSON.parse( index.body ) as { home: string } ).home
			).toBe( `http://${ FORGED }` );
			// A key locked to this site's domain, due for its daily check, at home.
			await copiedTo( ONE_SEAT, site.url );
			expect( await runCron( FORGED ) ).toEqual( { [ DEMO ]: 'valid' } );
			const requests = await mock.requests();
			expect( requests ).toHaveLength( 1 );
			expect( requests[ 0 ].headers.domain ).toBe( '127.0.0.1' );
			await expectBoundHereOnly( ONE_SEAT );
			const after = await view( requestUtils );
			expect( after.state ).toBe( 'active' );
			expect( after.code ).toBe( 'valid' );
			expect( after.strike ).toBe( false );
			expect( after.address ).toBeNull();
		} );
	}

	test( 'an unknown BATCHKEYS_ADDRESS_RESOLUTION is a clear error in the notice; nothing is sent', async ( {
		page,
		requestUtils,
	} ) => {
		siteMode( { address_resolution: 'sideways' } );
		await copiedTo( TWO_SEATS, 'https://example.org' );
		expect( await runCron() ).toEqual( { [ DEMO ]: 'address_changed' } );
		const error =
			'BATCHKEYS_ADDRESS_RESOLUTION in wp-config.php has a value the kit does not know, so it was ignored. Use one of: staging, moved, new_site.';
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText( error );
		const seen = await view( requestUtils );
		expect( seen.address?.constant_error ).toBe( error );
		expect( seen.address?.status ).toBe( 'changed' );
		expect( seen.features_enabled ).toBe( true );
		expect( await mock.requests() ).toEqual( [] );
		await expectBoundHereOnly( TWO_SEATS );
	} );

	test( 'a record of another blog (its install id, blog 7) is a copy: no call, the question', async ( {
		page,
		requestUtils,
	} ) => {
		await copiedTo( TWO_SEATS, site.url, {
			blog_id: 7,
			install_id: '0b7e57e0-0000-4000-8000-000000000007',
		} );
		expect( await runCron() ).toEqual( { [ DEMO ]: 'address_changed' } );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText(
			'copied here from another site of the network'
		);
		const seen = await view( requestUtils );
		expect( seen.address?.reason ).toBe( 'blog' );
		expect( seen.features_enabled ).toBe( true );
		expect( await mock.requests() ).toEqual( [] );
		await expectBoundHereOnly( TWO_SEATS );
	} );

	test( 'BatchKeys unreachable during "the site moved here": nothing changes, the question stays', async ( {
		page,
		requestUtils,
	} ) => {
		await copiedTo( TWO_SEATS, 'https://example.org' );
		await page.goto( '/wp-admin/' );
		const before = await view( requestUtils );
		await mock.fault( { mode: 'http500' } );
		await answer( page, 'The site moved here' );
		await expect( page.locator( ANSWER ) ).toContainText(
			phpWords( 'connection' ).message
		);
		await expect( page.locator( NOTICE ) ).toContainText( 'example.org' );
		expect( await view( requestUtils ) ).toEqual( before );
		expect( license.isActive() ).toBe( true );
		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.domain ).toBe( 'example.org' );
		await expectBoundHereOnly( TWO_SEATS );
	} );

	for ( const [ was, is ] of [
		[ 'example.com', 'www.example.com' ],
		[ 'www.example.com', 'example.com' ],
	] ) {
		test( `${ was } -> ${ is } is not a move: the check sends ${ was }, no question`, async ( {
			page,
			requestUtils,
		} ) => {
			await copiedTo( TWO_SEATS, `https://${ is }`, {
				domain: was,
				home: `https://${ was }`,
			} );
			expect( await runCron() ).toEqual( { [ DEMO ]: 'valid' } );
			const requests = await mock.requests();
			expect( requests ).toHaveLength( 1 );
			expect( requests[ 0 ].headers.domain ).toBe( was );
			const seen = await view( requestUtils );
			expect( seen.address ).toBeNull();
			expect( seen.state ).toBe( 'active' );
			await page.goto( '/wp-admin/' );
			await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
			expect( await atBatchKeys( TWO_SEATS ) ).toEqual( {
				domains: [ was ],
				active: true,
			} );
		} );
	}

	test( 'staging hints only pre-select and warn: a production site on a WP Engine address still moves', async ( {
		page,
		requestUtils,
	} ) => {
		// Activated in production; now at a staging-looking host in a `local` environment.
		await copiedTo( TWO_SEATS, 'https://mysite.wpengine.com', {
			env: 'production',
		} );
		expect( await runCron() ).toEqual( { [ DEMO ]: 'address_changed' } );
		const seen = await view( requestUtils );
		expect( seen.address?.hints ).toEqual( [ 'host', 'environment' ] );
		expect( seen.address?.status ).toBe( 'changed' );
		expect( seen.features_enabled ).toBe( true );
		expect( await mock.requests() ).toEqual( [] );
		await page.goto( '/wp-admin/' );
		const notice = page.locator( NOTICE );
		await expect( notice ).toContainText(
			'The address looks like a staging or development copy.'
		);
		await expect( notice ).toContainText(
			'The environment type of this site is "local".'
		);
		await expect(
			notice.getByRole( 'button', { name: 'A copy for testing' } )
		).toHaveClass( /button-primary/ );
		// A person decides: it is the live site.
		await answer( page, 'The site moved here' );
		await expect( page.locator( ANSWER ) ).toContainText(
			phpWords( 'valid' ).message
		);
		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.domain ).toBe( 'mysite.wpengine.com' );
		expect( ( await view( requestUtils ) ).domain ).toBe(
			'mysite.wpengine.com'
		);
	} );
} );
