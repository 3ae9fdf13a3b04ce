<?php
/**
 * BatchKeys kit loader: records this copy and elects the newest copy of the kit on the site.
 *
 * Several plugins and themes may bundle different versions of the kit. Each copy's load.php only
 * records its version and folder in one global registry; on `after_setup_theme` (once every plugin
 * and the active theme have loaded) the newest copy alone boots and serves every product registered
 * through any copy. No class of any copy is loaded before that election.
 *
 * Whatever copy is loaded first defines the functions below, so they are a stable contract across
 * kit versions: they only record, queue and forward to the elected copy's \BatchKeys\Kit\Kit, and
 * the election only requires the winner's boot.php. Never change their behaviour in a way an older
 * copy could not reproduce.
 *
 * @package BatchKeys\Kit
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

if ( ! isset( $GLOBALS['batchkeys_kit'] ) || ! is_array( $GLOBALS['batchkeys_kit'] ) ) {
	$GLOBALS['batchkeys_kit'] = array(
		'copies' => array(), // Folder of each copy => its version.
		'queue'  => array(), // Registrations made before the election: list of array( slug, args ).
		'booted' => '',      // Folder of the elected copy, once it has booted.
	);
}
$GLOBALS['batchkeys_kit']['copies'][ __DIR__ ] = (string) require __DIR__ . '/version.php';

if ( ! function_exists( 'batchkeys_kit_elect' ) ) {
	/**
	 * Boots the newest recorded copy of the kit (ties: the first one recorded). Runs once. A copy
	 * whose boot.php cannot be read (a half-copied or damaged folder) is passed over, so the next
	 * newest serves the site instead of none.
	 *
	 * @return void
	 */
	function batchkeys_kit_elect() {
		if ( '' !== $GLOBALS['batchkeys_kit']['booted'] ) {
			return;
		}
		$batchkeys_best         = '';
		$batchkeys_best_version = '';
		foreach ( $GLOBALS['batchkeys_kit']['copies'] as $batchkeys_path => $batchkeys_version ) {
			if ( ! is_readable( $batchkeys_path . '/boot.php' ) ) {
				continue;
			}
			if ( '' === $batchkeys_best || version_compare( $batchkeys_version, $batchkeys_best_version, '>' ) ) {
				$batchkeys_best         = $batchkeys_path;
				$batchkeys_best_version = $batchkeys_version;
			}
		}
		if ( '' === $batchkeys_best ) {
			return;
		}
		$GLOBALS['batchkeys_kit']['booted'] = $batchkeys_best;
		require $batchkeys_best . '/boot.php';
	}
}

if ( ! function_exists( 'batchkeys_kit_booted' ) ) {
	/**
	 * Whether the elected copy has booted (its \BatchKeys\Kit\Kit is ready).
	 *
	 * @return bool
	 */
	function batchkeys_kit_booted() {
		return '' !== $GLOBALS['batchkeys_kit']['booted']
			&& class_exists( '\BatchKeys\Kit\Kit', false )
			&& null !== \BatchKeys\Kit\Kit::instance();
	}
}

if ( ! function_exists( 'batchkeys_register_product' ) ) {
	/**
	 * Registers a product sold with BatchKeys license keys.
	 *
	 * Call it from the plugin's main file or the theme's functions.php; registrations made before
	 * the kit has booted are queued and handed to the elected copy.
	 *
	 * @param string               $slug Unique product slug (lower-case letters, digits, - and _).
	 * @param array<string, mixed> $args See \BatchKeys\Kit\Product\Registry::register().
	 * @return bool False when the registration was refused (see the _doing_it_wrong notice).
	 */
	function batchkeys_register_product( $slug, $args = array() ) {
		$batchkeys_kit = batchkeys_kit_booted() ? \BatchKeys\Kit\Kit::instance() : null;
		if ( null !== $batchkeys_kit ) {
			return $batchkeys_kit->register_product( $slug, $args );
		}
		$GLOBALS['batchkeys_kit']['queue'][] = array( $slug, $args );
		return true;
	}
}

if ( ! function_exists( 'batchkeys_is_active' ) ) {
	/**
	 * Whether a product's premium features may run on this site: its key is active, or in grace.
	 *
	 * Reads stored state only; never calls BatchKeys. Works before the election too (a product
	 * asking while its own files load), from the stored record alone.
	 *
	 * @param string $slug Product slug.
	 * @return bool
	 */
	function batchkeys_is_active( $slug ) {
		$batchkeys_kit = batchkeys_kit_booted() ? \BatchKeys\Kit\Kit::instance() : null;
		if ( null !== $batchkeys_kit ) {
			return $batchkeys_kit->is_active( $slug );
		}
		if ( ! is_string( $slug ) || '' === $slug ) {
			return false;
		}
		$batchkeys_record = get_option( 'batchkeys_license_' . $slug );
		if ( ! is_array( $batchkeys_record ) && is_multisite() ) {
			// A license for the whole network lives in the network's options.
			$batchkeys_record = get_site_option( 'batchkeys_license_' . $slug );
		}
		if ( ! is_array( $batchkeys_record ) || ! isset( $batchkeys_record['key'], $batchkeys_record['state'] ) || ! is_string( $batchkeys_record['key'] ) || '' === $batchkeys_record['key'] ) {
			return false;
		}
		if ( 'active' === $batchkeys_record['state'] ) {
			return true;
		}
		if ( 'grace' === $batchkeys_record['state'] && ! empty( $batchkeys_record['grace_until'] ) ) {
			return (int) apply_filters( 'batchkeys_now', time() ) < (int) $batchkeys_record['grace_until'];
		}
		return false;
	}
}

if ( ! function_exists( 'batchkeys_consume' ) ) {
	/**
	 * Spends N tokens of a token-based key (server side only; a negative N tops up, which the
	 * product must allow with 'allow_topup').
	 *
	 * @param string $slug Product slug.
	 * @param int    $n    Tokens to spend (negative: top up).
	 * @return true|\WP_Error True when BatchKeys accepted; a WP_Error with the kit code otherwise.
	 */
	function batchkeys_consume( $slug, $n ) {
		$batchkeys_kit = batchkeys_kit_booted() ? \BatchKeys\Kit\Kit::instance() : null;
		if ( null !== $batchkeys_kit ) {
			return $batchkeys_kit->consume( $slug, $n );
		}
		return new WP_Error(
			'not_ready',
			__( 'The license kit is not ready yet.', 'batchkeys' ),
			array( 'status' => 503 )
		);
	}
}

if ( did_action( 'after_setup_theme' ) ) {
	// Included late (an activation sandbox, or a file loaded from a hook): elect now, or do nothing
	// when a copy already serves the site; this copy's registrations then go to that copy.
	batchkeys_kit_elect();
} else {
	// Very early, so products registered on after_setup_theme by anyone find the kit booted.
	add_action( 'after_setup_theme', 'batchkeys_kit_elect', -9999 );
}
