/**
 * The words for the license states (docs/license-states.md). A state is always shown with its
 * word, never by colour alone.
 */
import { __ } from '@wordpress/i18n';
import type { LicenseState } from './types';

export function stateLabel( state: LicenseState | string ): string {
	switch ( state ) {
		case 'active':
			return __( 'Active', 'batchkeys' );
		case 'grace':
			return __( 'Active (grace period)', 'batchkeys' );
		case 'lapsed':
			return __( 'Lapsed', 'batchkeys' );
		case 'invalid':
			return __( 'Invalid', 'batchkeys' );
		default:
			return __( 'Not active', 'batchkeys' );
	}
}
