/**
 * The block's form on the front end, without React, and the same form as the license screen:
 * forgiving input with neutral progress and errors on blur or submit (key-feedback.ts), the
 * format's description and hints, Activate, Check now and Deactivate (with the screen's
 * confirmation), and a busy state people and screen readers notice. Requests go through
 * WordPress's api-fetch (which carries WordPress's REST nonce). Only people who may manage the
 * product get the form.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';
import { describeFormat } from '../admin/format-text';
import codes from '../shared/codes.generated.json';
import { FORMAT_MESSAGES, genericMessage } from '../shared/format-messages';
import { caretAfter, keyFeedback } from '../shared/key-feedback';
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

type Judged = 'no' | 'blur' | 'submit';

/**
 * Wires one form printed by render.php.
 *
 * @param root The block's wrapper, with data-slug and data-key-format.
 */
export function init( root: HTMLElement ): void {
	const slug = root.dataset.slug;
	const form = query< HTMLFormElement >( root, 'form' );
	const input = query< HTMLInputElement >( root, 'input' );
	const button = query< HTMLButtonElement >(
		root,
		'.batchkeys-license-form__button'
	);
	const help = query< HTMLElement >( root, '.batchkeys-license-form__help' );
	const answer = query< HTMLElement >(
		root,
		'.batchkeys-license-form__answer'
	);
	if ( ! slug || ! form || ! input || ! button || ! help || ! answer ) {
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
	const actions = query< HTMLElement >(
		root,
		'.batchkeys-license-form__actions'
	);
	const checkButton = query< HTMLButtonElement >(
		root,
		'.batchkeys-license-form__check'
	);
	const deactivateButton = query< HTMLButtonElement >(
		root,
		'.batchkeys-license-form__deactivate'
	);
	const busyNote = query< HTMLElement >(
		root,
		'.batchkeys-license-form__busy'
	);
	const confirm = query< HTMLDialogElement >(
		root,
		'.batchkeys-license-form__confirm'
	);
	const path = `/batchkeys/v1/products/${ encodeURIComponent( slug ) }`;

	let judged: Judged = 'no';
	let busy = false;

	const render = () => {
		const feedback = keyFeedback(
			format,
			input.value,
			judged === 'submit'
		);
		const error = judged !== 'no' ? feedback.error : null;
		help.className =
			'batchkeys-license-form__help' + ( error ? ' is-error' : '' );
		if ( error ) {
			setText( help, error.message, error.hint );
		} else {
			setText(
				help,
				( feedback.progress ? feedback.progress + '. ' : '' ) +
					describeFormat( format )
			);
		}
		input.setAttribute( 'aria-invalid', error ? 'true' : 'false' );
		return feedback;
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
		if ( actions ) {
			actions.hidden = view.key === null || view.key === '';
		}
	};

	const buttons = [ button, checkButton, deactivateButton ];
	const setBusy = ( on: boolean ) => {
		busy = on;
		buttons.forEach( ( item ) => {
			if ( item ) {
				item.disabled = on;
			}
		} );
		if ( on ) {
			root.setAttribute( 'aria-busy', 'true' );
		} else {
			root.removeAttribute( 'aria-busy' );
		}
		if ( busyNote ) {
			busyNote.textContent = on
				? __( 'Waiting for the answer…', 'batchkeys' )
				: '';
			busyNote.classList.toggle( 'is-busy', on );
		}
	};

	const send = async (
		request: { path: string; method: string; data?: object },
		after?: () => void
	) => {
		setBusy( true );
		try {
			const view = await apiFetch< LicenseView >( request );
			showState( view );
			after?.();
			reply(
				view.message,
				view.hint,
				view.state === 'active' || view.state === 'inactive'
			);
		} catch ( caught ) {
			const failure = normaliseError( caught, vocabulary );
			if ( failure.license ) {
				showState( failure.license );
			}
			reply( failure.message, failure.hint, false );
		} finally {
			setBusy( false );
		}
	};

	input.addEventListener( 'input', () => {
		const raw = input.value;
		const next = keyFeedback( format, raw ).key;
		if ( next !== raw ) {
			const at = caretAfter(
				format,
				raw,
				input.selectionStart ?? raw.length,
				next
			);
			input.value = next;
			input.setSelectionRange( at, at );
		}
		judged = 'no';
		render();
	} );
	input.addEventListener( 'blur', () => {
		judged = input.value === '' ? 'no' : 'blur';
		render();
	} );

	form.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		judged = 'submit';
		if ( render().error ) {
			// Refused here: nothing is sent.
			input.focus();
			return;
		}
		send(
			{
				path: path + '/license',
				method: 'POST',
				data: { key: input.value },
			},
			() => {
				input.value = '';
				judged = 'no';
				render();
			}
		);
	} );

	checkButton?.addEventListener( 'click', () => {
		if ( ! busy ) {
			send( { path: path + '/check', method: 'POST' } );
		}
	} );

	deactivateButton?.addEventListener( 'click', () => {
		if ( busy ) {
			return;
		}
		if ( ! confirm || typeof confirm.showModal !== 'function' ) {
			// No <dialog> support: the browser's own confirmation, same words.
			// eslint-disable-next-line no-alert
			if ( window.confirm( confirm?.textContent?.trim() ?? '' ) ) {
				send( { path: path + '/license', method: 'DELETE' } );
			}
			return;
		}
		confirm.returnValue = '';
		confirm.showModal();
	} );

	confirm?.addEventListener( 'close', () => {
		if ( confirm.returnValue === 'confirm' ) {
			send( { path: path + '/license', method: 'DELETE' } );
		} else {
			deactivateButton?.focus();
		}
	} );

	render();
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
