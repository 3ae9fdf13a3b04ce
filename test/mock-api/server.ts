// createMockServer(): the mock BatchKeys API on node:http (README.md here).
import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PATH, handleApiRequest } from './api';
import { BindingSwitch, type BindOn } from './binding';
import { CONTROL_PREFIX, handleControlRequest } from './control';
import { FaultSwitch } from './faults';
import { jsonAnswer, pathOf, send } from './http-util';
import { DEFAULT_KEY_FORMAT, type KeyFormat } from './key-format';
import { RequestLog, type LineLogger } from './log';
import { PendingResponses } from './pending';
import { RateLimiter } from './rate-limit';
import { seedData } from './seed';
import { KeyStore } from './store';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;

export interface MockServerOptions {
	// 0 (the default) picks a free port.
	port?: number;
	// 127.0.0.1 by default; 0.0.0.0 lets wp-env's containers reach it.
	host?: string;
	// Mirror the key store to this JSON file (created with the seed when missing).
	storeFile?: string;
	// Calls per minute per client; 0 = off.
	rateLimitPerMinute?: number;
	keyFormat?: KeyFormat;
	// Which answers bind a domain (binding.ts); `valid` by default.
	bindOn?: BindOn;
	// Clock in ms (tests move it to expire the rate-limit window).
	now?: () => number;
	// One line per /api.php call and per internal error; silent by default.
	logLine?: LineLogger;
}

export interface MockServer {
	// Base URL for clients on this machine, e.g. http://127.0.0.1:43123 (no trailing slash).
	url: string;
	apiUrl: string;
	host: string;
	port: number;
	store: KeyStore;
	requestLog: RequestLog;
	faults: FaultSwitch;
	rateLimiter: RateLimiter;
	binding: BindingSwitch;
	// Same as POST /__mock/reset.
	reset: () => void;
	close: () => Promise< void >;
}

// A wildcard bind is reached through loopback; IPv6 literals need brackets.
function urlHost( host: string ): string {
	if ( host === '0.0.0.0' || host === '::' || host === '' ) {
		return DEFAULT_HOST;
	}
	return host.includes( ':' ) ? `[${ host }]` : host;
}

function listen( server: Server, port: number, host: string ) {
	return new Promise< AddressInfo >( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( port, host, () => {
			server.off( 'error', reject );
			resolve( server.address() as AddressInfo );
		} );
	} );
}

function stop( server: Server ): Promise< void > {
	return new Promise( ( resolve ) => {
		if ( ! server.listening ) {
			resolve();
			return;
		}
		server.close( () => resolve() );
		server.closeAllConnections();
	} );
}

export async function createMockServer(
	options: MockServerOptions = {}
): Promise< MockServer > {
	const now = options.now ?? Date.now;
	const logLine = options.logLine ?? ( () => undefined );
	const initialRateLimit =
		options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
	const store = new KeyStore( seedData, options.storeFile );
	const faults = new FaultSwitch();
	const rateLimiter = new RateLimiter( initialRateLimit, now );
	const requestLog = new RequestLog();
	const binding = new BindingSwitch( options.bindOn ?? 'valid' );
	const pending = new PendingResponses();

	// Back to the start: seeded keys, no faults, the starting rate limit, an empty log.
	const reset = () => {
		pending.releaseHanging();
		store.restoreSeed();
		faults.reset();
		rateLimiter.setLimit( initialRateLimit );
		binding.reset();
		requestLog.clear();
	};

	const route = ( request: IncomingMessage, response: ServerResponse ) => {
		const path = pathOf( request );
		if ( path === API_PATH ) {
			return handleApiRequest( request, response, {
				store,
				keyFormat: options.keyFormat ?? DEFAULT_KEY_FORMAT,
				binding,
				faults,
				rateLimiter,
				requestLog,
				now,
				logLine,
				hang: ( held ) => pending.hang( held ),
				sleep: ( ms ) => pending.sleep( ms ),
			} );
		}
		if ( path.startsWith( CONTROL_PREFIX ) ) {
			return handleControlRequest( request, response, {
				store,
				faults,
				rateLimiter,
				binding,
				requestLog,
				reset,
			} );
		}
		request.resume();
		send(
			response,
			jsonAnswer( 404, { error: `no such path ${ path }` } )
		);
		return Promise.resolve();
	};

	const server = createServer( ( request, response ) => {
		route( request, response ).catch( ( error: unknown ) => {
			logLine( `mock server error: ${ String( error ) }` );
			send( response, jsonAnswer( 500, { error: 'mock server error' } ) );
		} );
	} );
	const address = await listen(
		server,
		options.port ?? 0,
		options.host ?? DEFAULT_HOST
	);
	const url = `http://${ urlHost( options.host ?? DEFAULT_HOST ) }:${
		address.port
	}`;

	return {
		url,
		apiUrl: url + API_PATH,
		host: options.host ?? DEFAULT_HOST,
		port: address.port,
		store,
		requestLog,
		faults,
		rateLimiter,
		binding,
		reset,
		close: () => {
			pending.cancelAll();
			return stop( server );
		},
	};
}
