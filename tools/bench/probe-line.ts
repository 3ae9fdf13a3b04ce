/**
 * The bench mu-plugin's log lines (tools/bench/batchkeys-bench.php): parsing and checking, pure.
 */

export interface ProbeCall {
	/** URL without the query string. */
	url: string;
	/** Made by the kit: a kit file on the call stack, or the BatchKeys API as the target. */
	kit: boolean;
	/** Time the call took, when it was really sent. */
	ms: number | null;
}

export interface KitOptionRow {
	name: string;
	bytes: number;
	autoload: string;
	/** Its autoload value is one wp_autoload_values_to_autoload() lists. */
	autoloaded: boolean;
}

export interface AutoloadInfo {
	/** Every batchkeys_* option, transient and site transient row. */
	kitRows: KitOptionRow[];
	/** Bytes of the kit's rows that WordPress autoloads. */
	kitBytes: number;
	/** Names and values of wp_load_alloptions(). */
	alloptionsBytes: number;
	alloptionsCount: number;
	/** batchkeys_recheck events in the cron array (null: an older probe). */
	cronEvents: number | null;
}

export interface ProbeLine {
	id: string;
	kit: 'on' | 'off';
	wallMs: number;
	peakBytes: number;
	status: number;
	calls: ProbeCall[];
	opcache: boolean;
	autoload: AutoloadInfo | null;
	/** CPU time (user + system) from the mu-plugin's load to shutdown; null when not sent. */
	cpuMs: number | null;
	/** Kit files the request included, relative to their copy's kit/ folder. */
	files: string[];
}

type Dict = Record< string, unknown >;

function isDict( value: unknown ): value is Dict {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function num( value: unknown ): number | null {
	return typeof value === 'number' && Number.isFinite( value ) ? value : null;
}

function parseCall( value: unknown ): ProbeCall | null {
	if (
		! isDict( value ) ||
		typeof value.url !== 'string' ||
		typeof value.kit !== 'boolean'
	) {
		return null;
	}
	return { url: value.url, kit: value.kit, ms: num( value.ms ) };
}

function parseRow( value: unknown ): KitOptionRow | null {
	if (
		! isDict( value ) ||
		typeof value.name !== 'string' ||
		num( value.bytes ) === null ||
		typeof value.autoload !== 'string' ||
		typeof value.autoloaded !== 'boolean'
	) {
		return null;
	}
	return {
		name: value.name,
		bytes: Number( value.bytes ),
		autoload: value.autoload,
		autoloaded: value.autoloaded,
	};
}

function parseAutoload( value: unknown ): AutoloadInfo | null {
	if ( ! isDict( value ) || ! Array.isArray( value.kit_rows ) ) {
		return null;
	}
	const rows = value.kit_rows.map( parseRow );
	const kitBytes = num( value.kit_bytes );
	const alloptionsBytes = num( value.alloptions_bytes );
	const alloptionsCount = num( value.alloptions_count );
	if (
		rows.some( ( row ) => row === null ) ||
		kitBytes === null ||
		alloptionsBytes === null ||
		alloptionsCount === null
	) {
		return null;
	}
	return {
		kitRows: rows.filter( ( row ): row is KitOptionRow => row !== null ),
		kitBytes,
		alloptionsBytes,
		alloptionsCount,
		cronEvents: num( value.cron_events ),
	};
}

/**
 * One log line, or null when it is not a complete, well-formed line.
 *
 * @param text A line of the log.
 */
export function parseProbeLine( text: string ): ProbeLine | null {
	let value: unknown;
	try {
		value = JSON.parse( text );
	} catch {
		return null;
	}
	if ( ! isDict( value ) || typeof value.id !== 'string' ) {
		return null;
	}
	const wallMs = num( value.wall_ms );
	const peakBytes = num( value.peak );
	const status = num( value.status );
	if (
		( value.kit !== 'on' && value.kit !== 'off' ) ||
		wallMs === null ||
		peakBytes === null ||
		status === null ||
		! Array.isArray( value.calls )
	) {
		return null;
	}
	const calls = value.calls.map( parseCall );
	if ( calls.some( ( call ) => call === null ) ) {
		return null;
	}
	return {
		id: value.id,
		kit: value.kit,
		wallMs,
		peakBytes,
		status,
		calls: calls.filter( ( call ): call is ProbeCall => call !== null ),
		opcache: value.opcache === true,
		autoload:
			value.autoload === undefined
				? null
				: parseAutoload( value.autoload ),
		cpuMs: num( value.cpu_ms ),
		files: Array.isArray( value.files )
			? value.files.filter(
					( file ): file is string => typeof file === 'string'
				)
			: [],
	};
}

export function kitCalls( line: ProbeLine ): number {
	return line.calls.filter( ( call ) => call.kit ).length;
}
