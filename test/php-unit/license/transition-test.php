<?php
/**
 * Transition: docs/license-states.md as a pure function of (record, answer, now, settings), one test
 * per transition.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Unit\License;

use BatchKeys\Kit\Api\Answer;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\License\Transition;
use PHPUnit\Framework\TestCase;

/** The license state machine. */
final class Transition_Test extends TestCase {

	const KEY  = 'DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC';
	const HOUR = 3600;
	const DAY  = 86400;

	/** 2026-11-27 10:00:00 UTC. */
	const NOW = 1795773600;

	/** The daily slot used here: 03:00 UTC. */
	const SLOT = 10800;

	/**
	 * Settings: 7 grace days, the slot above.
	 *
	 * @param int $grace_days Grace days.
	 * @return array
	 */
	private static function settings( $grace_days = 7 ) {
		return array(
			'grace_days' => $grace_days,
			'slot'       => self::SLOT,
		);
	}

	/**
	 * A record with a key in a state.
	 *
	 * @param string $state  State.
	 * @param array  $fields More fields.
	 * @return Record
	 */
	private static function record( $state, array $fields = array() ) {
		return Record::from_array(
			$fields + array(
				'key'          => self::KEY,
				'state'        => $state,
				'code'         => 'active' === $state ? 'valid' : 'connection',
				'last_checked' => self::NOW - self::DAY,
				'last_success' => self::NOW - self::DAY,
				'next_check'   => self::NOW,
				'activated_at' => self::NOW - 30 * self::DAY,
			)
		);
	}

	/**
	 * A check of a record.
	 *
	 * @param Record $record Record.
	 * @param string $code   Answer code.
	 * @param int    $now    Time.
	 * @param int    $grace  Grace days.
	 * @return Record
	 */
	private static function check( Record $record, $code, $now = self::NOW, $grace = 7 ) {
		return Transition::check( $record, new Answer( $code ), $now, self::settings( $grace ) );
	}

	/** The site's next daily slot after NOW (tomorrow 03:00). */
	private static function next_slot() {
		return Transition::next_slot( self::NOW, self::SLOT );
	}

	// ------------------------------------------------------------------ activation

	/** From inactive, valid: active. */
	public function test_activation_valid_from_inactive_is_active() {
		$record = Transition::activation( new Record(), self::KEY, new Answer( 'valid' ), self::NOW, self::settings() );
		$this->assertSame( 'active', $record->state );
		$this->assertSame( self::KEY, $record->key );
		$this->assertSame( 'valid', $record->code );
		$this->assertSame( self::NOW, $record->last_checked );
		$this->assertSame( self::NOW, $record->last_success );
		$this->assertSame( self::NOW, $record->activated_at );
		$this->assertSame( self::NOW - self::NOW % self::DAY + self::DAY + self::SLOT, $record->next_check );
		$this->assertNull( $record->grace_until );
		$this->assertTrue( $record->features_enabled( self::NOW ) );
	}

	/** From invalid (old key), valid new key: active with the new key and fresh counters. */
	public function test_activation_valid_replaces_the_old_record() {
		$old    = self::record(
			'invalid',
			array(
				'key'     => 'OLDKEY1-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA',
				'strikes' => 2,
			)
		);
		$record = Transition::activation( $old, self::KEY, new Answer( 'valid' ), self::NOW, self::settings() );
		$this->assertSame( 'active', $record->state );
		$this->assertSame( self::KEY, $record->key );
		$this->assertSame( 0, $record->strikes );
		$this->assertSame( 0, $record->failures );
	}

	/** Any other answer to an activation leaves the stored record exactly as it was. */
	public function test_activation_without_valid_leaves_the_record_untouched() {
		$codes = array( 'invalid', 'key_length', 'key_characters', 'key_pattern', 'activation_failed', 'ip_error', 'rate_limited', 'auth_missing', 'key_missing', 'upstream_error', 'connection', 'not_configured' );
		foreach ( array( new Record(), self::record( 'active' ), self::record( 'grace', array( 'grace_until' => self::NOW + self::DAY ) ), self::record( 'invalid' ) ) as $before ) {
			foreach ( $codes as $code ) {
				$after = Transition::activation( $before, 'NEWKEY1-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA', new Answer( $code, 'x' ), self::NOW, self::settings() );
				$this->assertTrue( $before->equals( $after ), "$code on {$before->state}" );
				$this->assertNotSame( $before, $after );
			}
		}
	}

