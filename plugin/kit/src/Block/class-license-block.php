<?php
/**
 * The batchkeys/license-form block.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Block;

use BatchKeys\Kit\Admin\Assets;
use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the block from its built folder (block.json, index.js, view.js, render.php) and
 * gives its editor and view scripts their translations. The markup is render.php's.
 */
final class License_Block {

	/**
	 * Block name.
	 */
	const NAME = 'batchkeys/license-form';

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The block.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Registers the block on init (at once when init has already run).
	 *
	 * @return void
	 */
	public function register_hooks() {
		if ( did_action( 'init' ) ) {
			$this->register();
		} else {
			add_action( 'init', array( $this, 'register' ) );
		}
	}

	/**
	 * Registers the block type, once, when it is built.
	 *
	 * @return void
	 */
	public function register() {
		if ( ! function_exists( 'register_block_type' ) || \WP_Block_Type_Registry::get_instance()->is_registered( self::NAME ) ) {
			return;
		}
		$folder = Assets::path( $this->kit, 'block' );
		if ( ! is_readable( $folder . '/block.json' ) ) {
			return;
		}
		register_block_type( $folder );
		foreach ( array( 'editorScript', 'viewScript' ) as $field ) {
			$handle = generate_block_asset_handle( self::NAME, $field );
			if ( wp_script_is( $handle, 'registered' ) ) {
				wp_set_script_translations( $handle, 'batchkeys', Assets::languages_path( $this->kit ) );
			}
		}
	}
}
