<?php
/**
 * A product's stored license record.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Key, state, last answer, dates and strike counters of one product on this site.
 *
 * Stored as an array in the option batchkeys_license_<slug>. The keys `key`, `state` and
 * `grace_until` are also read by batchkeys_is_active() before the kit boots, so their meaning is
 * part of the kit's stable contract.
 */
final class Record {

	/**
	 * The states (docs/license-states.md).
	 */
	const STATES = array( 'inactive', 'active', 'grace', 'lapsed', 'invalid' );

	/**
	 * The customer's key (trimmed, case kept), or null when none is stored.
	 *
	 * @var string|null
	 */
	public $key = null;

	/**
	 * One of self::STATES.
	 *
	 * @var string
	 */
	public $state = 'inactive';

	/**
	 * Kit code of the last answer ('none' when nothing was asked yet).
	 *
	 * @var string
	 */
	public $code = 'none';

	/**
	 * Raw upstream ERROR text of the last answer (upstream_error only), or null.
	 *
	 * @var string|null
	 */
	public $detail = null;

	/**
	 * When the key was last checked (any outcome), or null.
	 *
	 * @var int|null
	 */
	public $last_checked = null;

	/**
	 * When BatchKeys last said valid, or null.
	 *
	 * @var int|null
	 */
	public $last_success = null;

	/**
	 * When the next automatic check is due, or null (no key).
	 *
	 * @var int|null
	 */
	public $next_check = null;

	/**
	 * Until when features stay on without an answer (grace and lapsed), or null.
	 *
	 * @var int|null
	 */
	public $grace_until = null;

	/**
	 * Not-valid answers in a row for a key that was active (the two-strike rule).
	 *
	 * @var int
	 */
	public $strikes = 0;

	/**
	 * When the first of those strikes came, or null.
	 *
	 * @var int|null
	 */
	public $strike_at = null;

	/**
	 * Checks in a row without a verdict (the retry schedule).
	 *
	 * @var int
	 */
	public $failures = 0;

	/**
	 * When the stored key was activated, or null.
	 *
	 * @var int|null
	 */
	public $activated_at = null;

	/**
	 * Where the key was activated (null for records stored before fingerprints existed, until
	 * their next valid answer).
	 *
	 * @var Fingerprint|null
	 */
	public $fingerprint = null;

	/**
	 * An address change seen and not yet settled by a person, or null: `domain` (the address seen),
	 * `reason` (`domain` or `blog`, see Fingerprint::difference()), `seen_at` (when it was first
	 * seen), `resolution` (null while unanswered; `staging` once a person said "a copy for
	 * testing").
	 *
	 * @var array{domain: string, reason: string, seen_at: int, resolution: string|null}|null
	 */
	public $address = null;

	/**
	 * A record from its stored array; anything missing or wrong takes its default.
	 *
	 * @param mixed $data Stored value.
	 * @return self
	 */
	public static function from_array( $data ) {
		$record = new self();
		if ( ! is_array( $data ) ) {
			return $record;
		}
		if ( isset( $data['key'] ) && is_string( $data['key'] ) && '' !== $data['key'] ) {
			$record->key = $data['key'];
		}
		if ( isset( $data['state'] ) && in_array( $data['state'], self::STATES, true ) ) {
			$record->state = $data['state'];
		}
		if ( null === $record->key ) {
			$record->state = 'inactive';
		} elseif ( 'inactive' === $record->state ) {
			$record->state = 'invalid';
		}
		if ( isset( $data['code'] ) && is_string( $data['code'] ) && '' !== $data['code'] ) {
			$record->code = $data['code'];
		}
		if ( isset( $data['detail'] ) && is_string( $data['detail'] ) ) {
			$record->detail = $data['detail'];
		}
		foreach ( array( 'last_checked', 'last_success', 'next_check', 'grace_until', 'strike_at', 'activated_at' ) as $field ) {
			if ( isset( $data[ $field ] ) && is_numeric( $data[ $field ] ) ) {
				$record->$field = (int) $data[ $field ];
			}
		}
		foreach ( array( 'strikes', 'failures' ) as $field ) {
			if ( isset( $data[ $field ] ) && is_numeric( $data[ $field ] ) ) {
				$record->$field = max( 0, (int) $data[ $field ] );
			}
		}
		if ( null !== $record->key && isset( $data['fingerprint'] ) ) {
			$record->fingerprint = Fingerprint::from_array( $data['fingerprint'] );
		}
		if ( null !== $record->fingerprint && isset( $data['address'] ) ) {
			$record->address = self::address_from( $data['address'] );
		}
		return $record;
	}

