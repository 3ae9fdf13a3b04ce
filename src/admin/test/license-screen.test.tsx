import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';
import LicenseScreen from '../license-screen';
import type { LicenseView } from '../../shared/types';
import {
	GOOD,
	PRODUCT,
	activeView,
	deferred,
	inactiveView,
	WORDS,
} from '../../shared/test/support/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockFetch = apiFetch as unknown as jest.Mock;

const INACTIVE = inactiveView();
const ACTIVE = activeView();

const setup = ( license: LicenseView = INACTIVE ) => {
	const user = userEvent.setup();
	render(
		<LicenseScreen
			product={ PRODUCT }
			initialLicense={ license }
			words={ WORDS }
		/>
	);
	return { user, input: screen.getByRole( 'textbox' ) };
};

const noticeText = () =>
	screen.getByText( ( _, element ) =>
		Boolean( element?.classList.contains( 'components-notice__content' ) )
	);

const stateWord = () =>
	document.querySelector( '.batchkeys-license__state' )?.textContent;

beforeEach( () => mockFetch.mockReset() );

describe( 'the initial screen', () => {
	it( 'shows the field with the format placeholder and the stored state', () => {
		const { input } = setup();
		expect( input ).toHaveAttribute( 'placeholder', PRODUCT.placeholder );
		expect( input ).toHaveAccessibleName( 'License key' );
		expect( input ).toHaveAccessibleDescription(
			'A license key has 5 groups of 7 characters, separated by “-”.'
		);
		expect( stateWord() ).toBe( 'Not active' );
		expect( screen.getByText( 'No key stored' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Never' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Check now' } )
		).toBeDisabled();
		expect(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		).toBeDisabled();
		expect( mockFetch ).not.toHaveBeenCalled();
	} );

	it( 'shows an active license with an icon and a word, the masked key and dates', () => {
		setup( ACTIVE );
		const state = document.querySelector( '.batchkeys-license__state' );
		expect( state ).toHaveTextContent( 'Active' );
		expect( state?.querySelector( 'svg' ) ).not.toBeNull();
		expect( screen.getByText( ACTIVE.key as string ) ).toBeInTheDocument();
		const times = Array.from( document.querySelectorAll( 'time' ) ).map(
			( time ) => time.getAttribute( 'datetime' )
		);
		expect( times ).toEqual( [ ACTIVE.last_checked, ACTIVE.next_check ] );
		expect( screen.getByRole( 'textbox' ) ).toHaveAccessibleName(
			'Replace the license key'
		);
	} );

	it( 'shows the grace deadline in grace and when the site may ask again', () => {
		setup( {
			...ACTIVE,
			state: 'grace',
			state_label: 'Active (grace period)',
			code: 'connection',
			grace_until: '2026-12-04T08:00:00+00:00',
			retry_after: 86400,
		} );
		expect( stateWord() ).toBe( 'Active (grace period)' );
		expect( screen.getByText( 'Grace period ends' ) ).toBeInTheDocument();
		expect(
			screen.getByText( 'Next request allowed' )
		).toBeInTheDocument();
		expect(
			document.querySelector(
				'time[datetime="2026-12-04T08:00:00+00:00"]'
			)
		).not.toBeNull();
	} );

	it( 'shows the raw upstream text to whoever the server gave it to', () => {
		setup( {
			...ACTIVE,
			code: 'upstream_error',
			message: 'Unknown error from the service.',
			detail: 'Database is down',
		} );
		expect( screen.getByText( 'Database is down' ) ).toBeInTheDocument();
	} );
} );

