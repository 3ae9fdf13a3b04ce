// POST /__mock/keys: the body becomes a whole new record (create or replace).
import {
	FieldError,
	asObject,
	optionalBoolean,
	optionalInteger,
	optionalString,
	optionalStringList,
	rejectUnknownFields,
	required,
	type JsonObject,
} from './fields';
import { newKeyRecord } from './seed';
import type { KeyRecord } from './store';

const KEY_FIELDS = [
	'key',
	'auth',
	'domains_allowed',
	'uuids_allowed',
	'token_limit',
	'tokens_used',
	'active',
	'deleted',
	// Extras beyond the documented key fields: bindings to start with (e.g. "locked elsewhere").
	'domains',
	'uuids',
] as const;

function tokenLimitOf( object: JsonObject ): number | null | undefined {
	return object.token_limit === null
		? null
		: optionalInteger( object, 'token_limit', 0 );
}

function checkBindings( bound: string[], allowed: number, field: string ) {
	if ( allowed !== 0 && bound.length > allowed ) {
		throw new FieldError(
			`${ field } lists more than ${ field }_allowed (${ allowed })`
		);
	}
}

// Fields left out take the defaults: default account, unlimited, not token-based, active.
export function parseKeyRequest( body: unknown ): KeyRecord {
	const object = asObject( body );
	rejectUnknownFields( object, KEY_FIELDS );
	const key = required(
		optionalString( object, 'key', 200 ),
		'key is required'
	);
	const tokenLimit = tokenLimitOf( object ) ?? null;
	const tokensUsed = optionalInteger( object, 'tokens_used', 0 );
	if ( tokensUsed !== undefined && tokenLimit === null ) {
		throw new FieldError( 'tokens_used needs a token_limit' );
	}
	const record = newKeyRecord( key, {
		auth: optionalString( object, 'auth', 200 ),
		domains_allowed: optionalInteger( object, 'domains_allowed', 0 ),
		uuids_allowed: optionalInteger( object, 'uuids_allowed', 0 ),
		token_limit: tokenLimit,
		tokens_used: tokensUsed,
		active: optionalBoolean( object, 'active' ),
		deleted: optionalBoolean( object, 'deleted' ),
		domains: optionalStringList( object, 'domains' ),
		uuids: optionalStringList( object, 'uuids' ),
	} );
	checkBindings( record.domains, record.domains_allowed, 'domains' );
	checkBindings( record.uuids, record.uuids_allowed, 'uuids' );
	return record;
}
