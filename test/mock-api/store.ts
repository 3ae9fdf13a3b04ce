// The key store: in memory, or mirrored to a JSON file (--store) so it survives restarts.
import {
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

// Field names are the control interface's JSON names (snake_case), so records go out as they are.
export interface KeyRecord {
	key: string;
	auth: string;
	// 0 = unlimited (bindings are still recorded).
	domains_allowed: number;
	uuids_allowed: number;
	// null = not a token-based key.
	token_limit: number | null;
	tokens_used: number;
	active: boolean;
	deleted: boolean;
	// Bound so far, in binding order (lower-case).
	domains: string[];
	uuids: string[];
}

export interface StoreData {
	accounts: string[];
	keys: KeyRecord[];
}

export type KeyView = KeyRecord & { tokens_left: number | null };

const FILE_VERSION = 1;

function isStringArray( value: unknown ): value is string[] {
	return (
		Array.isArray( value ) &&
		value.every( ( item ) => typeof item === 'string' )
	);
}

function isKeyRecord( value: unknown ): value is KeyRecord {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const record = value as Record< string, unknown >;
	return (
		typeof record.key === 'string' &&
		typeof record.auth === 'string' &&
		typeof record.domains_allowed === 'number' &&
		typeof record.uuids_allowed === 'number' &&
		( record.token_limit === null ||
			typeof record.token_limit === 'number' ) &&
		typeof record.tokens_used === 'number' &&
		typeof record.active === 'boolean' &&
		typeof record.deleted === 'boolean' &&
		isStringArray( record.domains ) &&
		isStringArray( record.uuids )
	);
}

function parseStoreFile( file: string ): StoreData {
	const parsed: unknown = JSON.parse( readFileSync( file, 'utf8' ) );
	const data = parsed as Partial< StoreData > | null;
	if (
		! data ||
		! isStringArray( data.accounts ) ||
		! Array.isArray( data.keys ) ||
		! data.keys.every( isKeyRecord )
	) {
		throw new Error( `${ file } is not a mock key store file` );
	}
	return { accounts: data.accounts, keys: data.keys };
}

export function tokensLeft( record: KeyRecord ): number | null {
	return record.token_limit === null
		? null
		: record.token_limit - record.tokens_used;
}

export function keyView( record: KeyRecord ): KeyView {
	return { ...structuredClone( record ), tokens_left: tokensLeft( record ) };
}

export class KeyStore {
	private data: StoreData;

	constructor(
		private readonly seed: () => StoreData,
		private readonly file?: string
	) {
		if ( file && existsSync( file ) ) {
			this.data = parseStoreFile( file );
		} else {
			this.data = seed();
			this.persist();
		}
	}

	hasAccount( auth: string ): boolean {
		return this.data.accounts.includes( auth );
	}

	find( key: string ): KeyRecord | undefined {
		const record = this.data.keys.find( ( item ) => item.key === key );
		return record ? structuredClone( record ) : undefined;
	}

	// Creates or replaces the record with the same key; its auth becomes a known account.
	put( record: KeyRecord ): void {
		const copy = structuredClone( record );
		const index = this.data.keys.findIndex(
			( item ) => item.key === record.key
		);
		if ( index === -1 ) {
			this.data.keys.push( copy );
		} else {
			this.data.keys[ index ] = copy;
		}
		if ( ! this.hasAccount( record.auth ) ) {
			this.data.accounts.push( record.auth );
		}
		this.persist();
	}

	restoreSeed(): void {
		this.data = this.seed();
		this.persist();
	}

	view(): { accounts: string[]; keys: KeyView[] } {
		return {
			accounts: [ ...this.data.accounts ],
			keys: this.data.keys.map( keyView ),
		};
	}

	// Write to a temporary file and rename, so a crash never leaves half a store.
	private persist(): void {
		if ( ! this.file ) {
			return;
		}
		mkdirSync( dirname( this.file ), { recursive: true } );
		const temporary = `${ this.file }.${ process.pid }.tmp`;
		writeFileSync(
			temporary,
			JSON.stringify(
				{ version: FILE_VERSION, ...this.data },
				null,
				'\t'
			) + '\n'
		);
		renameSync( temporary, this.file );
	}
}
