// How a domain or uuid gets bound to a key: the docs do not say, so the mock offers both
// readings behind one switch (the kit must be right under either).
// - `valid` (the default): any `valid 1` answer binds the domain/uuid, with or without `active`.
// - `active`: only a `valid 1` answer to a request carrying `active: 1` binds; other requests from
//   an unbound domain/uuid are answered as usual while the key has room, but bind nothing.
export type BindOn = 'valid' | 'active';

export const BIND_ON_VALUES: readonly BindOn[] = [ 'valid', 'active' ];

export function isBindOn( value: unknown ): value is BindOn {
	return value === 'valid' || value === 'active';
}

export class BindingSwitch {
	current: BindOn;

	constructor( private readonly initial: BindOn = 'valid' ) {
		this.current = initial;
	}

	set( value: BindOn ): void {
		this.current = value;
	}

	reset(): void {
		this.current = this.initial;
	}
}
