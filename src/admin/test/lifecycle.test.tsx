/**
 * The screen names the real cause: the notice follows the answer, the service's own words are
 * shown, a wait counts down, and a pause disables the buttons until its end.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';
import LicenseScreen from '../license-screen';
import { formatDate } from '../format-text';
import {
	GOOD,
	PRODUCT,
	activeView,
	WORDS,
} from '../../shared/test/support/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockFetch = apiFetch as unknown as jest.Mock;

const ACTIVE = activeView();

const notice = () =>
	document.querySelector( '.batchkeys-license__answer .components-notice' );

beforeEach( () => mockFetch.mockReset() );
afterEach( () => jest.useRealTimers() );

it( 'a first not-valid answer on an active key is a warning, not a success', async () => {
	mockFetch.mockResolvedValue( {
		...ACTIVE,
		code: 'invalid',
		strike: true,
		message: 'Not valid, confirming (from PHP).',
		hint: 'A confirming check runs on 27 Nov, 11:00 (from PHP).',
		next_check: '2026-11-27T11:00:00+00:00',
	} );
	const user = userEvent.setup();
	render(
		<LicenseScreen
			product={ PRODUCT }
			initialLicense={ ACTIVE }
			words={ WORDS }
		/>
	);
	await user.click( screen.getByRole( 'button', { name: 'Check now' } ) );
	await waitFor( () => expect( notice() ).toHaveClass( 'is-warning' ) );
	expect( notice() ).toHaveTextContent( 'A confirming check runs on 27 Nov' );
	expect( notice() ).not.toHaveClass( 'is-success' );
} );

it( 'shows what the service said on a first activation’s error', async () => {
	mockFetch.mockRejectedValue( {
		code: 'upstream_error',
		message: 'Unknown error (from PHP).',
		data: {
			status: 502,
			hint: 'Mention the details (from PHP).',
			detail: 'Backend refused key •••••••-•••CCCC',
			license: { ...ACTIVE, state: 'inactive', key: null, code: 'none' },
		},
	} );
	const user = userEvent.setup();
	render(
		<LicenseScreen
			product={ PRODUCT }
			words={ WORDS }
			initialLicense={ {
				...ACTIVE,
				state: 'inactive',
				key: null,
				code: 'none',
			} }
		/>
	);
	await user.type( screen.getByRole( 'textbox' ), GOOD );
	await user.click( screen.getByRole( 'button', { name: 'Activate' } ) );
	await waitFor( () =>
		expect( notice() ).toHaveTextContent(
			'Service said: Backend refused key •••••••-•••CCCC'
		)
	);
	expect( notice() ).toHaveClass( 'is-error' );
} );

it( 'counts the wait down, and shows none after a success', async () => {
	jest.useFakeTimers();
	render(
		<LicenseScreen
			product={ PRODUCT }
			words={ WORDS }
			initialLicense={ { ...ACTIVE, retry_after: 3 } }
		/>
	);
	expect( screen.getByText( 'in 3 seconds' ) ).toBeInTheDocument();
	act( () => jest.advanceTimersByTime( 1000 ) );
	expect( screen.getByText( 'in 2 seconds' ) ).toBeInTheDocument();
	act( () => jest.advanceTimersByTime( 2000 ) );
	expect( screen.queryByText( 'Next request allowed' ) ).toBeNull();
} );

it( 'during a pause, Activate and Check now are disabled with the end shown', () => {
	const until = new Date( Date.now() + 3600 * 1000 ).toISOString();
	render(
		<LicenseScreen
			product={ PRODUCT }
			words={ WORDS }
			initialLicense={ {
				...ACTIVE,
				code: 'rate_limited',
				retry_after: 3600,
				paused_until: until,
			} }
		/>
	);
	expect( screen.getByRole( 'button', { name: 'Activate' } ) ).toBeDisabled();
	expect(
		screen.getByRole( 'button', { name: 'Check now' } )
	).toBeDisabled();
	expect(
		screen.getByRole( 'button', { name: 'Deactivate' } )
	).toBeEnabled();
	expect(
		document.querySelector( '.batchkeys-license__paused' )
	).toHaveTextContent( 'available again on' );
	expect(
		screen.getByText( 'Paused by BatchKeys until' )
	).toBeInTheDocument();
} );

it( 'says the pause in PHP’s words (a translation’s numbered placeholder too), with its end', () => {
	const until = '2026-11-28T09:30:00+00:00';
	const view = {
		...ACTIVE,
		code: 'rate_limited',
		retry_after: 3600,
		paused_until: until,
	};
	jest.useFakeTimers( { now: Date.parse( until ) - 3600 * 1000 } );
	const { unmount } = render(
		<LicenseScreen
			product={ PRODUCT }
			words={ { paused: 'Pause (from PHP) until %s.' } }
			initialLicense={ view }
		/>
	);
	const paused = () => document.querySelector( '.batchkeys-license__paused' );
	expect( paused() ).toHaveTextContent(
		`Pause (from PHP) until ${ formatDate( until ) }.`
	);
	unmount();
	render(
		<LicenseScreen
			product={ PRODUCT }
			words={ { paused: 'Pause jusqu’au %1$s.' } }
			initialLicense={ view }
		/>
	);
	expect( paused() ).toHaveTextContent(
		`Pause jusqu’au ${ formatDate( until ) }.`
	);
} );

it( 'says where the secret was missing', () => {
	render(
		<LicenseScreen
			product={ PRODUCT }
			words={ WORDS }
			initialLicense={ {
				...ACTIVE,
				secret_missing: {
					context: 'cron',
					at: '2026-11-27T03:00:00+00:00',
					message: 'Not visible to WP-Cron (from PHP).',
				},
			} }
		/>
	);
	expect(
		document.querySelector( '.batchkeys-license__secret-missing' )
	).toHaveTextContent( 'Not visible to WP-Cron (from PHP).' );
} );
