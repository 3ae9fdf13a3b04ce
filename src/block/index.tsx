/**
 * Registers batchkeys/license-form. A dynamic block: render.php draws it, save stores nothing.
 */
import { registerBlockType } from '@wordpress/blocks';
import type { BlockConfiguration } from '@wordpress/blocks';
import metadata from './block.json';
import Edit from './edit';
import type { LicenseFormAttributes } from './types';
import './style.scss';

registerBlockType< LicenseFormAttributes >(
	metadata as BlockConfiguration< LicenseFormAttributes >,
	{
		edit: Edit,
		save: () => null,
	}
);
