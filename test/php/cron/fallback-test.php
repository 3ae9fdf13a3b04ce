<?php
/**
 * Dead cron: a due check runs from an admin page load, after the response, at most once per 12 h.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Cron;

use BatchKeys\Kit\Cron\Scheduler;

require_once __DIR__ . '/class-cron-test-case.php';

/** The fallback when WP-Cron does not run. */
final class Fallback_Test extends Cron_Test_Case {

	/**
	 * A scheduler standing for one page load (its own "queued" flag), and its shutdown hook
	 * removed after the test.
	 *
	 * @var Scheduler|null
	 */
	private $page = null;

	/** The daily slot of the first check after T0 (03:00 the next day). */
	const SLOT = self::T0 + 19 * HOUR_IN_SECONDS;

	/** Removes the page's shutdown callback. */
	protected function tearDown(): void {
		if ( null !== $this->page ) {
			remove_action( 'shutdown', array( $this->page, 'run_fallback' ), 1000 );
			$this->page = null;
		}
		parent::tearDown();
	}

	/**
	 * One page load at $now: admin_init's part. Returns whether a fallback run was queued for
	 * shutdown (and made no request meanwhile).
	 *
	 * @param int $now Unix timestamp.
	 * @return bool
	 */
	private function admin_page( $now ) {
		if ( null !== $this->page ) {
			remove_action( 'shutdown', array( $this->page, 'run_fallback' ), 1000 );
		}
		$this->set_now( $now );
		$before     = count( $this->requests );
		$this->page = new Scheduler( $this->kit() );
		$this->page->maybe_fallback();
		$this->assertCount( $before, $this->requests, 'no request while the page is built' );
		return 1000 === has_action( 'shutdown', array( $this->page, 'run_fallback' ) );
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

	/** The event more than 12 h overdue: the next admin page runs the due check, after its response. */
	public function test_overdue_event_runs_from_an_admin_page_after_the_response() {
		$this->active_product();
		$this->on_admin_page();

		$this->assertFalse( $this->admin_page( self::SLOT + 11 * HOUR_IN_SECONDS ), 'late, but WP-Cron may still come' );
		$this->assertTrue( $this->admin_page( self::SLOT + 12 * HOUR_IN_SECONDS + 1 ) );
		$this->assertSame( array(), $this->mock_calls(), 'nothing before shutdown' );
		// After WordPress's own shutdown flush (wp_ob_end_flush_all, priority 1).
		$this->assertSame( 1, has_action( 'shutdown', 'wp_ob_end_flush_all' ) );

		$this->assertSame( array( 'cron-dead' => 'valid' ), $this->page->run_fallback() );
		$this->assertCount( 1, $this->mock_calls() );
		$this->assertSame( 'fallback', get_option( Scheduler::LAST_RUN )['source'] );
		$this->assertSame( self::SLOT + DAY_IN_SECONDS, wp_next_scheduled( Scheduler::HOOK ), 'the event is back on the slot' );
	}

	/** DISABLE_WP_CRON: a due check runs from admin pages, at most once per 12 h. */
	public function test_disable_wp_cron_at_most_once_per_twelve_hours() {
		$this->active_product();
		$this->on_admin_page();
		$this->add_test_filter( 'batchkeys_wp_cron_disabled', '__return_true' );

		$this->assertFalse( $this->admin_page( self::SLOT - 60 ), 'nothing due yet' );
		$this->assertTrue( $this->admin_page( self::SLOT + 60 ) );
		// BatchKeys is down: the retry is due an hour later...
		$this->mock->fault( array( 'mode' => 'http500' ) );
		$this->assertSame( array( 'cron-dead' => 'connection' ), $this->page->run_fallback() );
		$this->assertSame( self::SLOT + 60 + HOUR_IN_SECONDS, $this->record( 'cron-dead' )->next_check );

		// ...but the next fallback waits for the 12-hour window, even from two pages at once.
		$this->assertFalse( $this->admin_page( self::SLOT + 2 * HOUR_IN_SECONDS ) );
		$this->assertSame( array(), ( new Scheduler( $this->kit() ) )->run_fallback(), 'a racing page gets nothing' );
		$this->assertFalse( $this->admin_page( self::SLOT + 12 * HOUR_IN_SECONDS ) );
		$this->assertCount( 1, $this->mock_calls() );

		$this->mock->fault( array( 'mode' => 'none' ) );
		$this->assertTrue( $this->admin_page( self::SLOT + 60 + 12 * HOUR_IN_SECONDS ) );
		$this->assertSame( array( 'cron-dead' => 'valid' ), $this->page->run_fallback() );
		$this->assertCount( 2, $this->mock_calls() );
		$this->assertSame( 'active', $this->record( 'cron-dead' )->state );
	}

	/** Only admin pages: not the front end, AJAX, REST or WP-CLI; and only while something is due. */
	public function test_only_admin_pages_and_only_when_due() {
		$this->active_product();
		$this->add_test_filter( 'batchkeys_wp_cron_disabled', '__return_true' );
		$late = self::SLOT + 13 * HOUR_IN_SECONDS;

		$this->assertFalse( $this->admin_page( $late ), 'front end' );
		$this->on_admin_page();
		$this->add_test_filter( 'wp_doing_ajax', '__return_true' );
		$this->assertFalse( $this->admin_page( $late ), 'admin-ajax.php' );
		remove_filter( 'wp_doing_ajax', '__return_true' );
		$this->assertTrue( $this->admin_page( $late ) );

		// A rate-limit pause or no key: nothing due.
		update_option( 'batchkeys_rate_limited_until', $late + HOUR_IN_SECONDS, false );
		$this->assertFalse( $this->admin_page( $late ) );
		delete_option( 'batchkeys_rate_limited_until' );
		$this->kit()->licenses()->deactivate( $this->product( 'cron-dead' ) );
		$this->assertFalse( $this->admin_page( $late ) );
		$this->assertSame( array(), $this->mock_calls() );
	}

	/** Outside shutdown, a fallback run never touches the output buffers (nothing to flush yet). */
	public function test_no_flush_outside_shutdown() {
		$this->active_product();
		$level = ob_get_level();
		$this->set_now( self::SLOT + 13 * HOUR_IN_SECONDS );
		$this->assertSame( array( 'cron-dead' => 'valid' ), ( new Scheduler( $this->kit() ) )->run_fallback() );
		$this->assertSame( $level, ob_get_level() );
	}
}
