import { defineConfig } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The wp-scripts preset (its global setup logs in as admin through REST and stores the session).

const baseConfig = require( '@wordpress/scripts/config/playwright.config.js' );

type Site = { url: string };
const siteFile =
	process.env.BATCHKEYS_SITE || join( __dirname, '.batchkeys', 'site.json' );
const site = JSON.parse( readFileSync( siteFile, 'utf8' ) ) as Site;
process.env.WP_BASE_URL = site.url;

export default defineConfig( {
	...baseConfig,
	testDir: './test/e2e',
	outputDir: './artifacts/test-results',
	// Specs share one site and one mock: run them one at a time.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	reporter: process.env.CI ? [ [ 'list' ], [ 'json' ] ] : [ [ 'list' ] ],
	// The preset's webServer starts wp-env (Docker); the local site is started by tools/site.sh.
	webServer: undefined,
	use: {
		...baseConfig.use,
		baseURL: site.url,
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
} );
