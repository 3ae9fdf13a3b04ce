import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';
import {
	getBlockType,
	getSaveContent,
	registerBlockType,
	unregisterBlockType,
} from '@wordpress/blocks';
import type { BlockConfiguration, BlockEditProps } from '@wordpress/blocks';
import metadata from '../block.json';
import Edit from '../edit';
import Settings from '../settings';
import type { Products } from '../settings';
import type { LicenseFormAttributes } from '../types';
import type { ProductWithLicense } from '../../shared/types';
import { activeView, inactiveView } from '../../shared/test/support/fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockFetch = apiFetch as unknown as jest.Mock;

// jsdom has no ResizeObserver; the editor's Placeholder uses one.
beforeAll( () => {
	window.ResizeObserver ??= class {
		observe() {}
		unobserve() {}
		disconnect() {}
	};
} );

const PRODUCTS: ProductWithLicense[] = [
	{
		slug: 'acme-seo',
		name: 'Acme SEO Pro',
		key_format: { groups: 5, length: 7, separator: '-', chars: 'A-Z0-9' },
		placeholder: 'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX',
		license: activeView( {
			message: '',
			hint: '',
			key: '•••••••-•••••••-•••••••-•••••••-•••AAAA',
			last_checked: null,
			last_success: null,
			next_check: null,
		} ),
	},
	{
		slug: 'acme-forms',
		name: 'Acme Forms',
		key_format: { groups: 3, length: 4, separator: '.', chars: '0-9' },
		placeholder: 'XXXX.XXXX.XXXX',
		license: inactiveView( {
			product: 'acme-forms',
			message: '',
			hint: '',
		} ),
	},
];

const EMPTY: LicenseFormAttributes = {
	product: '',
	label: '',
	buttonText: '',
	note: '',
};

// Only the props Edit reads; the editor passes more.
const renderEdit = ( attributes: Partial< LicenseFormAttributes > = {} ) => {
	const props = {
		attributes: { ...EMPTY, ...attributes },
		setAttributes: jest.fn(),
		clientId: 'abc',
		isSelected: false,
		name: 'batchkeys/license-form',
	} as unknown as BlockEditProps< LicenseFormAttributes >;
	return render( <Edit { ...props } /> );
};

beforeEach( () => mockFetch.mockReset() );

