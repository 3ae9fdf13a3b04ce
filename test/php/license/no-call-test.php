<?php
/**
 * A check that made no call never changes the license record: the secret kept in an
 * environment variable that WP-Cron or WP-CLI does not see, or an API URL the secret may not
 * travel to. The screen, the notices and Site Health say where the secret was missing.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\License;

use BatchKeys\Kit\Api\Answer;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\License\Transition;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** No call, no change. */
final class No_Call_Test extends Kit_Test_Case {

	const ENV = 'BATCHKEYS_TEST_ENV_ONLY_AUTH';

	/** Clears the environment variable. */
	protected function tearDown(): void {
		putenv( self::ENV );
		parent::tearDown();
	}

	/** The pure rule: an answer made without a call returns the record unchanged. */
	public function test_transition_keeps_the_record_without_a_call() {
		$record               = new Record();
		$record->key          = self::GOOD;
		$record->state        = 'active';
		$record->code         = 'valid';
		$record->last_success = 1000;
		$record->last_checked = 1000;
		$record->next_check   = 2000;
		foreach ( array( 'not_configured', 'insecure_api_url' ) as $code ) {
			$after = Transition::check( $record, new Answer( $code ), 5000000, array( 'slot' => 0 ) );
			$this->assertTrue( $record->equals( $after ), $code );
		}
	}

	/**
	 * The repro: an active key, the secret in an environment variable the cron process does not
	 * see. Rechecks across the whole grace period make no call and leave the record active,
	 * features on; the screen's view, the dashboard notice and Site Health name the cause.
	 */
	public function test_a_cron_check_without_the_secret_changes_nothing() {
		putenv( self::ENV . '=' . self::secret() );
		$product = $this->temporary_product(
			'env-only',
			array( 'auth' => self::ENV )
		);
		$this->assertSame( 200, $this->activate( self::GOOD, 'env-only' )->get_status() );
		$before = $this->stored( 'env-only' );
		$calls  = count( $this->mock->log() );

		// The cron process: no such variable.
		putenv( self::ENV );
		$this->add_test_filter( 'wp_doing_cron', '__return_true' );
		$start = \BatchKeys\Kit\Clock::now();
		foreach ( array( 2, 3, 9, 30 ) as $day ) {
			$this->set_now( $start + $day * DAY_IN_SECONDS );
			$result = $this->kit()->licenses()->check( $product, 'background' );
			$this->assertSame( 'not_configured', $result->code );
			$this->assertFalse( $result->called );
		}
		$outcomes = ( new \BatchKeys\Kit\Cron\Scheduler( $this->kit() ) )->run( 'cron' );
		$this->assertSame( array( 'env-only' => 'not_configured' ), array_intersect_key( $outcomes, array( 'env-only' => 1 ) ) );
		$this->assertCount( $calls, $this->mock->log(), 'no call was made' );
		$this->assertSame( $before, $this->stored( 'env-only' ), 'the record is exactly as it was' );
		$this->assertTrue( batchkeys_is_active( 'env-only' ) );
		$this->assertGreaterThan( \BatchKeys\Kit\Clock::now() + 60, (int) wp_next_scheduled( 'batchkeys_recheck' ), 'no event every minute for a check that cannot run' );

		// The web server's process sees the variable: the screen says where it was missing.
		remove_all_filters( 'wp_doing_cron' );
		putenv( self::ENV . '=' . self::secret() );
		$view = $this->call( 'GET', self::license_route( 'env-only' ) )->get_data();
		$this->assertSame( 'active', $view['state'] );
		$this->assertTrue( $view['configured'] );
		$this->assertSame( 'cron', $view['secret_missing']['context'] );
		$this->assertStringContainsString( 'WP-Cron', $view['secret_missing']['message'] );
		$this->assertStringContainsString( self::ENV, $view['secret_missing']['message'] );

		$notices   = new \BatchKeys\Kit\Admin\Notices( $this->kit() );
		$situation = $notices->situation( $product );
		$this->assertSame( 'notice-warning', $situation['kind'] );
		$this->assertStringContainsString( 'WP-Cron', $situation['message'] );
		$this->assertStringNotContainsString( 'could not be reached', $situation['message'] );

		$health = ( new \BatchKeys\Kit\Health\License_Tests( $this->kit() ) )->secret( $product );
		$this->assertSame( 'recommended', $health['status'] );
		$this->assertStringContainsString( 'WP-Cron', $health['description'] );

		// A background check that can call clears the note.
		$this->add_test_filter( 'wp_doing_cron', '__return_true' );
		$this->later( 3600 );
		$this->assertSame( 'valid', $this->kit()->licenses()->check( $product, 'background' )->code );
		remove_all_filters( 'wp_doing_cron' );
		$this->assertNull( $this->kit()->licenses()->view( $product )['secret_missing'] );
	}

	/** A person's check now without the secret: 503, no call, the record untouched. */
	public function test_an_interactive_check_without_the_secret_changes_nothing() {
		putenv( self::ENV . '=' . self::secret() );
		$this->temporary_product( 'env-only', array( 'auth' => self::ENV ) );
		$this->assertSame( 200, $this->activate( self::GOOD, 'env-only' )->get_status() );
		$before = $this->stored( 'env-only' );
		putenv( self::ENV );
		$this->later( 3 * DAY_IN_SECONDS );
		$this->assertKitError( $this->call( 'POST', self::check_route( 'env-only' ) ), 'not_configured', 503 );
		$this->assertSame( $before, $this->stored( 'env-only' ) );
	}
}