describe( 'the stored situation', () => {
	it( 'says when the site may ask again, from the seconds PHP sends', () => {
		setup( { ...ACTIVE, retry_after: 8 } );
		expect(
			screen.getByText( 'Next request allowed' )
		).toBeInTheDocument();
		expect( screen.getByText( 'in 8 seconds' ) ).toBeInTheDocument();
	} );

	it( 'explains a product whose vendor secret is missing', () => {
		setup( {
			...INACTIVE,
			configured: false,
			setup: {
				message: 'Not connected (from PHP).',
				hint: 'Set the secret (from PHP).',
			},
		} );
		expect(
			screen.getByText( 'Not connected (from PHP).' )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Set the secret (from PHP).' )
		).toBeInTheDocument();
	} );

	it( 'shows lapsed and invalid with their words', () => {
		const { unmount } = render(
			<LicenseScreen
				product={ PRODUCT }
				words={ WORDS }
				initialLicense={ {
					...ACTIVE,
					state: 'lapsed',
					state_label: 'Lapsed',
					grace_until: '2026-11-20T08:00:00+00:00',
				} }
			/>
		);
		expect( stateWord() ).toBe( 'Lapsed' );
		expect( screen.getByText( 'Grace period ended' ) ).toBeInTheDocument();
		unmount();
		setup( { ...ACTIVE, state: 'invalid', state_label: 'Invalid' } );
		expect( stateWord() ).toBe( 'Invalid' );
	} );
} );

describe( 'format check while typing', () => {
	it.each( [
		[
			'DEMO001',
			'The license key does not have the right length. 7 of 39 characters.',
		],
		[
			GOOD.replace( 'GOOD', 'GO#D' ),
			'The 11th character, “#”, cannot be in a license key.',
		],
		[
			GOOD.replace( 'DEMO001', 'DEMO' ).replace(
				'GOOD000',
				'GOOD000ABC'
			),
			'The 5th character, a hyphen (“-”), is not where the key’s groups and separators put it.',
		],
	] )(
		'%s: neutral while typing, the rule and the character on blur and submit, nothing sent',
		async ( key, rule ) => {
			const { user, input } = setup();
			await user.type( input, key );
			expect( input ).toHaveAttribute( 'aria-invalid', 'false' );
			expect( input ).not.toHaveAccessibleDescription(
				expect.stringContaining( rule )
			);
			await user.tab();
			expect( input ).toHaveAttribute( 'aria-invalid', 'true' );
			expect( input ).toHaveAccessibleDescription(
				expect.stringContaining( rule )
			);
			await user.click(
				screen.getByRole( 'button', { name: 'Activate' } )
			);
			await user.keyboard( '{Enter}' );
			expect( mockFetch ).not.toHaveBeenCalled();
			expect( input ).toHaveFocus();
		}
	);

	it( 'shows the format’s hint with the error', async () => {
		const { user, input } = setup();
		await user.type( input, GOOD.replace( 'GOOD', 'GO#D' ) );
		await user.tab();
		expect( input ).toHaveAccessibleDescription(
			expect.stringContaining(
				'Copy the key again, without spaces or other characters inside it.'
			)
		);
	} );

	it( 'counts the characters typed against the length a key has, neutrally', async () => {
		const { user, input } = setup();
		await user.type( input, 'ABC' );
		expect( input ).toHaveAccessibleDescription(
			expect.stringContaining( '3 of 39 characters' )
		);
		expect( input ).toHaveAttribute( 'aria-invalid', 'false' );
	} );

	it( 'inserts the separators as the person types', async () => {
		const { user, input } = setup();
		await user.type( input, 'DEMO001GOOD' );
		expect( input ).toHaveValue( 'DEMO001-GOOD' );
	} );

	it( 'accepts a pasted key with en dashes and a line break', async () => {
		mockFetch.mockResolvedValue( ACTIVE );
		const { user, input } = setup();
		await user.click( input );
		await user.paste( GOOD.replace( /-/g, '\u2013' ) + '\n' );
		expect( input ).toHaveValue( GOOD );
		await user.keyboard( '{Enter}' );
		expect( mockFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { data: { key: GOOD } } )
		);
	} );

	it( 'says “Enter a key” for an empty submit, and nothing on blur', async () => {
		const { user, input } = setup();
		await user.click( input );
		await user.tab();
		expect( input ).toHaveAttribute( 'aria-invalid', 'false' );
		await user.click( screen.getByRole( 'button', { name: 'Activate' } ) );
		expect( input ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( input ).toHaveAccessibleDescription(
			expect.stringContaining( 'Enter a key.' )
		);
		expect( mockFetch ).not.toHaveBeenCalled();
	} );

	it( 'clears the error once the key is well formed', async () => {
		const { user, input } = setup();
		await user.type( input, `  ${ GOOD } ` );
		expect( input ).toHaveAttribute( 'aria-invalid', 'false' );
	} );
} );

