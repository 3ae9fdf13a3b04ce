<?php
/**
 * The license state machine, as pure functions.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Api\Answer;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The state machine of docs/license-states.md: (record, answer, now, settings) -> new record.
 * No I/O, no clock, no globals.
 *
 * Settings: `grace_days` (int, days features stay on without an answer), `slot` (int, the
 * site's daily check time as a second of the day, UTC), `site` (Site\Address::facts(): the
 * site's domain, home, environment, blog and network now) and `install_id` (a fresh random id),
 * both written into the fingerprint of a new activation.
 *
 * - valid: active; the grace clock and the strikes are cleared.
 * - not valid, for a key that was active (active, grace or lapsed): the first is a strike (state
 *   kept, a confirming check one hour later); a second one at least an hour after the first makes
 *   the key invalid. Answers without a verdict neither count as nor clear a strike.
 * - not valid, for a key that was not active: invalid.
 * - no call made (not_configured, insecure_api_url: the secret is not visible to this process,
 *   or the URL may not carry it): the record stays exactly as it was. Only an answer moves it.
 * - any other code (connection, activation_failed, ip_error, rate_limited, upstream_error,
 *   auth_missing, key_missing, a format code for a key accepted before): no
 *   verdict. Active turns to grace until last_success + grace_days; grace turns to lapsed once
 *   that time has come; lapsed and invalid stay. The next check retries after 1 h, then 4 h, then
 *   at the next daily slot (at most three tries a day); after rate_limited, not before 24 h.
 * - an activation stores a new key only when it is valid; any other answer leaves the record
 *   exactly as it was.
 */
final class Transition {

	const DAY = 86400;

	/**
	 * Delay before the check that confirms a first not-valid answer.
	 */
	const CONFIRM_AFTER = 3600;

	/**
	 * Delays of the retries after failed checks; the try after them waits for the daily slot.
	 */
	const RETRY_DELAYS = array( 3600, 14400 );

	/**
	 * Shortest time between a check and the next automatic one at the daily slot.
	 */
	const MIN_GAP = 3600;

	/**
	 * After an activation attempt with a new (or the same) key.
	 *
	 * @param Record               $current  Stored record.
	 * @param string               $key      The trimmed key that was sent.
	 * @param Answer               $answer   BatchKeys' answer.
	 * @param int                  $now      Unix timestamp.
	 * @param array<string, mixed> $settings grace_days, slot.
	 * @return Record
	 */
	public static function activation( Record $current, $key, Answer $answer, $now, array $settings ) {
		if ( 'valid' !== $answer->code ) {
			return clone $current;
		}
		$record               = new Record();
		$record->key          = (string) $key;
		$record->state        = 'active';
		$record->code         = 'valid';
		$record->last_checked = $now;
		$record->last_success = $now;
		$record->activated_at = $now;
		$record->next_check   = self::next_slot( $now, self::slot( $settings ) );
		$record->fingerprint  = self::fingerprint( $settings, $now );
		return $record;
	}

	/**
	 * After a check of the stored key (a person's "check now" or the daily recheck).
	 *
	 * @param Record               $current  Stored record.
	 * @param Answer               $answer   BatchKeys' answer (or a code made without a call).
	 * @param int                  $now      Unix timestamp.
	 * @param array<string, mixed> $settings grace_days, slot.
	 * @return Record
	 */
	public static function check( Record $current, Answer $answer, $now, array $settings ) {
		$record = clone $current;
		if ( ! $record->has_key() || $answer->made_no_call() ) {
			return $record;
		}
		$slot                 = self::slot( $settings );
		$record->code         = $answer->code;
		$record->detail       = $answer->detail;
		$record->last_checked = $now;

		if ( 'valid' === $answer->code ) {
			$record->state        = 'active';
			$record->last_success = $now;
			$record->grace_until  = null;
			$record->strikes      = 0;
			$record->strike_at    = null;
			$record->failures     = 0;
			$record->next_check   = self::next_slot( $now, $slot );
			if ( null === $record->fingerprint ) {
				// A record from before fingerprints: the domain just answered valid was the current one.
				$record->fingerprint = self::fingerprint( $settings, $now );
			}
			return $record;
		}

		if ( 'invalid' === $answer->code ) {
			$record->failures = 0;
			if ( in_array( $record->state, array( 'active', 'grace', 'lapsed' ), true ) ) {
				if ( $record->strikes < 1 || null === $record->strike_at ) {
					$record->strikes    = 1;
					$record->strike_at  = $now;
					$record->next_check = $now + self::CONFIRM_AFTER;
				} elseif ( $now - $record->strike_at >= self::CONFIRM_AFTER ) {
					return self::make_invalid( $record, $now, $slot );
				} else {
					$record->next_check = $record->strike_at + self::CONFIRM_AFTER;
				}
				$record->state = $record->effective_state( $now );
				return $record;
			}
			return self::make_invalid( $record, $now, $slot );
		}

		// No verdict: only the grace clock moves the state.
		++$record->failures;
		if ( 'active' === $record->state ) {
			$since               = null === $record->last_success ? $now : $record->last_success;
			$record->state       = 'grace';
			$record->grace_until = $since + self::DAY * self::grace_days( $settings );
		}
		$record->state      = $record->effective_state( $now );
		$record->next_check = 'rate_limited' === $answer->code
			? max( $now + self::DAY, self::retry_at( $record->failures, $now, $slot ) )
			: self::retry_at( $record->failures, $now, $slot );
		return $record;
	}

