<?php
/**
 * The batchkeys/license-form block (Block\License_Block and render.php): registered with its
 * scripts' translations; the form for people who manage the product, nothing (or the author's
 * note) for anyone else; never a key or a secret in the markup; no request when it renders.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Block;

use BatchKeys\Kit\Admin\Assets;
use BatchKeys\Kit\Block\License_Block;
use BatchKeys\Tests\Admin\Admin_Test_Case;

require_once dirname( __DIR__ ) . '/admin/class-admin-test-case.php';

/** The license form block. */
final class License_Block_Test extends Admin_Test_Case {

	/**
	 * Renders the block as a post's content would.
	 *
	 * @param array<string, string> $attributes Block attributes.
	 * @return string
	 */
	private function render( array $attributes ) {
		$json = array() === $attributes ? '' : wp_json_encode( $attributes ) . ' ';
		$html = do_blocks( '<!-- wp:batchkeys/license-form ' . $json . '/-->' );
		$this->assertNoSecretNorKey( $html );
		$this->assertStringNotContainsString( 'BATCHKEYS_DEMO_AUTH', $html );
		return $html;
	}

	/**
	 * Registered from the built block.json when a page renders it (or an editor or REST asks);
	 * its scripts are registered, with their translations, only where they are used: the editor
	 * script when an editor loads, the view script when the form is printed. A page without the
	 * block registers neither.
	 */
	public function test_it_is_registered_from_the_build_with_its_scripts_where_used() {
		$this->built( 'block/block.json' );
		$registry = \WP_Block_Type_Registry::get_instance();
		if ( $registry->is_registered( License_Block::NAME ) ) {
			$registry->unregister( License_Block::NAME );
		}
		do_blocks( '<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->' );
		$this->assertFalse( $registry->is_registered( License_Block::NAME ), 'a page without the block does not register it' );
		$this->render( array( 'note' => 'n' ) );
		$type = $registry->get_registered( License_Block::NAME );
		$this->assertInstanceOf( \WP_Block_Type::class, $type );
		$this->assertSame( 3, $type->api_version );
		foreach ( array( 'product', 'label', 'buttonText', 'note' ) as $attribute ) {
			$this->assertSame( array( 'type', 'default' ), array_keys( $type->attributes[ $attribute ] ), $attribute );
			$this->assertSame( '', $type->attributes[ $attribute ]['default'] );
		}
		$this->assertTrue( $type->is_dynamic(), 'rendered by render.php' );
		$this->assertSame( array(), $type->editor_script_handles, 'not registered with the block' );
		$this->assertSame( array(), $type->view_script_handles, 'not registered with the block' );

		$editor = generate_block_asset_handle( License_Block::NAME, 'editorScript' );
		$view   = generate_block_asset_handle( License_Block::NAME, 'viewScript' );
		wp_deregister_script( $editor );
		wp_deregister_script( $view );
		$this->render( array( 'product' => self::DEMO ) );
		$this->assertFalse( wp_script_is( $view, 'registered' ), 'no form printed for a visitor, no script' );

		do_action( 'enqueue_block_editor_assets' );
		$this->as_user( 'administrator' );
		$this->render( array( 'product' => self::DEMO ) );
		foreach ( array( $editor, $view ) as $handle ) {
			$this->assertTrue( wp_script_is( $handle, 'enqueued' ), $handle );
			$script = wp_scripts()->registered[ $handle ];
			$this->assertSame( 'batchkeys', $script->textdomain, "$handle translations" );
			$this->assertSame( Assets::languages_path( $this->kit() ), $script->translations_path );
			$this->assertContains( 'wp-api-fetch', $script->deps, "$handle talks to REST through api-fetch (nonce)" );
		}
		$this->assertSame( 1, wp_scripts()->get_data( $view, 'group' ), 'the view script prints in the footer' );
		wp_dequeue_script( $editor );
		wp_dequeue_script( $view );
	}

