<?php
/**
 * `wp batchkeys cron`: the daily license check, as WP-CLI shows it.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cli;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The cron event, the site-wide pause and each product's next check, as JSON or as lines and a
 * table; with --run, first the due checks, as the event would run them.
 */
final class Cron_Report {

	/**
	 * Columns of the product table.
	 */
	const CRON_FIELDS = array( 'product', 'state', 'next_check', 'due', 'last_checked', 'code', 'ran' );

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The recheck scheduler.
	 *
	 * @var Scheduler
	 */
	private $scheduler;

	/**
	 * The report.
	 *
	 * @param Kit       $kit       The kit.
	 * @param Scheduler $scheduler The scheduler.
	 */
	public function __construct( Kit $kit, Scheduler $scheduler ) {
		$this->kit       = $kit;
		$this->scheduler = $scheduler;
	}

	/**
	 * Runs the due checks when asked (--run), then prints the report.
	 *
	 * @param array<string, mixed> $assoc_args Options (run, format).
	 * @return void
	 */
	public function show( array $assoc_args ) {
		$format = Output::format( $assoc_args );
		$ran    = null;
		if ( ! empty( $assoc_args['run'] ) ) {
			$ran = $this->scheduler->run( 'cli' );
		}
		$now    = Clock::now();
		$status = $this->scheduler->status();
		$store  = $this->kit->licenses()->store();
		$rows   = array();
		foreach ( $this->kit->registry()->all() as $product ) {
			$record = $store->get( $product->slug );
			$rows[] = array(
				'product'      => $product->slug,
				'state'        => $record->effective_state( $now ),
				'next_check'   => Clock::iso( $record->next_check ),
				'due'          => Scheduler::is_due( $record, $now ),
				'last_checked' => Clock::iso( $record->last_checked ),
				'code'         => $record->code,
				'ran'          => ( null !== $ran && isset( $ran[ $product->slug ] ) ) ? $ran[ $product->slug ] : null,
			);
		}

		if ( 'json' === $format ) {
			$last = $status['last_run'];
			if ( null !== $last ) {
				$last['time'] = Clock::iso( $last['time'] );
			}
			\WP_CLI::line(
				(string) wp_json_encode(
					array(
						'hook'               => $status['hook'],
						'next_run'           => Clock::iso( $status['next_run'] ),
						'overdue'            => $status['overdue'],
						'wp_cron_disabled'   => $status['wp_cron_disabled'],
						'daily_slot'         => null === $status['daily_slot'] ? null : gmdate( 'H:i:s', $status['daily_slot'] ),
						'rate_limited_until' => Clock::iso( $status['rate_limited_until'] ),
						'fallback_until'     => Clock::iso( $status['fallback_until'] ),
						'last_run'           => $last,
						'ran'                => $ran,
						'products'           => $rows,
					)
				)
			);
			return;
		}

		if ( null === $status['next_run'] ) {
			$when = __( 'not scheduled', 'batchkeys' );
		} elseif ( $status['overdue'] > 0 ) {
			/* translators: 1: date and time (ISO 8601), 2: time span, such as "3 hours". */
			$when = sprintf( __( '%1$s (%2$s overdue)', 'batchkeys' ), Clock::iso( $status['next_run'] ), human_time_diff( (int) $status['next_run'], $now ) );
		} else {
			/* translators: 1: date and time (ISO 8601), 2: time span, such as "3 hours". */
			$when = sprintf( __( '%1$s (in %2$s)', 'batchkeys' ), Clock::iso( $status['next_run'] ), human_time_diff( (int) $status['next_run'], $now ) );
		}
		/* translators: 1: cron hook name, 2: when it runs. */
		\WP_CLI::log( sprintf( __( 'Event %1$s: %2$s', 'batchkeys' ), $status['hook'], $when ) );
		if ( null !== $status['daily_slot'] ) {
			/* translators: %s: time of day, such as 03:12:00. */
			\WP_CLI::log( sprintf( __( 'Daily check time: %s UTC', 'batchkeys' ), gmdate( 'H:i:s', $status['daily_slot'] ) ) );
		}
		\WP_CLI::log(
			$status['wp_cron_disabled']
				? __( 'WP-Cron on page loads: off (DISABLE_WP_CRON); due checks also run from admin pages, at most every 12 hours.', 'batchkeys' )
				: __( 'WP-Cron on page loads: on', 'batchkeys' )
		);
		if ( null !== $status['rate_limited_until'] ) {
			/* translators: %s: date and time (ISO 8601). */
			\WP_CLI::log( sprintf( __( 'Paused by BatchKeys until %s: no request is sent before.', 'batchkeys' ), Clock::iso( $status['rate_limited_until'] ) ) );
		}
		if ( null !== $status['last_run'] ) {
			/* translators: 1: date and time (ISO 8601), 2: cron, fallback or cli. */
			\WP_CLI::log( sprintf( __( 'Last run: %1$s (%2$s)', 'batchkeys' ), Clock::iso( $status['last_run']['time'] ), $status['last_run']['source'] ) );
		}
		$fields = self::CRON_FIELDS;
		if ( null === $ran ) {
			array_pop( $fields );
		}
		$table_args = array( 'format' => 'table' );
		$formatter  = new \WP_CLI\Formatter( $table_args, $fields );
		$formatter->display_items( array_map( array( Output::class, 'plain' ), $rows ) );
		if ( null !== $ran ) {
			\WP_CLI::success(
				$ran
					/* translators: %d: number of products. */
					? sprintf( _n( 'Ran the due check of %d product.', 'Ran the due checks of %d products.', count( $ran ), 'batchkeys' ), count( $ran ) )
					: __( 'No check was due.', 'batchkeys' )
			);
		}
	}
}
