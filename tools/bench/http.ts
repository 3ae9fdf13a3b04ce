/**
 * HTTP for the bench: loopback only, every request bounded in time, a small cookie jar.
 */
import { performance } from 'node:perf_hooks';

export interface Reply {
	status: number;
	body: string;
	headers: Headers;
	/** Client-side round trip, request sent to body read. */
	ms: number;
}

export interface RequestOptions {
	method?: 'GET' | 'POST' | 'DELETE';
	headers?: Record< string, string >;
	/** A form (URL-encoded) or JSON body. */
	form?: Record< string, string >;
	json?: unknown;
	jar?: CookieJar;
	timeoutMs?: number;
}

const LOOPBACK = new Set( [ '127.0.0.1', 'localhost', '[::1]' ] );

/**
 * Throws unless the URL is http(s) on the loopback interface.
 *
 * @param url URL.
 */
export function assertLoopback( url: string ): void {
	const parsed = new URL( url );
	if (
		! [ 'http:', 'https:' ].includes( parsed.protocol ) ||
		! LOOPBACK.has( parsed.hostname )
	) {
		throw new Error(
			`the bench only talks to the loopback interface, not ${ url }`
		);
	}
}

/** Name=value cookies, sent on every request (one loopback site; paths ignored). */
export class CookieJar {
	private readonly cookies = new Map< string, string >();

	store( headers: Headers ): void {
		for ( const line of headers.getSetCookie() ) {
			const [ pair ] = line.split( ';' );
			const equals = pair.indexOf( '=' );
			if ( equals <= 0 ) {
				continue;
			}
			const name = pair.slice( 0, equals ).trim();
			const value = pair.slice( equals + 1 ).trim();
			if ( value === '' || value === 'deleted' ) {
				this.cookies.delete( name );
			} else {
				this.cookies.set( name, value );
			}
		}
	}

	set( name: string, value: string ): void {
		this.cookies.set( name, value );
	}

	header(): string {
		return [ ...this.cookies ]
			.map( ( [ name, value ] ) => `${ name }=${ value }` )
			.join( '; ' );
	}

	names(): string[] {
		return [ ...this.cookies.keys() ];
	}
}

/**
 * One request (redirects are not followed).
 *
 * @param url     Loopback URL.
 * @param options Method, headers, body, cookie jar, timeout (default 30 s).
 */
export async function request(
	url: string,
	options: RequestOptions = {}
): Promise< Reply > {
	assertLoopback( url );
	const headers: Record< string, string > = { ...options.headers };
	let body: string | undefined;
	if ( options.form ) {
		body = new URLSearchParams( options.form ).toString();
		headers[ 'Content-Type' ] = 'application/x-www-form-urlencoded';
	} else if ( options.json !== undefined ) {
		body = JSON.stringify( options.json );
		headers[ 'Content-Type' ] = 'application/json';
	}
	if ( options.jar ) {
		const cookie = options.jar.header();
		if ( cookie !== '' ) {
			headers.Cookie = cookie;
		}
	}
	const started = performance.now();
	const response = await fetch( url, {
		method: options.method ?? ( body === undefined ? 'GET' : 'POST' ),
		headers,
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout( options.timeoutMs ?? 30_000 ),
	} );
	const text = await response.text();
	const ms = performance.now() - started;
	options.jar?.store( response.headers );
	return {
		status: response.status,
		body: text,
		headers: response.headers,
		ms,
	};
}

/**
 * The parsed JSON body, or null when it is not JSON.
 *
 * @param reply A reply.
 */
export function jsonBody( reply: Reply ): unknown {
	try {
		return JSON.parse( reply.body ) as unknown;
	} catch {
		return null;
	}
}