describe( 'activate', () => {
	it( 'sends the normalised key, shows the active card and a focused notice', async () => {
		mockFetch.mockResolvedValue( ACTIVE );
		const { user, input } = setup();
		await user.type( input, ` ${ GOOD } ` );
		await user.keyboard( '{Enter}' );

		expect( mockFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockFetch ).toHaveBeenCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/license',
			method: 'POST',
			data: { key: GOOD },
		} );
		await waitFor( () => expect( stateWord() ).toBe( 'Active' ) );
		expect( noticeText() ).toHaveTextContent( ACTIVE.message );
		expect( noticeText() ).toHaveTextContent( ACTIVE.hint );
		expect( document.querySelector( '.components-notice' ) ).toHaveClass(
			'is-success'
		);
		expect(
			document.querySelector( '.batchkeys-license__answer' )
		).toHaveFocus();
		expect( input ).toHaveValue( '' );
	} );

	it( 'asks before a first activation on a staging-looking address, then resends with confirm', async () => {
		mockFetch.mockRejectedValueOnce( {
			code: 'confirm_activation',
			message: 'This address looks like a staging or development copy.',
			data: {
				status: 409,
				hint: 'Confirm (from PHP).',
				license: INACTIVE,
			},
		} );
		mockFetch.mockResolvedValueOnce( ACTIVE );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );

		const dialog = await screen.findByRole( 'dialog' );
		expect( dialog ).toHaveTextContent(
			'Use one of the key’s activations here?'
		);
		expect( mockFetch ).toHaveBeenCalledTimes( 1 );
		await user.click(
			screen.getByRole( 'button', { name: 'Activate anyway' } )
		);

		expect( mockFetch ).toHaveBeenCalledTimes( 2 );
		expect( mockFetch ).toHaveBeenLastCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/license',
			method: 'POST',
			data: { key: GOOD, confirm: true },
		} );
		await waitFor( () => expect( stateWord() ).toBe( 'Active' ) );
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
	} );

	it( 'sends nothing more when the activation on a staging-looking address is cancelled', async () => {
		mockFetch.mockRejectedValueOnce( {
			code: 'confirm_activation',
			message: 'This address looks like a staging or development copy.',
			data: {
				status: 409,
				hint: 'Confirm (from PHP).',
				license: INACTIVE,
			},
		} );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );
		await screen.findByRole( 'dialog' );
		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( mockFetch ).toHaveBeenCalledTimes( 1 );
		expect( input ).toHaveValue( GOOD );
	} );

	it( 'disables every button while busy', async () => {
		const answer = deferred< LicenseView >();
		mockFetch.mockReturnValue( answer.promise );
		const { user, input } = setup( ACTIVE );
		await user.type( input, GOOD );
		await user.click( screen.getByRole( 'button', { name: 'Activate' } ) );

		for ( const name of [ 'Activate', 'Check now', 'Deactivate' ] ) {
			expect( screen.getByRole( 'button', { name } ) ).toBeDisabled();
		}
		expect(
			screen.getByText( 'Waiting for the answer…' )
		).toBeInTheDocument();
		// A second submit while busy sends nothing more.
		await user.type( input, '{Enter}' );
		expect( mockFetch ).toHaveBeenCalledTimes( 1 );

		await act( async () => answer.resolve( ACTIVE ) );
		for ( const name of [ 'Activate', 'Check now', 'Deactivate' ] ) {
			expect( screen.getByRole( 'button', { name } ) ).toBeEnabled();
		}
	} );

	it( 'shows the server’s message for a refused key and keeps what was typed', async () => {
		mockFetch.mockRejectedValue( {
			code: 'invalid',
			message: 'BatchKeys did not accept it (from PHP).',
			data: {
				status: 422,
				hint: 'Check it (from PHP).',
				license: INACTIVE,
			},
		} );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );

		await waitFor( () =>
			expect( noticeText() ).toHaveTextContent(
				'BatchKeys did not accept it (from PHP).'
			)
		);
		expect( noticeText() ).toHaveTextContent( 'Check it (from PHP).' );
		expect( document.querySelector( '.components-notice' ) ).toHaveClass(
			'is-error'
		);
		expect( input ).toHaveValue( GOOD );
		expect( stateWord() ).toBe( 'Not active' );
		expect(
			document.querySelector( '.batchkeys-license__answer' )
		).toHaveFocus();
	} );

	it( 'shows a warning with the wait for throttled and rate-limited answers', async () => {
		mockFetch.mockRejectedValue( {
			code: 'rate_limited',
			message: 'Too fast (from PHP).',
			data: {
				status: 429,
				hint: 'Wait (from PHP).',
				license: {
					...INACTIVE,
					retry_after: 86400,
				},
			},
		} );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );
		await waitFor( () =>
			expect( noticeText() ).toHaveTextContent( 'Too fast (from PHP).' )
		);
		expect( document.querySelector( '.components-notice' ) ).toHaveClass(
			'is-warning'
		);
		expect(
			screen.getByText( 'Next request allowed' )
		).toBeInTheDocument();
	} );

	it( 'shows a generic message naming a code it does not know', async () => {
		mockFetch.mockRejectedValue( {
			code: 'something_new',
			message: 'Raw text',
			data: { status: 500 },
		} );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );
		await waitFor( () =>
			expect( noticeText() ).toHaveTextContent(
				'Something went wrong (code: something_new).'
			)
		);
		expect( noticeText() ).not.toHaveTextContent( 'Raw text' );
	} );

	it( 'explains a connection failure with the script’s words when PHP sent none', async () => {
		mockFetch.mockRejectedValue( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );
		await waitFor( () =>
			expect( noticeText() ).toHaveTextContent(
				'Your site could not be reached.'
			)
		);
	} );

	it( 'lets the notice be dismissed', async () => {
		mockFetch.mockResolvedValue( ACTIVE );
		const { user, input } = setup();
		await user.type( input, GOOD );
		await user.keyboard( '{Enter}' );
		await waitFor( () => expect( noticeText() ).toBeInTheDocument() );
		await user.click(
			within(
				document.querySelector( '.components-notice' ) as HTMLElement
			).getByRole( 'button' )
		);
		expect( document.querySelector( '.components-notice' ) ).toBeNull();
	} );
} );

