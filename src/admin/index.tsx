/**
 * Mounts the license screen on the root element PHP prints (Admin\Screen):
 * <div id="batchkeys-license-screen" data-product="{ProductInfo & {license, words}}">.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import type { ScreenData } from '../shared/types';
import LicenseScreen from './license-screen';
import './index.scss';

export const ROOT_ID = 'batchkeys-license-screen';

domReady( () => {
	const root = document.getElementById( ROOT_ID );
	if ( ! root?.dataset.product ) {
		return;
	}
	const { license, words, ...product } = JSON.parse(
		root.dataset.product
	) as ScreenData;
	createRoot( root ).render(
		<LicenseScreen
			product={ product }
			initialLicense={ license }
			words={ words }
		/>
	);
} );
