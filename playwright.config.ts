import { defineConfig } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Site = { url: string; multisite?: boolean };

const siteFile =
	process.env.BATCHKEYS_SITE || join( __dirname, '.batchkeys', 'site.json' );
const site = JSON.parse( readFileSync( siteFile, 'utf8' ) ) as Site;
process.env.WP_BASE_URL = site.url;
// One stored login per site: two runs against two local sites must not log each other out.
process.env.STORAGE_STATE_PATH ??= join(
	__dirname,
	'artifacts',
	'storage-states',
	`admin-${ new URL( site.url ).port }.json`
);

// The wp-scripts preset (its global setup logs in as admin through REST and stores the session);
// required after the environment above is set, since it reads it once.
const baseConfig = require( '@wordpress/scripts/config/playwright.config.js' );

export default defineConfig( {
	...baseConfig,
	// A network site (npm start -- --multisite) runs the network specs only, a single site the others.
	testDir: site.multisite ? './test/e2e/network' : './test/e2e',
	// A regular expression on the spec's path below test/e2e: a glob such as 'network/**' would also
	// match a checkout whose own path has a `network` folder, and then no spec would run.
	testIgnore: site.multisite ? [] : [ /[\\/]test[\\/]e2e[\\/]network[\\/]/ ],
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
		storageState: process.env.STORAGE_STATE_PATH,
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
