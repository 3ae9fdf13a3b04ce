// Fault switches for /api.php (POST /__mock/faults), so tests can see how the kit copes
// with a service that is slow, down, or answers something odd.
import {
	FieldError,
	asObject,
	optionalInteger,
	optionalString,
	rejectUnknownFields,
	required,
} from './fields';

export const FAULT_MODES = [
	'none',
	'delay',
	'timeout',
	'http500',
	'html',
	'empty',
	'truncated',
	'header_json',
	'error',
	'over_limit',
] as const;

export type FaultMode = ( typeof FAULT_MODES )[ number ];

export interface Fault {
	mode: Exclude< FaultMode, 'none' >;
	delayMs: number;
	error: string | null;
	// Overrides the fault's HTTP status (http500 defaults to 500, the rest to 200).
	status: number | null;
}

// Modes whose answer is a whole HTTP response the fault makes up, so `status` applies.
const MODES_WITH_STATUS: readonly FaultMode[] = [
	'http500',
	'html',
	'empty',
	'truncated',
	'header_json',
	'error',
];

const MAX_DELAY_MS = 600_000;

function parseMode( value: unknown ): FaultMode {
	const mode = FAULT_MODES.find( ( candidate ) => candidate === value );
	if ( ! mode ) {
		throw new FieldError(
			`mode must be one of: ${ FAULT_MODES.join( ', ' ) }`
		);
	}
	return mode;
}

function onlyFor(
	present: boolean,
	field: string,
	allowed: boolean,
	mode: FaultMode
) {
	if ( present && ! allowed ) {
		throw new FieldError( `${ field } does not apply to mode ${ mode }` );
	}
}

export interface FaultRequest {
	fault: Fault | null;
	// Next N /api.php requests; null = every request until reset.
	times: number | null;
}

export function parseFaultRequest( body: unknown ): FaultRequest {
	const object = asObject( body );
	rejectUnknownFields( object, [
		'mode',
		'times',
		'delay_ms',
		'error',
		'status',
	] );
	const mode = parseMode( object.mode );
	const times = optionalInteger( object, 'times', 1 );
	const delayMs = optionalInteger( object, 'delay_ms', 0, MAX_DELAY_MS );
	const error = optionalString( object, 'error' );
	const status = optionalInteger( object, 'status', 200, 599 );
	onlyFor( times !== undefined, 'times', mode !== 'none', mode );
	onlyFor( delayMs !== undefined, 'delay_ms', mode === 'delay', mode );
	onlyFor( error !== undefined, 'error', mode === 'error', mode );
	onlyFor(
		status !== undefined,
		'status',
		MODES_WITH_STATUS.includes( mode ),
		mode
	);
	if ( mode === 'none' ) {
		return { fault: null, times: null };
	}
	return {
		fault: {
			mode,
			delayMs:
				mode === 'delay'
					? required( delayMs, 'mode delay needs delay_ms' )
					: 0,
			error:
				mode === 'error'
					? required( error, 'mode error needs an error text' )
					: null,
			status: status ?? null,
		},
		times: times ?? null,
	};
}

export class FaultSwitch {
	private fault: Fault | null = null;
	private remaining: number | null = null;

	set( request: FaultRequest ): void {
		this.fault = request.fault;
		this.remaining = request.fault ? request.times : null;
	}

	reset(): void {
		this.set( { fault: null, times: null } );
	}

	// The fault for the next /api.php request (counts down `times`).
	take(): Fault | null {
		const fault = this.fault;
		if ( fault && this.remaining !== null ) {
			this.remaining -= 1;
			if ( this.remaining <= 0 ) {
				this.reset();
			}
		}
		return fault;
	}

	describe(): {
		mode: FaultMode;
		times_left: number | null;
		delay_ms?: number;
		error?: string;
		status?: number;
	} {
		if ( ! this.fault ) {
			return { mode: 'none', times_left: null };
		}
		return {
			mode: this.fault.mode,
			times_left: this.remaining,
			...( this.fault.mode === 'delay'
				? { delay_ms: this.fault.delayMs }
				: {} ),
			...( this.fault.error !== null ? { error: this.fault.error } : {} ),
			...( this.fault.status !== null
				? { status: this.fault.status }
				: {} ),
		};
	}
}
