/**
 * The license screen (Settings > BatchKeys Demo License) against the real site and the mock
 * BatchKeys API: activation, the format checks made in the browser, upstream errors, Check now,
 * Deactivate, keyboard use, and a screenshot of each state under artifacts/screenshots/.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Page, Request } from '@playwright/test';
import { phpWords } from './support/words';
import {
	licenseScreen as screen,
	openLicenseScreen as open,
} from './support/screen';
import {
	KEYS,
	LICENSE_ROUTE,
	license,
	mock,
	now,
	screenshot,
} from './support/site';

/**
 * Records the kit's REST calls the page makes (to prove a refused key never left the browser).
 *
 * @param page The page.
 */
function restCalls( page: Page ) {
	const calls: string[] = [];
	page.on( 'request', ( request: Request ) => {
		if ( decodeURIComponent( request.url() ).includes( 'batchkeys/v1' ) ) {
			calls.push( `${ request.method() } ${ request.url() }` );
		}
	} );
	return calls;
}

test.beforeEach( async () => {
	await mock.reset();
	license.reset();
} );

test.describe( 'activation', () => {
	test( 'a good key activates and the card says active', async ( {
		page,
	}, testInfo ) => {
		await open( page );
		const ui = screen( page );
		await expect( ui.state ).toHaveAttribute( 'data-state', 'inactive' );
		await expect( ui.field ).toHaveAttribute(
			'placeholder',
			'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX'
		);
		await expect( ui.checkNow ).toBeDisabled();
		await expect( ui.deactivate ).toBeDisabled();
		await screenshot( page, 'screen-inactive', testInfo );
		const calls = restCalls( page );

		// Surrounding white space is ignored, as PHP does.
		await ui.field.fill( `  ${ KEYS.good } ` );
		await ui.activate.click();

		await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
		await expect( ui.state ).toContainText( 'Active' );
		await expect( ui.answer ).toContainText( phpWords( 'valid' ).message );
		await expect( ui.answerRegion ).toBeFocused();
		// Masked: only the last four characters show.
		await expect( ui.key ).toHaveText(
			'•••••••-•••••••-•••••••-•••••••-•••CCCC'
		);
		await expect( page.getByText( KEYS.good ) ).toHaveCount( 0 );
		await expect( ui.field ).toHaveValue( '' );
		await expect( ui.checkNow ).toBeEnabled();
		await screenshot( page, 'screen-active', testInfo );

		// One call through the kit's REST route, one call from PHP to BatchKeys.
		expect( calls ).toEqual( [
			expect.stringMatching(
				/^POST .*batchkeys\/v1\/products\/batchkeys-demo\/license/
			),
		] );
		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.key ).toBe( KEYS.good );
		// No `active` header unless the product sets send_active (docs/upstream-contract.md).
		expect( requests[ 0 ].headers.active ).toBeUndefined();

		// The stored state survives a reload (the page reads it from PHP, without a call).
		await page.reload();
		await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
		expect( await mock.requests() ).toHaveLength( 1 );
	} );

	test( 'a key BatchKeys does not accept is refused and nothing is stored', async ( {
		page,
	}, testInfo ) => {
		await open( page );
		const ui = screen( page );
		await ui.field.fill( 'DEMO006-DELETED-AAAAAAA-BBBBBBB-CCCCCCC' );
		await ui.activate.click();
		await expect( ui.answer ).toContainText(
			phpWords( 'invalid' ).message
		);
		await expect( ui.state ).toHaveAttribute( 'data-state', 'inactive' );
		expect( await mock.requests() ).toHaveLength( 1 );
		await screenshot( page, 'screen-refused-key', testInfo );
	} );
} );

test( 'while BatchKeys answers, the buttons are disabled', async ( {
	page,
} ) => {
	await mock.fault( { mode: 'delay', delay_ms: 1500 } );
	await open( page );
	const ui = screen( page );
	await ui.field.fill( KEYS.good );
	await ui.activate.click();
	await expect( ui.activate ).toBeDisabled();
	await expect( page.locator( '.batchkeys-license' ) ).toHaveAttribute(
		'aria-busy',
		'true'
	);
	await expect( page.getByText( 'Waiting for the answer…' ) ).toBeVisible();
	await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
	await expect( ui.activate ).toBeEnabled();
	await expect( ui.checkNow ).toBeEnabled();
	await expect( page.locator( '.batchkeys-license' ) ).toHaveAttribute(
		'aria-busy',
		'false'
	);
} );

