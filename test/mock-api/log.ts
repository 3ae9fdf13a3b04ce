// The request log (GET /__mock/log) and the one-line console summary of each call.
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultMode } from './faults';

export interface HttpAnswer {
	status: number;
	headers: Record< string, string >;
	body: string;
}

export interface LogEntry {
	time: string;
	method: string;
	path: string;
	remote_address: string | null;
	// Every request header, lower-case names, as received.
	headers: Record< string, string >;
	fault: FaultMode | null;
	// null while the answer is pending, and for ever under the timeout fault.
	answer: HttpAnswer | null;
}

export type LineLogger = ( line: string ) => void;

// Enough for any test or session; the oldest entries go first.
const DEFAULT_MAX_ENTRIES = 10_000;

export function flattenHeaders(
	headers: IncomingHttpHeaders
): Record< string, string > {
	const flat: Record< string, string > = {};
	for ( const [ name, value ] of Object.entries( headers ) ) {
		if ( value !== undefined ) {
			flat[ name ] = Array.isArray( value ) ? value.join( ', ' ) : value;
		}
	}
	return flat;
}

export class RequestLog {
	private entries: LogEntry[] = [];

	constructor( private readonly maxEntries = DEFAULT_MAX_ENTRIES ) {}

	// Returns the stored entry, so the answer can be filled in once it is sent.
	add( entry: LogEntry ): LogEntry {
		this.entries.push( entry );
		if ( this.entries.length > this.maxEntries ) {
			this.entries.shift();
		}
		return entry;
	}

	list(): LogEntry[] {
		return structuredClone( this.entries );
	}

	clear(): void {
		this.entries = [];
	}
}

// The auth key is a secret even in a demo: show only its start on the console.
function maskSecret( value: string ): string {
	return value.length > 4 ? `${ value.slice( 0, 4 ) }…` : '…';
}

export function summarise( entry: LogEntry ): string {
	const { auth, key, domain, uuid, active, consume } = entry.headers;
	const sent = Object.entries( {
		auth: auth === undefined ? undefined : maskSecret( auth ),
		key,
		domain,
		uuid,
		active,
		consume,
	} )
		.filter( ( [ , value ] ) => value !== undefined )
		.map( ( [ name, value ] ) => `${ name }=${ value }` )
		.join( ' ' );
	const answer = entry.answer
		? `${ entry.answer.status } ${ entry.answer.body || '(empty body)' }`
		: 'no answer';
	const fault = entry.fault ? ` [fault ${ entry.fault }]` : '';
	return `${ entry.time } ${ entry.method } ${ entry.path } ${ sent } -> ${ answer }${ fault }`;
}
