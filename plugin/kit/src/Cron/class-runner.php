<?php
/**
 * One recheck run: the products that are due, each under its own lock.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\License_Service;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Rechecks only the products that are due, each under a lock row and after re-reading the record
 * inside it, so overlapping runs (cron, the fallback, WP-CLI) make one API call per product. The
 * only part of the cron code that calls BatchKeys (through License_Service::check()).
 */
final class Runner {

	/**
	 * Prefix of the lock row held around one product's recheck (batchkeys_cron_lock_<slug>).
	 */
	const LOCK_PREFIX = 'batchkeys_cron_lock_';

	/**
	 * Non-autoloaded option: time, source and outcomes of the last run.
	 */
	const LAST_RUN = 'batchkeys_cron_last_run';

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The event the run moves when it ends.
	 *
	 * @var Schedule
	 */
	private $schedule;

	/**
	 * Whether a run is in progress in this process (record writes then wait for its end).
	 *
	 * @var bool
	 */
	private $running = false;

	/**
	 * A runner.
	 *
	 * @param Kit      $kit      The kit.
	 * @param Schedule $schedule The event.
	 */
	public function __construct( Kit $kit, Schedule $schedule ) {
		$this->kit      = $kit;
		$this->schedule = $schedule;
	}

	/**
	 * Whether a run is in progress in this process.
	 *
	 * @return bool
	 */
	public function running() {
		return $this->running;
	}

	/**
	 * Rechecks every product that is due, then moves the event to the next due time.
	 *
	 * @param string $source What started the run: cron, fallback or cli.
	 * @return array<string, string> Slug => outcome, for each product that was due: the kit code
	 *                               of the check, or `locked` (another process is checking it).
	 */
	public function run( $source = 'cron' ) {
		if ( $this->running ) {
			return array();
		}
		$this->running = true;
		$outcomes      = array();
		try {
			foreach ( Schedule::products( $this->kit ) as $slug => $product ) {
				$outcome = $this->recheck_if_due( $product );
				if ( null !== $outcome ) {
					$outcomes[ $slug ] = $outcome;
				}
			}
		} finally {
			$this->running = false;
		}
		update_option(
			self::LAST_RUN,
			array(
				'time'     => Clock::now(),
				'source'   => (string) $source,
				'outcomes' => $outcomes,
			),
			false
		);
		$this->schedule->sync( true );

		/**
		 * Fires after a recheck run.
		 *
		 * @param array<string, string> $outcomes Slug => outcome, for each product that was due.
		 * @param string                $source   cron, fallback or cli.
		 */
		do_action( 'batchkeys_recheck_done', $outcomes, (string) $source );
		return $outcomes;
	}

	/**
	 * Rechecks one product when its next check is due.
	 *
	 * @param Product $product Product.
	 * @return string|null The outcome (see run()), or null when it was not due.
	 */
	private function recheck_if_due( Product $product ) {
		$store = $this->kit->licenses()->store();
		if ( ! Schedule::is_due( $store->get( $product->slug ), Clock::now() ) ) {
			return null;
		}
		$lock = $store->lock( self::LOCK_PREFIX, $product->slug );
		if ( ! $lock->acquire( License_Service::LOCK_TTL, Clock::now() ) ) {
			return 'locked';
		}
		try {
			// Another process may have checked it between our first look and the lock.
			if ( ! Schedule::is_due( $store->get( $product->slug, true ), Clock::now() ) ) {
				return null;
			}
			return $this->kit->licenses()->check( $product, 'scheduled' )->code;
		} finally {
			$lock->release();
		}
	}
}