	// ------------------------------------------------------------------ valid on a check

	/** From active, valid: active, dates moved on. */
	public function test_check_valid_keeps_active() {
		$record = self::check( self::record( 'active' ), 'valid' );
		$this->assertSame( 'active', $record->state );
		$this->assertSame( self::NOW, $record->last_success );
		$this->assertSame( self::NOW, $record->last_checked );
		$this->assertSame( self::next_slot(), $record->next_check );
	}

	/** From grace, valid: active: the grace clock and the failures are cleared. */
	public function test_check_valid_ends_grace() {
		$record = self::check(
			self::record(
				'grace',
				array(
					'grace_until' => self::NOW + self::DAY,
					'failures'    => 2,
				)
			),
			'valid'
		);
		$this->assertSame( 'active', $record->state );
		$this->assertNull( $record->grace_until );
		$this->assertSame( 0, $record->failures );
	}

	/** From lapsed, valid: active (recovery). */
	public function test_check_valid_recovers_a_lapsed_key() {
		$record = self::check( self::record( 'lapsed', array( 'grace_until' => self::NOW - self::DAY ) ), 'valid' );
		$this->assertSame( 'active', $record->state );
		$this->assertTrue( $record->features_enabled( self::NOW ) );
	}

	/** From invalid, valid: active (the vendor fixed the plan, the key is good again). */
	public function test_check_valid_recovers_an_invalid_key() {
		$record = self::check(
			self::record(
				'invalid',
				array(
					'strikes'   => 2,
					'strike_at' => self::NOW - self::DAY,
				)
			),
			'valid'
		);
		$this->assertSame( 'active', $record->state );
		$this->assertSame( 0, $record->strikes );
		$this->assertNull( $record->strike_at );
	}

	// ------------------------------------------------------------------ not valid: two strikes

	/** From active, first not-valid: still active, one strike, a confirming check in an hour. */
	public function test_first_not_valid_on_an_active_key_is_a_strike() {
		$record = self::check( self::record( 'active' ), 'invalid' );
		$this->assertSame( 'active', $record->state );
		$this->assertSame( 'invalid', $record->code );
		$this->assertSame( 1, $record->strikes );
		$this->assertSame( self::NOW, $record->strike_at );
		$this->assertSame( self::NOW + self::HOUR, $record->next_check );
		$this->assertTrue( $record->features_enabled( self::NOW ) );
	}

	/** A second not-valid within the hour is not the second strike. */
	public function test_second_not_valid_within_the_hour_keeps_active() {
		$first  = self::check( self::record( 'active' ), 'invalid' );
		$record = self::check( $first, 'invalid', self::NOW + self::HOUR - 1 );
		$this->assertSame( 'active', $record->state );
		$this->assertSame( 1, $record->strikes );
		$this->assertSame( self::NOW, $record->strike_at );
		$this->assertSame( self::NOW + self::HOUR, $record->next_check );
	}

	/** From active, second not-valid, an hour or more after the first: invalid. */
	public function test_second_not_valid_an_hour_later_is_invalid() {
		$first  = self::check( self::record( 'active' ), 'invalid' );
		$record = self::check( $first, 'invalid', self::NOW + self::HOUR );
		$this->assertSame( 'invalid', $record->state );
		$this->assertSame( 2, $record->strikes );
		$this->assertFalse( $record->features_enabled( self::NOW + self::HOUR ) );
		$this->assertSame( Transition::next_slot( self::NOW + self::HOUR, self::SLOT ), $record->next_check );
	}

	/** A valid answer between two not-valid ones clears the strike. */
	public function test_valid_between_strikes_clears_them() {
		$record = self::check( self::record( 'active' ), 'invalid' );
		$record = self::check( $record, 'valid', self::NOW + self::HOUR );
		$record = self::check( $record, 'invalid', self::NOW + 2 * self::HOUR );
		$this->assertSame( 'active', $record->state );
		$this->assertSame( 1, $record->strikes );
		$this->assertSame( self::NOW + 2 * self::HOUR, $record->strike_at );
	}

	/** An answer without a verdict neither counts as nor clears a strike. */
	public function test_no_verdict_between_strikes_keeps_the_strike() {
		$record = self::check( self::record( 'active' ), 'invalid' );
		$record = self::check( $record, 'connection', self::NOW + self::HOUR );
		$this->assertSame( 'grace', $record->state );
		$this->assertSame( 1, $record->strikes );
		$record = self::check( $record, 'invalid', self::NOW + 2 * self::HOUR );
		$this->assertSame( 'invalid', $record->state );
	}

