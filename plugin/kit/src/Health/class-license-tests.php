<?php
/**
 * Site Health: the tests of each product's license.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * For each product: its license state, the age of its last successful check (keys that were
 * accepted) and its vendor's secret (by the name of its constant, never its value).
 */
final class License_Tests {

	/**
	 * A last successful check younger than this is fine (daily checks, plus their retries).
	 */
	const FRESH = 172800;

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The license tests.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Adds the product's tests to Site Health's list.
	 *
	 * @param array<string, mixed> $tests   Tests: array{direct: array, async: array}.
	 * @param Product              $product Product.
	 * @return array<string, mixed>
	 */
	public function add( array $tests, Product $product ) {
		$slug = $product->slug;

		$tests['direct'][ 'batchkeys_license_' . $slug ] = array(
			/* translators: %s: product name. */
			'label' => sprintf( __( '%s license', 'batchkeys' ), $product->name ),
			'test'  => function () use ( $product ) {
				return $this->license_state( $product );
			},
		);
		$tests['direct'][ 'batchkeys_secret_' . $slug ]  = array(
			/* translators: %s: product name. */
			'label' => sprintf( __( '%s connection to BatchKeys', 'batchkeys' ), $product->name ),
			'test'  => function () use ( $product ) {
				return $this->secret( $product );
			},
		);
		if ( $this->has_success_test( $product ) ) {
			$tests['direct'][ 'batchkeys_last_success_' . $slug ] = array(
				/* translators: %s: product name. */
				'label' => sprintf( __( '%s last successful license check', 'batchkeys' ), $product->name ),
				'test'  => function () use ( $product ) {
					return $this->last_success( $product );
				},
			);
		}
		return $tests;
	}

	/**
	 * Whether the age of the last successful check means something: a key that was accepted
	 * (active, grace or lapsed). An invalid key and no key have their own verdict in the state test.
	 *
	 * @param Product $product Product.
	 * @return bool
	 */
	private function has_success_test( Product $product ) {
		$record = $this->kit->licenses()->store()->get( $product->slug );
		return in_array( $record->effective_state( Clock::now() ), array( 'active', 'grace', 'lapsed' ), true );
	}

