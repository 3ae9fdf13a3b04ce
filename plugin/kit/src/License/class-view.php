<?php
/**
 * The license view: what REST answers and the screens show.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Api\Detail;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Parts of the view License_Service::view() builds from stored state only (never a call). See
 * docs/architecture.md, "License view".
 */
final class View {

	/**
	 * Whether the last answer was a first not-valid one for a key that stays active until a
	 * confirming check.
	 *
	 * @param Record $record Record.
	 * @param string $state  Effective state.
	 * @return bool
	 */
	public static function first_strike( Record $record, $state ) {
		return 'invalid' === $record->code && 'invalid' !== $state && $record->strikes > 0 && null !== $record->next_check;
	}

	/**
	 * An upstream text for the current user: administrators only, cut and masked.
	 *
	 * @param Product     $product Product.
	 * @param string|null $text    Raw or stored text.
	 * @param string      $key     The key it may echo.
	 * @return string|null
	 */
	public static function detail( Product $product, $text, $key = '' ) {
		if ( null === $text || ! current_user_can( 'manage_options' ) ) {
			return null;
		}
		return Detail::clean( $text, $product, $key );
	}
}
