<?php
/**
 * What both REST controllers share.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Rest;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Result;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Namespace batchkeys/v1, fail-closed permissions and the error shape.
 *
 * Permissions, in this order: not logged in: 401; unknown product: 404 for a user who manages at
 * least one product, else 403 (so nobody without rights learns which products exist); logged in
 * without the product's capability: 403. Cookie requests need X-WP-Nonce (WordPress core's
 * rest_cookie_check_errors() drops the cookie user without it, so such a request is anonymous).
 */
abstract class Base_Controller extends \WP_REST_Controller {

	/**
	 * The REST namespace of the kit.
	 */
	const ROUTE_NAMESPACE = 'batchkeys/v1';

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	protected $kit;

	/**
	 * A controller.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit       = $kit;
		$this->namespace = self::ROUTE_NAMESPACE;
		$this->rest_base = 'products';
	}

	/**
	 * Registers the routes on rest_api_init (at once if it is running or has run).
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_filter( 'rest_request_before_callbacks', array( Response_Filters::class, 'permission_first' ), 10, 3 );
		add_filter( 'rest_request_after_callbacks', array( Response_Filters::class, 'complete_wp_error' ), 10, 3 );
		add_filter( 'rest_post_dispatch', array( Response_Filters::class, 'complete_error' ), 10, 3 );
		add_filter( 'rest_post_dispatch', array( Response_Filters::class, 'version_header' ), 10, 3 );
		// Wired from rest_api_init itself (priority 0): a callback added now still runs in this
		// round; and every later REST server (tests make several) gets the routes too.
		if ( did_action( 'rest_api_init' ) && ! doing_action( 'rest_api_init' ) ) {
			$this->register_routes();
		}
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * A kit error as a WP_Error with data {status, hint, license}.
	 *
	 * @param string                    $code    Kit code.
	 * @param array<string, mixed>|null $license License view, or null when there is no product.
	 * @return \WP_Error
	 */
	protected function error( $code, $license = null ) {
		return new \WP_Error(
			$code,
			Messages::message( $code ),
			array(
				'status'  => Messages::status( $code ),
				'hint'    => Messages::hint( $code ),
				'license' => $license,
			)
		);
	}

	/**
	 * Checks the permission for a product route.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function product_permission( $request ) {
		if ( ! is_user_logged_in() ) {
			return $this->error( 'rest_not_logged_in' );
		}
		$product = $this->kit->registry()->get( self::url_slug( $request ) );
		if ( null === $product ) {
			return $this->error( $this->manages_any() ? 'batchkeys_unknown_product' : 'rest_forbidden' );
		}
		if ( ! $product->current_user_can_manage() ) {
			return $this->error( 'rest_forbidden' );
		}
		return true;
	}

	/**
	 * Checks the permission to change a product's license (activate, check, remove): a network
	 * license only with manage_network_options; a site administrator who may see it gets
	 * network_managed (403).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function change_permission( $request ) {
		$permission = $this->product_permission( $request );
		if ( true !== $permission ) {
			return $permission;
		}
		$product = $this->kit->registry()->get( self::url_slug( $request ) );
		if ( null !== $product && ! $product->current_user_can_change() ) {
			return $this->error( 'network_managed', $this->kit->licenses()->view( $product ) );
		}
		return true;
	}

	/**
	 * The product slug of the route's URL. Never get_param(): a `slug` in the query string or the
	 * body would win over the URL there, and logs and URL-based rules would be misled.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return string
	 */
	protected static function url_slug( $request ) {
		$params = $request->get_url_params();
		return isset( $params['slug'] ) && is_string( $params['slug'] ) ? $params['slug'] : '';
	}

