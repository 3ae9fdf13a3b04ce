/**
 * The block's settings (shown in the inspector): product, label, button text, note.
 */
import {
	Notice,
	PanelBody,
	SelectControl,
	Spinner,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { NormalisedError, ProductWithLicense } from '../shared/types';
import { defaultButtonText, defaultLabel } from './labels';
import type { LicenseFormAttributes } from './types';

export type Products =
	| { status: 'loading' }
	| { status: 'error'; error: NormalisedError }
	| { status: 'ready'; list: ProductWithLicense[] };

export default function Settings( {
	attributes,
	setAttributes,
	products,
}: {
	attributes: LicenseFormAttributes;
	setAttributes: ( next: Partial< LicenseFormAttributes > ) => void;
	products: Products;
} ) {
	const { product, label, buttonText, note } = attributes;
	const list = products.status === 'ready' ? products.list : [];
	const options = [
		{ label: __( '— Choose a product —', 'batchkeys' ), value: '' },
		...list.map( ( item ) => ( { label: item.name, value: item.slug } ) ),
	];
	if (
		product &&
		products.status === 'ready' &&
		! list.some( ( item ) => item.slug === product )
	) {
		options.push( {
			label: sprintf(
				/* translators: %s: a product slug. */
				__( '%s (not available)', 'batchkeys' ),
				product
			),
			value: product,
		} );
	}

	return (
		<PanelBody title={ __( 'License form', 'batchkeys' ) }>
			{ products.status === 'loading' && <Spinner /> }
			{ products.status === 'error' && (
				<Notice status="error" isDismissible={ false }>
					{ products.error.message }
				</Notice>
			) }
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Product', 'batchkeys' ) }
				value={ product }
				options={ options }
				onChange={ ( value: string ) =>
					setAttributes( { product: value } )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Label', 'batchkeys' ) }
				value={ label }
				placeholder={ defaultLabel() }
				onChange={ ( value ) => setAttributes( { label: value } ) }
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Button text', 'batchkeys' ) }
				value={ buttonText }
				placeholder={ defaultButtonText() }
				onChange={ ( value ) => setAttributes( { buttonText: value } ) }
			/>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __(
					'Note for visitors who may not manage the license',
					'batchkeys'
				) }
				help={ __( 'Leave empty to show them nothing.', 'batchkeys' ) }
				value={ note }
				onChange={ ( value ) => setAttributes( { note: value } ) }
			/>
		</PanelBody>
	);
}
