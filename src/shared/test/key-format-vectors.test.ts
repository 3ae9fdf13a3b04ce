/**
 * The shared vectors (test/vectors/key-format.json): PHP's Key_Input runs the same file, so
 * the browser and the server make the same key of the same input and refuse it for the same
 * reason, at the same character.
 */
import vectors from '../../../test/vectors/key-format.json';
import { inspectKey, normalizeKey, validateKey } from '../key-format';
import type { KeyFormat } from '../types';

const DEFAULT: KeyFormat = {
	groups: 5,
	length: 7,
	separator: '-',
	chars: 'A-Za-z0-9',
};

interface Vector {
	name: string;
	format?: KeyFormat;
	input: string;
	key: string;
	code: string | null;
	count: number;
	position: number | null;
	character: string | null;
}

const list = vectors.vectors as Vector[];

it( 'has vectors to run', () => {
	expect( list.length ).toBeGreaterThan( 20 );
} );

describe.each( list.map( ( v ) => [ v.name, v ] as const ) )(
	'%s',
	( _name, vector ) => {
		const format = { ...DEFAULT, ...( vector.format ?? {} ) };

		it( 'makes the same key, code and position as PHP', () => {
			expect( inspectKey( format, vector.input ) ).toEqual( {
				key: vector.key,
				code: vector.code,
				count: vector.count,
				position: vector.position,
				character: vector.character,
			} );
			expect( validateKey( format, vector.input ) ).toBe( vector.code );
		} );

		it( 'is stable: the key it makes stays the same', () => {
			expect( normalizeKey( format, vector.key ) ).toBe( vector.key );
		} );
	}
);
