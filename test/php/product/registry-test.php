<?php
/**
 * Product registration: validation with _doing_it_wrong (never fatal), defaults, the secret.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Product;

use BatchKeys\Kit\Product\Registry;
use BatchKeys\Tests\Kit_Test_Case;

require_once dirname( __DIR__ ) . '/support/class-kit-test-case.php';

/** Registry and Product. */
final class Registry_Test extends Kit_Test_Case {

	/**
	 * _doing_it_wrong messages seen.
	 *
	 * @var string[]
	 */
	private $wrong = array();

	/** Records _doing_it_wrong calls. */
	protected function setUp(): void {
		parent::setUp();
		$this->wrong = array();
		$this->add_test_filter(
			'doing_it_wrong_run',
			function ( $function_name, $message ) {
				$this->assertSame( 'batchkeys_register_product', $function_name );
				$this->wrong[] = $message;
			},
			10,
			2
		);
	}

	/** The demo product is registered from the constant, with every default. */
	public function test_demo_product_defaults() {
		$product = $this->product();
		$this->assertSame( 'BatchKeys Demo', $product->name );
		$this->assertSame( 7, $product->grace_days );
		$this->assertSame( 'manage_options', $product->capability );
		$this->assertSame( 'options-general.php', $product->menu['parent'] );
		$this->assertSame( '', $product->menu['title'], 'the screen shows the default title' );
		$this->assertFalse( $product->release_on_deactivate );
		$this->assertFalse( $product->allow_topup );
		$this->assertSame( 'XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX', $product->key_format->placeholder() );
		$this->assertSame( 'batchkeys/batchkeys.php', $product->plugin_basename() );
		$this->assertTrue( $product->is_configured() );
	}

	/** A complete, correct registration gives no notice. */
	public function test_full_registration() {
		$product = $this->temporary_product(
			'acme-seo',
			array(
				'name'                  => 'Acme SEO Pro',
				'auth'                  => 'BATCHKEYS_DEMO_AUTH',
				'key_format'            => array(
					'groups'    => 4,
					'length'    => 4,
					'separator' => '.',
					'chars'     => 'A-F0-9',
				),
				'grace_days'            => 3,
				'capability'            => 'edit_posts',
				'menu'                  => array(
					'parent' => 'themes.php',
					'title'  => 'Acme License',
				),
				'release_on_deactivate' => true,
				'allow_topup'           => true,
				'file'                  => __FILE__,
			)
		);
		$this->assertSame( array(), $this->wrong );
		$this->assertSame( 3, $product->grace_days );
		$this->assertSame( 'edit_posts', $product->capability );
		$this->assertSame(
			array(
				'parent' => 'themes.php',
				'title'  => 'Acme License',
			),
			$product->menu
		);
		$this->assertTrue( $product->release_on_deactivate );
		$this->assertTrue( $product->allow_topup );
		$this->assertSame( 'XXXX.XXXX.XXXX.XXXX', $product->key_format->placeholder() );
	}

	/** Bad slugs and duplicates are refused with a notice, not a fatal. */
	public function test_bad_slugs_are_refused() {
		$registry = new Registry( 'test' );
		foreach ( array( '', 'Upper', 'with space', 'a/b', str_repeat( 'a', 65 ), 42, null, array( 'x' ) ) as $slug ) {
			$this->assertFalse( $registry->register( $slug, array( 'auth' => 'X' ) ) );
		}
		$this->assertCount( 8, $this->wrong );
		$this->assertSame( array(), $registry->all() );

		$this->assertTrue( $registry->register( 'ok_slug-1', array( 'auth' => 'X' ) ) );
		$this->assertFalse( $registry->register( 'ok_slug-1', array( 'auth' => 'Y' ) ) );
		$this->assertSame( 'X', $registry->get( 'ok_slug-1' )->auth, 'the first registration wins' );
		$this->assertFalse( batchkeys_register_product( self::DEMO, array( 'auth' => 'X' ) ) );
	}

