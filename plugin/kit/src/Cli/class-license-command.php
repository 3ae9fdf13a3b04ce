<?php
/**
 * The `wp batchkeys` commands.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cli;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Result;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Manages BatchKeys license keys and shows the daily license check.
 *
 * Every command goes through the same License_Service as the REST API, so
 * the same rules hold: a malformed key never leaves the site, nothing is
 * sent for 24 hours after BatchKeys asked the site to slow down, and the
 * vendor's secret is never printed. A check from here is a background
 * check (15-second timeout, no 10-second throttle).
 *
 * Exit status: 0 when the command did what was asked (a check that got an
 * answer, valid or not, included); 1 when it could not: an unknown
 * product, a malformed key, a key BatchKeys refused to activate, BatchKeys
 * unreachable or asking to wait, a product without its secret.
 *
 * With --format=json, standard output carries only JSON: the license view
 * (as GET /batchkeys/v1/products/<slug>/license answers, plus the
 * product's name), or on failure the REST API's error shape {code,
 * message, data: {status, hint, license}}; the error message also goes to
 * standard error.
 *
 * ## EXAMPLES
 *
 *     wp batchkeys list
 *     wp batchkeys activate acme-seo XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX
 *     wp batchkeys status acme-seo --format=json
 *     wp batchkeys cron --run
 */
final class License_Command {

	/**
	 * Columns of `list` in a table.
	 */
	const LIST_FIELDS = array( 'product', 'name', 'state', 'features_enabled', 'key', 'last_success', 'next_check' );

	/**
	 * Columns of the product table of `cron`.
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
	 * The commands.
	 *
	 * @param Kit       $kit       The kit.
	 * @param Scheduler $scheduler The scheduler.
	 */
	public function __construct( Kit $kit, Scheduler $scheduler ) {
		$this->kit       = $kit;
		$this->scheduler = $scheduler;
	}

