// The service's own key format check, in the service's order: length, characters, pattern.

export interface KeyFormat {
	groups: number;
	groupLength: number;
	separator: string;
	// Matches one allowed character (separators are checked separately).
	character: RegExp;
}

// The format of every sample key in the BatchKeys docs: 5 groups of 7, joined by '-'.
export const DEFAULT_KEY_FORMAT: KeyFormat = {
	groups: 5,
	groupLength: 7,
	separator: '-',
	character: /^[A-Za-z0-9]$/,
};

export type KeyFormatProblem = 'length' | 'characters' | 'pattern';

export function expectedKeyLength( format: KeyFormat ): number {
	return (
		format.groups * format.groupLength +
		( format.groups - 1 ) * format.separator.length
	);
}

function hasOnlyAllowedCharacters( key: string, format: KeyFormat ): boolean {
	const separatorCharacters = new Set( format.separator );
	return Array.from( key ).every(
		( character ) =>
			separatorCharacters.has( character ) ||
			format.character.test( character )
	);
}

function matchesPattern( key: string, format: KeyFormat ): boolean {
	const groups = key.split( format.separator );
	return (
		groups.length === format.groups &&
		groups.every(
			( group ) =>
				group.length === format.groupLength &&
				hasOnlyAllowedCharacters( group, {
					...format,
					separator: '',
				} )
		)
	);
}

export function checkKeyFormat(
	key: string,
	format: KeyFormat = DEFAULT_KEY_FORMAT
): KeyFormatProblem | null {
	if ( Array.from( key ).length !== expectedKeyLength( format ) ) {
		return 'length';
	}
	if ( ! hasOnlyAllowedCharacters( key, format ) ) {
		return 'characters';
	}
	if ( ! matchesPattern( key, format ) ) {
		return 'pattern';
	}
	return null;
}
