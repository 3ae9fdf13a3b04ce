import { kitCalls, parseProbeLine } from './probe-line';

const line = {
	id: 'r1-front',
	kit: 'on',
	wall_ms: 41.5,
	peak: 4200000,
	status: 200,
	calls: [
		{ url: 'http://127.0.0.1:9/api.php', kit: true, ms: 2.1 },
		{ url: 'https://api.wordpress.org/x', kit: false, ms: null },
	],
	opcache: true,
	cpu_ms: 3.25,
	files: [ 'load.php', 'version.php', 'boot.php', 'src/class-kit.php', 7 ],
};

describe( 'parseProbeLine', () => {
	it( 'reads a line of the bench mu-plugin', () => {
		const parsed = parseProbeLine( JSON.stringify( line ) );
		expect( parsed ).toEqual( {
			id: 'r1-front',
			kit: 'on',
			wallMs: 41.5,
			peakBytes: 4200000,
			status: 200,
			calls: [
				{ url: 'http://127.0.0.1:9/api.php', kit: true, ms: 2.1 },
				{ url: 'https://api.wordpress.org/x', kit: false, ms: null },
			],
			opcache: true,
			autoload: null,
			cpuMs: 3.25,
			files: [
				'load.php',
				'version.php',
				'boot.php',
				'src/class-kit.php',
			],
		} );
		expect( parsed && kitCalls( parsed ) ).toBe( 1 );
	} );

	it( 'reads the autoload figures', () => {
		const parsed = parseProbeLine(
			JSON.stringify( {
				...line,
				autoload: {
					kit_rows: [
						{
							name: 'batchkeys_license_a',
							bytes: 300,
							autoload: 'off',
							autoloaded: false,
						},
					],
					kit_bytes: 0,
					alloptions_bytes: 50000,
					alloptions_count: 120,
					cron_events: 0,
				},
			} )
		);
		expect( parsed?.autoload ).toEqual( {
			cronEvents: 0,
			kitRows: [
				{
					name: 'batchkeys_license_a',
					bytes: 300,
					autoload: 'off',
					autoloaded: false,
				},
			],
			kitBytes: 0,
			alloptionsBytes: 50000,
			alloptionsCount: 120,
		} );
	} );

	it( 'refuses a partial or malformed line', () => {
		expect( parseProbeLine( '{"id":"r1"' ) ).toBeNull();
		expect(
			parseProbeLine( JSON.stringify( { ...line, kit: 'maybe' } ) )
		).toBeNull();
		expect(
			parseProbeLine( JSON.stringify( { ...line, wall_ms: '4' } ) )
		).toBeNull();
		expect(
			parseProbeLine(
				JSON.stringify( { ...line, calls: [ { url: 1 } ] } )
			)
		).toBeNull();
		expect( parseProbeLine( '[]' ) ).toBeNull();
	} );
} );
