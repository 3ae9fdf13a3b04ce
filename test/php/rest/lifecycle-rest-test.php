<?php
/**
 * The edges of the license lifecycle over REST: the upstream's own words (cut, masked, also on
 * a first activation), the site limit named on a not-valid activation, the first strike and the
 * rate-limit pause named as such, Retry-After from the real holder, the URL's slug only.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Rest;

use BatchKeys\Kit\Admin\Notices;
use BatchKeys\Kit\Api\Detail;
use BatchKeys\Kit\License\Gate;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Every message names the real cause and the next step. */
final class Lifecycle_Rest_Test extends Kit_Test_Case {

	const NOW = 1795773600; // 2026-11-27 10:00:00 UTC.

	/** A fixed clock, an administrator. */
	protected function setUp(): void {
		parent::setUp();
		$this->set_now( self::NOW );
		$this->as_user( 'administrator' );
	}

	/**
	 * A first activation that meets an unknown upstream error shows the error's own words, cut,
	 * with the key it echoes masked and the secret replaced; a 60 KB text stored by an older
	 * copy of the kit is shown the same way.
	 */
	public function test_upstream_detail_on_a_first_activation_is_cut_and_masked() {
		$text = 'Backend refused key ' . self::GOOD . ' for auth ' . self::secret() . ': ' . str_repeat( 'x', 900 );
		$this->mock->fault(
			array(
				'mode'  => 'error',
				'error' => $text,
				'times' => 1,
			)
		);
		$response = $this->activate( self::GOOD );
		$this->assertKitError( $response, 'upstream_error', 502 );
		$detail = $response->get_data()['data']['detail'];
		$this->assertIsString( $detail, 'the error reply carries the detail' );
		$this->assertStringStartsWith( 'Backend refused key •••••••-•••••••-•••••••-•••••••-•••CCCC for auth ****: xxx', $detail );
		$this->assertSame( Detail::MAX, mb_strlen( $detail ) );
		$this->assertStringEndsWith( '…', $detail );
		$this->assertStringNotContainsString( self::GOOD, $detail );
		$this->assertNull( $this->stored(), 'nothing stored' );

		// On a stored key, the check's detail is cut and masked the same way, also when stored
		// whole by an older copy of the kit.
		$this->later();
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$record           = $this->stored();
		$record['code']   = 'upstream_error';
		$record['detail'] = $text . str_repeat( 'y', 60000 );
		update_option( 'batchkeys_license_' . self::DEMO, $record, false );
		$view = $this->call( 'GET', self::license_route() )->get_data();
		$this->assertSame( $detail, $view['detail'] );
	}

	/** Any key-shaped text in the detail is masked, not only the key that was sent. */
	public function test_detail_masks_any_key() {
		$clean = Detail::clean( "Keys\x00 " . self::GOOD2 . ' and ' . self::LOCKED . "\n", $this->product(), self::GOOD );
		$this->assertSame( 'Keys •••••••-•••••••-•••••••-•••••••-•••CCCC and •••••••-•••••••-•••••••-•••••••-•••CCCC', $clean );
		$this->assertNull( Detail::clean( "  \n", $this->product() ) );
	}

	/**
	 * Not valid on activation: the hint names the site limit as the likely cause and where to
	 * free an activation; the product's own account URL when it gave one.
	 */
	public function test_not_valid_activation_names_the_site_limit() {
		$response = $this->activate( self::LOCKED );
		$this->assertSame( 422, $response->get_status() );
		$hint = $response->get_data()['data']['hint'];
		$this->assertStringContainsString( 'already active on as many sites as it allows', $hint );
		$this->assertStringContainsString( 'deactivate the key on the license screen of a site', $hint );

		$this->temporary_product( 'with-account', array( 'account_url' => 'https://shop.example/account/licenses' ) );
		$response = $this->activate( self::LOCKED, 'with-account' );
		$this->assertSame( 422, $response->get_status() );
		$this->assertStringContainsString( 'https://shop.example/account/licenses', $response->get_data()['data']['hint'] );
		$this->assertSame( Messages::activation_invalid_hint( 'https://shop.example/account/licenses' ), $response->get_data()['data']['hint'] );
	}

