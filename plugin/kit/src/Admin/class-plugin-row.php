<?php
/**
 * The "License" link and the license state on a product's row of the Plugins screen.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Admin;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\Messages\Network_Words;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * For a product registered with `file` (its plugin's main file), adds to that plugin's row a
 * "License" action link to its screen and its state ("License: Active") under the description,
 * for users with the product's capability. Reads stored state only. On the Network Admin
 * Plugins screen, the same for a license of the whole network, in the network's words, linking
 * to its Network Admin screen.
 */
final class Plugin_Row {

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * A plugin row decorator.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Hooks the link and the state in.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_filter( 'plugin_action_links', array( $this, 'action_links' ), 10, 2 );
		add_filter( 'network_admin_plugin_action_links', array( $this, 'action_links' ), 10, 2 );
		add_filter( 'plugin_row_meta', array( $this, 'row_meta' ), 10, 2 );
	}

	/**
	 * The products of a plugin the current user may manage.
	 *
	 * @param string $plugin_file Plugin basename, e.g. batchkeys/batchkeys.php.
	 * @return array<int, Product>
	 */
	private function products_of( $plugin_file ) {
		$products = array();
		foreach ( $this->kit->registry()->all() as $product ) {
			$basename = $product->plugin_basename();
			if ( '' !== $basename && $basename === $plugin_file && current_user_can( $product->capability ) && ( ! is_network_admin() || $product->is_network_scope() ) ) {
				$products[] = $product;
			}
		}
		return $products;
	}

	/**
	 * Puts a "License" link first among the plugin's action links.
	 *
	 * @param mixed  $actions     Action links.
	 * @param string $plugin_file Plugin basename.
	 * @return array<int|string, string>
	 */
	public function action_links( $actions, $plugin_file ) {
		$actions  = is_array( $actions ) ? $actions : array();
		$products = $this->products_of( (string) $plugin_file );
		$links    = array();
		foreach ( $products as $product ) {
			$url = Screen::page_url( $product );
			if ( '' === $url ) {
				continue;
			}
			$links[ 'batchkeys-' . $product->slug ] = sprintf(
				'<a href="%1$s" aria-label="%2$s">%3$s</a>',
				esc_url( $url ),
				/* translators: %s: product name. */
				esc_attr( sprintf( __( 'License of %s', 'batchkeys' ), $product->name ) ),
				count( $products ) > 1 ? esc_html( $product->name ) : esc_html__( 'License', 'batchkeys' )
			);
		}
		return array_merge( $links, $actions );
	}

	/**
	 * Adds the license state under the plugin's description.
	 *
	 * @param mixed  $meta        Row meta.
	 * @param string $plugin_file Plugin basename.
	 * @return array<int|string, string>
	 */
	public function row_meta( $meta, $plugin_file ) {
		$meta = is_array( $meta ) ? $meta : array();
		foreach ( $this->products_of( (string) $plugin_file ) as $product ) {
			$view   = $this->kit->licenses()->view( $product );
			$state  = (string) $view['state'];
			$word   = $product->is_configured() ? (string) $view['state_label'] : __( 'Not connected to BatchKeys', 'batchkeys' );
			$scope  = $product->is_network_scope() ? 'network' : 'site';
			$meta[] = sprintf(
				'<span class="batchkeys-plugin-state" data-state="%1$s" data-scope="%2$s">%3$s</span>',
				esc_attr( $state ),
				esc_attr( $scope ),
				esc_html( sprintf( Network_Words::words( $scope )['row_state'], $product->name, $word ) )
			);
		}
		return $meta;
	}
}
