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
 * The block's scripts: registers its editor and view scripts, with their translations, each only
 * where it is used (the block type itself comes from boot.php). The markup is render.php's.
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
	 * On admin requests: the editor script in every block editor. The block type itself is
	 * registered on every request by boot.php, from its block.json, without loading this class.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_editor_script' ) );
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
	 *
	 * @phpstan-param 'editorScript'|'viewScript' $field
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
		$src = Assets::url( $kit, 'block/' . $entry . '.js' );
		if ( '' === $src ) {
			return '';
		}
		wp_register_script(
			$handle,
			$src,
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => $in_footer )
		);
		wp_set_script_translations( $handle, 'batchkeys', Assets::languages_path( $kit ) );
		return $handle;
	}
}