	/**
	 * Test: the license state (docs/license-states.md).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function license_state( Product $product ) {
		$view   = $this->kit->licenses()->view( $product );
		$record = $this->kit->licenses()->store()->get( $product->slug );
		$name   = $product->name;
		$test   = 'batchkeys_license_' . $product->slug;

		switch ( $view['state'] ) {
			case 'active':
				return Report::result(
					$test,
					'good',
					/* translators: %s: product name. */
					sprintf( __( 'The %s license is active', 'batchkeys' ), $name ),
					array(
						sprintf(
							/* translators: 1: masked license key, 2: date and time, 3: date and time. */
							__( 'BatchKeys confirmed the license key %1$s on %2$s. The next automatic check is due on %3$s.', 'batchkeys' ),
							(string) $view['key'],
							Report::when( $record->last_success ),
							Report::when( $record->next_check )
						),
					),
					$product
				);
			case 'grace':
				return Report::result(
					$test,
					'recommended',
					/* translators: %s: product name. */
					'connection' === $record->code
						/* translators: %s: product name. */
						? sprintf( __( 'BatchKeys could not be reached to confirm the %s license', 'batchkeys' ), $name )
						/* translators: %s: product name. */
						: sprintf( __( 'BatchKeys has not confirmed the %s license', 'batchkeys' ), $name ),
					array(
						sprintf(
							/* translators: 1: date and time, 2: date and time, 3: date and time. */
							__( 'BatchKeys has not confirmed the license since %1$s. The premium features stay on until %2$s. The site tries again on %3$s.', 'batchkeys' ),
							Report::when( $record->last_success ),
							Report::when( $record->grace_until ),
							Report::when( $record->next_check )
						),
						(string) $view['message'],
					),
					$product
				);
			case 'lapsed':
				return Report::result(
					$test,
					'critical',
					/* translators: %s: product name. */
					sprintf( __( 'The %s license could not be confirmed for too long: its premium features are off', 'batchkeys' ), $name ),
					array(
						sprintf(
							/* translators: 1: date and time, 2: date and time, 3: date and time. */
							__( 'BatchKeys has not confirmed the license since %1$s. The grace period ended on %2$s. The site tries again on %3$s; a successful check switches the features back on.', 'batchkeys' ),
							Report::when( $record->last_success ),
							Report::when( $record->grace_until ),
							Report::when( $record->next_check )
						),
						(string) $view['message'],
					),
					$product
				);
			case 'invalid':
				return Report::result(
					$test,
					'critical',
					/* translators: %s: product name. */
					sprintf( __( 'BatchKeys does not accept the %s license key', 'batchkeys' ), $name ),
					array( (string) $view['message'], (string) $view['hint'] ),
					$product
				);
		}
		return Report::result(
			$test,
			'recommended',
			/* translators: %s: product name. */
			sprintf( __( '%s has no license key', 'batchkeys' ), $name ),
			array(
				__( 'Its premium features stay off until a license key is activated.', 'batchkeys' ),
				(string) $view['hint'],
			),
			$product
		);
	}

	/**
	 * Test: how long ago BatchKeys last confirmed the key (keys that were accepted).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function last_success( Product $product ) {
		$now    = Clock::now();
		$record = $this->kit->licenses()->store()->get( $product->slug );
		$test   = 'batchkeys_last_success_' . $product->slug;
		$grace  = DAY_IN_SECONDS * max( 1, $product->grace_days );

		if ( null === $record->last_success ) {
			return Report::result(
				$test,
				'recommended',
				/* translators: %s: product name. */
				sprintf( __( 'BatchKeys has never confirmed the %s license on this site', 'batchkeys' ), $product->name ),
				array(),
				$product
			);
		}
		$age = $now - $record->last_success;
		if ( $age < self::FRESH ) {
			$status = 'good';
			/* translators: 1: product name, 2: time span, such as "3 hours". */
			$label = __( 'The %1$s license was confirmed %2$s ago', 'batchkeys' );
		} elseif ( $age < $grace ) {
			$status = 'recommended';
			/* translators: 1: product name, 2: time span, such as "3 days". */
			$label = __( 'The %1$s license has not been confirmed for %2$s', 'batchkeys' );
		} else {
			$status = 'critical';
			/* translators: 1: product name, 2: time span, such as "9 days". */
			$label = __( 'The %1$s license has not been confirmed for %2$s, longer than its grace period', 'batchkeys' );
		}
		return Report::result(
			$test,
			$status,
			sprintf( $label, $product->name, human_time_diff( $record->last_success, $now ) ),
			array(
				sprintf(
					/* translators: 1: date and time, 2: number of days. */
					__( 'Last successful check: %1$s. The site checks the key once a day; while BatchKeys cannot be reached the premium features stay on for %2$d days after the last successful check.', 'batchkeys' ),
					Report::when( $record->last_success ),
					$product->grace_days
				),
			),
			$product
		);
	}

	/**
	 * Test: the vendor's secret is available (by the name of its constant or environment
	 * variable; never its value).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function secret( Product $product ) {
		$test    = 'batchkeys_secret_' . $product->slug;
		$missing = \BatchKeys\Kit\License\Missing_Secret::view( $product );
		if ( null !== $missing ) {
			return Report::result(
				$test,
				'recommended',
				/* translators: %s: product name. */
				sprintf( __( 'The automatic license check of %s cannot see its BatchKeys authorization key', 'batchkeys' ), $product->name ),
				array( esc_html( $missing['message'] ) ),
				$product
			);
		}
		if ( $product->is_configured() ) {
			return Report::result(
				$test,
				'good',
				/* translators: %s: product name. */
				sprintf( __( '%s is connected to BatchKeys', 'batchkeys' ), $product->name ),
				array(
					sprintf(
						defined( $product->auth )
							/* translators: %s: name of a PHP constant. */
							? __( 'Its BatchKeys authorization key is set in the constant %s. Its value is never shown, stored or sent to a browser.', 'batchkeys' )
							/* translators: %s: name of an environment variable. */
							: __( 'Its BatchKeys authorization key is set in the environment variable %s. Its value is never shown, stored or sent to a browser.', 'batchkeys' ),
						'<code>' . esc_html( $product->auth ) . '</code>'
					),
				),
				$product
			);
		}
		$how = '' === $product->auth
			? __( 'The product does not say where its BatchKeys authorization key is. Contact its author.', 'batchkeys' )
			: sprintf(
				/* translators: %s: name of a PHP constant or environment variable. */
				__( 'Define the constant %s in wp-config.php (or set the environment variable of that name) as the product’s setup instructions say. Until then its license cannot be checked.', 'batchkeys' ),
				'<code>' . esc_html( $product->auth ) . '</code>'
			);
		return Report::result(
			$test,
			'critical',
			/* translators: %s: product name. */
			sprintf( __( '%s is not connected to BatchKeys: its authorization key is missing', 'batchkeys' ), $product->name ),
			array( $how ),
			$product
		);
	}
}
