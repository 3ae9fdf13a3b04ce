<?php
/**
 * REST: one product's license.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Rest;

use BatchKeys\Kit\License\Address_Guard;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * GET, POST {key, confirm?} and DELETE /batchkeys/v1/products/<slug>/license; POST .../check;
 * POST .../address {answer} (a person's answer to an address change).
 */
class License_Controller extends Base_Controller {

	/**
	 * Longest key accepted by the route (before trimming).
	 */
	const MAX_KEY = 200;

	/**
	 * Registers the routes.
	 *
	 * @return void
	 */
	public function register_routes() {
		$slug = array(
			'slug' => array(
				'description' => __( 'Product slug.', 'batchkeys' ),
				'type'        => 'string',
			),
		);
		register_rest_route(
			self::ROUTE_NAMESPACE,
			'/' . $this->rest_base . '/(?P<slug>[^/]+)/license',
			array(
				'args'   => $slug,
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'key'     => array(
							'description'       => __( 'The license key to activate.', 'batchkeys' ),
							'type'              => 'string',
							'required'          => true,
							'maxLength'         => self::MAX_KEY,
							'validate_callback' => 'rest_validate_request_arg',
						),
						'confirm' => array(
							'description' => __( 'Activate even though the address looks like a staging copy (after the confirm_activation answer).', 'batchkeys' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			self::ROUTE_NAMESPACE,
			'/' . $this->rest_base . '/(?P<slug>[^/]+)/address',
			array(
				'args'   => $slug,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'address_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'answer' => array(
							'description' => __( 'What this site is: staging (a copy for testing), moved (the site moved here) or new_site (a different site).', 'batchkeys' ),
							'type'        => 'string',
							'required'    => true,
							'maxLength'   => 20,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			self::ROUTE_NAMESPACE,
			'/' . $this->rest_base . '/(?P<slug>[^/]+)/check',
			array(
				'args'   => $slug,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'check_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Permission to read a license.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return $this->product_permission( $request );
	}

	/**
	 * Permission to activate a key.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return $this->change_permission( $request );
	}

	/**
	 * Permission to check the key now.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return $this->change_permission( $request );
	}

	/**
	 * Permission to remove the key.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function delete_item_permissions_check( $request ) {
		return $this->change_permission( $request );
	}

	/**
	 * The license view (stored state only, no API call).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$product = $this->product( $request );
		if ( is_wp_error( $product ) ) {
			return $product;
		}
		return new \WP_REST_Response( $this->kit->licenses()->view( $product ), 200 );
	}

	/**
	 * Activates a key.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$product = $this->product( $request );
		if ( is_wp_error( $product ) ) {
			return $product;
		}
		$options = array( 'confirmed' => true === $request->get_param( 'confirm' ) );
		return $this->respond( $this->kit->licenses()->activate( $product, $request->get_param( 'key' ), $options ) );
	}

	/**
	 * Answers an address change: staging and new_site make no call; moved makes one activation
	 * call for the site's current domain.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function address_item( $request ) {
		$product = $this->product( $request );
		if ( is_wp_error( $product ) ) {
			return $product;
		}
		$service = $this->kit->licenses();
		return $this->respond( Address_Guard::resolve( $service, $product, $request->get_param( 'answer' ) ) );
	}

	/**
	 * Checks the stored key now.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function check_item( $request ) {
		$product = $this->product( $request );
		if ( is_wp_error( $product ) ) {
			return $product;
		}
		return $this->respond( $this->kit->licenses()->check( $product, 'interactive' ) );
	}

	/**
	 * Removes the key.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ) {
		$product = $this->product( $request );
		if ( is_wp_error( $product ) ) {
			return $product;
		}
		return $this->respond( $this->kit->licenses()->deactivate( $product ) );
	}

	/**
	 * JSON schema of the license view.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema' => 'http://json-schema.org/draft-04/schema#',
			'title'   => 'batchkeys-license',
		) + self::license_schema();
		return $this->add_additional_fields_schema( $this->schema );
	}
}
