<?php
/**
 * A served site of its own for the bundling tests (tools/site.sh --name=bundling): the PHPUnit
 * process boots WordPress once, with one set of plugins, so the election over other sets of
 * plugins and themes is watched through fresh processes (site-runner.php) and real HTTP.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Bundling;

use BatchKeys\Tests\Site_Http;

/** Starts (and stops) the bundling site, acts on it, and reads it over HTTP as the admin. */
final class Bundling_Site {

	/**
	 * The site's JSON (tools/site.sh): url, abspath, debug_log...
	 *
	 * @var array
	 */
	public $site;

	/**
	 * Site name (tools/site.sh --name).
	 *
	 * @var string
	 */
	private $name;

	/**
	 * Whether this run started the site (and so stops it).
	 *
	 * @var bool
	 */
	private $started = false;

	/**
	 * The logged-in HTTP client.
	 *
	 * @var Site_Http|null
	 */
	private $http = null;

	/**
	 * REST nonce of the HTTP client's session.
	 *
	 * @var string
	 */
	private $nonce = '';

	/**
	 * The repository's root.
	 *
	 * @return string
	 */
	public static function root() {
		return dirname( __DIR__, 3 );
	}

	/**
	 * Starts the site on the same WordPress and database kind as the PHPUnit site (reuses it
	 * when it runs already).
	 */
	public function start() {
		$suite      = isset( BATCHKEYS_TEST_SITE['wp_suite'] ) ? BATCHKEYS_TEST_SITE['wp_suite'] : 'sid';
		$db         = isset( BATCHKEYS_TEST_SITE['db'] ) ? BATCHKEYS_TEST_SITE['db'] : 'sqlite';
		$this->name = 'sid' === $suite && 'sqlite' === $db ? 'bundling' : "bundling-$suite-$db";
		$site_sh    = self::root() . '/tools/site.sh';

		$status        = self::run( array( 'bash', $site_sh, 'status', '--name=' . $this->name ) );
		$this->started = 0 !== $status['status'];
		$start         = self::run( array( 'bash', $site_sh, 'start', '--name=' . $this->name, '--wp=' . $suite, '--db=' . $db, '--no-build' ) );
		if ( 0 !== $start['status'] ) {
			throw new \RuntimeException( "tools/site.sh start --name={$this->name} failed:\n" . $start['out'] . $start['err'] );
		}
		$this->site = json_decode( (string) file_get_contents( self::root() . "/.batchkeys/site-{$this->name}.json" ), true );
	}

	/** Stops the site when this run started it. */
	public function stop() {
		if ( $this->started ) {
			self::run( array( 'bash', self::root() . '/tools/site.sh', 'stop', '--name=' . $this->name ) );
			$this->started = false;
		}
	}

	/**
	 * Runs a command without the PHPUnit process's WP_TEST_DB (which would select the test
	 * database of the site).
	 *
	 * @param string[] $command Command and arguments.
	 * @return array{status:int, out:string, err:string}
	 */
	public static function run( array $command ) {
		$env = getenv();
		unset( $env['WP_TEST_DB'] );
		$process = proc_open(
			implode( ' ', array_map( 'escapeshellarg', $command ) ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			self::root(),
			$env
		);
		$out     = stream_get_contents( $pipes[1] );
		$err     = stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array(
			'status' => proc_close( $process ),
			'out'    => (string) $out,
			'err'    => (string) $err,
		);
	}

	/**
	 * Copies the kit into the fixtures with another copy the newest (tools/build-fixtures.sh).
	 *
	 * @param string $newest standalone, example-plugin or example-theme.
	 */
	public static function fixtures( $newest ) {
		$result = self::run( array( 'bash', self::root() . '/tools/build-fixtures.sh', '--newest=' . $newest, '--quiet' ) );
		if ( 0 !== $result['status'] ) {
			throw new \RuntimeException( "tools/build-fixtures.sh --newest=$newest failed:\n" . $result['err'] );
		}
	}

	/**
	 * One run of site-runner.php: a fresh request on the site's own database.
	 *
	 * @param string ...$arguments Command and its arguments.
	 * @return array The runner's answer.
	 */
	public function runner( ...$arguments ) {
		$result = self::run( array_merge( array( 'php', __DIR__ . '/site-runner.php', $this->site['abspath'], $this->site['url'] ), $arguments ) );
		$lines  = array_values( array_filter( explode( "\n", trim( $result['out'] ) ) ) );
		$answer = $lines ? json_decode( (string) end( $lines ), true ) : null;
		if ( 0 !== $result['status'] || ! is_array( $answer ) ) {
			throw new \RuntimeException( 'site-runner.php ' . implode( ' ', $arguments ) . " failed:\n" . $result['out'] . $result['err'] );
		}
		return $answer;
	}

	/**
	 * A GET, POST... on the site as the logged-in admin (the REST nonce sent on /wp-json/).
	 *
	 * @param string     $method HTTP method.
	 * @param string     $path   Path and query.
	 * @param mixed|null $json   JSON body.
	 * @return array{status:int, headers:array<string,string>, body:string, json:mixed}
	 */
	public function request( $method, $path, $json = null ) {
		if ( null === $this->http ) {
			$this->http  = new Site_Http( $this->site['url'] );
			$this->nonce = $this->http->login( 'admin', 'password' );
		}
		$options = array( 'headers' => array( 'X-WP-Nonce: ' . $this->nonce ) );
		if ( null !== $json ) {
			$options['json'] = $json;
		}
		return $this->http->request( $method, $path, $options );
	}

	/**
	 * A GET as a visitor (no cookie).
	 *
	 * @param string $path Path and query.
	 * @return array{status:int, headers:array<string,string>, body:string, json:mixed}
	 */
	public function visit( $path ) {
		return ( new Site_Http( $this->site['url'] ) )->request( 'GET', $path );
	}

	/**
	 * URL of a path on the site.
	 *
	 * @param string $path Path.
	 * @return string
	 */
	public function url( $path ) {
		return rtrim( $this->site['url'], '/' ) . $path;
	}

	/**
	 * What the site wrote to its debug.log.
	 *
	 * @return string
	 */
	public function debug_log() {
		return is_readable( $this->site['debug_log'] ) ? (string) file_get_contents( $this->site['debug_log'] ) : '';
	}

	/** Empties debug.log. */
	public function clear_debug_log() {
		if ( is_file( $this->site['debug_log'] ) ) {
			file_put_contents( $this->site['debug_log'], '' );
		}
	}
}