	/** An administrator gets the form, its format and state, and never the key. */
	public function test_an_administrator_gets_the_working_form_without_the_key() {
		$this->put_state( self::DEMO, 'active' );
		$this->as_user( 'administrator' );

		$html = $this->render(
			array(
				'product'    => self::DEMO,
				'label'      => 'Your <em>key</em>',
				'buttonText' => 'Go',
			)
		);

		$this->assertStringContainsString( 'class="wp-block-batchkeys-license-form"', $html );
		$this->assertStringContainsString( 'data-slug="batchkeys-demo"', $html );
		$this->assertSame( 1, preg_match( '/data-key-format="([^"]*)"/', $html, $format ) );
		$this->assertSame(
			array(
				'groups'    => 5,
				'length'    => 7,
				'separator' => '-',
				'chars'     => 'A-Za-z0-9',
				'case'      => 'keep',
			),
			json_decode( html_entity_decode( $format[1], ENT_QUOTES ), true )
		);
		$this->assertStringContainsString( 'placeholder="XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX"', $html );
		$this->assertSame( 1, preg_match( '/<label class="batchkeys-license-form__label" for="([^"]+)">Your &lt;em&gt;key&lt;\/em&gt;<\/label>/', $html, $label ), 'the label, escaped: ' . $html );
		$this->assertStringContainsString( 'id="' . $label[1] . '"', $html, 'tied to the input' );
		$this->assertStringContainsString( 'aria-describedby="' . $label[1] . '-help ' . $label[1] . '-state"', $html );
		// A stored key: Check now and Deactivate are there, with the screen's confirmation.
		$this->assertStringContainsString( '<div class="batchkeys-license-form__actions">', $html );
		$this->assertStringContainsString( '>Check now</button>', $html );
		$this->assertStringContainsString( 'Deactivate the license?', $html );
		$this->assertStringContainsString( 'role="status"', $html, 'the busy state is announced' );
		$this->assertStringContainsString( '>Go</button>', $html );
		$this->assertMatchesRegularExpression( '/License status:\s*<strong>Active<\/strong>/', $html );
		// Not even masked: the block says the state in words only.
		$this->assertStringNotContainsString( '•', $html );
		$this->assertStringNotContainsString( 'CCCC', $html );
		$this->assertSame( array(), $this->http, 'stored state only' );
	}

	/** Without a label or button text, the translated defaults. */
	public function test_the_default_label_and_button() {
		$this->as_user( 'administrator' );
		$html = $this->render( array( 'product' => self::DEMO ) );
		$this->assertStringContainsString( '>License key</label>', $html );
		$this->assertStringContainsString( '>Activate</button>', $html );
		$this->assertMatchesRegularExpression( '/<strong>Not active<\/strong>/', $html );
	}

	/**
	 * People who may not manage the demo product.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function others() {
		return array(
			'anonymous'   => array( '' ),
			'subscriber'  => array( 'subscriber' ),
			'contributor' => array( 'contributor' ),
			'editor'      => array( 'editor' ),
		);
	}

	/**
	 * Anyone without the capability gets nothing, or only the author's note.
	 *
	 * @dataProvider others
	 *
	 * @param string $role Role ('' for a visitor).
	 */
	public function test_others_get_nothing_or_only_the_note( $role ) {
		$this->put_state( self::DEMO, 'active' );
		if ( '' !== $role ) {
			$this->as_user( $role );
		}

		$this->assertSame( '', trim( $this->render( array( 'product' => self::DEMO ) ) ) );

		$html = $this->render(
			array(
				'product' => self::DEMO,
				'note'    => "Ask the <b>site owner</b>.\nThank you.",
			)
		);
		$this->assertSame(
			'<div class="wp-block-batchkeys-license-form"><p class="batchkeys-license-form__note">Ask the &lt;b&gt;site owner&lt;/b&gt;.<br />' . "\nThank you.</p></div>",
			trim( $html )
		);
		foreach ( array( '<form', '<input', 'data-slug', 'data-key-format', 'placeholder', 'Active' ) as $absent ) {
			$this->assertStringNotContainsString( $absent, $html );
		}
		$this->assertSame( array(), $this->http );
	}

	/** A product that needs another capability: the form follows it. */
	public function test_a_product_with_another_capability() {
		$this->temporary_product(
			'bk-editors',
			array(
				'name'       => 'For Editors',
				'capability' => 'edit_others_posts',
			)
		);
		$this->as_user( 'editor' );
		$this->assertStringContainsString( 'data-slug="bk-editors"', $this->render( array( 'product' => 'bk-editors' ) ) );
		$this->assertSame( '', trim( $this->render( array( 'product' => self::DEMO ) ) ), 'but not the demo' );
	}

	/** No form for a product that is not registered, or none chosen. */
	public function test_no_form_for_an_unknown_or_missing_product() {
		$this->as_user( 'administrator' );
		$this->assertSame( '', trim( $this->render( array( 'product' => 'no-such-product' ) ) ) );
		// None chosen: the only product on the site is the one meant...
		$this->assertCount( 1, $this->kit()->registry()->all() );
		$this->assertStringContainsString( 'data-slug="' . self::DEMO . '"', $this->render( array() ) );
		// ...but with two, the author must choose.
		$this->temporary_product( 'bk-second', array( 'name' => 'Second' ) );
		$this->assertSame( '', trim( $this->render( array() ) ) );
		$this->assertStringContainsString(
			'batchkeys-license-form__note',
			$this->render(
				array(
					'product' => 'no-such-product',
					'note'    => 'Not available.',
				)
			)
		);
	}

	/** A product without its secret: the form, without the name of the secret. */
	public function test_a_product_without_its_secret_still_shows_its_form_to_an_administrator() {
		$this->unconfigured_product( 'bk-unset' );
		$this->as_user( 'administrator' );
		$html = $this->render( array( 'product' => 'bk-unset' ) );
		$this->assertStringContainsString( 'data-slug="bk-unset"', $html );
		$this->assertStringNotContainsString( self::NO_SECRET, $html );
	}
}
