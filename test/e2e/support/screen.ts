/**
 * The demo product's license screen as the specs drive it: its controls by role and label where
 * it has them, and opening it.
 */
import { expect } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import { DEMO_SCREEN } from './site';

/**
 * The screen's controls.
 *
 * @param page The page.
 */
export function licenseScreen( page: Page ) {
	const card = page.locator( '.batchkeys-license__card' );
	return {
		field: page.getByRole( 'textbox', { name: /license key/i } ),
		activate: page.getByRole( 'button', { name: 'Activate', exact: true } ),
		checkNow: card.getByRole( 'button', { name: 'Check now' } ),
		deactivate: card.getByRole( 'button', { name: 'Deactivate' } ),
		state: page.locator( '.batchkeys-license__state' ),
		key: card.locator( '.batchkeys-license__key' ),
		/** The answer's words. */
		answer: page.locator(
			'.batchkeys-license__answer .components-notice__content'
		),
		answerRegion: page.locator( '.batchkeys-license__answer' ),
		/** The answer's Notice (its class says success, warning or error). */
		notice: page.locator( '.batchkeys-license__answer .components-notice' ),
		/** The wait before the next request, counting down. */
		wait: card.locator( '.batchkeys-license__wait' ),
	};
}

/**
 * Opens the demo product's license screen and waits until the script has rendered it.
 *
 * @param page The page.
 */
export async function openLicenseScreen( page: Page ) {
	await page.goto( DEMO_SCREEN );
	await expect( licenseScreen( page ).state ).toBeVisible();
}