	/** From grace, first not-valid: still grace, one strike. */
	public function test_first_not_valid_in_grace_keeps_grace() {
		$record = self::check( self::record( 'grace', array( 'grace_until' => self::NOW + self::DAY ) ), 'invalid' );
		$this->assertSame( 'grace', $record->state );
		$this->assertSame( 1, $record->strikes );
	}

	/** From lapsed, two not-valid an hour apart: invalid. */
	public function test_lapsed_key_becomes_invalid_after_two_strikes() {
		$record = self::check( self::record( 'lapsed', array( 'grace_until' => self::NOW - self::DAY ) ), 'invalid' );
		$this->assertSame( 'lapsed', $record->state );
		$record = self::check( $record, 'invalid', self::NOW + self::HOUR );
		$this->assertSame( 'invalid', $record->state );
	}

	/** From invalid, not valid: invalid, rechecked at the next daily slot. */
	public function test_not_valid_keeps_an_invalid_key_invalid() {
		$record = self::check( self::record( 'invalid' ), 'invalid' );
		$this->assertSame( 'invalid', $record->state );
		$this->assertSame( self::next_slot(), $record->next_check );
		$this->assertSame( 0, $record->failures );
	}

	// ------------------------------------------------------------------ no verdict: the grace clock

	/**
	 * The codes that are not a verdict on a recheck.
	 *
	 * @return array
	 */
	public function no_verdict_codes() {
		$codes = array( 'connection', 'activation_failed', 'ip_error', 'rate_limited', 'upstream_error', 'auth_missing', 'key_missing', 'key_length', 'key_characters', 'key_pattern' );
		$rows  = array();
		foreach ( $codes as $code ) {
			$rows[ $code ] = array( $code );
		}
		return $rows;
	}

	/**
	 * From active, any code without a verdict: grace until last_success + grace_days; features on.
	 *
	 * @dataProvider no_verdict_codes
	 * @param string $code Code.
	 */
	public function test_no_verdict_turns_active_into_grace( $code ) {
		$before = self::record( 'active' );
		$record = self::check( $before, $code );
		$this->assertSame( 'grace', $record->state );
		$this->assertSame( $code, $record->code );
		$this->assertSame( $before->last_success + 7 * self::DAY, $record->grace_until );
		$this->assertSame( $before->last_success, $record->last_success );
		$this->assertSame( self::KEY, $record->key );
		$this->assertTrue( $record->features_enabled( self::NOW ) );
	}

	/** From grace, no verdict, before grace_until: grace. */
	public function test_no_verdict_in_grace_before_the_deadline_stays_grace() {
		$record = self::check( self::record( 'grace', array( 'grace_until' => self::NOW + 1 ) ), 'connection' );
		$this->assertSame( 'grace', $record->state );
		$this->assertSame( self::NOW + 1, $record->grace_until );
	}

	/** From grace, no verdict, once now - last_success >= grace_days: lapsed; features off. */
	public function test_no_verdict_at_the_grace_deadline_lapses() {
		$active = self::record( 'active', array( 'last_success' => self::NOW ) );
		$grace  = self::check( $active, 'connection', self::NOW + self::HOUR );
		$this->assertSame( 'grace', $grace->state );
		$almost = self::check( $grace, 'connection', self::NOW + 7 * self::DAY - 1 );
		$this->assertSame( 'grace', $almost->state );
		$lapsed = self::check( $almost, 'connection', self::NOW + 7 * self::DAY );
		$this->assertSame( 'lapsed', $lapsed->state );
		$this->assertSame( self::NOW + 7 * self::DAY, $lapsed->grace_until );
		$this->assertFalse( $lapsed->features_enabled( self::NOW + 7 * self::DAY ) );
	}

	/** From active, no verdict, last success longer ago than grace_days: lapsed at once. */
	public function test_no_verdict_long_after_the_last_success_lapses_directly() {
		$record = self::check( self::record( 'active', array( 'last_success' => self::NOW - 8 * self::DAY ) ), 'connection' );
		$this->assertSame( 'lapsed', $record->state );
	}

