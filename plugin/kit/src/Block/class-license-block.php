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
 * gives its editor and view scripts their translations, registering each only where it is used.
 * The markup is render.php's.
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
	 * Its two scripts are not registered with it: the first script a request registers makes
	 * WordPress set up every core script, which would cost each front-end page about 150 KB of
	 * memory (measured by `npm run bench`), on pages without the block too. The editor script is
	 * registered when an editor loads, the view script when the form is rendered.
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
		add_filter( 'block_type_metadata', array( __CLASS__, 'without_scripts' ) );
		register_block_type( $folder );
		remove_filter( 'block_type_metadata', array( __CLASS__, 'without_scripts' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_editor_script' ) );
	}

	/**
	 * Drops the block's scripts from its metadata while it registers (see register()).
	 *
	 * @param array<string, mixed> $metadata block.json.
	 * @return array<string, mixed>
	 */
	public static function without_scripts( $metadata ) {
		if ( isset( $metadata['name'] ) && self::NAME === $metadata['name'] ) {
			unset( $metadata['editorScript'], $metadata['viewScript'] );
		}
		return $metadata;
	}

	/**
	 * The editor script, in every block editor (posts, site, widgets).
	 *
	 * @return void
	 */
	public function enqueue_editor_script() {
		$handle = self::register_script( $this->kit, 'editorScript', 'index', false );
		if ( '' !== $handle ) {
			wp_enqueue_script( $handle );
		}
	}

	/**
	 * The view script, from render.php when it prints the form; printed in the footer.
	 *
	 * @param Kit $kit The kit.
	 * @return void
	 */
	public static function enqueue_view_script( Kit $kit ) {
		$handle = self::register_script( $kit, 'viewScript', 'view', true );
		if ( '' !== $handle ) {
			wp_enqueue_script( $handle );
		}
	}

	/**
	 * Registers one of the block's built scripts under the handle block.json would have given it,
	 * with its translations.
	 *
	 * @param Kit    $kit       The kit.
	 * @param string $field     editorScript or viewScript.
	 * @param string $entry     Built file name without .js.
	 * @param bool   $in_footer Print in the footer.
	 * @return string The handle, or '' when the script is not built.
	 */
	public static function register_script( Kit $kit, $field, $entry, $in_footer ) {
		$handle = generate_block_asset_handle( self::NAME, $field );
		if ( wp_script_is( $handle, 'registered' ) ) {
			return $handle;
		}
		$asset = Assets::asset( $kit, 'block/' . $entry );
		if ( null === $asset ) {
			return '';
		}
		wp_register_script(
			$handle,
			Assets::url( $kit, 'block/' . $entry . '.js' ),
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => $in_footer )
		);
		wp_set_script_translations( $handle, 'batchkeys', Assets::languages_path( $kit ) );
		return $handle;
	}
}
