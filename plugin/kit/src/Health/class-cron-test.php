<?php
/**
 * Site Health: the test of the daily recheck.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Fallback;
use BatchKeys\Kit\Cron\Schedule;
use BatchKeys\Kit\Cron\Status;
use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One site-wide test: the daily recheck event is scheduled and runs (WP-Cron, DISABLE_WP_CRON).
 */
final class Cron_Test {

	/**
	 * How late the recheck event may run before the test says so.
	 */
	const LATE = 3600;

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The cron test.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Test: the daily recheck event runs (WP-Cron, DISABLE_WP_CRON).
	 *
	 * @return array<string, mixed>
	 */
	public function run() {
		$now       = Clock::now();
		$status    = ( new Status( $this->kit ) )->read();
		$disabled  = $status['wp_cron_disabled'];
		$paragraph = array();
		if ( null === $status['next_run'] && null === ( new Schedule( $this->kit ) )->next_run_time() ) {
			return Report::result(
				'batchkeys_cron',
				'good',
				__( 'No license check is needed yet', 'batchkeys' ),
				array( __( 'No license key is stored, so nothing is scheduled. The daily check starts with the first key.', 'batchkeys' ) ),
				null
			);
		}
		if ( null === $status['next_run'] ) {
			return Report::result(
				'batchkeys_cron',
				'recommended',
				__( 'The daily license check is not scheduled', 'batchkeys' ),
				array( __( 'It is scheduled again on the next administration page load. If this stays, another plugin may be removing scheduled events.', 'batchkeys' ) ),
				null
			);
		}
		if ( null !== $status['last_run'] ) {
			$paragraph[] = sprintf(
				/* translators: %s: date and time. */
				__( 'The last check ran on %s.', 'batchkeys' ),
				Report::when( $status['last_run']['time'] )
			);
		}
		if ( $disabled ) {
			$paragraph[] = __( 'WP-Cron does not run on page loads on this site (DISABLE_WP_CRON is set), so it relies on a server task that calls wp-cron.php.', 'batchkeys' );
		}
		if ( $status['overdue'] > self::LATE ) {
			$paragraph[] = sprintf(
				/* translators: 1: date and time, 2: number of hours. */
				__( 'The check was due on %1$s. Meanwhile, a due check runs after an administration page has loaded, at most once every %2$d hours.', 'batchkeys' ),
				Report::when( $status['next_run'] ),
				(int) ( Fallback::EVERY / HOUR_IN_SECONDS )
			);
			$paragraph[] = $disabled
				? __( 'Set up a server task (cron job) that calls wp-cron.php every few minutes, or remove DISABLE_WP_CRON from wp-config.php.', 'batchkeys' )
				: __( 'Scheduled events do not seem to run. Check that the site can reach itself (the Loopback request test), or set up a server task that calls wp-cron.php.', 'batchkeys' );
			return Report::result(
				'batchkeys_cron',
				'recommended',
				/* translators: %s: time span, such as "14 hours". */
				sprintf( __( 'The daily license check is %s late', 'batchkeys' ), human_time_diff( (int) $status['next_run'], $now ) ),
				$paragraph,
				null
			);
		}
		array_unshift(
			$paragraph,
			sprintf(
				/* translators: %s: date and time. */
				__( 'The next check is due on %s. Each license key is checked once a day, at a time picked at random for this site.', 'batchkeys' ),
				Report::when( $status['next_run'] )
			)
		);
		return Report::result( 'batchkeys_cron', 'good', __( 'The daily license check is scheduled', 'batchkeys' ), $paragraph, null );
	}
}
