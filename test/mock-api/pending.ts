// Responses the mock holds back (timeout and delay faults), so reset() and close() can
// let them go: a hanging socket must never keep a test run or a shutdown waiting.
import type { ServerResponse } from 'node:http';

interface Sleeper {
	timer: NodeJS.Timeout;
	wake: ( elapsed: boolean ) => void;
}

export class PendingResponses {
	private readonly hanging = new Set< ServerResponse >();
	private readonly sleepers = new Set< Sleeper >();

	// Never answers; the socket stays open until the client leaves or it is released.
	hang( response: ServerResponse ): void {
		this.hanging.add( response );
		response.on( 'close', () => this.hanging.delete( response ) );
	}

	// Resolves true after `ms`, or false when cancelled first.
	sleep( ms: number ): Promise< boolean > {
		return new Promise( ( resolve ) => {
			const sleeper: Sleeper = {
				timer: setTimeout( () => sleeper.wake( true ), ms ),
				wake: ( elapsed ) => {
					clearTimeout( sleeper.timer );
					this.sleepers.delete( sleeper );
					resolve( elapsed );
				},
			};
			this.sleepers.add( sleeper );
		} );
	}

	// Drops the connections of hanging responses (the client sees the socket close).
	releaseHanging(): void {
		for ( const response of this.hanging ) {
			response.socket?.destroy();
			response.destroy();
		}
		this.hanging.clear();
	}

	cancelAll(): void {
		this.releaseHanging();
		for ( const sleeper of [ ...this.sleepers ] ) {
			sleeper.wake( false );
		}
	}
}
