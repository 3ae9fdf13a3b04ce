<?php
/**
 * WP-CLI: answer an address change.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cli;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Address_Guard;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `wp batchkeys address <slug> [--answer=<answer>]`.
 */
final class Address_Command {

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The command.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Shows whether this site is where a product's key was activated, or answers an address change.
	 *
	 * ## OPTIONS
	 *
	 * <slug>
	 * : The product slug.
	 *
	 * [--answer=<answer>]
	 * : What this site is. staging: a copy for testing (nothing is ever sent from
	 * here); moved: the site moved here (one activation call for this address);
	 * new_site: a different site (the copied key is removed here, no call).
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
	 *     wp batchkeys address acme-seo
	 *     wp batchkeys address acme-seo --answer=staging
	 *
	 * @param array<int, string>   $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public function __invoke( $args, $assoc_args ) {
		$product = $this->kit->registry()->get( isset( $args[0] ) ? $args[0] : '' );
		if ( null === $product ) {
			/* translators: %s: product slug. */
			\WP_CLI::error( sprintf( __( 'There is no product "%s" on this site.', 'batchkeys' ), isset( $args[0] ) ? $args[0] : '' ) );
			return;
		}
		$constant_error = Address_Guard::constant_error();
		if ( null !== $constant_error ) {
			\WP_CLI::warning( $constant_error );
		}
		$service = $this->kit->licenses();
		$json    = isset( $assoc_args['format'] ) && 'json' === $assoc_args['format'];
		if ( ! isset( $assoc_args['answer'] ) ) {
			$view = $service->view( $product );
			$this->print_address( $view, $json );
			return;
		}
		$result = Address_Guard::resolve( $service, $product, $assoc_args['answer'] );
		if ( $result->is_error() ) {
			\WP_CLI::error( $result->message() . ' ' . $result->hint() );
			return;
		}
		$this->print_address( $result->view, $json );
		\WP_CLI::success( $result->message() );
	}

	/**
	 * Prints the address part of a view.
	 *
	 * @param array<string, mixed> $view License view.
	 * @param bool                 $json JSON output.
	 * @return void
	 */
	private function print_address( array $view, $json ) {
		$address = is_array( $view['address'] ) ? $view['address'] : array( 'status' => 'same' );
		$item    = array(
			'activation_domain' => (string) $view['domain'],
			'state'             => (string) $view['state'],
		) + $address;
		if ( $json ) {
			\WP_CLI::line( (string) wp_json_encode( $item ) );
			return;
		}
		foreach ( $item as $field => $value ) {
			\WP_CLI::line( $field . ': ' . ( is_array( $value ) ? implode( ', ', $value ) : (string) $value ) );
		}
	}
}
