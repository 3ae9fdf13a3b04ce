// The answers /api.php gives, with the exact texts of the BatchKeys docs.
import type { KeyFormatProblem } from './key-format';

export type Answer = { valid: '1' | '0' } | { ERROR: string };

export const ERROR_TEXTS = {
	authMissing: 'BatchKeys API Auth Key is required! (CODE:d3v3rr1)',
	keyMissing: 'License key is required! (CODE:d3v3rr2)',
	length: 'Invalid license key (CODE: L3n7)',
	characters: 'Invalid license key (CODE: C4r5)',
	pattern: 'Invalid license key (CODE: P477)',
	activationFailed: 'Failed to activate key!',
	ipError: 'User IP Error!',
	// U+2019 apostrophe, as on the "Handling Errors" page.
	tooFast: 'You\u2019re sending keys too fast. Please try again later.',
} as const;

export const VALID: Answer = { valid: '1' };
export const INVALID: Answer = { valid: '0' };

export function errorAnswer( text: string ): Answer {
	return { ERROR: text };
}

export function formatErrorAnswer( problem: KeyFormatProblem ): Answer {
	return errorAnswer( ERROR_TEXTS[ problem ] );
}

export function isValid( answer: Answer ): boolean {
	return 'valid' in answer && answer.valid === '1';
}

// JSON safe to put in an HTTP header: non-ASCII characters are \u-escaped.
export function asciiJson( value: unknown ): string {
	return JSON.stringify( value ).replace(
		/[\u007f-\uffff]/g,
		( character ) =>
			'\\u' + character.charCodeAt( 0 ).toString( 16 ).padStart( 4, '0' )
	);
}
