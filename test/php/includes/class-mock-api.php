<?php
/**
 * Drives the mock BatchKeys API's control interface (/__mock/*) over real HTTP.
 * Uses PHP's curl directly, not the WordPress HTTP API, so tests that count the kit's outbound
 * requests (pre_http_request) count only the kit's.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests;

/** Client for the mock's control interface. */
final class Mock_Api {

	/**
	 * Base URL, e.g. http://127.0.0.1:40123.
	 *
	 * @var string
	 */
	private $base_url;

	/**
	 * Constructor.
	 *
	 * @param string $base_url The mock's URL.
	 */
	public function __construct( $base_url ) {
		$this->base_url = rtrim( $base_url, '/' );
	}

	/**
	 * Calls the control interface and returns the decoded JSON answer.
	 *
	 * @param string            $method GET or POST.
	 * @param string            $path   e.g. /__mock/faults.
	 * @param array|object|null $body   JSON body.
	 * @return mixed
	 */
	public function call( $method, $path, $body = null ) {
		$curl = curl_init( $this->base_url . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 10,
				CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json' ),
				CURLOPT_POSTFIELDS     => null === $body ? '' : json_encode( $body ),
			)
		);
		$raw    = curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		if ( false === $raw || $status >= 400 ) {
			throw new \RuntimeException( "mock $method $path answered $status: " . (string) $raw );
		}
		return json_decode( (string) $raw, true );
	}

	/** Restores the seeded store and clears the log, faults and rate-limit counters. */
	public function reset() {
		$this->call( 'POST', '/__mock/reset', new \stdClass() );
	}

	/**
	 * Sets a fault for the next requests.
	 *
	 * @param array $fault {mode, times?, delay_ms?, error?, status?}.
	 */
	public function fault( array $fault ) {
		$this->call( 'POST', '/__mock/faults', $fault );
	}

	/**
	 * Creates or replaces a key.
	 *
	 * @param array $key {key, auth?, domains_allowed?, ...}.
	 */
	public function key( array $key ) {
		$this->call( 'POST', '/__mock/keys', $key );
	}

	/**
	 * Every /api.php request the mock received since the last reset.
	 *
	 * @return array
	 */
	public function log() {
		$log = $this->call( 'GET', '/__mock/log' );
		return isset( $log['requests'] ) ? $log['requests'] : (array) $log;
	}

	/** Clears the request log only (keys, faults and switches stay). */
	public function reset_log() {
		$this->call( 'POST', '/__mock/log', new \stdClass() );
	}

	/**
	 * Sets how the mock binds a domain: `valid` (any valid answer) or `active` (only active: 1).
	 *
	 * @param string $bind_on valid or active.
	 */
	public function bind_on( $bind_on ) {
		$this->call( 'POST', '/__mock/binding', array( 'bind_on' => $bind_on ) );
	}

	/**
	 * The domains the mock has bound to a key.
	 *
	 * @param string $key Key.
	 * @return string[]
	 */
	public function domains( $key ) {
		foreach ( $this->call( 'GET', '/__mock/keys' )['keys'] as $record ) {
			if ( $record['key'] === $key ) {
				return $record['domains'];
			}
		}
		return array();
	}

	/**
	 * Sets the mock's per-client rate limit (0 = off).
	 *
	 * @param int $per_minute Calls a minute.
	 */
	public function rate_limit( $per_minute ) {
		$this->call( 'POST', '/__mock/rate-limit', array( 'per_minute' => (int) $per_minute ) );
	}
}
