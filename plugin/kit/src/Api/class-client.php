<?php
/**
 * The HTTP client for the BatchKeys license API.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Api;

use BatchKeys\Kit\Product\Product;
use BatchKeys\Kit\Site\Address;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The request of docs/upstream-contract.md: everything in request headers, HTTPS only (plain
 * http: loopback, and local networks on a `local` site), 5 s for a person waiting and 15 s in
 * the background, the URL set only in PHP.
 *
 * Called only by an activation, a check now, the daily recheck and batchkeys_consume(); never on
 * an ordinary page load. Each choice made where BatchKeys is silent is a named setting: the URL
 * (constant BATCHKEYS_API_URL or filter batchkeys_api_url), the method (filter
 * batchkeys_api_method), the timeouts (filter batchkeys_api_timeout).
 */
class Client {

	/**
	 * The documented endpoint.
	 */
	const DEFAULT_URL = 'https://batchkeys.com/api.php';

	/**
	 * Timeouts in seconds, by context.
	 */
	const TIMEOUTS = array(
		'interactive' => 5,
		'background'  => 15,
	);

	/**
	 * Longest answer read (a real answer is a few dozen bytes).
	 */
	const MAX_BODY = 65536;

	/**
	 * Kit version, for the user agent.
	 *
	 * @var string
	 */
	private $version;

	/**
	 * A client.
	 *
	 * @param string $version Kit version.
	 */
	public function __construct( $version = '' ) {
		$this->version = (string) $version;
	}

	/**
	 * The API URL for a product: constant BATCHKEYS_API_URL, else the documented URL, through the
	 * `batchkeys_api_url` filter. Never taken from a request.
	 *
	 * @param Product $product Product.
	 * @return string
	 */
	public static function api_url( Product $product ) {
		$url = defined( 'BATCHKEYS_API_URL' ) && is_string( constant( 'BATCHKEYS_API_URL' ) ) && '' !== constant( 'BATCHKEYS_API_URL' )
			? (string) constant( 'BATCHKEYS_API_URL' )
			: self::DEFAULT_URL;
		/**
		 * Filters the BatchKeys API URL (for example, to point one product at a mock).
		 *
		 * @param string $url  URL.
		 * @param string $slug Product slug.
		 */
		$url = apply_filters( 'batchkeys_api_url', $url, $product->slug );
		return is_string( $url ) ? trim( $url ) : self::DEFAULT_URL;
	}

	/**
	 * Whether a URL may carry the secret: https; plain http only to a loopback host, and on a
	 * site whose environment type is `local` also to a private-range address or a host under
	 * .internal, .test or .localhost (a mock in Docker: host.docker.internal). Anything else
	 * over plain http is refused before a call (insecure_api_url).
	 *
	 * @param string      $url         URL.
	 * @param string|null $environment Environment type (default: wp_get_environment_type()).
	 * @return bool
	 */
	public static function is_allowed_url( $url, $environment = null ) {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return false;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( 'https' === $scheme ) {
			return true;
		}
		if ( 'http' !== $scheme ) {
			return false;
		}
		if ( self::is_loopback( $parts['host'] ) ) {
			return true;
		}
		return 'local' === ( null === $environment ? wp_get_environment_type() : $environment ) && self::is_local_network( $parts['host'] );
	}

