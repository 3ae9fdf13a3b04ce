<?php
/**
 * What Site Health and WP-CLI show about the schedule.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Lock;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Reads the event, the last run, the pause and the fallback window; writes nothing (the daily
 * slot is shown only once a key has made the site pick one).
 */
final class Status {

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * A status reader.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * The schedule as Site Health and WP-CLI show it.
	 *
	 * @return array{hook: string, next_run: int|null, overdue: int, wp_cron_disabled: bool, daily_slot: int|null, rate_limited_until: int|null, last_run: array{time: int, source: string, outcomes: array<string, string>}|null, fallback_until: int|null}
	 */
	public function read() {
		$now      = Clock::now();
		$store    = $this->kit->licenses()->store();
		$next     = wp_next_scheduled( Schedule::HOOK );
		$limited  = $store->rate_limited_until();
		$fallback = ( new Lock( Fallback::LOCK ) )->remaining( $now );
		$slot     = get_option( $store::DAILY_SLOT, null );
		return array(
			'hook'               => Schedule::HOOK,
			'next_run'           => false === $next ? null : (int) $next,
			'overdue'            => false === $next ? 0 : max( 0, $now - (int) $next ),
			'wp_cron_disabled'   => Fallback::wp_cron_disabled(),
			'daily_slot'         => is_numeric( $slot ) ? (int) $slot : null,
			'rate_limited_until' => $limited > $now ? $limited : null,
			'last_run'           => self::last_run(),
			'fallback_until'     => $fallback > 0 ? $now + $fallback : null,
		);
	}

	/**
	 * The last run's record, validated.
	 *
	 * @return array{time: int, source: string, outcomes: array<string, string>}|null
	 */
	private static function last_run() {
		$last = get_option( Runner::LAST_RUN, null );
		if ( ! is_array( $last ) || ! isset( $last['time'] ) || ! is_numeric( $last['time'] ) ) {
			return null;
		}
		$outcomes = array();
		if ( isset( $last['outcomes'] ) && is_array( $last['outcomes'] ) ) {
			foreach ( $last['outcomes'] as $slug => $code ) {
				$outcomes[ (string) $slug ] = (string) $code;
			}
		}
		return array(
			'time'     => (int) $last['time'],
			'source'   => isset( $last['source'] ) ? (string) $last['source'] : '',
			'outcomes' => $outcomes,
		);
	}
}