	/** With grace_days 0, the first failure lapses. */
	public function test_zero_grace_days_lapse_at_the_first_failure() {
		$record = self::check( self::record( 'active', array( 'last_success' => self::NOW - 60 ) ), 'connection', self::NOW, 0 );
		$this->assertSame( 'lapsed', $record->state );
	}

	/** Lapsed and invalid stay what they are without a verdict. */
	public function test_no_verdict_keeps_lapsed_and_invalid() {
		$this->assertSame( 'lapsed', self::check( self::record( 'lapsed', array( 'grace_until' => self::NOW - 1 ) ), 'upstream_error' )->state );
		$this->assertSame( 'invalid', self::check( self::record( 'invalid' ), 'connection' )->state );
	}

	/** The grace clock also runs without any check (what views and batchkeys_is_active() see). */
	public function test_grace_runs_out_without_a_check() {
		$grace = self::record( 'grace', array( 'grace_until' => self::NOW + self::DAY ) );
		$this->assertSame( 'grace', Transition::tick( $grace, self::NOW )->state );
		$this->assertTrue( $grace->features_enabled( self::NOW + self::DAY - 1 ) );
		$this->assertSame( 'lapsed', Transition::tick( $grace, self::NOW + self::DAY )->state );
		$this->assertFalse( $grace->features_enabled( self::NOW + self::DAY ) );
	}

	// ------------------------------------------------------------------ schedule

	/** Retries after failures: 1 h, 4 h, the next daily slot, then again. */
	public function test_retry_schedule_after_failures() {
		$record = self::record( 'active' );
		$now    = self::NOW;
		$record = self::check( $record, 'connection', $now );
		$this->assertSame( $now + self::HOUR, $record->next_check );
		$now    = $record->next_check;
		$record = self::check( $record, 'connection', $now );
		$this->assertSame( $now + 4 * self::HOUR, $record->next_check );
		$now    = $record->next_check;
		$record = self::check( $record, 'connection', $now );
		$this->assertSame( Transition::next_slot( $now, self::SLOT ), $record->next_check );
		$this->assertSame( 3, $record->failures );
		$now    = $record->next_check;
		$record = self::check( $record, 'connection', $now );
		$this->assertSame( $now + self::HOUR, $record->next_check );
	}

	/** After rate_limited, the next check is at least a day later. */
	public function test_rate_limited_waits_a_day() {
		$record = self::check( self::record( 'active' ), 'rate_limited' );
		$this->assertGreaterThanOrEqual( self::NOW + self::DAY, $record->next_check );
	}

	/** The daily slot: the first one at least an hour away. */
	public function test_next_slot() {
		$midnight = self::NOW - self::NOW % self::DAY;
		$this->assertSame( $midnight + self::DAY + self::SLOT, Transition::next_slot( self::NOW, self::SLOT ) );
		$this->assertSame( $midnight + self::SLOT, Transition::next_slot( $midnight, self::SLOT ) );
		$this->assertSame( $midnight + self::DAY + self::SLOT, Transition::next_slot( $midnight + self::SLOT - 60, self::SLOT ) );
		$this->assertSame( $midnight + 86399, Transition::next_slot( $midnight, 86399 ) );
	}

	// ------------------------------------------------------------------ removal and edge cases

	/** From any state, removed: inactive, code deactivated. */
	public function test_deactivation_clears_everything() {
		$record = Transition::deactivation( self::record( 'grace', array( 'grace_until' => self::NOW + 5 ) ) );
		$this->assertSame( 'inactive', $record->state );
		$this->assertNull( $record->key );
		$this->assertSame( 'deactivated', $record->code );
		$this->assertNull( $record->next_check );
		$this->assertSame( 'none', Transition::deactivation( new Record() )->code );
	}

	/** A check with no key stored changes nothing. */
	public function test_check_without_a_key_changes_nothing() {
		$record = new Record();
		$this->assertTrue( $record->equals( self::check( $record, 'valid' ) ) );
	}

	/** A damaged stored value reads as a safe record. */
	public function test_damaged_records_read_safely() {
		$this->assertSame( 'inactive', Record::from_array( 'garbage' )->state );
		$this->assertSame( 'inactive', Record::from_array( array( 'state' => 'active' ) )->state );
		$this->assertSame(
			'invalid',
			Record::from_array(
				array(
					'key'   => self::KEY,
					'state' => 'bogus',
				)
			)->state
		);
		$this->assertSame( 0, Record::from_array( array( 'strikes' => -5 ) )->strikes );
	}
}
