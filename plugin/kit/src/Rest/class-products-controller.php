<?php
/**
 * REST: the products the current user may manage.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Rest;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * GET /batchkeys/v1/products: each product's client info (slug, name, key_format, placeholder)
 * with its license view.
 */
class Products_Controller extends Base_Controller {

	/**
	 * Registers the route.
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			self::ROUTE_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Logged in (401) and managing at least one product (403).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		if ( ! is_user_logged_in() ) {
			return $this->error( 'rest_not_logged_in' );
		}
		return $this->manages_any() ? true : $this->error( 'rest_forbidden' );
	}

	/**
	 * The products the current user may manage, in registration order.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		$items = array();
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( $product->current_user_can_manage() ) {
				$items[] = $product->to_client_array() + array( 'license' => $this->kit->licenses()->view( $product ) );
			}
		}
		return new \WP_REST_Response( $items, 200 );
	}

	/**
	 * JSON schema of one product.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'batchkeys-product',
			'type'       => 'object',
			'properties' => array(
				'slug'        => array(
					'description' => __( 'Product slug.', 'batchkeys' ),
					'type'        => 'string',
				),
				'name'        => array(
					'description' => __( 'Product name.', 'batchkeys' ),
					'type'        => 'string',
				),
				'key_format'  => array(
					'description' => __( 'Format of the product’s keys.', 'batchkeys' ),
					'type'        => 'object',
					'properties'  => array(
						'groups'    => array( 'type' => 'integer' ),
						'length'    => array( 'type' => 'integer' ),
						'separator' => array( 'type' => 'string' ),
						'chars'     => array( 'type' => 'string' ),
					),
				),
				'placeholder' => array(
					'description' => __( 'Example of the key’s shape, for the input.', 'batchkeys' ),
					'type'        => 'string',
				),
				'license'     => self::license_schema(),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * No collection parameters.
	 *
	 * @return array<string, mixed>
	 */
	public function get_collection_params() {
		return array();
	}
}
