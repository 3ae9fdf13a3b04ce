<?php
/**
 * Keeps the network's index of licensed sites right when sites go away.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Network;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Store;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A deleted site leaves the index (Store::SITES) before its tables are dropped. Nothing is sent
 * to BatchKeys: deleting a site never releases a key, since the same key may serve other sites
 * at the same address.
 */
final class Sites {

	/**
	 * A concern (every concern is built with the kit; this one needs nothing from it).
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		unset( $kit );
	}

	/**
	 * Hooks in (multisite only).
	 *
	 * @return void
	 */
	public function register_hooks() {
		if ( is_multisite() ) {
			add_action( 'wp_uninitialize_site', array( $this, 'site_deleted' ), 5, 1 ); // Before core drops its tables.
		}
	}

	/**
	 * Drops a site that is being deleted from the index.
	 *
	 * @param mixed $site The WP_Site being deleted.
	 * @return void
	 */
	public function site_deleted( $site ) {
		if ( $site instanceof \WP_Site ) {
			Store::forget_site( (int) $site->blog_id );
		}
	}
}