	/**
	 * After the key was removed: nothing stored but the code `deactivated`.
	 *
	 * @param Record $current Stored record.
	 * @return Record
	 */
	public static function deactivation( Record $current ) {
		$record = new Record();
		if ( $current->has_key() || 'none' !== $current->code ) {
			$record->code = 'deactivated';
		}
		return $record;
	}

	/**
	 * The record as of $now without any answer: a grace period that has run out is lapsed.
	 *
	 * @param Record $current Stored record.
	 * @param int    $now     Unix timestamp.
	 * @return Record
	 */
	public static function tick( Record $current, $now ) {
		$record        = clone $current;
		$record->state = $record->effective_state( $now );
		return $record;
	}

	/**
	 * The first daily slot at least MIN_GAP after $now.
	 *
	 * @param int $now  Unix timestamp.
	 * @param int $slot Second of the day (0-86399, UTC).
	 * @return int
	 */
	public static function next_slot( $now, $slot ) {
		$slot = ( (int) $slot % self::DAY + self::DAY ) % self::DAY;
		$time = $now - ( ( $now % self::DAY + self::DAY ) % self::DAY ) + $slot;
		while ( $time < $now + self::MIN_GAP ) {
			$time += self::DAY;
		}
		return $time;
	}

	/**
	 * When to try again after the $failures-th check in a row without a verdict: 1 h after the
	 * first, 4 h after the second, the next daily slot after the third; then again.
	 *
	 * @param int $failures Failures in a row (1 or more).
	 * @param int $now      Unix timestamp.
	 * @param int $slot     Second of the day.
	 * @return int
	 */
	public static function retry_at( $failures, $now, $slot ) {
		$step = ( max( 1, (int) $failures ) - 1 ) % ( count( self::RETRY_DELAYS ) + 1 );
		if ( isset( self::RETRY_DELAYS[ $step ] ) ) {
			return $now + self::RETRY_DELAYS[ $step ];
		}
		return self::next_slot( $now, $slot );
	}

	/**
	 * Marks a record invalid.
	 *
	 * @param Record $record Record (modified).
	 * @param int    $now    Unix timestamp.
	 * @param int    $slot   Second of the day.
	 * @return Record
	 */
	private static function make_invalid( Record $record, $now, $slot ) {
		$record->state       = 'invalid';
		$record->strikes     = max( 2, $record->strikes );
		$record->grace_until = null;
		$record->next_check  = self::next_slot( $now, $slot );
		return $record;
	}

	/**
	 * A fingerprint of the site in the settings.
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @param int                  $now      Unix timestamp.
	 * @return Fingerprint|null
	 */
	private static function fingerprint( array $settings, $now ) {
		if ( ! isset( $settings['site'] ) || ! is_array( $settings['site'] ) ) {
			return null;
		}
		$install_id = isset( $settings['install_id'] ) ? (string) $settings['install_id'] : '';
		$print      = Fingerprint::of( $settings['site'], $install_id, $now );
		return '' === $print->domain ? null : $print;
	}

	/**
	 * The daily slot from the settings.
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return int
	 */
	private static function slot( array $settings ) {
		return isset( $settings['slot'] ) ? (int) $settings['slot'] : 0;
	}

	/**
	 * Grace days from the settings (default 7).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return int
	 */
	private static function grace_days( array $settings ) {
		return isset( $settings['grace_days'] ) ? max( 0, (int) $settings['grace_days'] ) : 7;
	}
}
