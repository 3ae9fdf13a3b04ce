<?php
/**
 * What each kind of real request loads and writes, on the served site: the kit files it includes,
 * no row and no event while no key is stored, and an admin page that never waits for the
 * dead-cron fallback. Uses the bench's probe (tools/bench/batchkeys-bench.php), installed into
 * the served site for this class only.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Loading;

use BatchKeys\Tests\Kit_Test_Case;
use BatchKeys\Tests\Site_Http;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Real requests to the local site, one per kind. */
final class Loading_Test extends Kit_Test_Case {

	/**
	 * The files an anonymous front page may include: the election, this copy's version, the
	 * boot (autoloader) and the Kit, which keeps the registrations and answers is_active().
	 */
	const FRONT_FILES = array( 'boot.php', 'load.php', 'src/class-kit.php', 'version.php' );

	/**
	 * The probe's folder in the served site's wp-content.
	 *
	 * @var string
	 */
	private static $dir = '';

	/**
	 * Logged-in client.
	 *
	 * @var Site_Http
	 */
	private $http;

	/**
	 * REST nonce of that session.
	 *
	 * @var string
	 */
	private $nonce = '';

	/**
	 * Request counter (probe ids).
	 *
	 * @var int
	 */
	private static $counter = 0;

	/** Installs the probe in the served site. */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		$content   = BATCHKEYS_TEST_SITE['abspath'] . 'wp-content';
		self::$dir = $content . '/batchkeys-bench';
		if ( ! is_dir( self::$dir ) ) {
			mkdir( self::$dir, 0777, true );
		}
		if ( ! is_dir( $content . '/mu-plugins' ) ) {
			mkdir( $content . '/mu-plugins', 0777, true );
		}
		file_put_contents( self::$dir . '/requests.jsonl', '' );
		file_put_contents( self::$dir . '/config.json', (string) wp_json_encode( array( 'log' => self::$dir . '/requests.jsonl' ) ) );
		copy( dirname( __DIR__, 3 ) . '/tools/bench/batchkeys-bench.php', $content . '/mu-plugins/batchkeys-bench.php' );
	}

	/** Removes the probe. */
	public static function tearDownAfterClass(): void {
		$content = BATCHKEYS_TEST_SITE['abspath'] . 'wp-content';
		foreach ( array( $content . '/mu-plugins/batchkeys-bench.php', self::$dir . '/config.json', self::$dir . '/requests.jsonl' ) as $file ) {
			if ( is_file( $file ) ) {
				unlink( $file );
			}
		}
		if ( is_dir( self::$dir ) ) {
			rmdir( self::$dir );
		}
		parent::tearDownAfterClass();
	}

	/** Logs in; the mock answers normally. */
	protected function setUp(): void {
		parent::setUp();
		$this->mock->rate_limit( 0 );
		$this->http  = $this->site_http();
		$this->nonce = $this->http->login( BATCHKEYS_TEST_SITE['admin_user'], BATCHKEYS_TEST_SITE['admin_password'] );
	}

	/** Leaves the served site without a key and the mock without a fault. */
	protected function tearDown(): void {
		$this->mock->fault( array( 'mode' => 'none' ) );
		$this->mock->reset();
		$this->load( 'rest', '/wp-json/batchkeys/v1/products/' . self::DEMO . '/license', array(), 'DELETE' );
		parent::tearDown();
	}

	/**
	 * One tagged request and the probe's line for it.
	 *
	 * @param string   $who     visitor, admin or rest.
	 * @param string   $path    Path.
	 * @param string[] $headers Extra request headers ("Name: value").
	 * @param string   $method  Method.
	 * @return array{answer: array, line: array<string, mixed>, seconds: float}
	 */
	private function load( $who, $path, array $headers = array(), $method = 'GET' ) {
		$id        = 'loading-' . ( ++self::$counter );
		$headers[] = 'X-BatchKeys-Bench-Id: ' . $id;
		if ( 'rest' === $who ) {
			$headers[] = 'X-WP-Nonce: ' . $this->nonce;
		}
		$client  = 'visitor' === $who ? new Site_Http( BATCHKEYS_TEST_SITE['url'] ) : $this->http;
		$started = microtime( true );
		$answer  = $client->request( $method, $path, array( 'headers' => $headers ) );
		$seconds = microtime( true ) - $started;
		return array(
			'answer'  => $answer,
			'line'    => $this->line( $id ),
			'seconds' => $seconds,
		);
	}

	/**
	 * The probe's line for a request id (written at the request's shutdown).
	 *
	 * @param string $id Request id.
	 * @return array<string, mixed>
	 */
	private function line( $id ) {
		for ( $i = 0; $i < 60; $i++ ) {
			foreach ( file( self::$dir . '/requests.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $text ) {
				$line = json_decode( $text, true );
				if ( is_array( $line ) && isset( $line['id'] ) && $id === $line['id'] ) {
					return $line;
				}
			}
			usleep( 50000 );
		}
		$this->fail( "the probe logged no line for $id" );
	}

	/**
	 * Kit files of a line, sorted.
	 *
	 * @param array<string, mixed> $line Probe line.
	 * @return string[]
	 */
	private static function files( array $line ) {
		$files = $line['files'];
		sort( $files );
		return $files;
	}

	/**
	 * Files of a line under a folder of src/.
	 *
	 * @param array<string, mixed> $line   Probe line.
	 * @param string               $folder E.g. 'Rest'.
	 * @return string[]
	 */
	private static function under( array $line, $folder ) {
		return array_values(
			array_filter(
				$line['files'],
				static function ( $file ) use ( $folder ) {
					return 0 === strpos( $file, 'src/' . $folder . '/' );
				}
			)
		);
	}

	/**
	 * The outbound requests of a line the kit made (WordPress's own dashboard asks
	 * api.wordpress.org; the probe tells them apart by the call stack and the target).
	 *
	 * @param array<string, mixed> $line Probe line.
	 * @return array[]
	 */
	private static function kit_calls( array $line ) {
		return array_values(
			array_filter(
				$line['calls'],
				static function ( $call ) {
					return ! empty( $call['kit'] );
				}
			)
		);
	}

	/** Each kind of request includes the kit files it uses, and none of the others'. */
	public function test_each_request_kind_includes_only_its_kit_files() {
		$this->load( 'rest', '/wp-json/batchkeys/v1/products/' . self::DEMO . '/license', array(), 'DELETE' );
		$front = $this->load( 'visitor', '/' );
		$this->assertSame( 200, $front['answer']['status'] );
		$this->assertSame( self::FRONT_FILES, self::files( $front['line'] ), 'an anonymous front page: the election, the boot and the Kit only' );

		$dashboard = $this->load( 'admin', '/wp-admin/' );
		$this->assertSame( 200, $dashboard['answer']['status'] );
		$this->assertContains( 'src/Admin/class-notices.php', $dashboard['line']['files'] );
		foreach ( array( 'Rest', 'Cli', 'Health', 'Block' ) as $folder ) {
			$this->assertSame( array(), self::under( $dashboard['line'], $folder ), "the dashboard loads nothing of $folder" );
		}
		$this->assertNotContains( 'src/Admin/class-plugin-row.php', $dashboard['line']['files'], 'plugin rows only on the plugins screen' );

		$screen = $this->load( 'admin', '/wp-admin/options-general.php?page=batchkeys-' . self::DEMO );
		$this->assertSame( 200, $screen['answer']['status'] );
		$this->assertContains( 'src/Admin/class-screen.php', $screen['line']['files'] );
		$this->assertContains( 'src/Admin/class-assets.php', $screen['line']['files'], 'its script' );
		foreach ( array( 'Rest', 'Cli', 'Health' ) as $folder ) {
			$this->assertSame( array(), self::under( $screen['line'], $folder ), "the license screen loads nothing of $folder" );
		}

		$rest = $this->load( 'rest', '/wp-json/batchkeys/v1/products' );
		$this->assertSame( 200, $rest['answer']['status'] );
		$this->assertContains( 'src/Rest/class-products-controller.php', $rest['line']['files'] );
		foreach ( array( 'Admin', 'Cli', 'Cron', 'Block' ) as $folder ) {
			$this->assertSame( array(), self::under( $rest['line'], $folder ), "a REST read loads nothing of $folder" );
		}
		foreach ( array( $front, $dashboard, $screen, $rest ) as $load ) {
			$this->assertSame( array(), self::kit_calls( $load['line'] ), 'no outbound request of the kit' );
		}
	}

	/** No key: front page, dashboard, license screen and a REST read write no row and schedule nothing. */
	public function test_no_row_and_no_event_until_the_first_key() {
		$this->load( 'visitor', '/', array( 'X-BatchKeys-Bench-Reset: 1' ) );
		$this->load( 'visitor', '/' );
		$this->load( 'admin', '/wp-admin/' );
		$this->load( 'admin', '/wp-admin/plugins.php' );
		$this->load( 'admin', '/wp-admin/options-general.php?page=batchkeys-' . self::DEMO );
		$this->load( 'rest', '/wp-json/batchkeys/v1/products' );
		$after = $this->load( 'visitor', '/', array( 'X-BatchKeys-Bench-Autoload: 1' ) )['line']['autoload'];
		$this->assertSame( array(), $after['kit_rows'], 'no batchkeys_* row' );
		$this->assertSame( 0, $after['cron_events'] );

		$activated = $this->load( 'rest', '/wp-json/batchkeys/v1/products/' . self::DEMO . '/license', array( 'Content-Type: application/json' ), 'POST' );
		$this->assertSame( 400, $activated['answer']['status'], 'no key in the body' );
		$answer = $this->http->request(
			'POST',
			'/wp-json/batchkeys/v1/products/' . self::DEMO . '/license',
			array(
				'json'    => array( 'key' => self::GOOD ),
				'headers' => array( 'X-WP-Nonce: ' . $this->nonce ),
			)
		);
		$this->assertSame( 200, $answer['status'] );
		$with = $this->load( 'visitor', '/', array( 'X-BatchKeys-Bench-Autoload: 1' ) )['line']['autoload'];
		$this->assertSame( 1, $with['cron_events'], 'the event comes with the first key' );
		$this->assertSame( 0, $with['kit_bytes'], 'nothing autoloaded' );

		$this->load( 'rest', '/wp-json/batchkeys/v1/products/' . self::DEMO . '/license', array(), 'DELETE' );
		$gone = $this->load( 'visitor', '/', array( 'X-BatchKeys-Bench-Autoload: 1' ) )['line']['autoload'];
		$this->assertSame( 0, $gone['cron_events'], 'and goes with the last' );
	}

	/**
	 * The dead-cron fallback fires on an admin page while BatchKeys hangs: the page's response
	 * is complete well under a second (a functional bound; the check itself waits 15 s in its
	 * own loopback request, which the mock shows arriving).
	 */
	public function test_an_admin_page_never_waits_for_the_fallback() {
		// From a site without any batchkeys_* row (no throttle left by an earlier activation).
		$this->load( 'visitor', '/', array( 'X-BatchKeys-Bench-Reset: 1' ) );
		$answer = $this->http->request(
			'POST',
			'/wp-json/batchkeys/v1/products/' . self::DEMO . '/license',
			array(
				'json'    => array( 'key' => self::GOOD ),
				'headers' => array( 'X-WP-Nonce: ' . $this->nonce ),
			)
		);
		$this->assertSame( 200, $answer['status'] );
		$this->mock->reset();
		$this->mock->fault( array( 'mode' => 'timeout' ) );

		// The same page without the fallback first: on a busy machine the dashboard alone can take
		// longer than a second, so the bound is on what the fallback adds, not on the whole page.
		$plain = $this->load( 'admin', '/wp-admin/' );
		$page  = $this->load( 'admin', '/wp-admin/', array( 'X-BatchKeys-Bench-Fallback: 1' ) );
		$this->assertSame( 200, $page['answer']['status'] );
		$this->assertLessThan(
			$plain['seconds'] + 1.0,
			$page['seconds'],
			'the response did not wait for BatchKeys (the hanging check takes 15 s)'
		);
		$this->assertSame( array(), self::kit_calls( $page['line'] ), 'the page itself made no request' );

		$arrived = array();
		for ( $i = 0; $i < 50 && ! $arrived; $i++ ) {
			usleep( 100000 );
			$arrived = array_filter(
				$this->mock->log(),
				static function ( $entry ) {
					return isset( $entry['path'] ) && 0 === strpos( $entry['path'], '/api.php' );
				}
			);
		}
		$this->assertCount( 1, $arrived, 'the check ran, in the loopback request' );
	}
}
