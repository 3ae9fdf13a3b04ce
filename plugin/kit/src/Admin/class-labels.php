<?php
/**
 * Words for license states, shared by the notices, the plugin row and the block's render.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Admin;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The same words as src/shared/states.ts (one msgid, one translation): a state is always shown
 * with its word, never by colour alone.
 */
final class Labels {

	/**
	 * The translated word for a license state.
	 *
	 * @param string $state inactive, active, grace, lapsed or invalid.
	 * @return string
	 */
	public static function state( $state ) {
		switch ( $state ) {
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
}
