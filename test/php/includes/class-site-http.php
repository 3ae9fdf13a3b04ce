<?php
/**
 * Real HTTP to the served local site (its own database, not the test database), for what only a
 * real request shows: cookie + nonce checks, concurrency, headers on the wire.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests;

/** A browser-like client: logs in with a cookie jar and fetches the REST nonce. */
final class Site_Http {

	/**
	 * Site URL.
	 *
	 * @var string
	 */
	private $url;

	/**
	 * Cookie jar file.
	 *
	 * @var string
	 */
	private $jar;

	/**
	 * Constructor.
	 *
	 * @param string $url The site's URL.
	 */
	public function __construct( $url ) {
		$this->url = rtrim( $url, '/' );
		$this->jar = (string) tempnam( sys_get_temp_dir(), 'bk-jar' );
	}

	/** Removes the cookie jar. */
	public function __destruct() {
		if ( is_file( $this->jar ) ) {
			unlink( $this->jar );
		}
	}

	/**
	 * Logs in through wp-login.php as a browser does.
	 *
	 * @param string $user     User login.
	 * @param string $password Password.
	 * @return string The REST nonce for this session.
	 */
	public function login( $user, $password ) {
		$this->request( 'GET', '/wp-login.php' );
		$this->request(
			'POST',
			'/wp-login.php',
			array(
				'form' => array(
					'log'        => $user,
					'pwd'        => $password,
					'testcookie' => '1',
					'wp-submit'  => 'Log In',
				),
			)
		);
		$nonce = $this->request( 'GET', '/wp-admin/admin-ajax.php?action=rest-nonce' );
		return trim( $nonce['body'] );
	}

	/**
	 * One request; returns status, headers (lower-case names) and body.
	 *
	 * @param string $method  HTTP method.
	 * @param string $path    Path (and query) on the site.
	 * @param array  $options form (array), json (mixed), headers (array of "Name: value").
	 * @return array{status:int, headers:array<string,string>, body:string, json:mixed}
	 */
	public function request( $method, $path, array $options = array() ) {
		$curl = $this->handle( $method, $path, $options );
		$raw  = (string) curl_exec( $curl );
		return $this->parse( $curl, $raw );
	}

	/**
	 * Runs the same request $count times at once (curl_multi) and returns every answer.
	 *
	 * @param int    $count   How many.
	 * @param string $method  HTTP method.
	 * @param string $path    Path.
	 * @param array  $options As for request().
	 * @return array[]
	 */
	public function concurrent( $count, $method, $path, array $options = array() ) {
		$multi   = curl_multi_init();
		$handles = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$handles[ $i ] = $this->handle( $method, $path, $options );
			curl_multi_add_handle( $multi, $handles[ $i ] );
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running && CURLM_OK === $status );
		$answers = array();
		foreach ( $handles as $curl ) {
			$raw = (string) curl_multi_getcontent( $curl );
			// Detached before parse() closes it: PHP 7.4 rejects removing a closed handle.
			curl_multi_remove_handle( $multi, $curl );
			$answers[] = $this->parse( $curl, $raw );
		}
		curl_multi_close( $multi );
		return $answers;
	}

	/**
	 * Builds a curl handle.
	 *
	 * @param string $method  HTTP method.
	 * @param string $path    Path.
	 * @param array  $options Options.
	 * @return \CurlHandle|resource
	 */
	private function handle( $method, $path, array $options ) {
		$headers = isset( $options['headers'] ) ? $options['headers'] : array();
		$curl    = curl_init( $this->url . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_HEADER         => true,
				CURLOPT_TIMEOUT        => 30,
				CURLOPT_COOKIEJAR      => $this->jar,
				CURLOPT_COOKIEFILE     => $this->jar,
			)
		);
		if ( isset( $options['form'] ) ) {
			curl_setopt( $curl, CURLOPT_POSTFIELDS, http_build_query( $options['form'] ) );
		} elseif ( array_key_exists( 'json', $options ) ) {
			$headers[] = 'Content-Type: application/json';
			curl_setopt( $curl, CURLOPT_POSTFIELDS, json_encode( $options['json'] ) );
		}
		curl_setopt( $curl, CURLOPT_HTTPHEADER, $headers );
		return $curl;
	}

	/**
	 * Splits a raw answer.
	 *
	 * @param \CurlHandle|resource $curl Handle.
	 * @param string               $raw  Headers and body.
	 * @return array{status:int, headers:array<string,string>, body:string, json:mixed}
	 */
	private function parse( $curl, $raw ) {
		$header_size = (int) curl_getinfo( $curl, CURLINFO_HEADER_SIZE );
		$status      = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		$headers     = array();
		foreach ( preg_split( "/\r\n/", substr( $raw, 0, $header_size ) ) as $line ) {
			if ( false !== strpos( $line, ':' ) ) {
				list( $name, $value )           = explode( ':', $line, 2 );
				$headers[ strtolower( $name ) ] = trim( $value );
			}
		}
		$body = (string) substr( $raw, $header_size );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'headers' => $headers,
			'body'    => $body,
			'json'    => json_decode( $body, true ),
		);
	}
}