	/** Each wrong argument is named in a notice and replaced by its default. */
	public function test_wrong_arguments_fall_back_to_defaults() {
		$registry = new Registry( 'test' );
		$this->assertTrue(
			$registry->register(
				'messy',
				array(
					'name'                  => array( 'x' ),
					'auth'                  => 'not a constant name!',
					'key_format'            => array( 'groups' => 'five' ),
					'grace_days'            => -1,
					'capability'            => '',
					'menu'                  => 'settings',
					'release_on_deactivate' => 'yes',
					'allow_topup'           => 1,
					'file'                  => 5,
					'colour'                => 'red',
				)
			)
		);
		$product = $registry->get( 'messy' );
		$this->assertSame( 'messy', $product->name );
		$this->assertSame( '', $product->auth );
		$this->assertFalse( $product->is_configured() );
		$this->assertSame( 5, $product->key_format->groups );
		$this->assertSame( 7, $product->grace_days );
		$this->assertSame( 'manage_options', $product->capability );
		$this->assertSame( 'options-general.php', $product->menu['parent'] );
		$this->assertFalse( $product->release_on_deactivate );
		$this->assertFalse( $product->allow_topup );
		$this->assertSame( '', $product->file );
		$this->assertCount( 10, $this->wrong, implode( "\n", $this->wrong ) );
		$this->assertStringContainsString( 'colour', $this->wrong[0] );
	}

	/** A secret passed by mistake in place of its name is never echoed back. */
	public function test_a_secret_passed_as_auth_is_not_echoed() {
		$registry = new Registry( 'test' );
		$registry->register( 'leaky', array( 'auth' => 'sk-live 123/456' ) );
		$this->assertCount( 1, $this->wrong );
		$this->assertStringNotContainsString( 'sk-live', $this->wrong[0] );
		$this->assertSame( '', $registry->get( 'leaky' )->auth );
	}

	/** A missing auth argument is a notice; the product exists, not configured. */
	public function test_missing_auth_is_not_configured() {
		$registry = new Registry( 'test' );
		$this->assertTrue( $registry->register( 'noauth', array() ) );
		$this->assertCount( 1, $this->wrong );
		$this->assertFalse( $registry->get( 'noauth' )->is_configured() );
	}

	/** With menu false, no screen of its own. */
	public function test_menu_false() {
		$product = $this->temporary_product( 'no-menu', array( 'menu' => false ) );
		$this->assertFalse( $product->menu );
		$this->assertSame( array(), $this->wrong );
	}

	/** The secret is read at call time: constant first, then the environment; never stored. */
	public function test_secret_is_read_by_name_at_call_time() {
		$name    = 'BATCHKEYS_TEST_ENV_SECRET_' . wp_rand();
		$product = $this->temporary_product( 'env-product', array( 'auth' => $name ) );
		$this->assertFalse( $product->is_configured() );
		putenv( $name . '=env-value-1' );
		try {
			$this->assertSame( 'env-value-1', $product->secret() );
			putenv( $name . '=env-value-2' );
			$this->assertSame( 'env-value-2', $product->secret() );
		} finally {
			putenv( $name );
		}
		$this->assertSame( '', $product->secret() );
		$this->assertSame( self::secret(), $this->product()->secret(), 'a constant is read too' );

		global $wpdb;
		$stored = (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_value LIKE %s", '%' . $wpdb->esc_like( self::secret() ) . '%' ) );
		$this->assertSame( '0', $stored, 'the secret is never in the options table' );
	}

	/** Scripts get slug, name, format and placeholder: never the secret nor its name. */
	public function test_client_array_never_carries_the_secret() {
		$info = $this->product()->to_client_array();
		$this->assertSame( array( 'slug', 'name', 'key_format', 'placeholder' ), array_keys( $info ) );
		$json = (string) wp_json_encode( $info );
		$this->assertStringNotContainsString( self::secret(), $json );
		$this->assertStringNotContainsString( 'BATCHKEYS_DEMO_AUTH', $json );
	}

	/** The function batchkeys_is_active() is false for unknown products and for products without a key. */
	public function test_is_active_for_unknown_and_inactive_products() {
		$this->assertFalse( batchkeys_is_active( 'nope' ) );
		$this->assertFalse( batchkeys_is_active( array() ) ); // @phpstan-ignore argument.type (a wrong type on purpose)
		$this->assertFalse( batchkeys_is_active( self::DEMO ) );
	}
}
