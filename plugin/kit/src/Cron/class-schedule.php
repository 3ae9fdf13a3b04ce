<?php
/**
 * The one recheck event: when it runs, and keeping it there.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cron;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\License\Store;
use BatchKeys\Kit\License\Transition;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Keeps exactly one single event, `batchkeys_recheck`, at the earliest time a stored key is due,
 * and none at all while no product has a key (no cron row, no daily-slot row: a site that never
 * enters a key pays nothing). Each record carries its own `next_check`, decided by Transition;
 * the event is never set before the site-wide rate-limit pause ends.
 */
final class Schedule {

	/**
	 * The cron hook (one event per site).
	 */
	const HOOK = Scheduler::HOOK;

	/**
	 * After a run that left a product due (its lock was held by another process), the earliest
	 * next run: no tight loop of cron requests.
	 */
	const RUN_AGAIN_AFTER = 60;

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * A schedule.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Whether a record's automatic check is due.
	 *
	 * @param Record $record Record.
	 * @param int    $now    Unix timestamp.
	 * @return bool
	 */
	public static function is_due( Record $record, $now ) {
		return $record->has_key() && ( null === $record->next_check || $record->next_check <= $now );
	}

	/**
	 * The products whose checks run on this site: all of them, except that a network license is
	 * checked from the network's main site only (one check a day for the whole network).
	 *
	 * @param Kit $kit The kit.
	 * @return array<string, Product>
	 */
	public static function products( Kit $kit ) {
		$products = array();
		foreach ( $kit->registry()->all() as $slug => $product ) {
			if ( ! $product->is_network_scope() || is_main_site() ) {
				$products[ $slug ] = $product;
			}
		}
		return $products;
	}

	/**
	 * Removes the event from the sites of the network's index of licensed sites (no other site
	 * has one), switching to those sites only.
	 *
	 * @return void
	 */
	public static function unschedule_licensed_sites() {
		$sites = array();
		foreach ( Store::sites_index() as $ids ) {
			$sites = array_merge( $sites, $ids );
		}
		foreach ( array_unique( $sites ) as $blog_id ) {
			if ( get_current_blog_id() === (int) $blog_id || ! get_site( (int) $blog_id ) ) {
				continue;
			}
			switch_to_blog( (int) $blog_id );
			self::unschedule();
			restore_current_blog();
		}
	}

	/**
	 * Brings the event of each site whose per-site keys include a leaving product's (the
	 * network's index names them) up to date without those products, switching to those sites
	 * only: a site whose only key was theirs keeps no event.
	 *
	 * @param array<int, string> $leaving Slugs of the products going away.
	 * @return void
	 */
	public function sync_sites( array $leaving ) {
		$index = Store::sites_index();
		$sites = array();
		foreach ( $leaving as $slug ) {
			$sites = array_merge( $sites, isset( $index[ $slug ] ) ? $index[ $slug ] : array() );
		}
		foreach ( array_unique( $sites ) as $blog_id ) {
			if ( get_current_blog_id() === (int) $blog_id || ! get_site( (int) $blog_id ) ) {
				continue;
			}
			switch_to_blog( (int) $blog_id );
			$this->sync( false, $leaving );
			restore_current_blog();
		}
	}

	/**
	 * When the event should run next: the earliest next check of the products with a key, not
	 * before the rate-limit pause ends; null when no product has a key.
	 *
	 * @param bool     $after_run Whether a run just ended (then not sooner than RUN_AGAIN_AFTER).
	 * @param string[] $without   Slugs to leave out (their plugin is being deactivated).
	 * @return int|null Unix timestamp (may be in the past: due now).
	 */
	public function next_run_time( $after_run = false, array $without = array() ) {
		$now      = Clock::now();
		$store    = $this->kit->licenses()->store();
		$earliest = null;
		foreach ( self::products( $this->kit ) as $product ) {
			$record = in_array( $product->slug, $without, true ) ? null : $store->get( $product->slug );
			if ( null === $record || ! $record->has_key() ) {
				continue;
			}
			$due = null === $record->next_check ? $now : $record->next_check;
			if ( ! $product->is_configured() ) {
				// Without the secret in this process a due check makes no call and changes
				// nothing: it waits for the daily slot instead of bringing the event back every
				// minute.
				$due = max( $due, $this->first_slot( $now ) );
			}
			$earliest = null === $earliest ? $due : min( $earliest, $due );
		}
		if ( null === $earliest ) {
			return null;
		}
		$earliest = max( $earliest, $store->rate_limited_until() );
		if ( $after_run ) {
			$earliest = max( $earliest, $now + self::RUN_AGAIN_AFTER );
		}
		return (int) $earliest;
	}

	/**
	 * The site's first daily slot after $now (at least an hour away), as Transition computes it
	 * for a newly activated key.
	 *
	 * @param int      $now  Unix timestamp.
	 * @param int|null $slot Second of the day; default: the site's (batchkeys_daily_slot).
	 * @return int
	 */
	public function first_slot( $now, $slot = null ) {
		return Transition::next_slot( $now, null === $slot ? $this->kit->licenses()->store()->daily_slot() : (int) $slot );
	}

	/**
	 * Moves the event to next_run_time(), or removes it when no product has a key. Writes the
	 * cron array only when the time changes.
	 *
	 * @param bool     $after_run Whether a run just ended.
	 * @param string[] $without   Slugs to leave out (see next_run_time()).
	 * @return int|false The event's time, or false when there is none.
	 */
	public function sync( $after_run = false, array $without = array() ) {
		$target  = $this->next_run_time( (bool) $after_run, $without );
		$current = wp_next_scheduled( self::HOOK );
		if ( null === $target ) {
			if ( false !== $current ) {
				self::unschedule();
			}
			return false;
		}
		if ( $current === $target ) {
			return $target;
		}
		if ( false !== $current ) {
			self::unschedule();
		}
		return true === wp_schedule_single_event( $target, self::HOOK ) ? $target : false;
	}

	/**
	 * Re-creates the event when it went missing (one lookup in the autoloaded cron array; the
	 * records are read only then).
	 *
	 * @return void
	 */
	public function ensure() {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			$this->sync();
		}
	}

	/**
	 * Removes the event (deactivation, uninstall, the last key removed).
	 *
	 * @return void
	 */
	public static function unschedule() {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
