// Shared by the mock's jest tests: start a server, call /api.php and the control interface.
import { DEMO_AUTH, DEMO_KEYS } from './seed';
import {
	createMockServer,
	type MockServer,
	type MockServerOptions,
} from './server';

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

function parseOrNull( text: string ): unknown {
	try {
		return JSON.parse( text );
	} catch {
		return null;
	}
}

async function toResult( response: Response ): Promise< CallResult > {
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: parseOrNull( text ),
	};
}

// The good key on a fresh site: the headers a WordPress plugin sends.
export const GOOD_REQUEST = {
	auth: DEMO_AUTH,
	key: DEMO_KEYS.good,
	domain: 'site.example',
} as const;

export function startMock(
	options: MockServerOptions = {}
): Promise< MockServer > {
	return createMockServer( { rateLimitPerMinute: 0, ...options } );
}

/**
 * One mock for a whole test file, emptied before each test. Call it at the file's top level and
 * read `.server` inside the tests.
 *
 * @param options The server's options (the rate limit is off unless given).
 */
export function mockPerFile( options: MockServerOptions = {} ): {
	server: MockServer;
} {
	const holder = {} as { server: MockServer };
	beforeAll( async () => {
		holder.server = await startMock( options );
	} );
	afterAll( () => holder.server.close() );
	beforeEach( () => holder.server.reset() );
	return holder;
}

export async function callApi(
	server: MockServer,
	headers: Record< string, string >,
	init: { method?: string; signal?: AbortSignal } = {}
): Promise< CallResult > {
	return toResult(
		await fetch( server.apiUrl, {
			method: init.method ?? 'GET',
			headers,
			signal: init.signal,
		} )
	);
}

export async function control(
	server: MockServer,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown
): Promise< CallResult > {
	return toResult(
		await fetch( `${ server.url }/__mock/${ path }`, {
			method,
			headers: { 'content-type': 'application/json' },
			body:
				body === undefined || typeof body === 'string'
					? body
					: JSON.stringify( body ),
		} )
	);
}

export async function keyState(
	server: MockServer,
	key: string
): Promise< Record< string, unknown > | undefined > {
	const { json } = await control( server, 'GET', 'keys' );
	const keys = ( json as { keys: Array< Record< string, unknown > > } ).keys;
	return keys.find( ( record ) => record.key === key );
}