describe( 'check now', () => {
	it( 'checks the stored key and shows the verdict', async () => {
		mockFetch.mockResolvedValue( {
			...ACTIVE,
			state: 'grace',
			state_label: 'Active (grace period)',
			code: 'connection',
			message: 'Not reachable (from PHP).',
			grace_until: '2026-12-04T08:00:00+00:00',
		} );
		const { user } = setup( ACTIVE );
		await user.click( screen.getByRole( 'button', { name: 'Check now' } ) );
		expect( mockFetch ).toHaveBeenCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/check',
			method: 'POST',
		} );
		await waitFor( () =>
			expect( stateWord() ).toBe( 'Active (grace period)' )
		);
		expect( noticeText() ).toHaveTextContent( 'Not reachable (from PHP).' );
		expect( document.querySelector( '.components-notice' ) ).toHaveClass(
			'is-warning'
		);
	} );

	it( 'disables the buttons while checking', async () => {
		const answer = deferred< LicenseView >();
		mockFetch.mockReturnValue( answer.promise );
		const { user } = setup( ACTIVE );
		await user.click( screen.getByRole( 'button', { name: 'Check now' } ) );
		expect(
			screen.getByRole( 'button', { name: 'Activate' } )
		).toBeDisabled();
		expect(
			screen.getByRole( 'button', { name: 'Check now' } )
		).toBeDisabled();
		await act( async () =>
			answer.reject( {
				code: 'throttled',
				message: 'Wait a bit (from PHP).',
				data: { status: 429 },
			} )
		);
		expect( noticeText() ).toHaveTextContent( 'Wait a bit (from PHP).' );
		expect(
			screen.getByRole( 'button', { name: 'Check now' } )
		).toBeEnabled();
	} );
} );

