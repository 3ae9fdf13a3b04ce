<?php
/**
 * Site Health: the Debug Info sections.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Api\Client;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Status;
use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One section for the kit and its daily check, one per product: the masked key (private, left out
 * of the copied report), the state and the dates. The secret is only said to be set or not, with
 * its constant's name.
 */
final class Debug_Info {

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The Debug Info sections.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Adds the kit's Debug Info sections (filter debug_information): one site-wide, one per
	 * product. The key is masked and marked private (left out of the copied report); the secret
	 * is only said to be set or not, with its constant's name.
	 *
	 * @param mixed $info Sections.
	 * @return mixed
	 */
	public function add( $info ) {
		if ( ! is_array( $info ) ) {
			return $info;
		}
		$products = $this->kit->registry()->all();
		$status   = ( new Status( $this->kit ) )->read();
		$yes      = __( 'Yes', 'batchkeys' );
		$no       = __( 'No', 'batchkeys' );

		$info['batchkeys'] = array(
			'label'       => __( 'BatchKeys licenses', 'batchkeys' ),
			'description' => __( 'The license kit and its daily license check.', 'batchkeys' ),
			'fields'      => array(
				'version'            => array(
					'label' => __( 'Kit version', 'batchkeys' ),
					'value' => $this->kit->version(),
				),
				'products'           => array(
					'label' => __( 'Products', 'batchkeys' ),
					'value' => $products ? implode( ', ', array_keys( $products ) ) : __( 'None', 'batchkeys' ),
				),
				'next_run'           => $this->date_field( __( 'Next check', 'batchkeys' ), $status['next_run'] ),
				'daily_slot'         => array(
					'label' => __( 'Daily check time (UTC)', 'batchkeys' ),
					'value' => null === $status['daily_slot'] ? __( 'Not picked yet (no key stored)', 'batchkeys' ) : gmdate( 'H:i:s', $status['daily_slot'] ),
				),
				'last_run'           => $this->date_field( __( 'Last check run', 'batchkeys' ), null === $status['last_run'] ? null : $status['last_run']['time'] ),
				'wp_cron_disabled'   => array(
					'label' => __( 'WP-Cron disabled (DISABLE_WP_CRON)', 'batchkeys' ),
					'value' => $status['wp_cron_disabled'] ? $yes : $no,
					'debug' => $status['wp_cron_disabled'],
				),
				'rate_limited_until' => $this->date_field( __( 'Paused by BatchKeys until', 'batchkeys' ), $status['rate_limited_until'] ),
			),
		);

		foreach ( $products as $product ) {
			$view   = $this->kit->licenses()->view( $product );
			$record = $this->kit->licenses()->store()->get( $product->slug );
			$secret = '' === $product->auth
				? __( 'Not set (the product names no constant)', 'batchkeys' )
				: sprintf(
					$product->is_configured()
						/* translators: %s: name of a constant or environment variable. */
						? __( 'Set (%s)', 'batchkeys' )
						/* translators: %s: name of a constant or environment variable. */
						: __( 'Not set (%s)', 'batchkeys' ),
					$product->auth
				);

			$info[ 'batchkeys-' . $product->slug ] = array(
				/* translators: %s: product name. */
				'label'  => sprintf( __( 'BatchKeys: %s', 'batchkeys' ), $product->name ),
				'fields' => array(
					'product'          => array(
						'label' => __( 'Product', 'batchkeys' ),
						'value' => $product->slug,
					),
					'state'            => array(
						'label' => __( 'State', 'batchkeys' ),
						'value' => (string) $view['state'],
					),
					'features_enabled' => array(
						'label' => __( 'Premium features on', 'batchkeys' ),
						'value' => $view['features_enabled'] ? $yes : $no,
						'debug' => (bool) $view['features_enabled'],
					),
					'code'             => array(
						'label' => __( 'Last answer', 'batchkeys' ),
						'value' => (string) $view['code'],
					),
					'key'              => array(
						'label'   => __( 'License key', 'batchkeys' ),
						'value'   => null === $view['key'] ? __( 'None', 'batchkeys' ) : (string) $view['key'],
						'private' => true,
					),
					'activated_at'     => $this->date_field( __( 'Activated', 'batchkeys' ), $record->activated_at ),
					'last_checked'     => $this->date_field( __( 'Last check', 'batchkeys' ), $record->last_checked ),
					'last_success'     => $this->date_field( __( 'Last successful check', 'batchkeys' ), $record->last_success ),
					'next_check'       => $this->date_field( __( 'Next check', 'batchkeys' ), $record->next_check ),
					'grace_until'      => $this->date_field( __( 'Features stay on until', 'batchkeys' ), in_array( $view['state'], array( 'grace', 'lapsed' ), true ) ? $record->grace_until : null ),
					'grace_days'       => array(
						'label' => __( 'Grace period (days)', 'batchkeys' ),
						'value' => $product->grace_days,
					),
					'secret'           => array(
						'label' => __( 'BatchKeys authorization key', 'batchkeys' ),
						'value' => $secret,
						'debug' => $product->is_configured() ? 'set' : 'not set',
					),
					'api_url'          => array(
						'label' => __( 'API URL', 'batchkeys' ),
						'value' => Client::api_url( $product ),
					),
				),
			);
		}
		return $info;
	}

	/**
	 * A Debug Info field holding a date (shown in the site's time zone, copied as ISO 8601 UTC).
	 *
	 * @param string   $label     Label.
	 * @param int|null $timestamp Unix timestamp.
	 * @return array<string, string>
	 */
	private function date_field( $label, $timestamp ) {
		if ( null === $timestamp ) {
			return array(
				'label' => $label,
				'value' => __( 'None', 'batchkeys' ),
				'debug' => 'none',
			);
		}
		return array(
			'label' => $label,
			'value' => Clock::local( (int) $timestamp ),
			'debug' => (string) Clock::iso( (int) $timestamp ),
		);
	}
}
