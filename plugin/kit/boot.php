<?php
/**
 * Boots this copy of the kit. Required only by the election in load.php, for the elected copy.
 *
 * An ordinary front-end request includes load.php, version.php, this file and src/class-kit.php,
 * and nothing else of the kit: every other class is loaded by the autoloader below, on the
 * request and the hook that uses it (docs/loading.md).
 *
 * @package BatchKeys\Kit
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// Classes of this copy: BatchKeys\Kit\<Concern>\<Name> lives in src/<Concern>/class-<name>.php.
spl_autoload_register(
	static function ( $batchkeys_class ) {
		if ( 0 !== strpos( $batchkeys_class, 'BatchKeys\\Kit\\' ) || ! preg_match( '/^BatchKeys\\\\Kit\\\\(?:[A-Za-z][A-Za-z0-9_]*\\\\)*[A-Za-z][A-Za-z0-9_]*$/', $batchkeys_class ) ) {
			return;
		}
		$batchkeys_parts = explode( '\\', substr( $batchkeys_class, strlen( 'BatchKeys\\Kit\\' ) ) );
		$batchkeys_name  = array_pop( $batchkeys_parts );
		$batchkeys_file  = __DIR__ . '/src/' . ( $batchkeys_parts ? implode( '/', $batchkeys_parts ) . '/' : '' ) . 'class-' . strtolower( str_replace( '_', '-', $batchkeys_name ) ) . '.php';
		if ( is_readable( $batchkeys_file ) ) {
			require_once $batchkeys_file;
		}
	}
);

// Translations shipped in this copy's languages/ folder, so a product that bundles the kit ships
// them (language packs are built per plugin slug, and the kit's domain is not the product's). A
// pack for the standalone plugin in wp-content/languages/plugins loads first and wins.
if ( is_dir( __DIR__ . '/languages' ) ) {
	$batchkeys_load_languages = static function () {
		$batchkeys_locale = determine_locale();
		foreach ( array( WP_LANG_DIR . '/plugins', __DIR__ . '/languages' ) as $batchkeys_folder ) {
			$batchkeys_mofile = $batchkeys_folder . '/batchkeys-' . $batchkeys_locale . '.mo';
			if ( is_readable( $batchkeys_mofile ) ) {
				load_textdomain( 'batchkeys', $batchkeys_mofile, $batchkeys_locale );
			}
		}
	};
	if ( did_action( 'init' ) ) {
		$batchkeys_load_languages();
	} else {
		add_action( 'init', $batchkeys_load_languages, 1 );
	}
}

// The block type, from its block.json (read, not included; render.php is included only where the
// block renders), without its scripts: the first script a request registers makes WordPress set
// up every core script, about 150 KB of memory on every page. Block\License_Block registers the
// editor script when an editor loads and the view script when the form is rendered. The type
// is registered where it is used: on the editors' screens and for REST, and on the front end just
// before a page renders the block (pre_render_block), so other pages pay nothing for it.
$batchkeys_register_block = static function () {
	$batchkeys_folder = __DIR__ . '/build/block';
	if ( ! function_exists( 'register_block_type' ) || WP_Block_Type_Registry::get_instance()->is_registered( 'batchkeys/license-form' ) || ! is_readable( $batchkeys_folder . '/block.json' ) ) {
		return;
	}
	$batchkeys_without_scripts = static function ( $batchkeys_metadata ) {
		if ( is_array( $batchkeys_metadata ) && isset( $batchkeys_metadata['name'] ) && 'batchkeys/license-form' === $batchkeys_metadata['name'] ) {
			unset( $batchkeys_metadata['editorScript'], $batchkeys_metadata['viewScript'] );
		}
		return $batchkeys_metadata;
	};
	add_filter( 'block_type_metadata', $batchkeys_without_scripts );
	register_block_type( $batchkeys_folder );
	remove_filter( 'block_type_metadata', $batchkeys_without_scripts );
};
// REST: the concerns of a REST request, early (priority 0) so what they hook on rest_api_init
// still runs in this round, then the block type; one callback for both (each costs memory).
add_action(
	'rest_api_init',
	static function () use ( $batchkeys_register_block ) {
		$batchkeys_kit = \BatchKeys\Kit\Kit::instance();
		if ( null !== $batchkeys_kit ) {
			$batchkeys_kit->wire_for( 'rest' );
		}
		$batchkeys_register_block();
	},
	0
);
if ( is_admin() ) {
	// Screens exist in wp-admin only.
	add_action(
		'current_screen',
		static function ( $batchkeys_screen ) use ( $batchkeys_register_block ) {
			// The editors: posts and pages, the site editor, widgets, the Customizer.
			if ( $batchkeys_screen instanceof WP_Screen && ( $batchkeys_screen->is_block_editor() || in_array( $batchkeys_screen->base, array( 'post', 'site-editor', 'widgets', 'customize' ), true ) ) ) {
				$batchkeys_register_block();
			}
		}
	);
}
if ( defined( 'WP_CLI' ) && WP_CLI ) {
	add_action( 'init', $batchkeys_register_block );
}
add_filter(
	'pre_render_block',
	static function ( $batchkeys_pre, $batchkeys_parsed ) use ( $batchkeys_register_block ) {
		if ( is_array( $batchkeys_parsed ) && isset( $batchkeys_parsed['blockName'] ) && 'batchkeys/license-form' === $batchkeys_parsed['blockName'] ) {
			$batchkeys_register_block();
		}
		return $batchkeys_pre;
	},
	10,
	2
);

require_once __DIR__ . '/src/class-kit.php';
\BatchKeys\Kit\Kit::boot( __DIR__, (string) require __DIR__ . '/version.php' );