describe( 'deactivate', () => {
	it( 'says a network license stops on every site of the network', async () => {
		const { user } = setup( { ...ACTIVE, scope: 'network' } );
		await user.click(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		);
		expect( screen.getByRole( 'dialog' ) ).toHaveTextContent(
			'The key is removed from this network and the premium features of Acme SEO Pro stop working on every site of it until a key is activated again.'
		);
		expect( mockFetch ).not.toHaveBeenCalled();
	} );

	it( 'says a site license stops on this site', async () => {
		const { user } = setup( { ...ACTIVE, scope: 'site' } );
		await user.click(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		);
		expect( screen.getByRole( 'dialog' ) ).toHaveTextContent(
			'The key is removed from this site and the premium features of Acme SEO Pro stop working until a key is activated again.'
		);
	} );

	it( 'asks first, and cancelling sends nothing', async () => {
		const { user } = setup( ACTIVE );
		await user.click(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		);
		const dialog = screen.getByRole( 'dialog' );
		expect( dialog ).toHaveTextContent( 'Acme SEO Pro' );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect( mockFetch ).not.toHaveBeenCalled();
		// Focus goes back to the button that opened the dialog.
		await waitFor( () =>
			expect(
				screen.getByRole( 'button', { name: 'Deactivate' } )
			).toHaveFocus()
		);
	} );

	it( 'closes on Escape without sending anything', async () => {
		const { user } = setup( ACTIVE );
		await user.click(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		);
		const dialog = screen.getByRole( 'dialog' );
		// Focus moves into the dialog, so a keyboard user is there.
		await waitFor( () =>
			expect( dialog ).toContainElement(
				dialog.ownerDocument.activeElement as HTMLElement
			)
		);
		await user.keyboard( '{Escape}' );
		// The Modal closes after its closing animation.
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
		expect( mockFetch ).not.toHaveBeenCalled();
	} );

	it( 'removes the key once confirmed', async () => {
		mockFetch.mockResolvedValue( {
			...INACTIVE,
			message: 'Key removed (from PHP).',
		} );
		const { user } = setup( ACTIVE );
		await user.click(
			screen.getByRole( 'button', { name: 'Deactivate' } )
		);
		await user.click(
			within( screen.getByRole( 'dialog' ) ).getByRole( 'button', {
				name: 'Deactivate',
			} )
		);
		expect( mockFetch ).toHaveBeenCalledWith( {
			path: '/batchkeys/v1/products/acme-seo/license',
			method: 'DELETE',
		} );
		await waitFor( () => expect( stateWord() ).toBe( 'Not active' ) );
		expect( noticeText() ).toHaveTextContent( 'Key removed (from PHP).' );
		expect( screen.getByText( 'No key stored' ) ).toBeInTheDocument();
		expect(
			document.querySelector( '.batchkeys-license__answer' )
		).toHaveFocus();
	} );
} );