	/**
	 * The stored form.
	 *
	 * @return array<string, int|string|array<string, int|string|null>|null>
	 */
	public function to_array() {
		return array(
			'key'          => $this->key,
			'state'        => $this->state,
			'code'         => $this->code,
			'detail'       => $this->detail,
			'last_checked' => $this->last_checked,
			'last_success' => $this->last_success,
			'next_check'   => $this->next_check,
			'grace_until'  => $this->grace_until,
			'strikes'      => $this->strikes,
			'strike_at'    => $this->strike_at,
			'failures'     => $this->failures,
			'activated_at' => $this->activated_at,
			'fingerprint'  => null === $this->fingerprint ? null : $this->fingerprint->to_array(),
			'address'      => $this->address,
		);
	}

	/**
	 * A stored address change, checked; null when unusable.
	 *
	 * @param mixed $data Stored value.
	 * @return array{domain: string, reason: string, seen_at: int, resolution: string|null}|null
	 */
	private static function address_from( $data ) {
		if ( ! is_array( $data ) || ! isset( $data['domain'], $data['seen_at'] ) || ! is_string( $data['domain'] ) || ! is_numeric( $data['seen_at'] ) ) {
			return null;
		}
		return array(
			'domain'     => $data['domain'],
			'reason'     => ( isset( $data['reason'] ) && 'blog' === $data['reason'] ) ? 'blog' : 'domain',
			'seen_at'    => (int) $data['seen_at'],
			'resolution' => ( isset( $data['resolution'] ) && 'staging' === $data['resolution'] ) ? 'staging' : null,
		);
	}

	/**
	 * The domain every call about this key sends: the one it was activated for; for a record
	 * stored before fingerprints existed, the site's current one.
	 *
	 * @param string $current The site's current domain.
	 * @return string
	 */
	public function call_domain( $current ) {
		return null === $this->fingerprint ? (string) $current : $this->fingerprint->domain;
	}

	/**
	 * Whether a key is stored.
	 *
	 * @return bool
	 */
	public function has_key() {
		return null !== $this->key;
	}

	/**
	 * The state as of $now: a grace period that has run out reads as lapsed even before the next
	 * check stores it (the grace clock).
	 *
	 * @param int $now Unix timestamp.
	 * @return string
	 */
	public function effective_state( $now ) {
		if ( 'grace' === $this->state && ( null === $this->grace_until || $now >= $this->grace_until ) ) {
			return 'lapsed';
		}
		return $this->state;
	}

	/**
	 * Whether the product's features may run as of $now (active, or grace not yet run out).
	 *
	 * @param int $now Unix timestamp.
	 * @return bool
	 */
	public function features_enabled( $now ) {
		return in_array( $this->effective_state( $now ), array( 'active', 'grace' ), true );
	}

	/**
	 * Copies keep their own fingerprint.
	 */
	public function __clone() {
		if ( null !== $this->fingerprint ) {
			$this->fingerprint = clone $this->fingerprint;
		}
	}

	/**
	 * Whether another record holds the same data.
	 *
	 * @param Record $other Other record.
	 * @return bool
	 */
	public function equals( Record $other ) {
		return $this->to_array() === $other->to_array();
	}
}
