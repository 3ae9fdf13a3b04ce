<?php
/**
 * The filters that give every answer of the kit's routes its shape.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Rest;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\Messages\Messages;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Hooked once by Base_Controller::register_hooks(): the version header, permissions before
 * parameters, and the kit's error shape (hint and license) on WordPress core's errors too.
 */
final class Response_Filters {

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
}
