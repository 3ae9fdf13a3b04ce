/**
 * The words the site shows, as PHP's Messages has them in English (the site runs in English):
 * src/shared/messages.generated.json, written from PHP by tools/export-codes.php. The specs
 * expect PHP's words, since the screen and the block show what the server sends.
 */
import php from '../../../src/shared/messages.generated.json';

export interface Words {
	message: string;
	hint: string;
}

const messages: Record< string, Words > = php.messages;

/**
 * PHP's message and hint for a kit code.
 *
 * @param code A kit code (a failing spec names it when PHP does not know it).
 */
export function phpWords( code: string ): Words {
	const words = messages[ code ];
	if ( ! words ) {
		throw new Error( `PHP has no message for the code ${ code }` );
	}
	return words;
}
