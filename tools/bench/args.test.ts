import { DEFAULTS, parseArgs, wants } from './args';

describe( 'parseArgs', () => {
	it( 'has the defaults the issue asks for', () => {
		expect( parseArgs( [], {} ) ).toEqual( DEFAULTS );
		expect( DEFAULTS.requests ).toBeGreaterThanOrEqual( 200 );
		expect( DEFAULTS.check ).toBe( false );
	} );

	it( 'reads --check and numbers', () => {
		const options = parseArgs(
			[ '--check', '--requests=50', '--activations=3' ],
			{}
		);
		expect( options.check ).toBe( true );
		expect( options.requests ).toBe( 50 );
		expect( options.activations ).toBe( 3 );
	} );

	it( 'reads kebab-case options', () => {
		expect( parseArgs( [ '--outage-reps=5' ], {} ).outageReps ).toBe( 5 );
		expect( () => parseArgs( [ '--outage-reps=0' ], {} ) ).toThrow(
			/--outage-reps must be/
		);
		expect( () => parseArgs( [ '--outageReps=5' ], {} ) ).toThrow();
	} );

	it( 'lets explicit numbers win over --quick in any order', () => {
		expect( parseArgs( [ '--requests=80', '--quick' ], {} ).requests ).toBe(
			80
		);
		expect( parseArgs( [ '--quick' ], {} ).requests ).toBe( 50 );
	} );

	it( 'takes the site from --site over BATCHKEYS_SITE', () => {
		expect( parseArgs( [], { BATCHKEYS_SITE: 'dev' } ).site ).toBe( 'dev' );
		expect(
			parseArgs( [ '--site=test' ], { BATCHKEYS_SITE: 'dev' } ).site
		).toBe( 'test' );
		expect( parseArgs( [], { BATCHKEYS_SITE: ' ' } ).site ).toBeNull();
	} );

	it( 'refuses unknown options and bad numbers', () => {
		expect( () => parseArgs( [ '--fast' ], {} ) ).toThrow(
			/unknown option/
		);
		expect( () => parseArgs( [ 'check' ], {} ) ).toThrow(
			/unknown argument/
		);
		expect( () => parseArgs( [ '--requests=0' ], {} ) ).toThrow(
			/from 1 to 5000/
		);
		expect( () => parseArgs( [ '--requests=abc' ], {} ) ).toThrow();
		expect( () => parseArgs( [ '--requests' ], {} ) ).toThrow();
		expect( () => parseArgs( [ '--check=yes' ], {} ) ).toThrow(
			/no value/
		);
	} );

	it( 'reads --only as a list of figures', () => {
		const only = parseArgs( [ '--only=9' ], {} );
		expect( only.only ).toEqual( [ 9 ] );
		expect( wants( only, 9 ) ).toBe( true );
		expect( wants( only, 1 ) ).toBe( false );
		expect( parseArgs( [ '--only=9,2, 2' ], {} ).only ).toEqual( [ 2, 9 ] );
		expect( wants( parseArgs( [], {} ), 4 ) ).toBe( true );
		for ( const bad of [
			'--only',
			'--only=',
			'--only=11',
			'--only=0',
			'--only=a',
			'--only=1,,2',
		] ) {
			expect( () => parseArgs( [ bad ], {} ) ).toThrow( /--only needs/ );
		}
	} );
} );