test.describe( 'malformed keys are refused in the browser', () => {
	const cases = [
		{ name: 'empty', key: '', says: 'Enter a key.' },
		{
			name: 'too short',
			key: 'DEMO001-GOOD000-AAAAAAA',
			says: `${ phpWords( 'key_length' ).message } 23 of 39 characters.`,
		},
		{
			name: 'too long',
			key: KEYS.good + 'X',
			says: `${ phpWords( 'key_length' ).message } 40 of 39 characters.`,
		},
		{
			name: 'bad characters',
			key: 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCC#CC',
			says: 'The 37th character, “#”, cannot be in a license key.',
		},
		{
			name: 'wrong pattern',
			key: 'DEMO001GOOD000-AAAAAAA-BBBBBBB-CCCCCCC-',
			says: 'The 8th character, “G”, is not where the key’s groups and separators put it.',
		},
	] as const;

	for ( const { name, key, says } of cases ) {
		test( `${ name }: ${ says }`, async ( { page }, testInfo ) => {
			await open( page );
			const calls = restCalls( page );
			const ui = screen( page );

			await ui.field.fill( key );
			await ui.activate.click();

			// The error is tied to the field (aria-describedby) and it is marked invalid.
			await expect( ui.field ).toHaveAccessibleDescription(
				new RegExp( escape( says ) )
			);
			await expect( ui.field ).toHaveAttribute( 'aria-invalid', 'true' );
			await expect( ui.field ).toBeFocused();
			await expect( ui.answer ).toHaveCount( 0 );
			await expect( ui.state ).toHaveAttribute(
				'data-state',
				'inactive'
			);

			// Enter does not send it either.
			await ui.field.press( 'Enter' );
			await expect( ui.answer ).toHaveCount( 0 );

			expect( calls ).toEqual( [] );
			expect( await mock.requests() ).toEqual( [] );
			await screenshot(
				page,
				`screen-malformed-${ name.replace( / /g, '-' ) }`,
				testInfo
			);
		} );
	}

	test( 'neutral progress while typing, the rule on blur', async ( {
		page,
	} ) => {
		await open( page );
		const ui = screen( page );
		await ui.field.pressSequentially( 'DEMO001GOOD' );
		// The separator is put in as the person types.
		await expect( ui.field ).toHaveValue( 'DEMO001-GOOD' );
		await expect( ui.field ).toHaveAccessibleDescription(
			/12 of 39 characters/
		);
		await expect( ui.field ).toHaveAttribute( 'aria-invalid', 'false' );
		await ui.field.blur();
		await expect( ui.field ).toHaveAccessibleDescription(
			new RegExp( escape( phpWords( 'key_length' ).message ) )
		);
		await expect( ui.field ).toHaveAttribute( 'aria-invalid', 'true' );
		await ui.field.fill( KEYS.good );
		await expect( ui.field ).toHaveAttribute( 'aria-invalid', 'false' );
		expect( await mock.requests() ).toEqual( [] );
	} );
} );

test.describe( 'upstream errors show their mapped message', () => {
	const cases = [
		{
			name: 'User IP Error!',
			fault: { mode: 'error', error: 'User IP Error!' },
			code: 'ip_error',
			shot: 'screen-error-ip',
		},
		{
			name: 'an ERROR text nobody knows',
			fault: { mode: 'error', error: 'Zorglub overflow 42' },
			code: 'upstream_error',
			shot: 'screen-error-unknown',
		},
		{
			name: 'HTTP 500 (no usable answer)',
			fault: { mode: 'http500' },
			code: 'connection',
			shot: 'screen-error-connection',
		},
	] as const;

	for ( const { name, fault, code, shot } of cases ) {
		test( name, async ( { page }, testInfo ) => {
			await mock.fault( fault );
			await open( page );
			const ui = screen( page );
			await ui.field.fill( KEYS.good );
			await ui.activate.click();

			const expected = phpWords( code );
			await expect( ui.answer ).toContainText( expected.message );
			await expect( ui.answer ).toContainText( expected.hint );
			await expect( ui.answerRegion ).toBeFocused();
			await expect(
				page.locator( '.batchkeys-license__answer .is-error' )
			).toBeVisible();
			// Nothing is stored on a failed activation.
			await expect( ui.state ).toHaveAttribute(
				'data-state',
				'inactive'
			);
			await expect( ui.activate ).toBeEnabled();

			const requests = await mock.requests();
			expect( requests ).toHaveLength( 1 );
			expect( requests[ 0 ].fault ).toBe( fault.mode );
			await screenshot( page, shot, testInfo );
		} );
	}
} );

