// Small helpers for node:http requests and responses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAnswer } from './log';

export const JSON_TYPE = 'application/json; charset=UTF-8';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody( request: IncomingMessage ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on( 'data', ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size > MAX_BODY_BYTES ) {
				reject( new BodyTooLargeError( 'body too large' ) );
				request.resume();
				return;
			}
			chunks.push( chunk );
		} );
		request.on( 'end', () =>
			resolve( Buffer.concat( chunks ).toString( 'utf8' ) )
		);
		request.on( 'error', reject );
	} );
}

export function jsonAnswer( status: number, value: unknown ): HttpAnswer {
	return {
		status,
		headers: { 'Content-Type': JSON_TYPE },
		body: JSON.stringify( value ),
	};
}

export function send( response: ServerResponse, answer: HttpAnswer ): void {
	if ( response.destroyed || response.writableEnded ) {
		return;
	}
	response.writeHead( answer.status, {
		...answer.headers,
		'Content-Length': Buffer.byteLength( answer.body ),
		'Cache-Control': 'no-store',
	} );
	response.end( answer.body );
}

export function pathOf( request: IncomingMessage ): string {
	return new URL( request.url ?? '/', 'http://mock.invalid' ).pathname;
}

export function headerValue(
	request: IncomingMessage,
	name: string
): string | undefined {
	const value = request.headers[ name ];
	return Array.isArray( value ) ? value.join( ', ' ) : value;
}