	/**
	 * Lists the products and the state of their licenses.
	 *
	 * ## OPTIONS
	 *
	 * [--fields=<fields>]
	 *
	 * : Comma-separated fields. Default in a table: product, name, state,
	 * features_enabled, key, last_success, next_check; in json or yaml:
	 * every field of the license view.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp batchkeys list
	 *     wp batchkeys list --format=json
	 *
	 * @subcommand list
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function list_( $args, $assoc_args ) {
		$format = self::format( $assoc_args );
		$rows   = array();
		foreach ( $this->kit->registry()->all() as $product ) {
			$rows[] = $this->item( $product, $format );
		}
		$fields = self::LIST_FIELDS;
		if ( in_array( $format, array( 'json', 'yaml' ), true ) && $rows ) {
			$fields = array_keys( $rows[0] );
		}
		$formatter = new \WP_CLI\Formatter( $assoc_args, $fields );
		$formatter->display_items( $rows );
	}

	/**
	 * Shows a product's license: state, masked key, last answer, dates.
	 *
	 * Reads the site's stored state only; nothing is sent to BatchKeys.
	 *
	 * ## OPTIONS
	 *
	 * <slug>
	 * : The product's slug (see `wp batchkeys list`).
	 *
	 * [--field=<field>]
	 * : Print one field only, such as state or features_enabled.
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields (default: all).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp batchkeys status acme-seo
	 *     wp batchkeys status acme-seo --field=state
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function status( $args, $assoc_args ) {
		$product = $this->product( $args[0] );
		$this->show( $this->item( $product, self::format( $assoc_args ) ), $assoc_args );
	}

	/**
	 * Activates a license key on this site (stored only if BatchKeys says valid).
	 *
	 * ## OPTIONS
	 *
	 * <slug>
	 * : The product's slug.
	 *
	 * <key>
	 * : The license key, or - to read it from standard input (keeps it out of
	 * the shell history).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp batchkeys activate acme-seo XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX
	 *     echo "$LICENSE_KEY" | wp batchkeys activate acme-seo -
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function activate( $args, $assoc_args ) {
		$product = $this->product( $args[0] );
		$key     = isset( $args[1] ) ? (string) $args[1] : '';
		if ( '-' === $key ) {
			$key = (string) stream_get_contents( STDIN );
		}
		$this->finish( $product, $this->kit->licenses()->activate( $product, $key ), $assoc_args );
	}

	/**
	 * Checks the stored license key with BatchKeys now.
	 *
	 * Exits with 0 when BatchKeys answered, valid or not (a "not valid" answer
	 * is a warning, and a key that was active needs two of them an hour apart
	 * to become invalid).
	 *
	 * ## OPTIONS
	 *
	 * <slug>
	 * : The product's slug.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp batchkeys check acme-seo
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function check( $args, $assoc_args ) {
		$product = $this->product( $args[0] );
		$this->finish( $product, $this->kit->licenses()->check( $product, 'background' ), $assoc_args );
	}

	/**
	 * Removes the license key from this site.
	 *
	 * ## OPTIONS
	 *
	 * <slug>
	 * : The product's slug.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp batchkeys deactivate acme-seo
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function deactivate( $args, $assoc_args ) {
		$product = $this->product( $args[0] );
		$this->finish( $product, $this->kit->licenses()->deactivate( $product ), $assoc_args );
	}

	/**
	 * Shows the daily license check: the cron event, and each product's next check.
	 *
	 * ## OPTIONS
	 *
	 * [--run]
	 * : First run the checks that are due now, as the cron event would (only
	 * those; each product at most once), and show what each returned in the
	 * `ran` column.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp batchkeys cron
	 *     wp batchkeys cron --run --format=json
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function cron( $args, $assoc_args ) {
		$format = self::format( $assoc_args );
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
		$formatter->display_items( array_map( array( __CLASS__, 'plain' ), $rows ) );
		if ( null !== $ran ) {
			\WP_CLI::success(
				$ran
					/* translators: %d: number of products. */
					? sprintf( _n( 'Ran the due check of %d product.', 'Ran the due checks of %d products.', count( $ran ), 'batchkeys' ), count( $ran ) )
					: __( 'No check was due.', 'batchkeys' )
			);
		}
	}

	/**
	 * Prints the outcome of an operation, or fails with its translated message (exit 1).
	 *
	 * @param Product              $product    Product.
	 * @param Result               $result     Result.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	private function finish( Product $product, Result $result, array $assoc_args ) {
		$format = self::format( $assoc_args );
		if ( $result->is_error() ) {
			if ( 'json' === $format ) {
				$error = $result->to_wp_error();
				\WP_CLI::line(
					(string) wp_json_encode(
						array(
							'code'    => $error->get_error_code(),
							'message' => $error->get_error_message(),
							'data'    => $error->get_error_data(),
						)
					)
				);
			}
			$message = $result->message() . ' ' . Messages::hint( $result->code );
			if ( null !== $result->retry_after ) {
				/* translators: %s: date and time (ISO 8601). */
				$message .= ' ' . sprintf( __( 'Try again after %s.', 'batchkeys' ), (string) Clock::iso( Clock::now() + $result->retry_after ) );
			}
			\WP_CLI::error( $message );
			return;
		}
		$item = self::with_name_second( array( 'name' => $product->name ) + $result->view );
		if ( 'json' === $format ) {
			\WP_CLI::line( (string) wp_json_encode( $item ) );
			return;
		}
		$table_args = array( 'format' => 'table' );
		$this->show( self::plain( $item ), $table_args );
		if ( 'invalid' === $result->code ) {
			\WP_CLI::warning( $result->message() );
		} else {
			\WP_CLI::success( $result->message() );
		}
	}

	/**
	 * Prints one product's item.
	 *
	 * @param array<string, mixed> $item       Item.
	 * @param array<string, mixed> $assoc_args Options (format, fields, field).
	 * @return void
	 */
	private function show( array $item, array $assoc_args ) {
		$formatter = new \WP_CLI\Formatter( $assoc_args, array_keys( $item ) );
		$formatter->display_item( $item );
	}

	/**
	 * A product's license view with its name, shaped for a format.
	 *
	 * @param Product $product Product.
	 * @param string  $format  Output format.
	 * @return array<string, mixed>
	 */
	private function item( Product $product, $format ) {
		$item = self::with_name_second( array( 'name' => $product->name ) + $this->kit->licenses()->view( $product ) );
		return in_array( $format, array( 'json', 'yaml' ), true ) ? $item : self::plain( $item );
	}

	/**
	 * Puts `name` right after `product`.
	 *
	 * @param array<string, mixed> $item Item with product and name.
	 * @return array<string, mixed>
	 */
	private static function with_name_second( array $item ) {
		$out = array();
		if ( array_key_exists( 'product', $item ) ) {
			$out['product'] = $item['product'];
		}
		$out['name'] = isset( $item['name'] ) ? $item['name'] : '';
		return $out + $item;
	}

	/**
	 * Values for a table or CSV: yes/no for booleans, empty for null.
	 *
	 * @param array<string, mixed> $item Item.
	 * @return array<string, mixed>
	 */
	private static function plain( array $item ) {
		foreach ( $item as $field => $value ) {
			if ( is_bool( $value ) ) {
				$item[ $field ] = $value ? 'yes' : 'no';
			} elseif ( null === $value ) {
				$item[ $field ] = '';
			}
		}
		return $item;
	}

	/**
	 * The requested output format.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @return string
	 */
	private static function format( array $assoc_args ) {
		return isset( $assoc_args['format'] ) && is_string( $assoc_args['format'] ) ? $assoc_args['format'] : 'table';
	}

	/**
	 * The product a command names, or exit 1 with the list of products.
	 *
	 * @param string $slug Slug.
	 * @return Product
	 */
	private function product( $slug ) {
		$product = $this->kit->registry()->get( $slug );
		if ( null !== $product ) {
			return $product;
		}
		$known = array_keys( $this->kit->registry()->all() );
		\WP_CLI::error(
			Messages::message( 'batchkeys_unknown_product' ) . ' ' . (
				$known
					/* translators: %s: comma-separated product slugs. */
					? sprintf( __( 'Products on this site: %s.', 'batchkeys' ), implode( ', ', $known ) )
					: __( 'No product is registered on this site.', 'batchkeys' )
			)
		);
		exit( 1 );
	}
}
