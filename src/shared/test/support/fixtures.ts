/**
 * What the jest tests of the screen, the block and the REST client share: a product, the mock's
 * good demo key, license views and the screen's sentences as PHP sends them, and a promise
 * settled by the test. Not a test file itself (jest runs only the files directly in a `test/`
 * folder).
 */
import php from '../../messages.generated.json';
import type { LicenseView, ProductInfo, ScreenWords } from '../../types';

export const GOOD = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';

export const PRODUCT: ProductInfo = {
	slug: 'acme-seo',
	name: 'Acme SEO Pro',
	key_format: { groups: 5, length: 7, separator: '-', chars: 'A-Za-z0-9' },
	placeholder: 'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX',
};

/** The license screen's sentences, PHP's English words (Messages::screen_words()). */
export const WORDS: ScreenWords = php.words;

/**
 * No key stored; `overrides` change any field (the product, the words, the dates).
 * @param overrides
 */
export function inactiveView(
	overrides: Partial< LicenseView > = {}
): LicenseView {
	return {
		product: 'acme-seo',
		state: 'inactive',
		state_label: 'Not active',
		features_enabled: false,
		configured: true,
		setup: null,
		code: 'none',
		message: 'No key yet.',
		hint: 'Enter one.',
		key: null,
		last_checked: null,
		last_success: null,
		next_check: null,
		grace_until: null,
		retry_after: null,
		paused_until: null,
		strike: false,
		detail: null,
		secret_missing: null,
		...overrides,
	};
}

/**
 * The good key active, checked at 08:00 on 27 November 2026.
 * @param overrides
 */
export function activeView(
	overrides: Partial< LicenseView > = {}
): LicenseView {
	return inactiveView( {
		state: 'active',
		state_label: 'Active',
		features_enabled: true,
		code: 'valid',
		message: 'The key is valid (from PHP).',
		hint: 'Nothing to do (from PHP).',
		key: '•••••••-•••••••-•••••••-•••••••-•••CCCC',
		last_checked: '2026-11-27T08:00:00+00:00',
		last_success: '2026-11-27T08:00:00+00:00',
		next_check: '2026-11-28T03:12:00+00:00',
		...overrides,
	} );
}

/** A promise and its settle functions, so a test decides when an answer arrives. */
export function deferred< T >() {
	let resolve: ( value: T ) => void = () => {};
	let reject: ( reason: unknown ) => void = () => {};
	const promise = new Promise< T >( ( res, rej ) => {
		resolve = res;
		reject = rej;
	} );
	return { promise, resolve, reject };
}
