// Command-line flags of `npm run mock-api` (parsed apart from cli.ts so tests can import it).
import { parseArgs } from 'node:util';
import { isBindOn, type BindOn } from './binding';
import { DEFAULT_HOST, DEFAULT_RATE_LIMIT_PER_MINUTE } from './server';

export interface CliOptions {
	port: number;
	host: string;
	storeFile: string | undefined;
	rateLimitPerMinute: number;
	bindOn: BindOn;
	readyFile: string | undefined;
	quiet: boolean;
	printSeed: boolean;
	help: boolean;
}

export const USAGE = `Usage: npm run mock-api -- [options]

  --port <n>            port to listen on (default 0 = a free port)
  --host <address>      address to bind (default ${ DEFAULT_HOST }; 0.0.0.0 lets wp-env containers in)
  --store <file>        keep the key store in this JSON file (seeded when missing)
  --rate-limit <n>      /api.php calls per minute per client (default ${ DEFAULT_RATE_LIMIT_PER_MINUTE }; 0 = off)
  --bind-on <reading>   valid (default): any valid answer binds the domain; active: only active: 1 does
  --ready-file <file>   once listening, write {"url":...,"pid":...} to this file
  --quiet               do not print a line per /api.php call
  --print-seed          print the seeded demo auth and keys as JSON, then exit
  --help                show this help`;

function integerFlag(
	value: string | undefined,
	name: string,
	fallback: number,
	max: number
): number {
	if ( value === undefined ) {
		return fallback;
	}
	const number = /^\d+$/.test( value ) ? Number( value ) : NaN;
	if ( ! Number.isSafeInteger( number ) || number > max ) {
		throw new Error( `--${ name } must be an integer from 0 to ${ max }` );
	}
	return number;
}

export function parseCliArgs( argv: string[] ): CliOptions {
	const { values } = parseArgs( {
		args: argv,
		strict: true,
		allowPositionals: false,
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			store: { type: 'string' },
			'rate-limit': { type: 'string' },
			'bind-on': { type: 'string' },
			'ready-file': { type: 'string' },
			quiet: { type: 'boolean', default: false },
			'print-seed': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	} );
	const bindOn = values[ 'bind-on' ] ?? 'valid';
	if ( ! isBindOn( bindOn ) ) {
		throw new Error( '--bind-on must be valid or active' );
	}
	return {
		port: integerFlag( values.port, 'port', 0, 65535 ),
		host: values.host || DEFAULT_HOST,
		storeFile: values.store,
		rateLimitPerMinute: integerFlag(
			values[ 'rate-limit' ],
			'rate-limit',
			DEFAULT_RATE_LIMIT_PER_MINUTE,
			1_000_000
		),
		bindOn,
		readyFile: values[ 'ready-file' ],
		quiet: values.quiet ?? false,
		printSeed: values[ 'print-seed' ] ?? false,
		help: values.help ?? false,
	};
}
