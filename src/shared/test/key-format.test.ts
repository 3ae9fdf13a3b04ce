import {
	expectedLength,
	placeholder,
	normalizeKey,
	validateKey,
} from '../key-format';
import type { KeyFormat } from '../types';

const DEFAULT: KeyFormat = {
	groups: 5,
	length: 7,
	separator: '-',
	chars: 'A-Za-z0-9',
};
const GOOD = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';

describe( 'validateKey with the default format', () => {
	it( 'accepts a well-formed key, keeping case', () => {
		expect( validateKey( DEFAULT, GOOD ) ).toBeNull();
		expect( validateKey( DEFAULT, GOOD.toLowerCase() ) ).toBeNull();
	} );

	it( 'trims surrounding white space as PHP does (the JavaScript trim set)', () => {
		expect( validateKey( DEFAULT, `  ${ GOOD }\n\t` ) ).toBeNull();
		expect( validateKey( DEFAULT, `\u00a0${ GOOD }\ufeff` ) ).toBeNull();
		expect( normalizeKey( DEFAULT, `\u3000${ GOOD } ` ) ).toBe( GOOD );
	} );

	it( 'says key_length for a key too short, too long or empty', () => {
		expect( validateKey( DEFAULT, '' ) ).toBe( 'key_length' );
		expect( validateKey( DEFAULT, '   ' ) ).toBe( 'key_length' );
		expect( validateKey( DEFAULT, GOOD.slice( 1 ) ) ).toBe( 'key_length' );
		expect( validateKey( DEFAULT, GOOD + 'A' ) ).toBe( 'key_length' );
	} );

	it( 'says key_characters for a character outside the class and the separator', () => {
		expect( validateKey( DEFAULT, GOOD.replace( 'O', '_' ) ) ).toBe(
			'key_characters'
		);
		expect( validateKey( DEFAULT, GOOD.replace( 'M', '*' ) ) ).toBe(
			'key_characters'
		);
		// A space inside is dropped (forgiven), so the key is one short.
		expect( validateKey( DEFAULT, GOOD.replace( 'M', ' ' ) ) ).toBe(
			'key_length'
		);
	} );

	it( 'says key_pattern when every character is allowed but groups are wrong', () => {
		// Separator moved: same length, same characters.
		expect(
			validateKey( DEFAULT, 'DEMO00-1GOOD000-AAAAAAA-BBBBBBB-CCCCCCC' )
		).toBe( 'key_pattern' );
		// No separators at all, padded to the right length.
		expect( validateKey( DEFAULT, 'A'.repeat( 39 ) ) ).toBe(
			'key_pattern'
		);
		// A separator at the start.
		expect( validateKey( DEFAULT, '-' + 'A'.repeat( 38 ) ) ).toBe(
			'key_pattern'
		);
	} );

	it( 'checks the rules in order: length, then characters, then pattern', () => {
		// Wrong length and bad characters: length wins.
		expect( validateKey( DEFAULT, '#$%' ) ).toBe( 'key_length' );
		// Right length, bad characters and wrong groups: characters win.
		expect( validateKey( DEFAULT, '#'.repeat( 39 ) ) ).toBe(
			'key_characters'
		);
	} );

	it( 'counts characters, not UTF-16 units (like mb_strlen)', () => {
		const emoji = GOOD.slice( 0, -1 ) + '😀';
		expect( emoji.length ).toBe( 40 );
		expect( validateKey( DEFAULT, emoji ) ).toBe( 'key_characters' );
		expect( validateKey( DEFAULT, GOOD.replace( 'A', 'É' ) ) ).toBe(
			'key_characters'
		);
		expect( validateKey( DEFAULT, GOOD.replace( 'A', 'Ä' ) + 'B' ) ).toBe(
			'key_length'
		);
	} );
} );

describe( 'validateKey with custom formats', () => {
	it( 'handles digits only, another separator and other group sizes', () => {
		const format = { groups: 4, length: 4, separator: '.', chars: '0-9' };
		expect( expectedLength( format ) ).toBe( 19 );
		expect( validateKey( format, '1234.5678.9012.3456' ) ).toBeNull();
		expect( validateKey( format, '1234.5678.9012.345A' ) ).toBe(
			'key_characters'
		);
		// The dot is literal, not "any character".
		expect( validateKey( format, '1234-5678.9012.3456' ) ).toBe(
			'key_characters'
		);
		expect( validateKey( format, '1234.5678.90123.456' ) ).toBe(
			'key_pattern'
		);
	} );

	it( 'handles no separator and a single group', () => {
		const joined = { groups: 3, length: 4, separator: '', chars: 'A-F0-9' };
		expect( validateKey( joined, 'ABCD0123EF45' ) ).toBeNull();
		expect( validateKey( joined, 'ABCD0123EF4G' ) ).toBe(
			'key_characters'
		);
		const single = { groups: 1, length: 6, separator: '-', chars: 'a-z' };
		expect( validateKey( single, 'abcdef' ) ).toBeNull();
		// The separator is allowed as a character, but not inside a single group.
		expect( validateKey( single, 'abc-ef' ) ).toBe( 'key_pattern' );
	} );

	it( 'handles multi-character and special separators', () => {
		const format = {
			groups: 3,
			length: 2,
			separator: '^]',
			chars: 'A-Z',
		};
		expect( expectedLength( format ) ).toBe( 10 );
		expect( validateKey( format, 'AB^]CD^]EF' ) ).toBeNull();
		expect( validateKey( format, 'AB]^CD^]EF' ) ).toBe( 'key_pattern' );
		const slashes = { groups: 2, length: 3, separator: '/', chars: 'a-c' };
		expect( validateKey( slashes, 'abc/cba' ) ).toBeNull();
		const hash = { groups: 2, length: 3, separator: '#', chars: 'a-c' };
		expect( validateKey( hash, 'abc#cba' ) ).toBeNull();
	} );

	it( 'is case-sensitive when the class is', () => {
		const upper = { groups: 2, length: 3, separator: '-', chars: 'A-Z' };
		expect( validateKey( upper, 'ABC-DEF' ) ).toBeNull();
		expect( validateKey( upper, 'ABC-DEf' ) ).toBe( 'key_characters' );
	} );
} );

describe( 'placeholder', () => {
	it( 'is an X per character, groups joined by the separator', () => {
		expect( placeholder( DEFAULT ) ).toBe(
			'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX'
		);
		expect(
			placeholder( { groups: 3, length: 2, separator: '', chars: 'A' } )
		).toBe( 'XXXXXX' );
		expect(
			placeholder( {
				groups: 2,
				length: 3,
				separator: ' / ',
				chars: 'A',
			} )
		).toBe( 'XXX / XXX' );
	} );
} );
