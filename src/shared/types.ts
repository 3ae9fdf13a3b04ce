/**
 * The shapes the kit's REST API (`batchkeys/v1`) and the PHP screens hand to scripts.
 * See docs/architecture.md, "REST" and "PHP facade".
 */

/** The license states, docs/license-states.md. */
export type LicenseState =
	'inactive' | 'active' | 'grace' | 'lapsed' | 'invalid';

/**
 * A product's key format (registration arg `key_format`): `groups` groups of `length`
 * characters joined by `separator`; `chars` is the body of a regular-expression character
 * class (for example `A-Za-z0-9`).
 */
export interface KeyFormat {
	groups: number;
	length: number;
	separator: string;
	chars: string;
	/** Letter case: `keep` (default: keys are case-sensitive), `upper` or `lower`. */
	case?: 'keep' | 'upper' | 'lower';
}

/** `Product::to_client_array()`: what a script may know about a product. */
export interface ProductInfo {
	slug: string;
	name: string;
	key_format: KeyFormat;
	placeholder: string;
}

/** The license view: every success body, and `data.license` in every error body. */
export interface LicenseView {
	product: string;
	state: LicenseState;
	/** The state in words, translated by PHP (a state is never shown by colour alone). */
	state_label: string;
	features_enabled: boolean;
	/** Whether the product's secret is set on this site (else every call is not_configured). */
	configured: boolean;
	/** When the secret is missing: PHP's message and hint saying so; else null. */
	setup: { message: string; hint: string } | null;
	/** The kit code of the last answer (`none` when nothing was asked yet). */
	code: string;
	message: string;
	hint: string;
	/** Masked: every character but the separators and the last 4 is `•`. */
	key: string | null;
	/** ISO 8601 (UTC) or null. */
	last_checked: string | null;
	last_success: string | null;
	next_check: string | null;
	grace_until: string | null;
	/** Seconds while the site may not call the API for this product (throttle or rate_limited). */
	retry_after: number | null;
	/** Until when BatchKeys asked the site to pause (ISO 8601), or null. */
	paused_until?: string | null;
	/** A first not-valid answer: the key stays active until a confirming check (`next_check`). */
	strike?: boolean;
	/** What BatchKeys said in its own words (`upstream_error`), cut and masked; administrators only. */
	detail: string | null;
	/** `network`: one license for every site of a multisite network; else `site`. */
	scope?: 'site' | 'network';
	/**
	 * A network license seen by someone who may not change it (a site administrator): the
	 * translated message and hint saying so; else null.
	 */
	managed_by_network?: { message: string; hint: string } | null;
	/** The domain the key was activated for (every call sends it), or null. */
	domain?: string | null;
	/** An address change nobody has answered yet (or kept as a copy), or null. */
	address?: AddressChange | null;
	/** A background check (WP-Cron, WP-CLI) found no secret although this process sees one. */
	secret_missing?: SecretMissing | null;
}

/** The `address` part of a license view (PHP: License\Address_Guard::view()). */
export interface AddressChange {
	status: 'changed' | 'kept_as_copy';
	reason: 'domain' | 'blog';
	activation_domain: string;
	current_domain: string;
	seen_at: string;
	features_until: string | null;
	hints: string[];
	environment: string;
	suggested: 'staging' | 'moved';
	constant_error: string | null;
}

/** Where and when the secret was missing, and the sentence (from PHP) that says so. */
export interface SecretMissing {
	context: string;
	at: string | null;
	message: string;
}

/** `GET /products`: each product the current user may manage, with its license. */
export type ProductWithLicense = ProductInfo & { license: LicenseView };

/**
 * The license screen's own sentences, translated by PHP (Messages::screen_words()); the script
 * fills in their placeholders.
 */
export interface ScreenWords {
	/** The rate-limit pause; `%s`: the date and time it ends. */
	paused: string;
}

/** What PHP hands the license screen (Admin\Screen::screen_data(), in `data-product`). */
export type ScreenData = ProductWithLicense & { words: ScreenWords };

/** What the REST client rejects with, whatever went wrong. */
export interface NormalisedError {
	code: string;
	message: string;
	hint: string;
	/** The HTTP status, or 0 when no answer came (offline, not JSON). */
	status: number;
	license?: LicenseView;
	/** What BatchKeys said in its own words, when the answer carried it (administrators). */
	detail?: string;
	/** Seconds to wait (429), when the answer said. */
	retryAfter?: number;
}
