/**
 * Seconds left until a moment the server announced, counting down once a second.
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * @param deadline The moment, in milliseconds since the epoch (null: none).
 * @return Whole seconds left, 0 once it has come.
 */
export function useCountdown( deadline: number | null ): number {
	const [ now, setNow ] = useState( () => Date.now() );

	useEffect( () => {
		setNow( Date.now() );
		if ( deadline === null || deadline <= Date.now() ) {
			return undefined;
		}
		const timer = setInterval( () => {
			const current = Date.now();
			setNow( current );
			if ( current >= deadline ) {
				clearInterval( timer );
			}
		}, 1000 );
		return () => clearInterval( timer );
	}, [ deadline ] );

	return deadline !== null && deadline > now
		? Math.ceil( ( deadline - now ) / 1000 )
		: 0;
}
