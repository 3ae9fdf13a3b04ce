// The control interface (README.md here): /__mock/*, JSON in and out, loopback clients only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BIND_ON_VALUES, isBindOn, type BindingSwitch } from './binding';
import { parseFaultRequest, type FaultSwitch } from './faults';
import {
	FieldError,
	asObject,
	optionalInteger,
	rejectUnknownFields,
	required,
} from './fields';
import {
	BodyTooLargeError,
	jsonAnswer,
	pathOf,
	readBody,
	send,
} from './http-util';
import { parseKeyRequest } from './key-request';
import type { RequestLog } from './log';
import type { RateLimiter } from './rate-limit';
import { keyView, type KeyStore } from './store';

export const CONTROL_PREFIX = '/__mock/';

export interface ControlContext {
	store: KeyStore;
	faults: FaultSwitch;
	rateLimiter: RateLimiter;
	binding: BindingSwitch;
	requestLog: RequestLog;
	reset: () => void;
}

type Handler = ( body: unknown, context: ControlContext ) => unknown;

type Route = Partial< Record< 'GET' | 'POST', Handler > >;

function setRateLimit( body: unknown, context: ControlContext ) {
	const object = asObject( body );
	rejectUnknownFields( object, [ 'per_minute' ] );
	context.rateLimiter.setLimit(
		required(
			optionalInteger( object, 'per_minute', 0, 1_000_000 ),
			'per_minute is required (0 = off)'
		)
	);
	return { per_minute: context.rateLimiter.limit };
}

function setBinding( body: unknown, context: ControlContext ) {
	const object = asObject( body );
	rejectUnknownFields( object, [ 'bind_on' ] );
	if ( ! isBindOn( object.bind_on ) ) {
		throw new FieldError(
			`bind_on must be one of: ${ BIND_ON_VALUES.join( ', ' ) }`
		);
	}
	context.binding.set( object.bind_on );
	return { bind_on: context.binding.current };
}

function putKey( body: unknown, context: ControlContext ) {
	const record = parseKeyRequest( body );
	context.store.put( record );
	return { key: keyView( record ) };
}

const ROUTES: Record< string, Route > = {
	'/__mock/reset': {
		POST: ( _body, context ) => {
			context.reset();
			return { reset: true };
		},
	},
	'/__mock/keys': {
		GET: ( _body, context ) => context.store.view(),
		POST: putKey,
	},
	'/__mock/faults': {
		GET: ( _body, context ) => ( { fault: context.faults.describe() } ),
		POST: ( body, context ) => {
			context.faults.set( parseFaultRequest( body ) );
			return { fault: context.faults.describe() };
		},
	},
	'/__mock/rate-limit': {
		GET: ( _body, context ) => ( {
			per_minute: context.rateLimiter.limit,
		} ),
		POST: setRateLimit,
	},
	'/__mock/binding': {
		GET: ( _body, context ) => ( { bind_on: context.binding.current } ),
		POST: setBinding,
	},
	'/__mock/log': {
		GET: ( _body, context ) => ( { requests: context.requestLog.list() } ),
		// Clears the log only: keys, faults and switches stay.
		POST: ( _body, context ) => {
			context.requestLog.clear();
			return { requests: [] };
		},
	},
};

// 127.0.0.0/8, ::1, and IPv4 loopback seen through an IPv6 socket.
export function isLoopbackAddress( address: string | undefined ): boolean {
	if ( ! address ) {
		return false;
	}
	const ipv4 = address.startsWith( '::ffff:' ) ? address.slice( 7 ) : address;
	return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test( ipv4 );
}

async function parsedBody( request: IncomingMessage ): Promise< unknown > {
	const text = await readBody( request );
	if ( text.trim() === '' ) {
		return undefined;
	}
	try {
		return JSON.parse( text );
	} catch {
		throw new FieldError( 'the body is not valid JSON' );
	}
}

function errorBody( status: number, error: string ) {
	return jsonAnswer( status, { error } );
}

function handlerFor( route: Route, method: string | undefined ) {
	return method === 'GET' || method === 'POST' ? route[ method ] : undefined;
}

function methodNotAllowed( path: string, route: Route ) {
	const methods = Object.keys( route );
	const answer = errorBody(
		405,
		`${ path } takes ${ methods.join( ' or ' ) }`
	);
	return {
		...answer,
		headers: { ...answer.headers, Allow: methods.join( ', ' ) },
	};
}

async function answerControl(
	request: IncomingMessage,
	context: ControlContext
) {
	if ( ! isLoopbackAddress( request.socket.remoteAddress ) ) {
		return errorBody(
			403,
			'the control interface only answers loopback clients'
		);
	}
	const path = pathOf( request );
	const route = ROUTES[ path ];
	if ( ! route ) {
		return errorBody( 404, `no control call ${ path }` );
	}
	const handler = handlerFor( route, request.method );
	if ( ! handler ) {
		return methodNotAllowed( path, route );
	}
	try {
		const body =
			request.method === 'POST' ? await parsedBody( request ) : undefined;
		return jsonAnswer( 200, handler( body, context ) );
	} catch ( error ) {
		if ( error instanceof FieldError ) {
			return errorBody( 400, error.message );
		}
		if ( error instanceof BodyTooLargeError ) {
			return errorBody( 413, 'the body is larger than 1 MiB' );
		}
		throw error;
	}
}

export async function handleControlRequest(
	request: IncomingMessage,
	response: ServerResponse,
	context: ControlContext
): Promise< void > {
	const answer = await answerControl( request, context );
	request.resume();
	send( response, answer );
}
