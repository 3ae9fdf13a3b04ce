// Seeded demo data: the same values for the mock's tests, the PHP tests and `npm start`.
import type { KeyRecord, StoreData } from './store';

// The default account's API auth key (what `npm start` configures the demo product with).
export const DEMO_AUTH = 'demo-auth-0123456789abcdef';

// The domain the domain-locked key is already bound to.
export const DEMO_LOCKED_DOMAIN = 'elsewhere.example';

// The device the uuid-locked key is already bound to.
export const DEMO_LOCKED_UUID = '0d6c3f2a-9b1e-4c57-8a3d-5e2f7b9c1a04';

export const DEMO_TOKEN_LIMIT = 10;

// One key per case; every key matches the service format (5 groups of 7, 39 characters).
export const DEMO_KEYS = {
	// Valid on any number of domains and uuids.
	good: 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC',
	// A second good key, so tests can use two products or two sites.
	good2: 'DEMO002-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC',
	// 1 domain allowed, already bound to DEMO_LOCKED_DOMAIN.
	lockedElsewhere: 'DEMO003-LOCKED0-AAAAAAA-BBBBBBB-CCCCCCC',
	// Token-based: DEMO_TOKEN_LIMIT tokens, none used.
	tokens: 'DEMO004-TOKENS0-AAAAAAA-BBBBBBB-CCCCCCC',
	// Switched off (active false): valid 0 until `active: 1` is sent.
	deactivated: 'DEMO005-INACTIV-AAAAAAA-BBBBBBB-CCCCCCC',
	// Deleted (as after a refund): always valid 0.
	deleted: 'DEMO006-DELETED-AAAAAAA-BBBBBBB-CCCCCCC',
	// 1 uuid allowed, already bound to DEMO_LOCKED_UUID.
	uuidLockedElsewhere: 'DEMO007-UUIDLCK-AAAAAAA-BBBBBBB-CCCCCCC',
} as const;

// A record with the defaults for every field left out (or undefined).
export function newKeyRecord(
	key: string,
	fields: Partial< Omit< KeyRecord, 'key' > > = {}
): KeyRecord {
	const given = Object.fromEntries(
		Object.entries( fields ).filter(
			( [ , value ] ) => value !== undefined
		)
	);
	return {
		key,
		auth: DEMO_AUTH,
		domains_allowed: 0,
		uuids_allowed: 0,
		token_limit: null,
		tokens_used: 0,
		active: true,
		deleted: false,
		domains: [],
		uuids: [],
		...given,
	};
}

export function seedData(): StoreData {
	return {
		accounts: [ DEMO_AUTH ],
		keys: [
			newKeyRecord( DEMO_KEYS.good ),
			newKeyRecord( DEMO_KEYS.good2 ),
			newKeyRecord( DEMO_KEYS.lockedElsewhere, {
				domains_allowed: 1,
				domains: [ DEMO_LOCKED_DOMAIN ],
			} ),
			newKeyRecord( DEMO_KEYS.tokens, { token_limit: DEMO_TOKEN_LIMIT } ),
			newKeyRecord( DEMO_KEYS.deactivated, { active: false } ),
			newKeyRecord( DEMO_KEYS.deleted, { deleted: true } ),
			newKeyRecord( DEMO_KEYS.uuidLockedElsewhere, {
				uuids_allowed: 1,
				uuids: [ DEMO_LOCKED_UUID ],
			} ),
		],
	};
}

// What the CLI prints for --print-seed (for shell scripts and PHP tests).
export function seedSummary(): {
	auth: string;
	keys: Record< string, string >;
	locked_domain: string;
	locked_uuid: string;
	token_limit: number;
} {
	return {
		auth: DEMO_AUTH,
		keys: { ...DEMO_KEYS },
		locked_domain: DEMO_LOCKED_DOMAIN,
		locked_uuid: DEMO_LOCKED_UUID,
		token_limit: DEMO_TOKEN_LIMIT,
	};
}