	/**
	 * Whether a host is on a local network: a private or link-local IPv4 address (10/8,
	 * 172.16/12, 192.168/16, 169.254/16), a unique-local or link-local IPv6 address (fc00::/7,
	 * fe80::/10), or a name under .internal, .test or .localhost.
	 *
	 * @param string $host Host (IPv6 literals may be bracketed).
	 * @return bool
	 */
	public static function is_local_network( $host ) {
		$host = rtrim( strtolower( trim( $host, '[]' ) ), '.' );
		if ( filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 ) ) {
			return ! filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE ) || 0 === strpos( $host, '169.254.' );
		}
		if ( filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ) {
			return (bool) preg_match( '/^(f[cd][0-9a-f]{0,2}|fe[89ab][0-9a-f]?):/', $host );
		}
		return (bool) preg_match( '/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?\.(internal|test|localhost)$/', $host );
	}

	/**
	 * Whether a host is loopback: localhost, 127.0.0.0/8 or ::1.
	 *
	 * @param string $host Host (IPv6 literals may be bracketed).
	 * @return bool
	 */
	public static function is_loopback( $host ) {
		$host = strtolower( trim( $host, '[]' ) );
		if ( 'localhost' === $host || '::1' === $host ) {
			return true;
		}
		return (bool) preg_match( '/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/', $host, $m ) && max( (int) $m[1], (int) $m[2], (int) $m[3] ) <= 255;
	}

	/**
	 * The site's current domain: the bare lower-case host of the stored home URL (no scheme, port,
	 * path, and no www. stripping), never taken from the request (Site\Address).
	 *
	 * @return string
	 */
	public static function domain() {
		return Address::current_domain();
	}

	/**
	 * The HTTP method (GET unless the `batchkeys_api_method` filter says POST).
	 *
	 * @return string
	 */
	public static function method() {
		/**
		 * Filters the HTTP method of API calls ('GET' or 'POST').
		 *
		 * @param string $method Method.
		 */
		$method = strtoupper( (string) apply_filters( 'batchkeys_api_method', 'GET' ) );
		return in_array( $method, array( 'GET', 'POST' ), true ) ? $method : 'GET';
	}

	/**
	 * Timeout for a context.
	 *
	 * @param string  $context 'interactive' (a person waits) or 'background'.
	 * @param Product $product Product.
	 * @return float
	 */
	public static function timeout( $context, Product $product ) {
		$timeout = isset( self::TIMEOUTS[ $context ] ) ? self::TIMEOUTS[ $context ] : self::TIMEOUTS['interactive'];
		/**
		 * Filters the API timeout in seconds.
		 *
		 * @param int|float $timeout Seconds.
		 * @param string    $context 'interactive' or 'background'.
		 * @param string    $slug    Product slug.
		 */
		$timeout = (float) apply_filters( 'batchkeys_api_timeout', $timeout, $context, $product->slug );
		return $timeout > 0 ? $timeout : (float) self::TIMEOUTS['interactive'];
	}

	/**
	 * Asks BatchKeys about a key.
	 *
	 * @param Product            $product Product (its secret is read now).
	 * @param string             $key     The customer's key.
	 * @param array<string, int> $extra   Optional headers: 'active' (1 or 0) or 'consume' (N).
	 * @param string             $context 'interactive' or 'background'.
	 * @param string|null        $domain  The `domain` header: the one the key was activated for;
	 *                                    null: the site's current domain (a new activation).
	 * @return Answer
	 */
	public function request( Product $product, $key, array $extra = array(), $context = 'interactive', $domain = null ) {
		$secret = $product->secret();
		if ( '' === $secret ) {
			return new Answer( 'not_configured' );
		}
		$url = self::api_url( $product );
		if ( ! self::is_allowed_url( $url ) ) {
			$this->log( $product, $url, array(), 'insecure_api_url (the secret is sent over https only)' );
			return new Answer( 'insecure_api_url' );
		}

		$headers = array(
			'auth'   => $secret,
			'key'    => (string) $key,
			'domain' => null === $domain ? self::domain() : (string) $domain,
		);
		foreach ( array( 'active', 'consume' ) as $name ) {
			if ( isset( $extra[ $name ] ) ) {
				$headers[ $name ] = (string) (int) $extra[ $name ];
			}
		}

		$started  = microtime( true );
		$response = wp_remote_request(
			$url,
			array(
				'method'              => self::method(),
				'headers'             => $headers,
				'timeout'             => self::timeout( $context, $product ),
				'redirection'         => 0,
				'sslverify'           => true,
				'limit_response_size' => self::MAX_BODY,
				'user-agent'          => 'BatchKeys-for-WordPress/' . $this->version,
			)
		);
		$answer   = Answer_Parser::parse( $response );
		if ( null !== $answer->detail ) {
			$answer->detail = Detail::clean( $answer->detail, $product, (string) $key );
		}

		$status = is_wp_error( $response ) ? $response->get_error_code() : (string) wp_remote_retrieve_response_code( $response );
		$this->log(
			$product,
			$url,
			$headers,
			sprintf( '%s (HTTP %s, %d ms, %s)', $answer->code, $status, (int) round( ( microtime( true ) - $started ) * 1000 ), $context )
		);
		return $answer;
	}

	/**
	 * Logs one call when WP_DEBUG is on (filter `batchkeys_debug_log`): the secret as ****, the
	 * key masked.
	 *
	 * @param Product              $product Product.
	 * @param string               $url     URL.
	 * @param array<string,string> $headers Headers sent.
	 * @param string               $outcome What happened.
	 * @return void
	 */
	private function log( Product $product, $url, array $headers, $outcome ) {
		/**
		 * Filters whether API calls are written to the PHP error log (default: WP_DEBUG).
		 *
		 * @param bool $log Whether to log.
		 */
		if ( ! apply_filters( 'batchkeys_debug_log', defined( 'WP_DEBUG' ) && WP_DEBUG ) ) {
			return;
		}
		$shown = array();
		foreach ( $headers as $name => $value ) {
			if ( 'auth' === $name ) {
				$value = '****';
			} elseif ( 'key' === $name ) {
				$value = (string) $product->key_format->mask( $value );
			}
			$shown[] = $name . ': ' . $value;
		}
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- opt-in debug log; the secret is never written.
		error_log( sprintf( 'BatchKeys: %s %s [%s] -> %s', $product->slug, esc_url_raw( $url ), implode( '; ', $shown ), $outcome ) );
	}
}