	/**
	 * Whether the current user manages at least one product.
	 *
	 * @return bool
	 */
	protected function manages_any() {
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( $product->current_user_can_manage() ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The product a (permitted) request names.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return Product|\WP_Error
	 */
	protected function product( $request ) {
		$product = $this->kit->registry()->get( self::url_slug( $request ) );
		return null === $product ? $this->error( 'batchkeys_unknown_product' ) : $product;
	}

	/**
	 * A service result as a REST response: the view with 200, or the error shape with its status
	 * and a Retry-After header on 429.
	 *
	 * @param Result $result Result.
	 * @return \WP_REST_Response
	 */
	protected function respond( Result $result ) {
		if ( ! $result->is_error() ) {
			return new \WP_REST_Response( $result->view, $result->status );
		}
		$response = rest_convert_error_to_response( $this->result_error( $result ) );
		if ( null !== $result->retry_after ) {
			$response->header( 'Retry-After', (string) $result->retry_after );
		}
		return $response;
	}

	/**
	 * A failed result as a WP_Error.
	 *
	 * @param Result $result Result.
	 * @return \WP_Error
	 */
	protected function result_error( Result $result ) {
		return $result->to_wp_error();
	}

	/**
	 * JSON schema of the license view.
	 *
	 * @return array<string, mixed>
	 */
	public static function license_schema() {
		$date = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		return array(
			'type'       => 'object',
			'properties' => array(
				'product'            => array(
					'description' => __( 'Product slug.', 'batchkeys' ),
					'type'        => 'string',
				),
				'state'              => array(
					'description' => __( 'License state.', 'batchkeys' ),
					'type'        => 'string',
					'enum'        => array( 'inactive', 'active', 'grace', 'lapsed', 'invalid' ),
				),
				'state_label'        => array(
					'description' => __( 'The state in words, translated.', 'batchkeys' ),
					'type'        => 'string',
				),
				'features_enabled'   => array(
					'description' => __( 'Whether the product’s features may run.', 'batchkeys' ),
					'type'        => 'boolean',
				),
				'configured'         => array(
					'description' => __( 'Whether the product’s BatchKeys authorization key is set on this site.', 'batchkeys' ),
					'type'        => 'boolean',
				),
				'setup'              => array(
					'description' => __( 'When the authorization key is missing: the translated message and hint saying so; else null.', 'batchkeys' ),
					'type'        => array( 'object', 'null' ),
					'properties'  => array(
						'message' => array( 'type' => 'string' ),
						'hint'    => array( 'type' => 'string' ),
					),
				),
				'code'               => array(
					'description' => __( 'Kit code of the last answer (none when nothing was asked yet).', 'batchkeys' ),
					'type'        => 'string',
				),
				'message'            => array(
					'description' => __( 'Translated message for the code.', 'batchkeys' ),
					'type'        => 'string',
				),
				'hint'               => array(
					'description' => __( 'Translated advice for the code.', 'batchkeys' ),
					'type'        => 'string',
				),
				'key'                => array(
					'description' => __( 'The stored key, masked but for its last 4 characters, or null.', 'batchkeys' ),
					'type'        => array( 'string', 'null' ),
				),
				'last_checked'       => $date + array( 'description' => __( 'When the key was last checked.', 'batchkeys' ) ),
				'last_success'       => $date + array( 'description' => __( 'When BatchKeys last said the key is valid.', 'batchkeys' ) ),
				'next_check'         => $date + array( 'description' => __( 'When the next automatic check is due.', 'batchkeys' ) ),
				'grace_until'        => $date + array( 'description' => __( 'Until when features stay on without an answer (grace and lapsed).', 'batchkeys' ) ),
				'retry_after'        => array(
					'description' => __( 'Seconds before this site may ask BatchKeys again, or null.', 'batchkeys' ),
					'type'        => array( 'integer', 'null' ),
				),
				'detail'             => array(
					'description' => __( 'Raw upstream error text (upstream_error, administrators only), or null.', 'batchkeys' ),
					'type'        => array( 'string', 'null' ),
				),
				'secret_missing'     => array(
					'description' => __( 'Where and when a background check found no authorization key although this process sees one, with a sentence saying so; or null.', 'batchkeys' ),
					'type'        => array( 'object', 'null' ),
					'properties'  => array(
						'context' => array( 'type' => 'string' ),
						'at'      => $date,
						'message' => array( 'type' => 'string' ),
					),
				),
				'scope'              => array(
					'description' => __( 'network: one license for every site of the network; site: this site’s own.', 'batchkeys' ),
					'type'        => 'string',
					'enum'        => array( 'site', 'network' ),
				),
				'managed_by_network' => array(
					'description' => __( 'When the license is the network’s and the current user may not change it: the translated message and hint saying so; else null.', 'batchkeys' ),
					'type'        => array( 'object', 'null' ),
					'properties'  => array(
						'message' => array( 'type' => 'string' ),
						'hint'    => array( 'type' => 'string' ),
					),
				),
				'domain'             => array(
					'description' => __( 'The domain the key was activated for: every call about it sends this one.', 'batchkeys' ),
					'type'        => array( 'string', 'null' ),
				),
				'address'            => array(
					'description' => __( 'An address change not settled by a person, or null.', 'batchkeys' ),
					'type'        => array( 'object', 'null' ),
				),
			),
		);
	}
}
