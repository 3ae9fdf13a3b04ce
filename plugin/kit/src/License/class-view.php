<?php
/**
 * The license view: what REST answers and the screens show.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Api\Detail;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Built from stored state only (never a call). See docs/architecture.md, "License view".
 */
final class View {

	/**
	 * The view of a product's license as of $now.
	 *
	 * @param Product $product Product.
	 * @param Store   $store   Storage.
	 * @param Gate    $gate    The call rules (the pause, the bursts).
	 * @param int     $now     Unix timestamp.
	 * @return array<string, mixed>
	 */
	public static function build( Product $product, Store $store, Gate $gate, $now ) {
		$record = $store->get( $product->slug );
		$state  = $record->effective_state( $now );
		$pair   = self::first_strike( $record, $state ) ? Messages::first_strike( Clock::local( (int) $record->next_check ) ) : Messages::get( $record->code );
		$wait   = $gate->wait( $product, $now );
		$pause  = $gate->pause_remaining( $now );
		return array(
			'product'            => $product->slug,
			'state'              => $state,
			'state_label'        => Messages::state_label( $state ),
			'features_enabled'   => $record->features_enabled( $now ),
			'configured'         => $product->is_configured(),
			'setup'              => $product->is_configured() ? null : Messages::get( 'not_configured' ),
			'code'               => $record->code,
			'message'            => $pair['message'],
			'hint'               => $pair['hint'],
			'key'                => $product->key_format->mask( $record->key ),
			'last_checked'       => Clock::iso( $record->last_checked ),
			'last_success'       => Clock::iso( $record->last_success ),
			'next_check'         => Clock::iso( $record->next_check ),
			'grace_until'        => in_array( $state, array( 'grace', 'lapsed' ), true ) ? Clock::iso( $record->grace_until ) : null,
			'retry_after'        => $wait > 0 ? $wait : null,
			'paused_until'       => $pause > 0 ? Clock::iso( $now + $pause ) : null,
			'strike'             => self::first_strike( $record, $state ),
			'detail'             => self::detail( $product, $record->detail, (string) $record->key ),
			'secret_missing'     => Missing_Secret::view( $product ),
			'scope'              => $product->is_network_scope() ? 'network' : 'site',
			'managed_by_network' => ( $product->is_network_scope() && ! $product->current_user_can_change() ) ? Messages::get( 'network_managed' ) : null,
		);
	}

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
