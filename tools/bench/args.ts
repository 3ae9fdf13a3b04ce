/**
 * Command-line options of `npm run bench`.
 */

export interface Options {
	/** Exit non-zero when a budget is missed. */
	check: boolean;
	/** Front-end requests per side (kit on, kit off) for figure 2. */
	requests: number;
	/** Loads of each page per state for figures 1 and 6. */
	reps: number;
	/** Loads of each page per state (reachable, unreachable) for figure 6. */
	outageReps: number;
	/** Activations (one extra product each) for figure 5. */
	activations: number;
	/** Subsites of figure 9's network (0: no network figure). */
	network: number;
	/** A running site: a site name (dev, test...) or the path of its site JSON. */
	site: string | null;
	/** The figures to measure (null: all of them). */
	only: number[] | null;
	help: boolean;
}

export const DEFAULTS: Options = {
	check: false,
	requests: 200,
	reps: 4,
	outageReps: 12,
	activations: 25,
	network: 1000,
	site: null,
	only: null,
	help: false,
};

/** The figures' numbers. */
export const FIGURES = [ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ] as const;

const QUICK: Partial< Options > = {
	requests: 50,
	reps: 1,
	outageReps: 2,
	activations: 8,
};

const LIMITS = {
	requests: [ 1, 5000 ],
	reps: [ 1, 50 ],
	outageReps: [ 1, 100 ],
	activations: [ 1, 200 ],
	network: [ 0, 5000 ],
} as const;

type NumericOption = keyof typeof LIMITS;

function isNumericOption( name: string ): name is NumericOption {
	return Object.prototype.hasOwnProperty.call( LIMITS, name );
}

export const USAGE = `npm run bench [-- options]

  --check            exit 1 when a budget is missed (else the exit code is 0 whatever the figures)
  --requests=N       front-end requests per side for figure 2 (default 200)
  --reps=N           loads of each page per state for figures 1 and 6 (default 4: 24 loads)
  --outage-reps=N    loads of each page per state for figure 6 (default 12)
  --activations=N    REST activations for figure 5 (default 25)
  --network=N        subsites of figure 9's multisite network (default 1000, built once and
                     cached; 0: no network figure)
  --quick            --requests=50 --reps=1 --outage-reps=2 --activations=8 (development)
  --only=N[,N...]    measure only these figures (e.g. --only=9: the network alone, no single site)
  --site=NAME|FILE   use a running site (else BATCHKEYS_SITE, else start the 'bench' site)`;

/**
 * Parses --only's list of figure numbers.
 *
 * @param value The option's value.
 */
function parseOnly( value: string | undefined ): number[] {
	const parts = ( value ?? '' ).split( ',' ).map( ( part ) => part.trim() );
	const known: readonly number[] = FIGURES;
	const figures = parts.map( ( part ) =>
		/^\d+$/.test( part ) ? Number( part ) : NaN
	);
	if ( ! figures.length || figures.some( ( n ) => ! known.includes( n ) ) ) {
		throw new Error(
			`--only needs figure numbers from 1 to ${ FIGURES.length }, separated by commas`
		);
	}
	return [ ...new Set( figures ) ].sort( ( a, b ) => a - b );
}

/**
 * Whether a figure is to be measured.
 *
 * @param options The options.
 * @param figure  The figure's number.
 */
export function wants( options: Options, figure: number ): boolean {
	return options.only === null || options.only.includes( figure );
}

/**
 * Parses the arguments; throws an Error with a message for people on a wrong one.
 *
 * @param argv The arguments after the script.
 * @param env  The environment (BATCHKEYS_SITE).
 */
export function parseArgs(
	argv: readonly string[],
	env: Readonly< Record< string, string | undefined > >
): Options {
	const options: Options = { ...DEFAULTS };
	const site = env.BATCHKEYS_SITE;
	if ( site !== undefined && site.trim() !== '' ) {
		options.site = site.trim();
	}
	const numbers: Partial< Record< NumericOption, number > > = {};
	for ( const arg of argv ) {
		const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec( arg );
		if ( ! match ) {
			throw new Error( `unknown argument '${ arg }'` );
		}
		const [ , flag, value ] = match;
		// --outage-reps is the option outageReps.
		const name = flag.replace( /-([a-z])/g, ( _, letter: string ) =>
			letter.toUpperCase()
		);
		if ( name === 'check' || name === 'help' || name === 'quick' ) {
			if ( value !== undefined ) {
				throw new Error( `--${ flag } takes no value` );
			}
			if ( name === 'quick' ) {
				Object.assign( options, QUICK );
			} else {
				options[ name ] = true;
			}
		} else if ( name === 'site' ) {
			if ( value === undefined || value.trim() === '' ) {
				throw new Error(
					'--site needs a site name or a site JSON file'
				);
			}
			options.site = value.trim();
		} else if ( name === 'only' ) {
			options.only = parseOnly( value );
		} else if ( isNumericOption( name ) ) {
			const [ low, high ] = LIMITS[ name ];
			const parsed =
				value !== undefined && /^\d+$/.test( value )
					? Number( value )
					: NaN;
			if ( ! ( parsed >= low && parsed <= high ) ) {
				throw new Error(
					`--${ flag } must be a whole number from ${ low } to ${ high }`
				);
			}
			numbers[ name ] = parsed;
		} else {
			throw new Error( `unknown option '--${ flag }'` );
		}
	}
	// Explicit numbers win over --quick, whatever their order.
	return { ...options, ...numbers };
}
