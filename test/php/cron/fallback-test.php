<?php
/**
 * Dead cron: an admin page load starts the due checks in a loopback request, at most once per 12 h.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Cron;

use BatchKeys\Kit\Cron\Fallback;
use BatchKeys\Kit\Cron\Runner;
use BatchKeys\Kit\Cron\Scheduler;

require_once __DIR__ . '/class-cron-test-case.php';

/** The fallback when WP-Cron does not run. */
final class Fallback_Test extends Cron_Test_Case {

	/**
	 * Loopback requests the admin pages started: the form body of each (the filter stands in for
	 * the socket; the served site's own loopback is tested over HTTP).
	 *
	 * @var array<int, array<string, string>>
	 */
	private $spawned = array();

	/** The daily slot of the first check after T0 (03:00 the next day). */
	const SLOT = self::T0 + 19 * HOUR_IN_SECONDS;

	/** Catches the loopback requests. */
	protected function setUp(): void {
		parent::setUp();
		$this->spawned = array();
		$this->add_test_filter(
			'batchkeys_fallback_spawn',
			function ( $sent, $url, $body ) {
				unset( $sent );
				$this->assertStringEndsWith( '/wp-admin/admin-ajax.php', $url );
				parse_str( $body, $form );
				$this->spawned[] = $form;
				return true;
			},
			10,
			3
		);
	}

	/**
	 * One admin page load at $now (admin_init's part). Returns the token of the loopback request
	 * it started, or null; it makes no request to BatchKeys itself.
	 *
	 * @param int $now Unix timestamp.
	 * @return string|null
	 */
	private function admin_page( $now ) {
		$this->set_now( $now );
		$before  = count( $this->requests );
		$spawned = count( $this->spawned );
		( new Scheduler( $this->kit() ) )->admin_init();
		$this->assertCount( $before, $this->requests, 'no request while the page is built' );
		if ( count( $this->spawned ) === $spawned ) {
			return null;
		}
		$form = end( $this->spawned );
		$this->assertSame( Fallback::ACTION, $form['action'] );
		return $form['token'];
	}

	/**
	 * The loopback request with a token (what admin-ajax.php runs).
	 *
	 * @param string|null $token Token.
	 * @return array<string, string>
	 */
	private function loopback( $token ) {
		return ( new Scheduler( $this->kit() ) )->fallback()->run( (string) $token );
	}

	/** An active key, the mock's log cleared. */
	private function active_product() {
		$product = $this->temporary_product( 'cron-dead' );
		$this->activate_key( $product, self::GOOD );
		$this->mock->reset();
		$this->mock->rate_limit( 0 );
		$this->requests = array();
		$this->assertSame( self::SLOT, wp_next_scheduled( Scheduler::HOOK ) );
		return $product;
	}

	/** The event more than 12 h overdue: the next admin page starts the due check in a request of its own. */
	public function test_overdue_event_runs_from_a_loopback_request() {
		$this->active_product();
		$this->on_admin_page();

		$this->assertNull( $this->admin_page( self::SLOT + 11 * HOUR_IN_SECONDS ), 'late, but WP-Cron may still come' );
		$token = $this->admin_page( self::SLOT + 12 * HOUR_IN_SECONDS + 1 );
		$this->assertNotNull( $token );
		$this->assertSame( array(), $this->mock_calls(), 'the page itself calls nothing' );

		$this->assertSame( array(), $this->loopback( 'forged' ), 'a wrong token runs nothing' );
		$this->assertSame( array( 'cron-dead' => 'valid' ), $this->loopback( $token ) );
		$this->assertSame( array(), $this->loopback( $token ), 'a token is good once' );
		$this->assertCount( 1, $this->mock_calls() );
		$this->assertSame( 'fallback', get_option( Runner::LAST_RUN )['source'] );
		$this->assertSame( self::SLOT + DAY_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ), 'the event is back on the slot' );
	}

	/** DISABLE_WP_CRON: a due check runs from admin pages, at most once per 12 h. */
	public function test_disable_wp_cron_at_most_once_per_twelve_hours() {
		$this->active_product();
		$this->on_admin_page();
		$this->add_test_filter( 'batchkeys_wp_cron_disabled', '__return_true' );

		$this->assertNull( $this->admin_page( self::SLOT - 60 ), 'nothing due yet' );
		$token = $this->admin_page( self::SLOT + 60 );
		// BatchKeys is down: the retry is due an hour later...
		$this->mock->fault( array( 'mode' => 'http500' ) );
		$this->assertSame( array( 'cron-dead' => 'connection' ), $this->loopback( $token ) );
		$this->assertSame( self::SLOT + 60 + HOUR_IN_SECONDS, $this->record( 'cron-dead' )->next_check );

		// ...but the next fallback waits for the 12-hour window.
		$this->assertNull( $this->admin_page( self::SLOT + 2 * HOUR_IN_SECONDS ) );
		$this->assertNull( $this->admin_page( self::SLOT + 12 * HOUR_IN_SECONDS ) );
		$this->assertCount( 1, $this->mock_calls() );

		$this->mock->fault( array( 'mode' => 'none' ) );
		$token = $this->admin_page( self::SLOT + 60 + 12 * HOUR_IN_SECONDS );
		$this->assertSame( array( 'cron-dead' => 'valid' ), $this->loopback( $token ) );
		$this->assertCount( 2, $this->mock_calls() );
		$this->assertSame( 'active', $this->record( 'cron-dead' )->state );
	}

	/** A token that came too late runs nothing. */
	public function test_an_expired_token_runs_nothing() {
		$this->active_product();
		$this->on_admin_page();
		$token = $this->admin_page( self::SLOT + 13 * HOUR_IN_SECONDS );
		$this->set_now( self::SLOT + 13 * HOUR_IN_SECONDS + Fallback::TOKEN_TTL + 1 );
		$this->assertSame( array(), $this->loopback( $token ) );
		$this->assertSame( array(), $this->mock_calls() );
	}

	/** Only admin pages: not the front end, AJAX, REST or WP-CLI; and only while something is due. */
	public function test_only_admin_pages_and_only_when_due() {
		$this->active_product();
		$this->add_test_filter( 'batchkeys_wp_cron_disabled', '__return_true' );
		$late = self::SLOT + 13 * HOUR_IN_SECONDS;

		$this->assertNull( $this->admin_page( $late ), 'front end' );
		$this->on_admin_page();
		$this->add_test_filter( 'wp_doing_ajax', '__return_true' );
		$this->assertNull( $this->admin_page( $late ), 'admin-ajax.php' );
		remove_filter( 'wp_doing_ajax', '__return_true' );

		// A rate-limit pause or no key: nothing due.
		update_option( 'batchkeys_rate_limited_until', $late + HOUR_IN_SECONDS, false );
		$this->assertNull( $this->admin_page( $late ) );
		delete_option( 'batchkeys_rate_limited_until' );
		$this->assertNotNull( $this->admin_page( $late ) );
		delete_option( Fallback::LOCK );
		$this->kit()->licenses()->deactivate( $this->product( 'cron-dead' ) );
		$this->assertNull( $this->admin_page( $late ) );
		$this->assertSame( array(), $this->mock_calls() );
	}
}
