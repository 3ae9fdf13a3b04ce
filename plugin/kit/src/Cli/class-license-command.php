<?php
/**
 * The `wp batchkeys` commands.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cli;

use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Kit;
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
		$format = Output::format( $assoc_args );
		$rows   = array();
		foreach ( $this->kit->registry()->all() as $product ) {
			$rows[] = Output::item( $product, $this->kit->licenses()->view( $product ), $format );
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
		Output::show( Output::item( $product, $this->kit->licenses()->view( $product ), Output::format( $assoc_args ) ), $assoc_args );
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
	 * [--yes]
	 * : Activate even though the address looks like a staging copy (it uses one
	 * of the key's activations).
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
		$options = array( 'confirmed' => ! empty( $assoc_args['yes'] ) );
		Output::finish( $product, $this->kit->licenses()->activate( $product, $key, $options ), $assoc_args );
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
		Output::finish( $product, $this->kit->licenses()->check( $product, 'background' ), $assoc_args );
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
		Output::finish( $product, $this->kit->licenses()->deactivate( $product ), $assoc_args );
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
		( new Cron_Report( $this->kit, $this->scheduler ) )->show( $assoc_args );
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
