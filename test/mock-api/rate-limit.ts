// Per-client rate limit for /api.php: a sliding 60 s window per remote address + auth key.
// Refused calls count too, so calling while timed out keeps the client timed out (as the
// docs say the service does). perMinute 0 turns the limit off.

const WINDOW_MS = 60_000;

export class RateLimiter {
	// Per client: the times of its most recent calls (at most perMinute of them).
	private readonly calls = new Map< string, number[] >();

	constructor(
		private perMinute: number,
		private readonly now: () => number
	) {}

	get limit(): number {
		return this.perMinute;
	}

	setLimit( perMinute: number ): void {
		this.perMinute = perMinute;
		this.calls.clear();
	}

	reset(): void {
		this.calls.clear();
	}

	// Records one call; false when the client already made perMinute calls in the window.
	allow( client: string ): boolean {
		if ( this.perMinute === 0 ) {
			return true;
		}
		const now = this.now();
		const recent = ( this.calls.get( client ) ?? [] ).filter(
			( time ) => now - time < WINDOW_MS
		);
		const allowed = recent.length < this.perMinute;
		recent.push( now );
		this.calls.set( client, recent.slice( -this.perMinute ) );
		return allowed;
	}
}

export function rateLimitClient(
	remoteAddress: string | undefined,
	auth: string | undefined
): string {
	return `${ remoteAddress ?? 'unknown' }|${ auth ?? '' }`;
}
