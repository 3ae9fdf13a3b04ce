<?php
/**
 * Address changes: noticed, reported, and answered only by a person.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Product\Product;
use BatchKeys\Kit\Site\Address;
use BatchKeys\Kit\Site\Staging_Hosts;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A database copied to another address (a staging copy, a move, another site built from it)
 * carries the record of a key activated elsewhere. Calling BatchKeys from there with the new
 * domain would use one of the key's activations, or earn the live site's key a strike; sending
 * `active: 0` could switch the live site off. So until a person answers, nothing is sent about
 * that key from here (no check, no token spending, no remote deactivation), and the features keep
 * working until a stated date (Address_Change). The three answers:
 * - `staging`, a copy for testing: never any call from here; the date stays;
 * - `moved`, the site moved here: one activation call for the new domain; refused, nothing
 *   changes (no strike) and the question stays;
 * - `new_site`, a different site: the copied key is removed here, with no call.
 * The constant BATCHKEYS_ADDRESS_RESOLUTION in wp-config.php gives the answer for scripted
 * deployments (`moved` is carried out by the next daily run).
 */
final class Address_Guard {

	/**
	 * The wp-config.php constant.
	 */
	const CONSTANT = 'BATCHKEYS_ADDRESS_RESOLUTION';

	/**
	 * The answers a person (or the constant) may give.
	 */
	const ANSWERS = array( 'staging', 'moved', 'new_site' );

	/**
	 * The product's record as seen from this site now; the first sight of an address change is
	 * stored once (one write per copy), and the constant's answers that need no call applied.
	 *
	 * @param Store   $store   Storage.
	 * @param Product $product Product.
	 * @return Record
	 */
	public static function observe( Store $store, Product $product ) {
		$record = $store->get( $product->slug );
		if ( ! $record->has_key() || null === $record->fingerprint ) {
			return $record;
		}
		$now  = Clock::now();
		$seen = Address_Change::seen( $record, Address::facts( $product->is_network_scope() ? 'network' : 'site' ), $now, $product->address_grace_days );
		if ( Address_Change::pending( $seen ) && ! isset( $seen->address['resolution'] ) ) {
			$answer = self::constant_answer();
			if ( 'staging' === $answer ) {
				$seen = Address_Change::keep_as_copy( $seen );
			} elseif ( 'new_site' === $answer ) {
				$seen = Transition::deactivation( $seen );
			} elseif ( 'moved' === $answer && null === $record->address ) {
				$seen->next_check = $now;
			}
		}
		if ( ! $seen->equals( $record ) ) {
			$store->put( $product->slug, $seen );
		}
		return $seen;
	}

	/**
	 * A check of a record whose address change is not settled: refused (`address_changed`, no
	 * call), and in the daily run the next look is moved a day on. With the constant set to
	 * `moved`, the daily run makes the one activation call for the new domain instead.
	 *
	 * Options of License_Service::activate() used here: `moved` (the answer "the site moved
	 * here": a not-valid answer is `moved_refused` and changes nothing), `background` (cron: no
	 * throttle, the longer timeout); `confirmed` skips the question of needs_confirm().
	 *
	 * @param License_Service $service Service.
	 * @param Product         $product Product.
	 * @param Record          $record  The record as observed.
	 * @param string          $context interactive or background.
	 * @return Result|null Null when the check may go ahead.
	 */
	public static function refuse_check( License_Service $service, Product $product, Record $record, $context ) {
		if ( ! Address_Change::pending( $record ) || null === $record->address ) {
			return null;
		}
		if ( 'background' !== $context ) {
			return self::result( $service, $product, 'address_changed' );
		}
		if ( null === $record->address['resolution'] && 'moved' === self::constant_answer() ) {
			$moved = $service->activate(
				$product,
				(string) $record->key,
				array(
					'moved'      => true,
					'background' => true,
				)
			);
			if ( 'valid' === $moved->code ) {
				return $moved;
			}
		}
		$current = $service->store()->get( $product->slug, true );
		if ( Address_Change::pending( $current ) ) {
			$service->store()->put( $product->slug, Address_Change::postpone( $current, Clock::now() ) );
		}
		return self::result( $service, $product, 'address_changed' );
	}