test.describe( 'the stored key', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: LICENSE_ROUTE,
			data: { key: KEYS.good },
		} );
		// The activation above used one request of the burst; the buttons below start afresh.
		license.unthrottle();
		await mock.reset();
	} );

	test( 'Check now asks BatchKeys and shows the answer', async ( {
		page,
	} ) => {
		await open( page );
		const ui = screen( page );
		await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
		await expect( ui.field ).toHaveAccessibleName(
			'Replace the license key'
		);

		await ui.checkNow.click();
		await expect( ui.answer ).toContainText( phpWords( 'valid' ).message );
		await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );

		const requests = await mock.requests();
		expect( requests ).toHaveLength( 1 );
		expect( requests[ 0 ].headers.key ).toBe( KEYS.good );
		// A check, not an activation.
		expect( requests[ 0 ].headers.active ).toBeUndefined();

		// Two more checks pass (a small burst); a fourth within 10 s is held back by the site,
		// without a call, and the wait counts down.
		for ( const count of [ 2, 3 ] ) {
			await ui.checkNow.click();
			await expect
				.poll( async () => ( await mock.requests() ).length )
				.toBe( count );
			await expect( ui.checkNow ).toBeEnabled();
		}
		await ui.checkNow.click();
		await expect( ui.answer ).toContainText(
			phpWords( 'throttled' ).message
		);
		expect( await mock.requests() ).toHaveLength( 3 );
	} );

	test( 'Check now without an answer keeps the features on (grace)', async ( {
		page,
	}, testInfo ) => {
		await mock.fault( { mode: 'http500' } );
		await open( page );
		const ui = screen( page );
		await ui.checkNow.click();
		await expect( ui.answer ).toContainText(
			phpWords( 'connection' ).message
		);
		await expect( ui.state ).toHaveAttribute( 'data-state', 'grace' );
		await expect( ui.state ).toContainText( 'grace period' );
		await expect(
			page.getByText( 'Grace period ends', { exact: true } )
		).toBeVisible();
		await page.reload();
		await expect( ui.state ).toHaveAttribute( 'data-state', 'grace' );
		await screenshot( page, 'screen-grace', testInfo );
	} );

	test( 'Deactivate asks first, then removes the key', async ( {
		page,
	}, testInfo ) => {
		await open( page );
		const ui = screen( page );
		const dialog = page.getByRole( 'dialog', {
			name: 'Deactivate the license?',
		} );

		// Cancel keeps everything.
		await ui.deactivate.click();
		await expect( dialog ).toBeVisible();
		await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
		await expect( dialog ).toBeHidden();
		await expect( ui.deactivate ).toBeFocused();
		await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );

		// Escape closes it too.
		await ui.deactivate.click();
		await expect( dialog ).toBeVisible();
		await screenshot( page, 'screen-confirm-deactivate', testInfo );
		await page.keyboard.press( 'Escape' );
		await expect( dialog ).toBeHidden();

		await ui.deactivate.click();
		await dialog.getByRole( 'button', { name: 'Deactivate' } ).click();
		await expect( dialog ).toBeHidden();
		await expect( ui.answer ).toContainText(
			phpWords( 'deactivated' ).message
		);
		await expect( ui.state ).toHaveAttribute( 'data-state', 'inactive' );
		await expect( page.getByText( 'No key stored' ) ).toBeVisible();
		await expect( ui.checkNow ).toBeDisabled();
		await expect( ui.deactivate ).toBeDisabled();
		// The demo product does not release the key upstream (release_on_deactivate is off).
		expect( await mock.requests() ).toEqual( [] );

		await page.reload();
		await expect( ui.state ).toHaveAttribute( 'data-state', 'inactive' );
	} );
} );

test( 'an invalid and a lapsed license read as such', async ( {
	page,
}, testInfo ) => {
	const day = 86400;
	const t = now();
	license.store( {
		key: KEYS.good,
		state: 'invalid',
		code: 'invalid',
		last_checked: t - 3600,
		last_success: t - 2 * day,
		next_check: t + day,
		activated_at: t - 30 * day,
	} );
	await open( page );
	const ui = screen( page );
	await expect( ui.state ).toHaveAttribute( 'data-state', 'invalid' );
	await expect( ui.state ).toContainText( 'Invalid' );
	await expect( ui.key ).toHaveText(
		'•••••••-•••••••-•••••••-•••••••-•••CCCC'
	);
	await screenshot( page, 'screen-invalid', testInfo );

	license.store( {
		key: KEYS.good,
		state: 'grace',
		code: 'connection',
		last_checked: t - 3600,
		last_success: t - 9 * day,
		next_check: t + 3600,
		grace_until: t - day,
		failures: 12,
		activated_at: t - 30 * day,
	} );
	await page.reload();
	await expect( ui.state ).toHaveAttribute( 'data-state', 'lapsed' );
	await expect(
		page.getByText( 'Grace period ended', { exact: true } )
	).toBeVisible();
	await screenshot( page, 'screen-lapsed', testInfo );
	expect( await mock.requests() ).toEqual( [] );
} );

test( 'keyboard only: Tab to the field, type the key, Enter', async ( {
	page,
} ) => {
	await open( page );
	const ui = screen( page );
	// From the top of the page: the skip link, then the first stop of the screen is the field.
	await page.keyboard.press( 'Tab' );
	await expect(
		page.getByRole( 'link', { name: 'Skip to main content' } )
	).toBeFocused();
	await page.keyboard.press( 'Enter' );
	await page.keyboard.press( 'Tab' );
	await expect( ui.field ).toBeFocused();
	await page.keyboard.type( KEYS.good );
	await page.keyboard.press( 'Enter' );
	await expect( ui.state ).toHaveAttribute( 'data-state', 'active' );
	// Focus moves to the answer, so a screen reader reads it next.
	await expect( ui.answerRegion ).toBeFocused();
	await expect( ui.answer ).toContainText( phpWords( 'valid' ).message );
	expect( await mock.requests() ).toHaveLength( 1 );
} );

function escape( text: string ) {
	return text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
}
