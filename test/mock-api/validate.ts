// The checks /api.php makes, in the service's order (docs/upstream-contract.md):
// auth present, key present, length, characters, pattern, auth known, key known,
// domain/uuid present, domain/uuid lock, active state, tokens for `consume`.
import {
	ERROR_TEXTS,
	INVALID,
	VALID,
	errorAnswer,
	formatErrorAnswer,
	type Answer,
} from './answers';
import type { BindOn } from './binding';
import { checkKeyFormat, type KeyFormat } from './key-format';
import { tokensLeft, type KeyRecord, type KeyStore } from './store';

// The request headers the service reads (lower-case names, as sent).
export interface LicenseRequest {
	auth?: string;
	key?: string;
	domain?: string;
	uuid?: string;
	active?: string;
	consume?: string;
}

export interface CheckContext {
	store: KeyStore;
	keyFormat: KeyFormat;
	// The over_limit fault: the account holds more keys than its plan allows.
	accountOverLimit: boolean;
	// Which answers bind a domain/uuid (see binding.ts); default `valid`.
	bindOn?: BindOn;
}

interface Client {
	domain: string | null;
	uuid: string | null;
}

// An empty or blank header counts as missing.
function present( value: string | undefined ): string | null {
	const trimmed = value?.trim();
	return trimmed ? trimmed : null;
}

function findUsableRecord(
	auth: string,
	key: string,
	context: CheckContext
): KeyRecord | null {
	if ( ! context.store.hasAccount( auth ) || context.accountOverLimit ) {
		return null;
	}
	const record = context.store.find( key );
	// A key of another account is as unknown as a missing one.
	return record && ! record.deleted && record.auth === auth ? record : null;
}

// Domains and uuids are compared lower-case.
function clientOf( request: LicenseRequest ): Client | null {
	const domain = present( request.domain )?.toLowerCase() ?? null;
	const uuid = present( request.uuid )?.toLowerCase() ?? null;
	return domain || uuid ? { domain, uuid } : null;
}

// The first `allowed` distinct values bind; 0 = unlimited.
function lockAllows( bound: string[], allowed: number, value: string | null ) {
	return (
		value === null ||
		bound.includes( value ) ||
		allowed === 0 ||
		bound.length < allowed
	);
}

function clientAllowed( record: KeyRecord, client: Client ): boolean {
	return (
		lockAllows( record.domains, record.domains_allowed, client.domain ) &&
		lockAllows( record.uuids, record.uuids_allowed, client.uuid )
	);
}

function withValue( list: string[], value: string | null ): string[] {
	return value === null || list.includes( value ) ? list : [ ...list, value ];
}

function withoutValue( list: string[], value: string | null ): string[] {
	return list.filter( ( item ) => item !== value );
}

function bindClient( record: KeyRecord, client: Client ): KeyRecord {
	return {
		...record,
		domains: withValue( record.domains, client.domain ),
		uuids: withValue( record.uuids, client.uuid ),
	};
}

function releaseClient( record: KeyRecord, client: Client ): KeyRecord {
	return {
		...record,
		domains: withoutValue( record.domains, client.domain ),
		uuids: withoutValue( record.uuids, client.uuid ),
	};
}

// `active: 1` / `true` switches on, `active: 0` / `false` off; any other value is ignored.
function activeSwitch( value: string | undefined ): boolean | null {
	const normalised = present( value )?.toLowerCase();
	if ( normalised === '1' || normalised === 'true' ) {
		return true;
	}
	if ( normalised === '0' || normalised === 'false' ) {
		return false;
	}
	return null;
}

function parseConsume( value: string | undefined ): number | null {
	const text = present( value );
	if ( text === null ) {
		return 0;
	}
	const amount = /^[+-]?\d+$/.test( text ) ? Number( text ) : NaN;
	return Number.isSafeInteger( amount ) ? amount : null;
}

// Tokens. `consume` on a key that is not token-based is ignored.
// N > 0 spends N when at least N are left (else valid 0, nothing spent); N < 0 tops up
// by raising the limit (tokens_used stays the total ever spent); no N: valid while any are left.
function applyTokens(
	record: KeyRecord,
	consume: string | undefined
): { record: KeyRecord; valid: boolean } {
	const left = tokensLeft( record );
	if ( left === null || record.token_limit === null ) {
		return { record, valid: true };
	}
	const amount = parseConsume( consume );
	if ( amount === null ) {
		return { record, valid: false };
	}
	if ( amount > 0 ) {
		return left < amount
			? { record, valid: false }
			: {
					record: {
						...record,
						tokens_used: record.tokens_used + amount,
					},
					valid: true,
				};
	}
	const topUp = -amount;
	return {
		record: { ...record, token_limit: record.token_limit + topUp },
		valid: left + topUp > 0,
	};
}

function saveIfChanged(
	store: KeyStore,
	before: KeyRecord,
	after: KeyRecord
): void {
	if ( JSON.stringify( before ) !== JSON.stringify( after ) ) {
		store.put( after );
	}
}

// Our choice where the docs are silent:
// - `active: 0` switches the key off everywhere, releases this domain/uuid's binding (the
//   seat is free for another site) and answers valid 0: the key is no longer active.
// - `active: 1` switches the key back on, then the request is answered as usual.
// - a key that is off answers valid 0 (and binds nothing) until `active: 1` is sent.
// - a domain/uuid binds only on a valid 1, so a refused request never takes a seat; with
//   bindOn `active`, only on a valid 1 to a request carrying `active: 1`.
function answerForAllowedKey(
	record: KeyRecord,
	client: Client,
	request: LicenseRequest,
	store: KeyStore,
	bindOn: BindOn
): Answer {
	const switchTo = activeSwitch( request.active );
	if ( switchTo === false ) {
		saveIfChanged(
			store,
			record,
			releaseClient( { ...record, active: false }, client )
		);
		return INVALID;
	}
	if ( ! record.active && switchTo !== true ) {
		return INVALID;
	}
	const tokens = applyTokens( { ...record, active: true }, request.consume );
	const binds = tokens.valid && ( bindOn === 'valid' || switchTo === true );
	const after = binds ? bindClient( tokens.record, client ) : tokens.record;
	saveIfChanged( store, record, after );
	return tokens.valid ? VALID : INVALID;
}

export function answerLicenseRequest(
	request: LicenseRequest,
	context: CheckContext
): Answer {
	const auth = present( request.auth );
	if ( ! auth ) {
		return errorAnswer( ERROR_TEXTS.authMissing );
	}
	const key = present( request.key );
	if ( ! key ) {
		return errorAnswer( ERROR_TEXTS.keyMissing );
	}
	const formatProblem = checkKeyFormat( key, context.keyFormat );
	if ( formatProblem ) {
		return formatErrorAnswer( formatProblem );
	}
	const record = findUsableRecord( auth, key, context );
	const client = clientOf( request );
	if ( ! record || ! client || ! clientAllowed( record, client ) ) {
		return INVALID;
	}
	return answerForAllowedKey(
		record,
		client,
		request,
		context.store,
		context.bindOn ?? 'valid'
	);
}
