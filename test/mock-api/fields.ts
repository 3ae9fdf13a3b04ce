// Field checks for the control interface's JSON bodies; a FieldError becomes a 400.

export class FieldError extends Error {}

export type JsonObject = Record< string, unknown >;

export function asObject( body: unknown ): JsonObject {
	if ( typeof body !== 'object' || body === null || Array.isArray( body ) ) {
		throw new FieldError( 'the body must be a JSON object' );
	}
	return body as JsonObject;
}

export function rejectUnknownFields(
	object: JsonObject,
	allowed: readonly string[]
): void {
	const unknown = Object.keys( object ).filter(
		( name ) => ! allowed.includes( name )
	);
	if ( unknown.length > 0 ) {
		throw new FieldError(
			`unknown field(s): ${ unknown.join( ', ' ) } (allowed: ${ allowed.join(
				', '
			) })`
		);
	}
}

export function optionalInteger(
	object: JsonObject,
	name: string,
	min: number,
	max: number = Number.MAX_SAFE_INTEGER
): number | undefined {
	const value = object[ name ];
	if ( value === undefined ) {
		return undefined;
	}
	if (
		typeof value !== 'number' ||
		! Number.isInteger( value ) ||
		value < min ||
		value > max
	) {
		throw new FieldError(
			`${ name } must be an integer from ${ min } to ${ max }`
		);
	}
	return value;
}

export function optionalString(
	object: JsonObject,
	name: string,
	maxLength = 1000
): string | undefined {
	const value = object[ name ];
	if ( value === undefined ) {
		return undefined;
	}
	if (
		typeof value !== 'string' ||
		value.trim() === '' ||
		value.length > maxLength
	) {
		throw new FieldError(
			`${ name } must be a non-empty string of at most ${ maxLength } characters`
		);
	}
	return value;
}

export function optionalBoolean(
	object: JsonObject,
	name: string
): boolean | undefined {
	const value = object[ name ];
	if ( value === undefined ) {
		return undefined;
	}
	if ( typeof value !== 'boolean' ) {
		throw new FieldError( `${ name } must be true or false` );
	}
	return value;
}

export function optionalStringList(
	object: JsonObject,
	name: string
): string[] | undefined {
	const value = object[ name ];
	if ( value === undefined ) {
		return undefined;
	}
	if (
		! Array.isArray( value ) ||
		! value.every(
			( item ) => typeof item === 'string' && item.trim() !== ''
		)
	) {
		throw new FieldError( `${ name } must be a list of non-empty strings` );
	}
	// Bindings are compared lower-case and are distinct.
	return [
		...new Set(
			value.map( ( item: string ) => item.trim().toLowerCase() )
		),
	];
}

export function required< T >( value: T | undefined, message: string ): T {
	if ( value === undefined ) {
		throw new FieldError( message );
	}
	return value;
}
