import { screen, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';
import { init } from '../view';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockFetch = apiFetch as unknown as jest.Mock;
const GOOD = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';

// The markup render.php prints for a user who may manage the product.
function mount() {
	document.body.innerHTML = `
<div class="wp-block-batchkeys-license-form" data-slug="acme-seo"
	data-key-format='{"groups":5,"length":7,"separator":"-","chars":"A-Za-z0-9"}'
	data-placeholder="XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX">
	<form class="batchkeys-license-form__form" novalidate>
		<label class="batchkeys-license-form__label" for="k">License key</label>
		<div class="batchkeys-license-form__row">
			<input id="k" class="batchkeys-license-form__input" type="text"
				placeholder="XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX"
				aria-describedby="k-error k-state" aria-invalid="false" />
			<button type="submit" class="wp-element-button batchkeys-license-form__button">Activate</button>
		</div>
		<p id="k-error" class="batchkeys-license-form__error" hidden></p>
	</form>
	<p id="k-state" class="batchkeys-license-form__state">License status: <strong>Not active</strong></p>
	<div class="batchkeys-license-form__answer" tabindex="-1" hidden></div>
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
		error: root.querySelector( '.batchkeys-license-form__error' ),
		answer: root.querySelector( '.batchkeys-license-form__answer' ),
		state: root.querySelector( '.batchkeys-license-form__state strong' ),
	};
}

function deferred< T >() {
	let resolve: ( value: T ) => void = () => {};
	const promise = new Promise< T >( ( res ) => {
		resolve = res;
	} );
	return { promise, resolve };
}

beforeEach( () => mockFetch.mockReset() );

describe( 'the block’s form on the front end', () => {
	it.each( [
		[ 'SHORT', 'The license key does not have the right length.' ],
		[
			GOOD.replace( 'GOOD', 'GO D' ),
			'The license key contains characters a key cannot contain.',
		],
		[
			'DEMO00-1GOOD000-AAAAAAA-BBBBBBB-CCCCCCC',
			'The license key is not in the expected pattern.',
		],
	] )( '%s: says which rule fails and sends nothing', async ( key, rule ) => {
		const { user, input, button, error } = mount();
		await user.type( input, key );
		expect( error ).toHaveTextContent( rule );
		expect( error ).toBeVisible();
		expect( input ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( input ).toHaveAccessibleDescription(
			expect.stringContaining( rule )
		);
		await user.click( button );
		expect( mockFetch ).not.toHaveBeenCalled();
		expect( input ).toHaveFocus();
	} );

	it( 'refuses an empty key on submit without a request', async () => {
		const { user, button, error } = mount();
		expect( error ).not.toBeVisible();
		await user.click( button );
		expect( error ).toHaveTextContent(
			'The license key does not have the right length.'
		);
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
		expect( root ).toHaveAttribute( 'aria-busy', 'true' );

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

	it( 'leaves a form without its parts alone', () => {
		document.body.innerHTML =
			'<div class="wp-block-batchkeys-license-form" data-slug="x" data-key-format="nope"><form></form></div>';
		expect( () =>
			init( document.body.firstElementChild as HTMLElement )
		).not.toThrow();
	} );
} );
