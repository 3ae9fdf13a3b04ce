/**
 * .wp-env.json is checked by wp-env's own loader (offline: its cache is seeded with the latest
 * WordPress version so no network call is made), so a key wp-env does not know fails here.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const { loadConfig } = require( '@wordpress/env/lib/config' ) as {
	loadConfig: ( directory: string ) => Promise< WpEnvConfig >;
};

type WpEnvEnvironment = {
	pluginSources: Array< { path: string } >;
	mappings: Record< string, { path: string } >;
	config: Record< string, string | boolean | number >;
	phpVersion: string | null;
};
type WpEnvConfig = {
	lifecycleScripts: Record< string, string | null >;
	env: Record< 'development' | 'tests', WpEnvEnvironment >;
};

const root = resolve( __dirname, '..', '..' );
const seed = readFileSync(
	join( root, 'test', 'mock-api', 'seed.ts' ),
	'utf8'
);

function seedCache(): void {
	const home = mkdtempSync( join( tmpdir(), 'bk-wp-env-' ) );
	process.env.WP_ENV_HOME = home;
	const hash = createHash( 'md5' )
		.update( join( root, '.wp-env.json' ) )
		.digest( 'hex' );
	mkdirSync( join( home, hash ), { recursive: true } );
	writeFileSync(
		join( home, hash, 'wp-env-cache.json' ),
		JSON.stringify( { latestWordPressVersion: '7.1' } )
	);
}

describe( '.wp-env.json', () => {
	let config: WpEnvConfig;

	beforeAll( async () => {
		seedCache();
		config = await loadConfig( root );
	} );

	it( 'mounts the plugin and the bundling fixtures', () => {
		const development = config.env.development;
		expect(
			development.pluginSources.map( ( source ) => source.path )
		).toEqual( [ join( root, 'plugin' ) ] );
		expect(
			development.mappings[
				'wp-content/plugins/batchkeys-example-plugin'
			].path
		).toBe(
			join( root, 'test/fixtures/plugins/batchkeys-example-plugin' )
		);
		expect(
			development.mappings[ 'wp-content/themes/batchkeys-example-theme' ]
				.path
		).toBe( join( root, 'test/fixtures/themes/batchkeys-example-theme' ) );
	} );

	it( 'points the demo product at the mock on the host, with the mock’s seeded secret', () => {
		const constants = config.env.development.config;
		expect( constants.BATCHKEYS_API_URL ).toBe(
			'http://host.docker.internal:8790/api.php'
		);
		const demoAuth = seed.match( /DEMO_AUTH = '([^']+)'/ );
		expect( demoAuth ).not.toBeNull();
		expect( constants.BATCHKEYS_DEMO_AUTH ).toBe( demoAuth?.[ 1 ] );
		expect( constants.WP_ENVIRONMENT_TYPE ).toBe( 'local' );
	} );

	it( 'defines each example product’s secret under the name it registers, as the mock’s', () => {
		const constants = config.env.development.config;
		const demoAuth = seed.match( /DEMO_AUTH = '([^']+)'/ )?.[ 1 ];
		const fixtures = [
			'test/fixtures/plugins/batchkeys-example-plugin/batchkeys-example-plugin.php',
			'test/fixtures/themes/batchkeys-example-theme/functions.php',
		];
		const names = fixtures.map(
			( file ) =>
				readFileSync( join( root, file ), 'utf8' ).match(
					/'auth' => '([A-Z0-9_]+)'/
				)?.[ 1 ]
		);
		expect( names ).toEqual( [
			'ACME_SEO_BATCHKEYS_AUTH',
			'ACME_THEME_BATCHKEYS_AUTH',
		] );
		for ( const name of names ) {
			expect( constants[ name as string ] ).toBe( demoAuth );
		}
	} );

	it( 'starts the mock through the script that picks its address per runtime', () => {
		expect( config.lifecycleScripts.afterStart ).toBe(
			'bash tools/wp-env/mock.sh start'
		);
	} );

	it( 'maps the must-use plugin that points Playground at the host', () => {
		expect(
			config.env.development.mappings[ 'wp-content/mu-plugins' ].path
		).toBe( join( root, 'tools/wp-env/mu-plugins' ) );
		const muPlugin = readFileSync(
			join( root, 'tools/wp-env/mu-plugins/batchkeys-wp-env.php' ),
			'utf8'
		);
		// The host it rewrites is the one the config names.
		expect( muPlugin ).toContain( "'://host.docker.internal:'" );
	} );

	it( 'is rejected by wp-env when it holds an unknown key', async () => {
		const directory = mkdtempSync( join( tmpdir(), 'bk-wp-env-bad-' ) );
		const raw = JSON.parse(
			readFileSync( join( root, '.wp-env.json' ), 'utf8' )
		) as Record< string, unknown >;
		writeFileSync(
			join( directory, '.wp-env.json' ),
			JSON.stringify( { ...raw, pluginz: [] } )
		);
		const hash = createHash( 'md5' )
			.update( join( directory, '.wp-env.json' ) )
			.digest( 'hex' );
		mkdirSync( join( process.env.WP_ENV_HOME as string, hash ), {
			recursive: true,
		} );
		writeFileSync(
			join(
				process.env.WP_ENV_HOME as string,
				hash,
				'wp-env-cache.json'
			),
			JSON.stringify( { latestWordPressVersion: '7.1' } )
		);
		await expect( loadConfig( directory ) ).rejects.toThrow( /pluginz/ );
	} );
} );