describe( 'the block in the editor', () => {
	it( 'loads the products and previews the chosen one with its placeholder', async () => {
		mockFetch.mockResolvedValue( PRODUCTS );
		renderEdit( { product: 'acme-forms' } );
		expect( mockFetch ).toHaveBeenCalledWith( {
			path: '/batchkeys/v1/products',
		} );
		const input = await screen.findByRole( 'textbox', {
			name: 'License key',
		} );
		expect( input ).toHaveAttribute( 'placeholder', 'XXXX.XXXX.XXXX' );
		expect(
			screen.getByRole( 'button', { name: 'Activate' } )
		).toBeDisabled();
		expect( screen.getByText( 'Not active' ) ).toBeInTheDocument();
	} );

	it( 'previews the author’s label, button text and note', async () => {
		mockFetch.mockResolvedValue( PRODUCTS );
		renderEdit( {
			product: 'acme-seo',
			label: 'Your Acme key',
			buttonText: 'Unlock',
			note: 'Ask the site owner.',
		} );
		expect(
			await screen.findByRole( 'textbox', { name: 'Your Acme key' } )
		).toHaveAttribute(
			'placeholder',
			'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX'
		);
		expect(
			screen.getByRole( 'button', { name: 'Unlock' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( /Ask the site owner\./ )
		).toBeInTheDocument();
		expect( screen.getByText( 'Active' ) ).toBeInTheDocument();
	} );

	it( 'asks for a product when none is chosen', async () => {
		mockFetch.mockResolvedValue( PRODUCTS );
		renderEdit();
		expect(
			await screen.findByText(
				'Choose the product in the block settings.',
				{ selector: '.components-placeholder__instructions' }
			)
		).toBeInTheDocument();
		expect( screen.queryByRole( 'textbox' ) ).toBeNull();
	} );

	it( 'says so when the user may manage no product', async () => {
		mockFetch.mockResolvedValue( [] );
		renderEdit( { product: 'gone' } );
		expect(
			await screen.findByText(
				'No product you may manage is registered on this site.',
				{ selector: '.components-placeholder__instructions' }
			)
		).toBeInTheDocument();
	} );

	it( 'shows why the products could not be loaded', async () => {
		mockFetch.mockRejectedValue( {
			code: 'rest_forbidden',
			message: 'Not for you (from PHP).',
			data: { status: 403 },
		} );
		renderEdit( { product: 'acme-seo' } );
		expect(
			await screen.findByText( 'Not for you (from PHP).', {
				selector: '.components-placeholder__instructions',
			} )
		).toBeInTheDocument();
	} );
} );

describe( 'the block’s settings', () => {
	const ready: Products = { status: 'ready', list: PRODUCTS };

	it( 'lists the registered products and sets the chosen one', async () => {
		const user = userEvent.setup();
		const setAttributes = jest.fn();
		render(
			<Settings
				attributes={ EMPTY }
				setAttributes={ setAttributes }
				products={ ready }
			/>
		);
		const select = screen.getByRole( 'combobox', { name: 'Product' } );
		expect(
			Array.from( ( select as HTMLSelectElement ).options ).map(
				( option ) => option.value
			)
		).toEqual( [ '', 'acme-seo', 'acme-forms' ] );
		await user.selectOptions( select, 'acme-forms' );
		expect( setAttributes ).toHaveBeenCalledWith( {
			product: 'acme-forms',
		} );
	} );

	it( 'keeps a product that is no longer available visible', () => {
		render(
			<Settings
				attributes={ { ...EMPTY, product: 'old-one' } }
				setAttributes={ jest.fn() }
				products={ ready }
			/>
		);
		expect(
			screen.getByRole( 'option', { name: 'old-one (not available)' } )
		).toBeInTheDocument();
	} );

	it( 'edits the label, the button text and the note', async () => {
		const user = userEvent.setup();
		const setAttributes = jest.fn();
		render(
			<Settings
				attributes={ EMPTY }
				setAttributes={ setAttributes }
				products={ ready }
			/>
		);
		await user.type(
			screen.getByRole( 'textbox', { name: 'Label' } ),
			'K'
		);
		await user.type(
			screen.getByRole( 'textbox', { name: 'Button text' } ),
			'G'
		);
		await user.type(
			screen.getByRole( 'textbox', {
				name: 'Note for visitors who may not manage the license',
			} ),
			'N'
		);
		expect( setAttributes.mock.calls ).toEqual( [
			[ { label: 'K' } ],
			[ { buttonText: 'G' } ],
			[ { note: 'N' } ],
		] );
	} );
} );

describe( 'registration', () => {
	afterEach( () => {
		if ( getBlockType( metadata.name ) ) {
			unregisterBlockType( metadata.name );
		}
	} );

	it( 'registers from block.json as a dynamic block that saves nothing', () => {
		expect( metadata.apiVersion ).toBe( 3 );
		registerBlockType< LicenseFormAttributes >(
			metadata as BlockConfiguration< LicenseFormAttributes >,
			{ edit: Edit, save: () => null }
		);
		const type = getBlockType( metadata.name );
		expect( type?.attributes ).toMatchObject( {
			product: { type: 'string', default: '' },
			label: { type: 'string', default: '' },
			buttonText: { type: 'string', default: '' },
			note: { type: 'string', default: '' },
		} );
		expect(
			getSaveContent( metadata.name, { ...EMPTY, product: 'acme-seo' } )
		).toBe( '' );
		expect( metadata.textdomain ).toBe( 'batchkeys' );
		expect( metadata.render ).toBe( 'file:./render.php' );
	} );
} );
