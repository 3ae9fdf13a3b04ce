/**
 * Words about a key format and about dates, for the screen.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import type { KeyFormat } from '../shared/types';

const countCharacters = ( count: number ) =>
	sprintf(
		/* translators: %d: a number of characters. */
		_n( '%d character', '%d characters', count, 'batchkeys' ),
		count
	);

/**
 * "A license key has 5 groups of 7 characters, separated by “-”."
 *
 * @param format The product's key format.
 * @return One translated sentence.
 */
export function describeFormat( format: KeyFormat ): string {
	if ( format.groups < 2 || format.separator === '' ) {
		return sprintf(
			/* translators: %s: for example "35 characters". */
			__( 'A license key has %s.', 'batchkeys' ),
			countCharacters( format.groups * format.length )
		);
	}
	return sprintf(
		/* translators: 1: for example "5 groups", 2: for example "7 characters", 3: the separator, for example "-". */
		__(
			'A license key has %1$s of %2$s, separated by “%3$s”.',
			'batchkeys'
		),
		sprintf(
			/* translators: %d: number of groups in a license key. */
			_n( '%d group', '%d groups', format.groups, 'batchkeys' ),
			format.groups
		),
		countCharacters( format.length ),
		format.separator
	);
}

/**
 * A stored ISO 8601 date in the reader's language and time zone.
 *
 * @param iso The date as the REST API gives it.
 * @return The date for people, or the input when it is not a date.
 */
export function formatDate( iso: string ): string {
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	const lang =
		( typeof document !== 'undefined' && document.documentElement.lang ) ||
		undefined;
	try {
		return new Intl.DateTimeFormat( lang, {
			dateStyle: 'medium',
			timeStyle: 'short',
		} ).format( date );
	} catch {
		return date.toLocaleString();
	}
}

/**
 * When the site may call the service again.
 *
 * @param seconds Seconds left (the license view's retry_after).
 * @param now     The current time in milliseconds (for tests).
 * @return "in 8 seconds", "in 3 minutes", or a date.
 */
export function formatWait(
	seconds: number,
	now: number = Date.now()
): string {
	const left = Math.max( 1, Math.ceil( seconds ) );
	if ( left < 60 ) {
		return sprintf(
			/* translators: %d: a number of seconds. */
			_n( 'in %d second', 'in %d seconds', left, 'batchkeys' ),
			left
		);
	}
	if ( left < 3600 ) {
		const minutes = Math.ceil( left / 60 );
		return sprintf(
			/* translators: %d: a number of minutes. */
			_n( 'in %d minute', 'in %d minutes', minutes, 'batchkeys' ),
			minutes
		);
	}
	return formatDate( new Date( now + left * 1000 ).toISOString() );
}
