<?php
/**
 * Hints that an address is a staging or development copy.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Site;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Host patterns and the environment type. They are hints, never verdicts: real production sites
 * answer at addresses like mysite.wpengine.com, and `stagingcoach.com` is nobody's staging copy.
 * So a hint only pre-selects an answer or adds a warning; a person decides.
 *
 * Hosts are matched by DNS labels, never by substring: the first label exactly `staging`,
 * `stage`, `stg`, `dev`, `test`, `qa`, `uat`, `preview` or `staging` followed by digits; the
 * reserved names `localhost`, `*.localhost`, `*.test`, `*.example`, `*.invalid`, `*.local`; and
 * hosting providers' staging domains. IP addresses are not hints: they say nothing about a site's
 * role.
 */
final class Staging_Hosts {

	/**
	 * First labels that name a staging or development copy.
	 */
	const FIRST_LABELS = array( 'staging', 'stage', 'stg', 'dev', 'test', 'qa', 'uat', 'preview' );

	/**
	 * Last labels reserved for tests and local networks (RFC 2606, RFC 6762).
	 */
	const RESERVED_TLDS = array( 'localhost', 'test', 'example', 'invalid', 'local' );

	/**
	 * Hosting providers' staging and temporary domains: suffix => pattern the label before it must
	 * match ('' for any).
	 */
	const PROVIDERS = array(
		'wpengine.com'             => '',
		'wpenginepowered.com'      => '',
		'kinsta.cloud'             => '/^(staging|stg|env)-/',
		'kinsta.com'               => '/^(staging|stg|env)-/',
		'pantheonsite.io'          => '/^(dev|test)-/',
		'cloudwaysapps.com'        => '',
		'myftpupload.com'          => '',
		'mystagingwebsite.com'     => '',
		'flywheelstaging.com'      => '',
		'tempurl.host'             => '',
		'wpmudev.host'             => '',
		'instawp.co'               => '',
		'instawp.link'             => '',
		'instawp.xyz'              => '',
		'ngrok.io'                 => '',
		'ngrok-free.app'           => '',
		'wpsandbox.pro'            => '',
		'playground.wordpress.net' => '',
		'tastewp.com'              => '',
	);

	/**
	 * Whether a host looks like a staging or development address.
	 *
	 * @param string $host Bare lower-case host.
	 * @return bool
	 */
	public static function matches( $host ) {
		$host = Address::normalize( $host );
		if ( '' === $host || false !== filter_var( $host, FILTER_VALIDATE_IP ) || false !== strpos( $host, ':' ) ) {
			return false;
		}
		$labels = explode( '.', $host );
		$last   = (string) end( $labels );
		$first  = (string) reset( $labels );
		if ( 'localhost' === $host || in_array( $last, self::RESERVED_TLDS, true ) ) {
			return true;
		}
		if ( count( $labels ) > 2 && ( in_array( $first, self::FIRST_LABELS, true ) || preg_match( '/^staging[0-9]+$/', $first ) ) ) {
			return true;
		}
		foreach ( self::PROVIDERS as $suffix => $pattern ) {
			$tail = '.' . $suffix;
			if ( strlen( $host ) > strlen( $tail ) && substr( $host, -strlen( $tail ) ) === $tail ) {
				$label = substr( $host, 0, -strlen( $tail ) );
				$label = (string) substr( (string) strrchr( '.' . $label, '.' ), 1 );
				if ( '' === $pattern || preg_match( $pattern, $label ) ) {
					return true;
				}
			} elseif ( $host === $suffix && 'playground.wordpress.net' === $suffix ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The hints for a site: `host` when the address matches a pattern; `environment` when the
	 * environment type is not production and differs from the one the key was activated in (a
	 * production database copied to a site that says it is staging). Filterable
	 * (`batchkeys_staging_hints`).
	 *
	 * @param string $host    Bare host.
	 * @param string $env     wp_get_environment_type() now.
	 * @param string $was_env The environment type at activation.
	 * @return string[]
	 */
	public static function hints( $host, $env, $was_env = 'production' ) {
		$hints = array();
		if ( self::matches( $host ) ) {
			$hints[] = 'host';
		}
		if ( 'production' !== $env && $env !== $was_env ) {
			$hints[] = 'environment';
		}
		/**
		 * Filters the hints that a site is a staging or development copy. They only pre-select an
		 * answer or add a warning; a person always decides.
		 *
		 * @param string[] $hints `host`, `environment`.
		 * @param string   $host  The site's domain.
		 * @param string   $env   The environment type.
		 */
		$hints = apply_filters( 'batchkeys_staging_hints', $hints, $host, $env );
		return is_array( $hints ) ? array_values( array_filter( $hints, 'is_string' ) ) : array();
	}
}
