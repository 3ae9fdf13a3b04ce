<?php
/**
 * Where this site lives, as the kit tells BatchKeys.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Site;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The site's domain and the facts stored with an activation (the fingerprint).
 *
 * The domain comes from the `home` option as the database holds it, never from the request:
 * neither `$_SERVER['HTTP_HOST']` nor a `WP_HOME` constant built from it, nor a multilingual or
 * domain-mapping plugin's per-request `home_url` filter may change what is sent to BatchKeys (a
 * forged `Host` header must not make the site ask BatchKeys about another domain).
 */
final class Address {

	/**
	 * The `home` option as stored, without the `option_home` filters (WP_HOME included): read
	 * from the autoloaded options WordPress has already loaded, so it costs no query.
	 *
	 * @return string
	 */
	public static function stored_home() {
		$all = wp_load_alloptions();
		if ( isset( $all['home'] ) && is_string( $all['home'] ) ) {
			return $all['home'];
		}
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s LIMIT 1", 'home' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the unfiltered value, once, when home is not autoloaded.
		return is_string( $value ) ? $value : '';
	}

	/**
	 * The domain BatchKeys would see for this site now: the bare host of the stored home URL.
	 *
	 * @return string
	 */
	public static function current_domain() {
		/**
		 * Filters the domain the kit considers this site's own (for example, a network's domain).
		 * Never derive it from the request.
		 *
		 * @param string $domain Bare lower-case host of the stored home URL.
		 */
		$domain = apply_filters( 'batchkeys_domain', self::host_of( self::stored_home() ) );
		return is_string( $domain ) ? self::normalize( $domain ) : '';
	}

	/**
	 * The domain of the whole network, for a license that covers every site of it: the
	 * network's own host (stored, never from the request), whatever site asks. On a single
	 * site, the site's domain.
	 *
	 * @return string
	 */
	public static function network_domain() {
		$network = is_multisite() ? get_network() : null;
		if ( null === $network ) {
			return self::current_domain();
		}
		/** This filter is documented in current_domain(). */
		$domain = apply_filters( 'batchkeys_domain', self::normalize( $network->domain ) );
		return is_string( $domain ) ? self::normalize( $domain ) : '';
	}

	/**
	 * The bare host of a URL ('' when it has none).
	 *
	 * @param string $url URL.
	 * @return string
	 */
	public static function host_of( $url ) {
		$host = wp_parse_url( (string) $url, PHP_URL_HOST );
		return is_string( $host ) ? self::normalize( $host ) : '';
	}

	/**
	 * A host as BatchKeys gets it: lower case, no brackets, no trailing dot, no port, ASCII.
	 *
	 * @param string $host Host.
	 * @return string
	 */
	public static function normalize( $host ) {
		$host = strtolower( trim( (string) $host ) );
		if ( '[' === substr( $host, 0, 1 ) ) {
			$host = trim( (string) substr( $host, 0, (int) strpos( $host . ']', ']' ) ), '[' );
		} elseif ( 1 === substr_count( $host, ':' ) ) {
			$host = (string) substr( $host, 0, (int) strpos( $host, ':' ) );
		}
		$host = rtrim( $host, '.' );
		if ( preg_match( '/[^\x20-\x7e]/', $host ) && function_exists( 'idn_to_ascii' ) ) {
			$ascii = idn_to_ascii( $host, 0, defined( 'INTL_IDNA_VARIANT_UTS46' ) ? INTL_IDNA_VARIANT_UTS46 : 0 );
			$host  = is_string( $ascii ) ? $ascii : $host;
		}
		return preg_match( '/^[a-z0-9.:_-]+$/', $host ) ? $host : '';
	}

	/**
	 * Whether two domains are the same site for the kit: equal, or equal apart from a leading
	 * `www.` (example.com and www.example.com are one site, not a move).
	 *
	 * @param string $a Domain.
	 * @param string $b Domain.
	 * @return bool
	 */
	public static function same_site( $a, $b ) {
		return self::strip_www( $a ) === self::strip_www( $b );
	}

	/**
	 * A domain without a leading `www.`.
	 *
	 * @param string $domain Domain.
	 * @return string
	 */
	private static function strip_www( $domain ) {
		$domain = self::normalize( $domain );
		return 0 === strpos( $domain, 'www.' ) ? substr( $domain, 4 ) : $domain;
	}

	/**
	 * The facts stored with an activation: the domain (as sent), the stored home URL, the
	 * environment type and, on multisite, the blog and network ids.
	 *
	 * @param string $scope 'site', or 'network' for a license of the whole network.
	 * @return array{domain: string, home: string, env: string, blog_id: int, network_id: int, scope: string}
	 */
	public static function facts( $scope = 'site' ) {
		$network = 'network' === $scope && is_multisite();
		return array(
			'domain'     => $network ? self::network_domain() : self::current_domain(),
			'home'       => self::stored_home(),
			'env'        => wp_get_environment_type(),
			'blog_id'    => (int) get_current_blog_id(),
			'network_id' => function_exists( 'get_current_network_id' ) ? (int) get_current_network_id() : 1,
			'scope'      => $network ? 'network' : 'site',
		);
	}
}
