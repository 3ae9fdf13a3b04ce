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
		add_filter( 'rest_request_before_callbacks', array( __CLASS__, 'permission_first' ), 10, 3 );
		add_filter( 'rest_request_after_callbacks', array( __CLASS__, 'complete_wp_error' ), 10, 3 );
		add_filter( 'rest_post_dispatch', array( __CLASS__, 'complete_error' ), 10, 3 );
		add_filter( 'rest_post_dispatch', array( __CLASS__, 'version_header' ), 10, 3 );
		// Wired from rest_api_init itself (priority 0): a callback added now still runs in this
		// round; and every later REST server (tests make several) gets the routes too.
		if ( did_action( 'rest_api_init' ) && ! doing_action( 'rest_api_init' ) ) {
			$this->register_routes();
		}
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Names the version of the copy that serves the site on every answer of the kit's REST
	 * routes (`X-BatchKeys-Kit: 0.1.0`), so a person or a test can see which copy won the
	 * election when several plugins and themes bundle the kit.
	 *
	 * @param mixed $response The answer (WP_HTTP_Response once dispatched).
	 * @param mixed $server   The REST server.
	 * @param mixed $request  The request.
	 * @return mixed The same answer.
	 */
	public static function version_header( $response, $server, $request ) {
		unset( $server );
		$kit = Kit::instance();
		if ( null !== $kit && $response instanceof \WP_HTTP_Response && $request instanceof \WP_REST_Request
			&& self::is_kit_route( $request->get_route() ) ) {
			$response->header( 'X-BatchKeys-Kit', $kit->version() );
		}
		return $response;
	}

	/**
	 * Whether a route is one of the kit's.
	 *
	 * @param string $route Route.
	 * @return bool
	 */
	private static function is_kit_route( $route ) {
		return 0 === strpos( $route, '/batchkeys/v1/' ) || '/batchkeys/v1' === $route;
	}

	/**
	 * Fail closed: WordPress validates parameters before it asks the permission callback, so a
	 * caller without rights would learn about parameters (400) before being refused. On the
	 * kit's routes, the permission is asked first and its refusal wins.
	 *
	 * @param mixed                $response Response so far (a WP_Error when the parameters are invalid).
	 * @param array<string, mixed> $handler  Route handler.
	 * @param \WP_REST_Request     $request  Request.
	 * @return mixed
	 */
	public static function permission_first( $response, $handler, $request ) {
		if ( ! is_wp_error( $response ) || ! $request instanceof \WP_REST_Request || ! self::is_kit_route( $request->get_route() ) ) {
			return $response;
		}
		if ( is_array( $handler ) && ! empty( $handler['permission_callback'] ) && is_callable( $handler['permission_callback'] ) ) {
			$permission = call_user_func( $handler['permission_callback'], $request );
			if ( is_wp_error( $permission ) ) {
				return $permission;
			}
		}
		return $response;
	}

	/**
	 * Gives WordPress core's errors on the kit's routes (rest_invalid_param,
	 * rest_missing_callback_param) the kit's data: hint and license.
	 *
	 * @param mixed                $response Response.
	 * @param array<string, mixed> $handler  Route handler.
	 * @param \WP_REST_Request     $request  Request.
	 * @return mixed
	 */
	public static function complete_wp_error( $response, $handler, $request ) {
		if ( ! is_wp_error( $response ) || ! $request instanceof \WP_REST_Request || ! self::is_kit_route( $request->get_route() ) ) {
			return $response;
		}
		$code = (string) $response->get_error_code();
		$data = $response->get_error_data( $code );
		$data = is_array( $data ) ? $data : array( 'status' => Messages::status( $code ) );
		if ( ! array_key_exists( 'hint', $data ) ) {
			$data['hint'] = Messages::hint( $code );
		}
		if ( ! array_key_exists( 'license', $data ) ) {
			$status          = isset( $data['status'] ) ? (int) $data['status'] : 0;
			$data['license'] = self::license_for_route( $request->get_route(), $status );
		}
		$response->add_data( $data, $code );
		return $response;
	}

	/**
	 * The license view of the product a route names, when the current user may see it (never
	 * with an authentication or permission error, such as a wrong nonce).
	 *
	 * @param string $route  Route.
	 * @param int    $status HTTP status of the error.
	 * @return array<string, mixed>|null
	 */
	private static function license_for_route( $route, $status ) {
		$kit = Kit::instance();
		if ( null === $kit || 401 === $status || 403 === $status || ! is_user_logged_in() || ! preg_match( '#^/batchkeys/v1/products/([^/]+)/#', $route, $match ) ) {
			return null;
		}
		$product = $kit->registry()->get( $match[1] );
		return ( null !== $product && $product->current_user_can_manage() ) ? $kit->licenses()->view( $product ) : null;
	}

	/**
	 * Gives every error of the kit's routes the kit's shape, also those WordPress core produces
	 * (rest_invalid_param, rest_missing_callback_param, rest_cookie_invalid_nonce...): data.hint,
	 * and data.license (the product's view when the user may see it, else null).
	 *
	 * @param mixed            $response Response.
	 * @param \WP_REST_Server  $server   Server.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public static function complete_error( $response, $server, $request ) {
		if ( ! $response instanceof \WP_REST_Response || $response->get_status() < 400 || ! $request instanceof \WP_REST_Request ) {
			return $response;
		}
		$route = $request->get_route();
		if ( ! self::is_kit_route( $route ) ) {
			return $response;
		}
		$data = $response->get_data();
		if ( ! is_array( $data ) || ! isset( $data['code'] ) || ! is_string( $data['code'] ) ) {
			return $response;
		}
		if ( ! isset( $data['data'] ) || ! is_array( $data['data'] ) ) {
			$data['data'] = array( 'status' => $response->get_status() );
		}
		if ( ! array_key_exists( 'hint', $data['data'] ) ) {
			$data['data']['hint'] = Messages::hint( $data['code'] );
		}
		if ( ! array_key_exists( 'license', $data['data'] ) ) {
			$data['data']['license'] = self::license_for_route( $route, $response->get_status() );
		}
		$response->set_data( $data );
		return $response;
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
