<?php
/**
 * What an address change does to a record, as pure functions.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * (record, site facts, now, days) -> new record. No I/O.
 *
 * When the site reading a record is not where its key was activated (another domain, `www.`
 * aside, or another blog), the record notes the change once (`address`) and:
 * - an `active` record turns to `grace` until seen + the product's address_grace_days (a record
 *   already in grace keeps the earlier of the two dates), so batchkeys_is_active() of any kit
 *   version, which reads only key, state and grace_until, stops the features at the same date;
 * - its code becomes `address_changed`, its next look one day later (the daily run re-reads it
 *   and calls nothing).
 * Back at the activation address, the note goes and the next check is due at once.
 */
final class Address_Change {

	const DAY = 86400;

	/**
	 * The record as seen from a site.
	 *
	 * @param Record               $current Stored record.
	 * @param array<string, mixed> $facts   Site\Address::facts() of the site reading it.
	 * @param int                  $now     Unix timestamp.
	 * @param int                  $days    Days features stay on.
	 * @return Record
	 */
	public static function seen( Record $current, array $facts, $now, $days ) {
		$record = clone $current;
		if ( ! $record->has_key() || null === $record->fingerprint ) {
			return $record;
		}
		$reason = $record->fingerprint->difference( $facts );
		$domain = isset( $facts['domain'] ) ? (string) $facts['domain'] : '';
		if ( '' === $reason ) {
			if ( null !== $record->address ) {
				$record->address    = null;
				$record->next_check = $now;
			}
			return $record;
		}
		if ( null !== $record->address && $record->address['domain'] === $domain && $record->address['reason'] === $reason ) {
			return $record;
		}
		$record->address = array(
			'domain'     => $domain,
			'reason'     => $reason,
			'seen_at'    => (int) $now,
			'resolution' => null,
		);
		$until           = (int) $now + self::DAY * max( 0, (int) $days );
		if ( 'active' === $record->state ) {
			$record->state       = 'grace';
			$record->grace_until = $until;
		} elseif ( 'grace' === $record->state ) {
			$record->grace_until = null === $record->grace_until ? $until : min( $record->grace_until, $until );
		}
		$record->state      = $record->effective_state( $now );
		$record->code       = 'address_changed';
		$record->detail     = null;
		$record->next_check = (int) $now + self::DAY;
		return $record;
	}

	/**
	 * Whether calls about this record must wait for a person (an address change not settled).
	 *
	 * @param Record $record Record.
	 * @return bool
	 */
	public static function pending( Record $record ) {
		return $record->has_key() && null !== $record->address;
	}

	/**
	 * A person said "a copy for testing": nothing is ever sent from here, the date stays.
	 *
	 * @param Record $current Stored record.
	 * @return Record
	 */
	public static function keep_as_copy( Record $current ) {
		$record = clone $current;
		if ( null !== $record->address ) {
			$record->address['resolution'] = 'staging';
		}
		return $record;
	}

	/**
	 * The daily run found the change still unsettled: look again in a day, call nothing.
	 *
	 * @param Record $current Stored record.
	 * @param int    $now     Unix timestamp.
	 * @return Record
	 */
	public static function postpone( Record $current, $now ) {
		$record             = Transition::tick( $current, $now );
		$record->next_check = (int) $now + self::DAY;
		return $record;
	}
}
