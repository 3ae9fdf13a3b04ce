/**
 * The block's form on the front end, without React: checks the key's format as it is typed
 * (same rules as PHP), sends it through @wordpress/api-fetch (which carries WordPress's REST
 * nonce) and shows the server's answer. Only people who may manage the product get the form.
 */
import apiFetch from '@wordpress/api-fetch';
import codes from '../shared/codes.generated.json';
import { FORMAT_MESSAGES, genericMessage } from '../shared/format-messages';
import { trimKey, validateKey } from '../shared/key-format';
import type { FormatCode } from '../shared/key-format';
import { normaliseError } from '../shared/rest-error';
import type { KeyFormat, LicenseView } from '../shared/types';

const kitCodes = new Set< string >( codes.codes );

const vocabulary = {
	isKitCode: ( code: string ) => kitCodes.has( code ),
	describe: ( code: string ) =>
		Object.prototype.hasOwnProperty.call( FORMAT_MESSAGES, code )
			? FORMAT_MESSAGES[ code as FormatCode ]()
			: genericMessage( code ),
};

function setText( element: HTMLElement, message: string, hint = '' ) {
	element.textContent = message;
	if ( hint ) {
		const small = document.createElement( 'span' );
		small.textContent = ' ' + hint;
		element.appendChild( small );
	}
}

const query = < T extends Element >( root: Element, selector: string ) =>
	root.querySelector< T >( selector );

/**
 * Wires one form printed by render.php.
 *
 * @param root The block's wrapper, with data-slug and data-key-format.
 */
export function init( root: HTMLElement ): void {
	const slug = root.dataset.slug;
	const form = query< HTMLFormElement >( root, 'form' );
	const input = query< HTMLInputElement >( root, 'input' );
	const button = query< HTMLButtonElement >( root, 'button' );
	const error = query< HTMLElement >(
		root,
		'.batchkeys-license-form__error'
	);
	const answer = query< HTMLElement >(
		root,
		'.batchkeys-license-form__answer'
	);
	if ( ! slug || ! form || ! input || ! button || ! error || ! answer ) {
		return;
	}
	let format: KeyFormat;
	try {
		format = JSON.parse( root.dataset.keyFormat || '' );
	} catch {
		return;
	}
	const state = query< HTMLElement >(
		root,
		'.batchkeys-license-form__state strong'
	);

	let submitted = false;
	let busy = false;

	const check = (): FormatCode | null => {
		const code = validateKey( format, input.value );
		const show =
			code !== null && ( submitted || trimKey( input.value ) !== '' );
		error.hidden = ! show;
		setText( error, show && code ? FORMAT_MESSAGES[ code ]().message : '' );
		input.setAttribute( 'aria-invalid', show ? 'true' : 'false' );
		return code;
	};

	const reply = ( message: string, hint: string, ok: boolean ) => {
		answer.hidden = false;
		answer.className =
			'batchkeys-license-form__answer ' +
			( ok ? 'is-success' : 'is-error' );
		setText( answer, message, hint );
		answer.focus();
	};

	const showState = ( view: LicenseView ) => {
		// The word comes from PHP with the view, as render.php printed the first one.
		if ( state && typeof view.state_label === 'string' ) {
			state.textContent = view.state_label;
		}
	};

	input.addEventListener( 'input', check );

	form.addEventListener( 'submit', async ( event ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		submitted = true;
		if ( check() ) {
			// Refused here: nothing is sent.
			input.focus();
			return;
		}
		busy = true;
		button.disabled = true;
		root.setAttribute( 'aria-busy', 'true' );
		try {
			const view = await apiFetch< LicenseView >( {
				path: `/batchkeys/v1/products/${ encodeURIComponent(
					slug
				) }/license`,
				method: 'POST',
				data: { key: trimKey( input.value ) },
			} );
			showState( view );
			input.value = '';
			submitted = false;
			reply( view.message, view.hint, view.state === 'active' );
		} catch ( caught ) {
			const failure = normaliseError( caught, vocabulary );
			if ( failure.license ) {
				showState( failure.license );
			}
			reply( failure.message, failure.hint, false );
		} finally {
			busy = false;
			button.disabled = false;
			root.removeAttribute( 'aria-busy' );
		}
	} );
}

function start() {
	document
		.querySelectorAll< HTMLElement >(
			'.wp-block-batchkeys-license-form[data-slug]'
		)
		.forEach( init );
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', start );
} else {
	start();
}