	/**
	 * Whether a first activation here must be confirmed: the address looks like a staging copy
	 * and no key of this product is active for it yet.
	 *
	 * @param Store   $store   Storage.
	 * @param Product $product Product.
	 * @return bool
	 */
	public static function needs_confirm( Store $store, Product $product ) {
		$facts = Address::facts( $product->is_network_scope() ? 'network' : 'site' );
		if ( ! in_array( 'host', Staging_Hosts::hints( $facts['domain'], $facts['env'], $facts['env'] ), true ) ) {
			return false;
		}
		$record = $store->get( $product->slug );
		return ! ( $record->has_key() && null !== $record->fingerprint && '' === $record->fingerprint->difference( $facts ) );
	}

	/**
	 * The constant's answer: one of ANSWERS, '' when it is not defined, `unknown` when it holds
	 * anything else (reported, never acted on).
	 *
	 * @return string
	 */
	public static function constant_answer() {
		if ( ! defined( self::CONSTANT ) ) {
			return '';
		}
		$value = constant( self::CONSTANT );
		$value = is_string( $value ) ? str_replace( '-', '_', strtolower( trim( $value ) ) ) : '';
		return in_array( $value, self::ANSWERS, true ) ? $value : 'unknown';
	}

	/**
	 * The constant's error for people, or null when it is fine or not defined.
	 *
	 * @return string|null
	 */
	public static function constant_error() {
		if ( 'unknown' !== self::constant_answer() ) {
			return null;
		}
		/* translators: 1: constant name, 2: the accepted values. */
		return sprintf( __( '%1$s in wp-config.php has a value the kit does not know, so it was ignored. Use one of: %2$s.', 'batchkeys' ), self::CONSTANT, implode( ', ', self::ANSWERS ) );
	}

	/**
	 * The `address` part of the license view: null when the site is where the key was activated.
	 *
	 * @param Product $product Product.
	 * @param Record  $record  The record as observed.
	 * @return array<string, mixed>|null
	 */
	public static function view( Product $product, Record $record ) {
		if ( ! Address_Change::pending( $record ) || null === $record->fingerprint || null === $record->address ) {
			return null;
		}
		$facts = Address::facts( $product->is_network_scope() ? 'network' : 'site' );
		$hints = Staging_Hosts::hints( $record->address['domain'], $facts['env'], $record->fingerprint->env );
		return array(
			'status'            => null === $record->address['resolution'] ? 'changed' : 'kept_as_copy',
			'reason'            => $record->address['reason'],
			'activation_domain' => $record->fingerprint->domain,
			'current_domain'    => $record->address['domain'],
			'seen_at'           => Clock::iso( $record->address['seen_at'] ),
			'features_until'    => in_array( $record->state, array( 'grace', 'lapsed' ), true ) ? Clock::iso( $record->grace_until ) : null,
			'hints'             => $hints,
			'environment'       => $facts['env'],
			'suggested'         => $hints ? 'staging' : 'moved',
			'constant_error'    => self::constant_error(),
		);
	}

	/**
	 * Carries out a person's answer.
	 *
	 * @param License_Service $service The service (for the activation of `moved`).
	 * @param Product         $product Product.
	 * @param mixed           $answer  One of ANSWERS.
	 * @return Result
	 */
	public static function resolve( License_Service $service, Product $product, $answer ) {
		$answer = is_string( $answer ) ? str_replace( '-', '_', $answer ) : '';
		if ( ! in_array( $answer, self::ANSWERS, true ) ) {
			return self::result( $service, $product, 'invalid_address_answer' );
		}
		$record = self::observe( $service->store(), $product );
		if ( ! Address_Change::pending( $record ) ) {
			return self::result( $service, $product, 'no_address_change' );
		}
		if ( 'moved' === $answer ) {
			return $service->activate( $product, (string) $record->key, array( 'moved' => true ) );
		}
		$service->store()->put( $product->slug, 'staging' === $answer ? Address_Change::keep_as_copy( $record ) : Transition::deactivation( $record ) );
		return self::result( $service, $product, 'staging' === $answer ? 'kept_as_copy' : 'deactivated' );
	}

	/**
	 * A result answered without calling BatchKeys.
	 *
	 * @param License_Service $service Service.
	 * @param Product         $product Product.
	 * @param string          $code    Kit code.
	 * @return Result
	 */
	private static function result( License_Service $service, Product $product, $code ) {
		return new Result( $code, Messages::status( $code ), $service->view( $product ), null, false );
	}
}
