<?php
/**
 * The admin notices (Admin\Notices): which states, which screens, which users, dismissal, and
 * never a request to BatchKeys.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Admin;

use BatchKeys\Kit\Admin\Notices;

require_once __DIR__ . '/class-admin-test-case.php';

/** Admin\Notices, rendered through admin_notices as WordPress does. */
final class Notices_Test extends Admin_Test_Case {

	/** The admin screen API (not loaded outside wp-admin). */
	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		unset( $_POST['product'], $_POST['situation'], $_REQUEST['nonce'] );
	}

	/** Forgets the dismissal request. */
	protected function tearDown(): void {
		unset( $_POST['product'], $_POST['situation'], $_REQUEST['nonce'] );
		parent::tearDown();
	}

	/**
	 * The notices printed on an admin screen, by product slug: [classes, situation, text, html].
	 *
	 * @param string $screen_id Screen id, e.g. dashboard.
	 * @return array<string, array{class: string, situation: string, text: string, html: string}>
	 */
	private function notices_on( $screen_id ) {
		set_current_screen( $screen_id );
		$this->assertSame( $screen_id, get_current_screen()->id );
		$html = $this->output_of(
			static function () {
				do_action( 'admin_notices' );
			}
		);
		$this->assertNoSecretNorKey( $html );
		preg_match_all( '/<div class="notice ([^"]*)" data-batchkeys-product="([^"]*)" data-batchkeys-situation="([^"]*)"[^>]*>(.*?)<\/div>/s', $html, $found, PREG_SET_ORDER );
		$this->assertCount( substr_count( $html, 'batchkeys-notice' ), $found, 'every notice parsed: ' . $html );
		$notices = array();
		foreach ( $found as $match ) {
			$notices[ $match[2] ] = array(
				'class'     => $match[1],
				'situation' => html_entity_decode( $match[3], ENT_QUOTES ),
				'text'      => html_entity_decode( wp_strip_all_tags( $match[4] ), ENT_QUOTES ),
				'html'      => $match[4],
			);
		}
		return $notices;
	}

	/**
	 * The kit's notices concern.
	 *
	 * @return Notices
	 */
	private function notices() {
		$notices = $this->kit()->concern( Notices::class );
		$this->assertInstanceOf( Notices::class, $notices );
		return $notices;
	}

	/**
	 * States that need a person, and the notice they get.
	 *
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public function states_with_a_notice() {
		return array(
			'lapsed'  => array( 'lapsed', 'notice-error', 'premium features were switched off' ),
			'invalid' => array( 'invalid', 'notice-error', 'no longer accepts the license key of BatchKeys Demo' ),
			'grace'   => array( 'grace', 'notice-warning', 'premium features stay on until' ),
		);
	}

	/**
	 * A lapsed, invalid or in-grace license gets a notice on the dashboard and the plugins screen.
	 *
	 * @dataProvider states_with_a_notice
	 *
	 * @param string $state State.
	 * @param string $kind  notice-error or notice-warning.
	 * @param string $words Part of the message.
	 */
	public function test_a_license_that_needs_a_person_gets_a_notice( $state, $kind, $words ) {
		$this->put_state( self::DEMO, $state );
		$this->as_user( 'administrator' );

		foreach ( array( 'dashboard', 'plugins' ) as $screen ) {
			$notices = $this->notices_on( $screen );
			$this->assertSame( array( self::DEMO ), array_keys( $notices ), "on $screen" );
			$notice = $notices[ self::DEMO ];
			$this->assertStringContainsString( $kind, $notice['class'] );
			$this->assertStringContainsString( 'is-dismissible', $notice['class'] );
			$this->assertStringContainsString( $words, $notice['text'] );
			$this->assertStringStartsWith( $state . ':', $notice['situation'] );
			$this->assertStringContainsString( 'href="' . esc_url( admin_url( 'options-general.php?page=batchkeys-batchkeys-demo' ) ) . '"', $notice['html'], 'links to the screen' );
		}
		$this->assertSame( array(), $this->notices_on( 'options-general' ), 'not on other screens' );
		$this->assertSame( array(), $this->notices_on( 'edit-post' ) );
		$this->assertSame( array(), $this->http, 'stored state only: no request' );
	}

	/** The grace notice names the last success and the end of the grace period. */
	public function test_the_grace_and_lapsed_notices_give_their_dates() {
		$this->put_state( self::DEMO, 'grace' );
		$this->as_user( 'administrator' );
		$view   = $this->kit()->licenses()->view( $this->product() );
		$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
		$text   = $this->notices_on( 'dashboard' )[ self::DEMO ]['text'];
		$this->assertStringContainsString( wp_date( $format, strtotime( $view['grace_until'] ) ), $text );
		$this->assertStringContainsString( wp_date( $format, strtotime( $view['last_success'] ) ), $text );
	}

	/** A product whose secret is missing gets a warning. */
	public function test_a_product_without_its_secret_gets_a_notice_whatever_its_state() {
		$this->unconfigured_product(
			'bk-unset',
			array(
				'name' => 'Unset Product',
				'menu' => false,
			)
		);
		$this->as_user( 'administrator' );
		$notices = $this->notices_on( 'plugins' );
		$this->assertSame( array( 'bk-unset' ), array_keys( $notices ) );
		$this->assertStringContainsString( 'notice-warning', $notices['bk-unset']['class'] );
		$this->assertSame( 'not_configured', $notices['bk-unset']['situation'] );
		$this->assertStringContainsString( 'Unset Product is not connected to BatchKeys', $notices['bk-unset']['text'] );
		$this->assertStringNotContainsString( '<a ', $notices['bk-unset']['html'], 'no screen to link to (menu => false)' );
		$this->assertStringNotContainsString( self::NO_SECRET, $notices['bk-unset']['html'] );
		$this->assertSame( array(), $this->http );
	}

	/** No notice for an inactive or an active license. */
	public function test_no_notice_while_all_is_well() {
		$this->as_user( 'administrator' );
		foreach ( array( 'inactive', 'active' ) as $state ) {
			$this->put_state( self::DEMO, $state );
			$this->assertSame( array(), $this->notices_on( 'dashboard' ), $state );
			$this->assertSame( array(), $this->notices_on( 'plugins' ), $state );
		}
		$this->assertSame( array(), $this->http );
	}

	/** Only users who manage the product see its notice. */
	public function test_no_notice_for_users_without_the_products_capability() {
		$this->put_state( self::DEMO, 'invalid' );
		$this->temporary_product(
			'bk-editors',
			array(
				'name'       => 'For Editors',
				'capability' => 'edit_others_posts',
			)
		);
		$this->put_state( 'bk-editors', 'lapsed' );

		$this->as_user( 'subscriber' );
		$this->assertSame( array(), $this->notices_on( 'dashboard' ) );

		$this->as_user( 'editor' );
		$this->assertSame( array( 'bk-editors' ), array_keys( $this->notices_on( 'dashboard' ) ), 'only the product an editor manages' );

		$this->as_user( 'administrator' );
		$this->assertEqualsCanonicalizing( array( self::DEMO, 'bk-editors' ), array_keys( $this->notices_on( 'dashboard' ) ) );
		$this->assertSame( array(), $this->http );
	}

	/** A dismissed notice stays away for that person until the situation changes. */
	public function test_a_dismissed_notice_stays_away_until_the_situation_changes() {
		$this->put_state( self::DEMO, 'invalid' );
		$user      = $this->as_user( 'administrator' );
		$situation = $this->notices_on( 'dashboard' )[ self::DEMO ]['situation'];

		$this->assertSame( array( null, true ), $this->dismiss( self::DEMO, $situation ) );
		$this->assertSame( $situation, get_user_meta( $user, Notices::META_PREFIX . self::DEMO, true ) );
		$this->assertSame( array(), $this->notices_on( 'dashboard' ), 'dismissed' );

		// Another person still sees it.
		$this->as_user( 'administrator' );
		$this->assertArrayHasKey( self::DEMO, $this->notices_on( 'dashboard' ) );

		// A new episode (lapsed) shows again to the one who dismissed the other.
		wp_set_current_user( $user );
		$this->put_state( self::DEMO, 'lapsed' );
		$this->assertArrayHasKey( self::DEMO, $this->notices_on( 'plugins' ) );
		$this->assertSame( array(), $this->http );
	}

	/** A dismissal needs the nonce, the capability and the current situation. */
	public function test_a_dismissal_needs_the_nonce_the_capability_and_the_current_situation() {
		$this->put_state( self::DEMO, 'invalid' );
		$admin     = $this->as_user( 'administrator' );
		$situation = $this->notices_on( 'dashboard' )[ self::DEMO ]['situation'];

		$this->assertSame( array( 403, null ), $this->dismiss( self::DEMO, $situation, 'not-a-nonce' ), 'a bad nonce dies before anything' );
		$this->assertFalse( $this->dismiss( self::DEMO, 'lapsed:123' )[1], 'not the situation it is in' );
		$this->assertFalse( $this->dismiss( 'no-such-product', $situation )[1] );
		$this->assertSame( '', get_user_meta( $admin, Notices::META_PREFIX . self::DEMO, true ) );

		$subscriber = $this->as_user( 'subscriber' );
		$this->assertFalse( $this->dismiss( self::DEMO, $situation )[1] );
		$this->assertSame( '', get_user_meta( $subscriber, Notices::META_PREFIX . self::DEMO, true ) );

		wp_set_current_user( $admin );
		$this->assertArrayHasKey( self::DEMO, $this->notices_on( 'dashboard' ), 'still shown' );
	}

	/**
	 * Sends a dismissal as the notice's script does (admin-ajax), as the current user.
	 *
	 * @param string      $product   Product slug.
	 * @param string      $situation Situation.
	 * @param string|null $nonce     Nonce (a valid one when null).
	 * @return array{0: int|null, 1: bool|null} The status wp_die() was given (null: none), and
	 *         the JSON answer's `success` (null: no JSON answer).
	 */
	private function dismiss( $product, $situation, $nonce = null ) {
		$_POST['product']   = $product;
		$_POST['situation'] = $situation;
		$_REQUEST['nonce']  = null === $nonce ? wp_create_nonce( Notices::ACTION ) : $nonce;
		$this->add_test_filter( 'wp_doing_ajax', '__return_true' );
		$this->add_test_filter(
			'wp_die_ajax_handler',
			static function () {
				return static function ( $message, $title = '', $args = array() ) {
					$status = is_array( $args ) && isset( $args['response'] ) ? (int) $args['response'] : 0;
					throw new \RuntimeException( 'wp_die', $status );
				};
			}
		);
		$status = null;
		ob_start();
		try {
			$this->notices()->dismiss();
		} catch ( \RuntimeException $died ) {
			$status = $died->getCode() ? $died->getCode() : null;
		} finally {
			$body = (string) ob_get_clean();
		}
		$json = json_decode( $body, true );
		return array( $status, is_array( $json ) && isset( $json['success'] ) ? $json['success'] : null );
	}
}
