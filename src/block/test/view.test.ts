import { screen, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';
import { init } from '../view';
import { GOOD, deferred } from '../../shared/test/support/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockFetch = apiFetch as unknown as jest.Mock;

// The markup render.php prints for a user who may manage the product.
function mount( hasKey = false ) {
	document.body.innerHTML = `
<div class="wp-block-batchkeys-license-form" data-slug="acme-seo"
	data-key-format='{"groups":5,"length":7,"separator":"-","chars":"A-Za-z0-9"}'
	data-placeholder="XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX" data-name="Acme SEO Pro">
	<form class="batchkeys-license-form__form" novalidate>
		<label class="batchkeys-license-form__label" for="k">License key</label>
		<div class="batchkeys-license-form__row">
			<input id="k" class="batchkeys-license-form__input" type="text"
				placeholder="XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX"
				aria-describedby="k-help k-state" aria-invalid="false" />
			<button type="submit" class="wp-element-button batchkeys-license-form__button">Activate</button>
		</div>
		<p id="k-help" class="batchkeys-license-form__help"></p>
	</form>
	<p id="k-state" class="batchkeys-license-form__state">License status: <strong>Not active</strong></p>
	<div class="batchkeys-license-form__actions"${ hasKey ? '' : ' hidden' }>
		<button type="button" class="wp-element-button batchkeys-license-form__check">Check now</button>
		<button type="button" class="wp-element-button batchkeys-license-form__deactivate">Deactivate</button>
	</div>
	<p class="batchkeys-license-form__busy" role="status"></p>
	<div class="batchkeys-license-form__answer" tabindex="-1" hidden></div>
	<dialog class="batchkeys-license-form__confirm" aria-labelledby="k-confirm">
		<h2 id="k-confirm">Deactivate the license?</h2>
		<p>The key is removed from this site.</p>
		<form method="dialog" class="batchkeys-license-form__confirm-actions">
			<button type="submit" value="cancel" class="is-cancel">Cancel</button>
			<button type="submit" value="confirm" class="is-confirm">Deactivate</button>
		</form>
	</dialog>
</div>`;
	const root = document.querySelector< HTMLElement >(
		'.wp-block-batchkeys-license-form'
	) as HTMLElement;
	init( root );
	return {
		user: userEvent.setup(),
		root,
		input: screen.getByRole( 'textbox', { name: 'License key' } ),
		button: screen.getByRole( 'button', { name: 'Activate' } ),
		error: root.querySelector( '.batchkeys-license-form__help' ),
		answer: root.querySelector( '.batchkeys-license-form__answer' ),
		state: root.querySelector( '.batchkeys-license-form__state strong' ),
		busy: root.querySelector( '.batchkeys-license-form__busy' ),
		dialog: root.querySelector(
			'.batchkeys-license-form__confirm'
		) as HTMLDialogElement,
	};
}

beforeEach( () => mockFetch.mockReset() );

describe( 'the block’s form on the front end', () => {
	it.each( [
		[
			'SHORT',
			'The license key does not have the right length. 5 of 39 characters.',
		],
		[
			GOOD.replace( 'GOOD', 'GO*D' ),
			'The 11th character, “*”, cannot be in a license key. Copy the key again',
		],
		[
			'DEMO00-1GOOD000-AAAAAAA-BBBBBBB-CCCCCCC',
			'The 7th character, a hyphen (“-”), is not where',
		],
	] )(
		'%s: neutral while typing, the rule on blur, nothing sent',
		async ( key, rule ) => {
			const { user, input, button, error } = mount();
			await user.type( input, key );
			expect( error ).not.toHaveTextContent( rule );
			expect( input ).toHaveAttribute( 'aria-invalid', 'false' );
			await user.tab();
			expect( error ).toHaveTextContent( rule );
			expect( input ).toHaveAttribute( 'aria-invalid', 'true' );
			expect( input ).toHaveAccessibleDescription(
				expect.stringContaining( rule )
			);
			await user.click( button );
			expect( mockFetch ).not.toHaveBeenCalled();
			expect( input ).toHaveFocus();
		}
	);

	it( 'describes the format and counts neutrally; inserts separators', async () => {
		const { user, input, error } = mount();
		expect( error ).toHaveTextContent(
			'A license key has 5 groups of 7 characters, separated by “-”.'
		);
		await user.type( input, 'DEMO001GO' );
		expect( input ).toHaveValue( 'DEMO001-GO' );
		expect( error ).toHaveTextContent( '10 of 39 characters.' );
	} );

	it( 'refuses an empty key on submit without a request', async () => {
		const { user, button, error } = mount();
		await user.click( button );
		expect( error ).toHaveTextContent( 'Enter a key.' );
		expect( mockFetch ).not.toHaveBeenCalled();
	} );

	it( 'activates a well-formed key and shows the server’s message', async () => {
		const answerDone = deferred< unknown >();
		mockFetch.mockReturnValue( answerDone.promise );
		const { user, root, input, button, answer, state } = mount();
		await user.type( input, ` ${ GOOD } ` );
		await user.click( button );

		expect( mockFetch ).toHaveBeenCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/license',
			method: 'POST',
			data: { key: GOOD },
		} );
		expect( button ).toBeDisabled();
		expect( button ).toHaveAccessibleName( 'Activate' );
		expect( root ).toHaveAttribute( 'aria-busy', 'true' );
		expect(
			root.querySelector( '.batchkeys-license-form__busy' )
		).toHaveTextContent( 'Waiting for the answer…' );

		answerDone.resolve( {
			product: 'acme-seo',
			state: 'active',
			state_label: 'Active',
			message: 'Active now (from PHP).',
			hint: 'Nothing to do (from PHP).',
		} );
		await waitFor( () => expect( answer ).toHaveFocus() );
		expect( answer ).toHaveTextContent(
			'Active now (from PHP). Nothing to do (from PHP).'
		);
		expect( answer ).toHaveClass( 'is-success' );
		expect( state ).toHaveTextContent( 'Active' );
		expect( input ).toHaveValue( '' );
		expect( button ).toBeEnabled();
		expect( root ).not.toHaveAttribute( 'aria-busy' );
	} );

	it( 'shows the server’s message for a kit error, and a generic one otherwise', async () => {
		const { user, input, button, answer } = mount();
		mockFetch.mockRejectedValueOnce( {
			code: 'invalid',
			message: 'Not valid here (from PHP).',
			data: { status: 422, hint: 'Check it (from PHP).' },
		} );
		await user.type( input, GOOD );
		await user.click( button );
		await waitFor( () =>
			expect( answer ).toHaveTextContent(
				'Not valid here (from PHP). Check it (from PHP).'
			)
		);
		expect( answer ).toHaveClass( 'is-error' );
		expect( input ).toHaveValue( GOOD );

		mockFetch.mockRejectedValueOnce( {
			code: 'mystery',
			message: '<b>raw</b>',
			data: { status: 500 },
		} );
		await user.click( button );
		await waitFor( () =>
			expect( answer ).toHaveTextContent(
				'Something went wrong (code: mystery).'
			)
		);
		expect( answer?.innerHTML ).not.toContain( '<b>' );
	} );

	it( 'updates the state from the license an error carries', async () => {
		const { user, input, button, state } = mount();
		mockFetch.mockRejectedValueOnce( {
			code: 'rate_limited',
			message: 'Wait (from PHP).',
			data: {
				status: 429,
				license: {
					product: 'acme-seo',
					state: 'grace',
					state_label: 'Active (grace period)',
				},
			},
		} );
		await user.type( input, GOOD );
		await user.click( button );
		await waitFor( () =>
			expect( state ).toHaveTextContent( 'Active (grace period)' )
		);
	} );

	it( 'checks now, and deactivates only after the confirmation', async () => {
		HTMLDialogElement.prototype.showModal = function () {
			this.open = true;
		};
		HTMLDialogElement.prototype.close = function ( value?: string ) {
			this.open = false;
			this.returnValue = value ?? '';
			this.dispatchEvent( new Event( 'close' ) );
		};
		const { user, answer, dialog } = mount( true );
		mockFetch.mockResolvedValueOnce( {
			product: 'acme-seo',
			state: 'active',
			key: '•••-1234',
			message: 'Still active.',
			hint: '',
		} );
		await user.click( screen.getByRole( 'button', { name: 'Check now' } ) );
		expect( mockFetch ).toHaveBeenLastCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/check',
			method: 'POST',
		} );
		await waitFor( () =>
			expect( answer ).toHaveTextContent( 'Still active.' )
		);

		await user.click(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		);
		expect( dialog.open ).toBe( true );
		dialog.close( 'cancel' );
		expect( mockFetch ).toHaveBeenCalledTimes( 1 );

		mockFetch.mockResolvedValueOnce( {
			product: 'acme-seo',
			state: 'inactive',
			key: null,
			message: 'Removed.',
			hint: '',
		} );
		await user.click(
			screen.getAllByRole( 'button', { name: 'Deactivate' } )[ 0 ]
		);
		dialog.close( 'confirm' );
		expect( mockFetch ).toHaveBeenLastCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/license',
			method: 'DELETE',
		} );
		await waitFor( () => expect( answer ).toHaveTextContent( 'Removed.' ) );
		expect(
			document.querySelector( '.batchkeys-license-form__actions' )
		).not.toBeVisible();
	} );

	it( 'leaves a form without its parts alone', () => {
		document.body.innerHTML =
			'<div class="wp-block-batchkeys-license-form" data-slug="x" data-key-format="nope"><form></form></div>';
		expect( () =>
			init( document.body.firstElementChild as HTMLElement )
		).not.toThrow();
	} );
} );
