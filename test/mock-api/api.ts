// /api.php: the BatchKeys contract (docs/upstream-contract.md), with the fault switches applied.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_TEXTS, asciiJson, errorAnswer, type Answer } from './answers';
import type { Fault, FaultSwitch } from './faults';
import { headerValue, jsonAnswer, JSON_TYPE, send } from './http-util';
import type { KeyFormat } from './key-format';
import {
	flattenHeaders,
	summarise,
	type HttpAnswer,
	type LineLogger,
	type LogEntry,
	type RequestLog,
} from './log';
import type { BindingSwitch } from './binding';
import { rateLimitClient, type RateLimiter } from './rate-limit';
import type { KeyStore } from './store';
import { answerLicenseRequest, type LicenseRequest } from './validate';

export const API_PATH = '/api.php';

// Where the header_json fault puts the JSON answer.
export const ANSWER_HEADER = 'X-BatchKeys-Response';

const HTML_TYPE = 'text/html; charset=UTF-8';

const SERVER_ERROR_PAGE =
	'<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>' +
	'<body><h1>Internal Server Error</h1></body></html>';

const MAINTENANCE_PAGE =
	'<!DOCTYPE html><html><head><title>BatchKeys</title></head>' +
	'<body><h1>We are down for maintenance</h1><p>Please try again later.</p></body></html>';

// A cut-off answer: valid JSON would start like this.
const TRUNCATED_BODY = '{"valid":"1"';

export interface ApiContext {
	store: KeyStore;
	keyFormat: KeyFormat;
	binding: BindingSwitch;
	faults: FaultSwitch;
	rateLimiter: RateLimiter;
	requestLog: RequestLog;
	now: () => number;
	logLine: LineLogger;
	// Keeps the response open until the client leaves, or reset()/close().
	hang: ( response: ServerResponse ) => void;
	// Resolves false when the server closes first.
	sleep: ( ms: number ) => Promise< boolean >;
}

function licenseRequestOf( request: IncomingMessage ): LicenseRequest {
	return {
		auth: headerValue( request, 'auth' ),
		key: headerValue( request, 'key' ),
		domain: headerValue( request, 'domain' ),
		uuid: headerValue( request, 'uuid' ),
		active: headerValue( request, 'active' ),
		consume: headerValue( request, 'consume' ),
	};
}

// What the service itself would answer: rate limit first, then the ordered checks.
function serviceAnswer(
	request: IncomingMessage,
	context: ApiContext,
	accountOverLimit: boolean
): Answer {
	const client = rateLimitClient(
		request.socket.remoteAddress,
		headerValue( request, 'auth' )
	);
	if ( ! context.rateLimiter.allow( client ) ) {
		return errorAnswer( ERROR_TEXTS.tooFast );
	}
	return answerLicenseRequest( licenseRequestOf( request ), {
		store: context.store,
		keyFormat: context.keyFormat,
		accountOverLimit,
		bindOn: context.binding.current,
	} );
}

function pageAnswer( status: number, body: string ): HttpAnswer {
	return { status, headers: { 'Content-Type': HTML_TYPE }, body };
}

function rawJsonAnswer( status: number, body: string ): HttpAnswer {
	return { status, headers: { 'Content-Type': JSON_TYPE }, body };
}

// Faults that replace the answer never reach the key checks (nothing is spent or bound).
function answerUnder(
	fault: Fault | null,
	request: IncomingMessage,
	context: ApiContext
): HttpAnswer {
	const status = fault?.status ?? 200;
	switch ( fault?.mode ) {
		case 'http500':
			return pageAnswer( fault.status ?? 500, SERVER_ERROR_PAGE );
		case 'html':
			return pageAnswer( status, MAINTENANCE_PAGE );
		case 'empty':
			return rawJsonAnswer( status, '' );
		case 'truncated':
			return rawJsonAnswer( status, TRUNCATED_BODY );
		case 'error':
			return jsonAnswer( status, errorAnswer( fault.error ?? '' ) );
		case 'header_json':
			return {
				status,
				headers: {
					'Content-Type': HTML_TYPE,
					[ ANSWER_HEADER ]: asciiJson(
						serviceAnswer( request, context, false )
					),
				},
				body: '',
			};
		default:
			return jsonAnswer(
				200,
				serviceAnswer( request, context, fault?.mode === 'over_limit' )
			);
	}
}

function methodNotAllowed(): HttpAnswer {
	const answer = jsonAnswer( 405, { error: 'use GET or POST' } );
	return { ...answer, headers: { ...answer.headers, Allow: 'GET, POST' } };
}

function startLogEntry(
	request: IncomingMessage,
	context: ApiContext
): LogEntry {
	return context.requestLog.add( {
		time: new Date( context.now() ).toISOString(),
		method: request.method ?? 'GET',
		path: request.url ?? API_PATH,
		remote_address: request.socket.remoteAddress ?? null,
		headers: flattenHeaders( request.headers ),
		fault: null,
		answer: null,
	} );
}

export async function handleApiRequest(
	request: IncomingMessage,
	response: ServerResponse,
	context: ApiContext
): Promise< void > {
	// The service reads headers only; a POST body is drained and ignored.
	request.resume();
	const entry = startLogEntry( request, context );
	if ( request.method !== 'GET' && request.method !== 'POST' ) {
		entry.answer = methodNotAllowed();
		send( response, entry.answer );
		return;
	}
	const fault = context.faults.take();
	entry.fault = fault?.mode ?? null;
	if ( fault?.mode === 'timeout' ) {
		context.hang( response );
		context.logLine( summarise( entry ) );
		return;
	}
	if (
		fault?.mode === 'delay' &&
		! ( await context.sleep( fault.delayMs ) )
	) {
		return;
	}
	entry.answer = answerUnder( fault, request, context );
	send( response, entry.answer );
	context.logLine( summarise( entry ) );
}
