<?php
/**
 * What the `wp batchkeys` commands print.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cli;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\License\Result;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A license view as an item of a table, CSV, JSON or YAML, and the outcome of an operation: the
 * view, or the REST API's error shape with --format=json, and the translated message (exit 1 on
 * failure).
 */
final class Output {

	/**
	 * Prints the outcome of an operation, or fails with its translated message (exit 1).
	 *
	 * @param Product              $product    Product.
	 * @param Result               $result     Result.
	 * @param array<string, mixed> $assoc_args Options.
	 * @return void
	 */
	public static function finish( Product $product, Result $result, array $assoc_args ) {
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
			$message = $result->message() . ' ' . $result->hint();
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
		self::show( self::plain( $item ), $table_args );
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
	public static function show( array $item, array $assoc_args ) {
		$formatter = new \WP_CLI\Formatter( $assoc_args, array_keys( $item ) );
		$formatter->display_item( $item );
	}

	/**
	 * A product's license view with its name, shaped for a format.
	 *
	 * @param Product              $product Product.
	 * @param array<string, mixed> $view    Its license view.
	 * @param string               $format  Output format.
	 * @return array<string, mixed>
	 */
	public static function item( Product $product, array $view, $format ) {
		$item = self::with_name_second( array( 'name' => $product->name ) + $view );
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
	 * Values for a table or CSV: yes/no for booleans, empty for null, JSON for a nested part
	 * (the address).
	 *
	 * @param array<string, mixed> $item Item.
	 * @return array<string, mixed>
	 */
	public static function plain( array $item ) {
		foreach ( $item as $field => $value ) {
			if ( is_bool( $value ) ) {
				$item[ $field ] = $value ? 'yes' : 'no';
			} elseif ( null === $value ) {
				$item[ $field ] = '';
			} elseif ( is_array( $value ) ) {
				$item[ $field ] = (string) wp_json_encode( $value );
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
	public static function format( array $assoc_args ) {
		return isset( $assoc_args['format'] ) && is_string( $assoc_args['format'] ) ? $assoc_args['format'] : 'table';
	}
}
