<?php
/**
 * The standalone plugin on a site where no plugin or theme uses the kit: one calm line on its
 * Plugins row and a small Tools screen for authors (how to bundle the kit or depend on this
 * plugin). Both disappear as soon as a product registers; a product's own license screen is then
 * the place to look. Nothing here runs outside wp-admin.
 *
 * @package BatchKeys
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether any plugin or theme registered a product with the kit on this site.
 *
 * @return bool
 */
function batchkeys_plugin_has_products() {
	if ( ! class_exists( '\BatchKeys\Kit\Kit', false ) || null === \BatchKeys\Kit\Kit::instance() ) {
		return false;
	}
	return array() !== \BatchKeys\Kit\Kit::instance()->registry()->all();
}

/**
 * Tools > BatchKeys, only while no product uses the kit.
 *
 * @return void
 */
function batchkeys_plugin_authors_menu() {
	if ( batchkeys_plugin_has_products() ) {
		return;
	}
	add_management_page(
		__( 'BatchKeys for WordPress', 'batchkeys' ),
		__( 'BatchKeys', 'batchkeys' ),
		'activate_plugins',
		'batchkeys-authors',
		'batchkeys_plugin_authors_page'
	);
}
add_action( 'admin_menu', 'batchkeys_plugin_authors_menu', 20 );

/**
 * The Plugins row says what the plugin does on this site, and links to the authors' screen.
 *
 * @param array<int, string> $meta Row links.
 * @param string             $file Plugin basename.
 * @return array<int, string>
 */
function batchkeys_plugin_row_meta( $meta, $file ) {
	if ( plugin_basename( BATCHKEYS_PLUGIN_FILE ) !== $file || batchkeys_plugin_has_products() || ! current_user_can( 'activate_plugins' ) ) {
		return $meta;
	}
	$meta[] = esc_html__( 'No plugin or theme on this site uses BatchKeys yet, so there is no license screen.', 'batchkeys' )
		. ' <a href="' . esc_url( admin_url( 'tools.php?page=batchkeys-authors' ) ) . '">' . esc_html__( 'For authors: how to use it', 'batchkeys' ) . '</a>';
	return $meta;
}
// Plugin rows are printed on the Plugins screen and by its search (admin-ajax) only.
if ( isset( $GLOBALS['pagenow'] ) && ( 'plugins.php' === $GLOBALS['pagenow'] || wp_doing_ajax() ) ) {
	add_filter( 'plugin_row_meta', 'batchkeys_plugin_row_meta', 10, 2 );
}

/**
 * The authors' screen.
 *
 * @return void
 */
function batchkeys_plugin_authors_page() {
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'BatchKeys for WordPress', 'batchkeys' ); ?></h1>
		<p><?php esc_html_e( 'No plugin or theme on this site uses BatchKeys yet. Each product that does brings its own license screen; until then this plugin does nothing and sends nothing.', 'batchkeys' ); ?></p>
		<h2><?php esc_html_e( 'For plugin and theme authors', 'batchkeys' ); ?></h2>
		<p><?php esc_html_e( 'Either bundle the kit: copy this plugin’s kit folder into your product, then:', 'batchkeys' ); ?></p>
		<pre><code>require_once __DIR__ . '/kit/load.php';
batchkeys_register_product( 'acme-seo', array( 'name' => 'Acme SEO Pro', 'auth' => 'ACME_SEO_BATCHKEYS_AUTH' ) );</code></pre>
		<p><?php esc_html_e( 'Or depend on this plugin (WordPress 6.5 or later): add this line to your plugin’s header, and register your product when the function exists:', 'batchkeys' ); ?></p>
		<pre><code>Requires Plugins: batchkeys

add_action( 'plugins_loaded', function () {
	if ( function_exists( 'batchkeys_register_product' ) ) {
		batchkeys_register_product( 'acme-seo', array( 'name' => 'Acme SEO Pro', 'auth' => 'ACME_SEO_BATCHKEYS_AUTH' ) );
	}
} );</code></pre>
		<p><?php esc_html_e( 'Then gate your features with batchkeys_is_active( \'acme-seo\' ). The secret named by auth lives in your product’s PHP, never in the database or a script.', 'batchkeys' ); ?></p>
	</div>
	<?php
}
