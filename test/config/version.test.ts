/*
 * @jest-environment node
 *
 * One version number: the kit's version.php is the source (the election compares it, the REST
 * answers send it); every other file that states the release must say the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join( __dirname, '..', '..' );
const read = ( file: string ): string =>
	readFileSync( join( root, file ), 'utf8' );

function found( file: string, pattern: RegExp ): string {
	const match = read( file ).match( pattern );
	if ( ! match ) {
		throw new Error( `${ file }: no version found by ${ pattern }` );
	}
	return match[ 1 ];
}

describe( 'the release version', () => {
	const kit = found( 'plugin/kit/version.php', /^return '([^']+)';$/m );

	it( 'is a plain version number in plugin/kit/version.php', () => {
		expect( kit ).toMatch( /^\d+\.\d+\.\d+$/ );
	} );

	it.each( [
		[ 'package.json', /^\t"version": "([^"]+)",$/m ],
		[ 'package-lock.json', /^\t"version": "([^"]+)",$/m ],
		[ 'plugin/batchkeys.php', /^ \* Version:\s+(\S+)$/m ],
		[ 'plugin/readme.txt', /^Stable tag: (\S+)$/m ],
		[ 'plugin/readme.txt', /== Changelog ==\s+= (\S+) =/ ],
		[ 'plugin/readme.txt', /== Upgrade Notice ==\s+= (\S+) =/ ],
		[ 'src/block/block.json', /^\t"version": "([^"]+)",$/m ],
	] )( 'is the same in %s (%s)', ( file, pattern ) => {
		expect( found( file, pattern ) ).toBe( kit );
	} );
} );