	/**
	 * A first not-valid answer on an active key: the view says nothing changes until the
	 * confirming check at its time, and the dashboard notice says so too.
	 */
	public function test_first_strike_names_the_confirming_check() {
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->later();
		$this->mock->fault( array( 'mode' => 'over_limit' ) );
		$view = $this->call( 'POST', self::check_route() )->get_data();
		$this->assertSame( 'active', $view['state'] );
		$this->assertSame( 'invalid', $view['code'] );
		$this->assertTrue( $view['strike'] );
		$confirm = \BatchKeys\Kit\Clock::local( self::NOW + 11 + HOUR_IN_SECONDS );
		$this->assertSame(
			Messages::first_strike( $confirm ),
			array(
				'message' => $view['message'],
				'hint'    => $view['hint'],
			)
		);
		$this->assertStringContainsString( $confirm, $view['hint'] );

		$situation = ( new Notices( $this->kit() ) )->situation( $this->product() );
		$this->assertSame( 'notice-warning', $situation['kind'] );
		$this->assertStringContainsString( $confirm, $situation['message'] );
	}

	/**
	 * After "too fast": the view carries when the pause ends, and the dashboard names the pause,
	 * not an unreachable service.
	 */
	public function test_the_pause_is_named_as_such() {
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->later();
		$this->answer_too_fast();
		$this->assertKitError( $this->call( 'POST', self::check_route() ), 'rate_limited', 429 );
		$view = $this->call( 'GET', self::license_route() )->get_data();
		$this->assertSame( gmdate( DATE_ATOM, self::NOW + 11 + DAY_IN_SECONDS ), $view['paused_until'] );
		$this->assertSame( DAY_IN_SECONDS, $view['retry_after'] );

		$situation = ( new Notices( $this->kit() ) )->situation( $this->product() );
		$this->assertStringContainsString( 'asked this site to pause', $situation['message'] );
		$this->assertStringContainsString( \BatchKeys\Kit\Clock::local( self::NOW + 11 + DAY_IN_SECONDS ), $situation['message'] );
		$this->assertStringNotContainsString( 'could not be reached', $situation['message'] );
	}

	/** While another request holds the lock, Retry-After is the holder's real end, not 60. */
	public function test_retry_after_is_the_locks_real_remaining_time() {
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->later();
		$holder = ( new Gate( $this->kit()->licenses()->store() ) )->lock( $this->product(), self::NOW + 11, 'interactive' );
		$this->assertInstanceOf( \BatchKeys\Kit\License\Lock::class, $holder );
		$this->set_now( self::NOW + 13 );
		$response = $this->call( 'POST', self::check_route() );
		$this->assertKitError( $response, 'throttled', 429 );
		// The interactive timeout (5 s) and the write's margin (5 s), 2 s of which have passed.
		$this->assertSame( '8', $response->get_headers()['Retry-After'] );
		$holder->release();
	}

	/** A person may correct a typo: a refused key, then the right one at once. */
	public function test_a_typo_can_be_corrected_at_once() {
		$response = $this->activate( self::DELETED );
		$this->assertSame( 422, $response->get_status() );
		$this->set_now( self::NOW + 3 );
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->assertNull( $this->call( 'GET', self::license_route() )->get_data()['retry_after'] );
	}

	/** All products together: 6 back to back, then one per 10 s. */
	public function test_the_site_wide_burst() {
		foreach ( array( 'b1', 'b2', 'b3' ) as $slug ) {
			$this->temporary_product( $slug );
		}
		$statuses = array();
		foreach ( array( 'b1', 'b1', 'b2', 'b2', 'b3', 'b3', self::DEMO ) as $slug ) {
			$statuses[] = $this->activate( self::GOOD, $slug )->get_status();
		}
		$this->assertSame( array( 200, 200, 200, 200, 200, 200, 429 ), $statuses );
		$this->set_now( self::NOW + 10 );
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
	}

	/** The URL's slug only: a `slug` in the body or the query changes nothing. */
	public function test_the_urls_slug_wins() {
		$this->assertSame( 200, $this->activate( self::GOOD )->get_status() );
		$this->temporary_product( 'other', array( 'capability' => 'edit_posts' ) );
		$this->later();
		$response = $this->call( 'POST', self::check_route(), array( 'slug' => 'other' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::DEMO, $response->get_data()['product'] );

		$request = new \WP_REST_Request( 'GET', self::license_route() );
		$request->set_query_params( array( 'slug' => 'other' ) );
		$this->assertSame( self::DEMO, rest_do_request( $request )->get_data()['product'] );

		// An editor manages `other` only: naming it in the body does not open the demo's route.
		$this->as_user( 'editor' );
		$this->assertKitError( $this->call( 'POST', self::check_route(), array( 'slug' => 'other' ) ), 'rest_forbidden', 403 );
		$this->assertKitError( $this->call( 'DELETE', self::license_route(), array( 'slug' => 'other' ) ), 'rest_forbidden', 403 );
		$this->assertSame( 'active', $this->stored()['state'] );
	}
}
