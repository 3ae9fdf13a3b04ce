/**
 * What the specs share: the running site (BATCHKEYS_SITE, as playwright.config.ts reads it),
 * the mock BatchKeys API's control interface, the stored license state, and screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export const ROOT = resolve( __dirname, '..', '..', '..' );

interface Site {
	url: string;
	abspath: string;
	mock_url: string;
	admin_user: string;
	admin_password: string;
}

export const site = JSON.parse(
	readFileSync(
		resolve(
			ROOT,
			process.env.BATCHKEYS_SITE || join( '.batchkeys', 'site.json' )
		),
		'utf8'
	)
) as Site;

/** The demo product `npm start` registers, and where its screen is (Admin\Screen). */
export const DEMO = 'batchkeys-demo';
export const DEMO_SCREEN = `/wp-admin/options-general.php?page=batchkeys-${ DEMO }`;
export const LICENSE_ROUTE = `/batchkeys/v1/products/${ DEMO }/license`;

/** Seeded keys of the mock (test/mock-api/seed.ts). */
export const KEYS = {
	good: 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC',
	good2: 'DEMO002-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC',
} as const;

export interface MockRequest {
	method: string;
	path: string;
	headers: Record< string, string >;
	fault: string | null;
}

export interface MockFault {
	mode: string;
	times?: number;
	error?: string;
	status?: number;
	delay_ms?: number;
}

function send( path: string, body?: unknown ): Promise< Response > {
	return fetch( site.mock_url + path, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
}

async function control( path: string, body?: unknown ): Promise< unknown > {
	let response: Response;
	try {
		response = await send( path, body );
	} catch {
		// A kept-alive socket the mock closed as this request went out (a slow machine lets
		// its 5 s keep-alive run out between two calls): once more, on a new socket. Every
		// control call may be repeated (each sets, replaces or reads).
		response = await send( path, body );
	}
	if ( ! response.ok ) {
		throw new Error(
			`mock ${ path }: ${ response.status } ${ await response.text() }`
		);
	}
	return response.json();
}

/** The mock BatchKeys API, through its loopback-only /__mock/* interface. */
export const mock = {
	/** Seeded keys, no fault, an empty log; no rate limit (the specs call it often). */
	async reset() {
		await control( '/__mock/reset', {} );
		await control( '/__mock/rate-limit', { per_minute: 0 } );
	},
	async fault( fault: MockFault ) {
		await control( '/__mock/faults', fault );
	},
	/**
	 * Creates or replaces a key.
	 *
	 * @param key Key fields (POST /__mock/keys).
	 */
	async key( key: Record< string, unknown > ) {
		await control( '/__mock/keys', key );
	},
	/** Every key with its bound domains. */
	async keys(): Promise< Array< Record< string, unknown > > > {
		return (
			( await control( '/__mock/keys' ) ) as {
				keys: Array< Record< string, unknown > >;
			}
		 ).keys;
	},
	/**
	 * How the mock binds a domain: `valid` (any valid answer) or `active` (only active: 1).
	 *
	 * @param bindOn The reading.
	 */
	async bindOn( bindOn: 'valid' | 'active' ) {
		await control( '/__mock/binding', { bind_on: bindOn } );
	},
	/** Clears the request log only (keys, faults and switches stay). */
	async resetLog() {
		await control( '/__mock/log', {} );
	},
	/** Every /api.php request the site made since the last reset. */
	async requests(): Promise< MockRequest[] > {
		const log = ( await control( '/__mock/log' ) ) as {
			requests: MockRequest[];
		};
		return log.requests;
	},
};

/**
 * Runs test/e2e/support/site-state.php against the site's own database.
 *
 * @param command reset | unthrottle | record
 * @param extra   The record, for `record`.
 */
function siteState( command: string, extra: unknown[] = [] ): string {
	const env = { ...process.env };
	delete env.WP_TEST_DB; // That one selects the PHPUnit database.
	return execFileSync(
		'php',
		[
			join( __dirname, 'site-state.php' ),
			site.abspath,
			site.url,
			command,
			DEMO,
			...extra.map( ( value ) => JSON.stringify( value ) ),
		],
		{ env, stdio: [ 'ignore', 'pipe', 'inherit' ], encoding: 'utf8' }
	);
}

/** The demo product's stored license, as the kit documents it (docs/architecture.md). */
export const license = {
	/** No key, no throttle, no lock, no rate-limit pause, no dismissed notice. */
	reset: () => {
		siteState( 'reset' );
	},
	/**
	 * Lets the next activation or check through the 10-second throttle, which the kit claims
	 * for every one a person asks for: the specs clear it instead of waiting 10 s each time.
	 */
	unthrottle: () => {
		siteState( 'unthrottle' );
	},
	/**
	 * Stores a record as is (states that take hours or days to reach: invalid, lapsed).
	 *
	 * @param record Record fields (License\Record::to_array()).
	 */
	store: ( record: Record< string, unknown > ) => {
		siteState( 'record', [ record ] );
	},
	/**
	 * Writes the home option as the database holds it (a copy or a move of the database); the
	 * browser stays on the local site through WP_HOME. `license.reset()` writes it back.
	 *
	 * @param url The new home URL.
	 */
	home: ( url: string ) => {
		siteState( 'home', [ url ] );
	},
	/**
	 * What batchkeys_is_active() answers for the demo product in the site's own PHP (the read
	 * a product's feature gate makes on a page load).
	 */
	isActive: (): boolean => JSON.parse( siteState( 'is_active' ) ) as boolean,
	/** Clears WP-Cron's lock; the kit's last recheck run (JSON text) before the next one. */
	cronUnlock: (): string => siteState( 'cron_unlock' ),
	/** The kit's last recheck run, JSON text (`batchkeys_cron_last_run`). */
	cronLastRun: (): string => siteState( 'cron_last_run' ),
};

/** The local site's test modes, read by its wp-config.php on every request (tools/site.sh). */
export interface SiteMode {
	/** WP_HOME and WP_SITEURL built from the request's Host header. */
	home_from_host?: boolean;
	/** BATCHKEYS_ADDRESS_RESOLUTION, defined as wp-config.php would. */
	address_resolution?: string;
}

/**
 * Switches the running site's test modes; `{}` for none.
 *
 * @param mode The modes.
 */
export function siteMode( mode: SiteMode ) {
	siteState( 'mode', [ mode ] );
}

/** Unix time now, as the site's Clock sees it (same machine). */
export const now = () => Math.floor( Date.now() / 1000 );

/**
 * Saves a screenshot under artifacts/screenshots/ and attaches it to the test's report.
 *
 * @param page     The page.
 * @param name     File name without extension.
 * @param testInfo The running test.
 */
export async function screenshot(
	page: Page,
	name: string,
	testInfo: TestInfo
) {
	const dir = join( ROOT, 'artifacts', 'screenshots' );
	mkdirSync( dir, { recursive: true } );
	const path = join( dir, `${ name }.png` );
	await page.screenshot( { path, fullPage: true, animations: 'disabled' } );
	await testInfo.attach( name, { path, contentType: 'image/png' } );
}
