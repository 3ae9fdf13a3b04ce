/**
 * The block in the editor: its settings in the inspector, and a live preview of the form
 * with the chosen product's placeholder (the markup render.php prints, inert here).
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { Placeholder, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { getProducts } from '../shared/api';
import { describeFormat } from '../admin/format-text';
import { placeholder as formatPlaceholder } from '../shared/key-format';
import type { NormalisedError } from '../shared/types';
import { defaultButtonText, defaultLabel } from './labels';
import Settings from './settings';
import type { Products } from './settings';
import type { LicenseFormAttributes } from './types';

/**
 * Loads the products the current user may manage (GET /batchkeys/v1/products).
 *
 * @return The loading state, the error, or the list.
 */
export function useProducts(): Products {
	const [ products, setProducts ] = useState< Products >( {
		status: 'loading',
	} );
	useEffect( () => {
		let live = true;
		getProducts().then(
			( list ) => live && setProducts( { status: 'ready', list } ),
			( error: NormalisedError ) =>
				live && setProducts( { status: 'error', error } )
		);
		return () => {
			live = false;
		};
	}, [] );
	return products;
}

export function Preview( {
	attributes,
	products,
}: {
	attributes: LicenseFormAttributes;
	products: Products;
} ) {
	const { product, label, buttonText, note } = attributes;
	const chosen =
		products.status === 'ready'
			? products.list.find( ( item ) => item.slug === product )
			: undefined;

	if ( ! chosen ) {
		let instructions: string = __(
			'Choose the product in the block settings.',
			'batchkeys'
		);
		if ( products.status === 'ready' && products.list.length === 0 ) {
			instructions = __(
				'No product you may manage is registered on this site.',
				'batchkeys'
			);
		} else if ( products.status === 'error' ) {
			instructions = products.error.message;
		}
		return (
			<Placeholder
				icon="lock"
				label={ __( 'License key form', 'batchkeys' ) }
				instructions={ instructions }
			>
				{ products.status === 'loading' && <Spinner /> }
			</Placeholder>
		);
	}

	const inputId = `batchkeys-preview-${ chosen.slug }`;
	return (
		<>
			<form
				className="batchkeys-license-form__form"
				onSubmit={ ( event ) => event.preventDefault() }
			>
				<label
					className="batchkeys-license-form__label"
					htmlFor={ inputId }
				>
					{ label || defaultLabel() }
				</label>
				<div className="batchkeys-license-form__row">
					<input
						id={ inputId }
						className="batchkeys-license-form__input"
						type="text"
						placeholder={
							chosen.placeholder ||
							formatPlaceholder( chosen.key_format )
						}
						readOnly
					/>
					<button
						type="button"
						className="wp-element-button batchkeys-license-form__button"
						disabled
					>
						{ buttonText || defaultButtonText() }
					</button>
				</div>
				<p className="batchkeys-license-form__help">
					{ describeFormat( chosen.key_format ) }
				</p>
			</form>
			<p className="batchkeys-license-form__state">
				{ __( 'License status:', 'batchkeys' ) }{ ' ' }
				<strong>{ chosen.license.state_label }</strong>
			</p>
			{ chosen.license.key && (
				<div className="batchkeys-license-form__actions">
					<button
						type="button"
						className="wp-element-button batchkeys-license-form__check"
						disabled
					>
						{ __( 'Check now', 'batchkeys' ) }
					</button>
					<button
						type="button"
						className="wp-element-button batchkeys-license-form__deactivate"
						disabled
					>
						{ __( 'Deactivate', 'batchkeys' ) }
					</button>
				</div>
			) }
			{ note && (
				<p className="batchkeys-license-form__note-preview">
					<em>
						{ sprintf(
							/* translators: %s: the note the author wrote. */
							__(
								'Visitors who may not manage the license see: %s',
								'batchkeys'
							),
							note
						) }
					</em>
				</p>
			) }
		</>
	);
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< LicenseFormAttributes > ) {
	const products = useProducts();
	// The only product on the site is the one meant: choose it for the author.
	const only =
		products.status === 'ready' && products.list.length === 1
			? products.list[ 0 ].slug
			: '';
	useEffect( () => {
		if ( only && ! attributes.product ) {
			setAttributes( { product: only } );
		}
	}, [ only, attributes.product, setAttributes ] );
	return (
		<div { ...useBlockProps() }>
			<InspectorControls>
				<Settings
					attributes={ attributes }
					setAttributes={ setAttributes }
					products={ products }
				/>
			</InspectorControls>
			<Preview attributes={ attributes } products={ products } />
		</div>
	);
}
