// `npm run mock-api`: runs the mock until SIGTERM or SIGINT.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseCliArgs, USAGE, type CliOptions } from './cli-args';
import { seedSummary, DEMO_AUTH } from './seed';
import { createMockServer, type MockServer } from './server';

/* eslint-disable no-console -- a command-line tool talks on the console. */

// Written atomically so a script polling for the file never reads half of it.
function writeReadyFile( file: string, server: MockServer ): void {
	const temporary = `${ file }.${ process.pid }.tmp`;
	writeFileSync(
		temporary,
		JSON.stringify( { url: server.url, pid: process.pid } ) + '\n'
	);
	renameSync( temporary, file );
}

function announce( server: MockServer, options: CliOptions ): void {
	console.log( `BatchKeys mock API listening on ${ server.url }` );
	console.log( `  API:      ${ server.apiUrl }` );
	console.log( `  control:  ${ server.url }/__mock/ (loopback only)` );
	console.log( `  demo auth key: ${ DEMO_AUTH }` );
	if ( options.host !== '127.0.0.1' && options.host !== 'localhost' ) {
		console.log(
			`  from wp-env containers: http://host.docker.internal:${ server.port }/api.php`
		);
	}
}

function stopOnSignals( server: MockServer, readyFile: string | undefined ) {
	let stopping = false;
	const stop = async () => {
		if ( stopping ) {
			process.exit( 1 );
		}
		stopping = true;
		await server.close();
		if ( readyFile ) {
			rmSync( readyFile, { force: true } );
		}
		process.exit( 0 );
	};
	process.on( 'SIGTERM', stop );
	process.on( 'SIGINT', stop );
}

async function main( argv: string[] ): Promise< void > {
	const options = parseCliArgs( argv );
	if ( options.help ) {
		console.log( USAGE );
		return;
	}
	if ( options.printSeed ) {
		console.log( JSON.stringify( seedSummary(), null, '\t' ) );
		return;
	}
	const server = await createMockServer( {
		port: options.port,
		host: options.host,
		storeFile: options.storeFile,
		rateLimitPerMinute: options.rateLimitPerMinute,
		bindOn: options.bindOn,
		logLine: options.quiet ? undefined : ( line ) => console.log( line ),
	} );
	stopOnSignals( server, options.readyFile );
	announce( server, options );
	if ( options.readyFile ) {
		writeReadyFile( options.readyFile, server );
	}
}

main( process.argv.slice( 2 ) ).catch( ( error: unknown ) => {
	console.error(
		`mock-api: ${ error instanceof Error ? error.message : String( error ) }`
	);
	console.error( USAGE );
	process.exit( 1 );
} );
