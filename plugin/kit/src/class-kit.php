<?php
/**
 * The elected copy of the kit.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit;

use BatchKeys\Kit\Api\Client;
use BatchKeys\Kit\License\License_Service;
use BatchKeys\Kit\License\Store;
use BatchKeys\Kit\Product\Registry;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Boots once (from the elected copy's boot.php), takes over the queued registrations and wires
 * each concern only on the requests that use it (docs/loading.md). Facade: registry(),
 * licenses(), version(), path(), url(); register_product(), is_active() and consume() are what
 * load.php's functions forward to, from any copy: keep their signatures.
 */
final class Kit {

	/**
	 * The booted kit.
	 *
	 * @var Kit|null
	 */
	private static $instance = null;

	/**
	 * Folder of this copy (the kit/ directory, containing load.php).
	 *
	 * @var string
	 */
	private $path;

	/**
	 * Version of this copy.
	 *
	 * @var string
	 */
	private $version;

	/**
	 * Registered products, built on first use from $queue.
	 *
	 * @var Registry|null
	 */
	private $registry = null;

	/**
	 * Registrations not yet handed to the Registry: list of array( slug, args ).
	 *
	 * @var array<int, array{0: mixed, 1: mixed}>
	 */
	private $queue = array();

	/**
	 * License service, built on first use.
	 *
	 * @var License_Service|null
	 */
	private $licenses = null;

	/**
	 * What wires concerns to hooks, built on first use.
	 *
	 * @var Wiring|null
	 */
	private $wiring = null;

	/**
	 * A kit; use boot().
	 *
	 * @param string $path    Folder of this copy.
	 * @param string $version Its version.
	 */
	private function __construct( $path, $version ) {
		list( $this->path, $this->version ) = array( rtrim( $path, '/\\' ), $version );
	}

	/**
	 * Boots the elected copy (once): the hooks and the queued registrations.
	 *
	 * @param string $path    Folder of this copy.
	 * @param string $version Version of this copy.
	 * @return Kit
	 */
	public static function boot( $path, $version ) {
		if ( null !== self::$instance ) {
			return self::$instance;
		}
		self::$instance = new self( (string) $path, (string) $version );
		$queue          = isset( $GLOBALS['batchkeys_kit']['queue'] ) && is_array( $GLOBALS['batchkeys_kit']['queue'] ) ? $GLOBALS['batchkeys_kit']['queue'] : array();
		foreach ( $queue as $item ) {
			if ( is_array( $item ) && array_key_exists( 0, $item ) ) {
				self::$instance->register_product( $item[0], isset( $item[1] ) ? $item[1] : array() );
			}
		}
		$GLOBALS['batchkeys_kit']['queue'] = array();
		self::$instance->wire();

		/**
		 * Fires once the elected copy of the kit has booted and taken over the queued products.
		 *
		 * @param Kit $kit The kit.
		 */
		do_action( 'batchkeys_kit_booted', self::$instance );
		return self::$instance;
	}

	/**
	 * The booted kit, or null before the election (after_setup_theme).
	 *
	 * @return Kit|null
	 */
	public static function instance() {
		return self::$instance;
	}

	/**
	 * Hooks in what this request may need, and no more: the concerns of an admin page or of
	 * WP-CLI at once; those of REST on rest_api_init (boot.php hooks it, with the block type, or
	 * now when it has fired); the rest only when its hook fires.
	 *
	 * @return void
	 */
	private function wire() {
		$cli  = defined( 'WP_CLI' ) && WP_CLI;
		$page = is_admin() && isset( $GLOBALS['pagenow'] ) ? (string) $GLOBALS['pagenow'] : '';
		foreach ( array(
			'cron'        => $cli || wp_doing_cron(),
			'plugins'     => $cli || in_array( $page, array( 'plugins.php', 'update.php' ), true ),
			'admin'       => is_admin(),
			'plugin_rows' => 'plugins.php' === $page,
			'editor'      => in_array( $page, array( 'post.php', 'post-new.php', 'site-editor.php', 'widgets.php', 'customize.php' ), true ),
			'site_health' => 'site-health.php' === $page || wp_doing_cron(),
			'cli'         => $cli,
			'network'     => is_multisite(),
		) as $kind => $now ) {
			if ( $now ) {
				$this->wire_for( $kind );
			}
		}
		if ( did_action( 'rest_api_init' ) ) {
			$this->wire_for( 'rest' );
		}
	}

	/**
	 * Wires one kind of request, once (see Wiring).
	 *
	 * @param string $kind admin, rest, cli, cron, plugins, store or network.
	 * @return void
	 */
	public function wire_for( $kind ) {
		$this->wiring()->wire_for( $kind );
	}

	/**
	 * A concern by class name, constructed and hooked in the first time it is asked for.
	 *
	 * @param string $class_name Fully qualified class name.
	 * @return object|null
	 */
	public function concern( $class_name ) {
		return $this->wiring()->concern( $class_name );
	}

	/**
	 * The wiring, built the first time a request needs a concern (never on a plain front page).
	 *
	 * @return Wiring
	 */
	private function wiring() {
		if ( null === $this->wiring ) {
			$this->wiring = new Wiring( $this );
		}
		return $this->wiring;
	}

	/**
	 * The registered products, built when first asked for (the registrations' _doing_it_wrong
	 * notices and `batchkeys_product_registered` actions come then).
	 *
	 * @return Registry
	 */
	public function registry() {
		if ( null === $this->registry ) {
			list( $this->registry, $queue, $this->queue ) = array( new Registry( $this->version ), $this->queue, array() );
			foreach ( $queue as $item ) {
				$this->registry->register( $item[0], $item[1] );
			}
		}
		return $this->registry;
	}

	/**
	 * The license service.
	 *
	 * @return License_Service
	 */
	public function licenses() {
		if ( null === $this->licenses ) {
			$registry       = $this->registry();
			$licenses       = new License_Service(
				new Store(
					static function ( $slug ) use ( $registry ) {
						$product = $registry->get( $slug );
						return null !== $product && $product->is_network_scope();
					}
				),
				function () {
					return new Client( $this->version );
				}
			);
			$this->licenses = $licenses;
			$this->wire_for( 'store' );
			return $licenses;
		}
		return $this->licenses;
	}

	/**
	 * Version of the elected copy.
	 *
	 * @return string
	 */
	public function version() {
		return $this->version;
	}

	/**
	 * Folder of the elected copy (kit/), no trailing slash.
	 *
	 * @return string
	 */
	public function path() {
		return $this->path;
	}

	/**
	 * URL of a file of the elected copy, wherever it lives (see Location).
	 *
	 * @param string $relative Path relative to kit/, e.g. 'build/admin.js'.
	 * @return string
	 */
	public function url( $relative = '' ) {
		return Location::url( $this->path, $relative );
	}

	/**
	 * Whether a product slug is well formed: lower-case letters, digits, '-' and '_', at most 64
	 * characters (every batchkeys_*_<slug> option name then fits).
	 *
	 * @param mixed $slug Slug.
	 * @return bool
	 */
	public static function valid_slug( $slug ) {
		return is_string( $slug ) && '' !== $slug && sanitize_key( $slug ) === $slug && strlen( $slug ) <= 64;
	}

	/**
	 * Registers a product (what batchkeys_register_product() forwards to); only queued until the
	 * registry is needed, with the same answer (false for a bad or duplicate slug).
	 *
	 * @param mixed $slug Product slug.
	 * @param mixed $args Arguments.
	 * @return bool
	 */
	public function register_product( $slug, $args = array() ) {
		if ( null !== $this->registry ) {
			return $this->registry->register( $slug, $args );
		}
		$taken         = in_array( $slug, array_column( $this->queue, 0 ), true );
		$this->queue[] = array( $slug, $args );
		return self::valid_slug( $slug ) && ! $taken;
	}

	/**
	 * Whether a product's features may run (what batchkeys_is_active() forwards to): one read.
	 *
	 * @param mixed $slug Product slug.
	 * @return bool
	 */
	public function is_active( $slug ) {
		$registered = null === $this->registry ? self::valid_slug( $slug ) && in_array( $slug, array_column( $this->queue, 0 ), true ) : null !== $this->registry->get( $slug );
		if ( ! $registered ) {
			return false;
		}
		$record = get_option( 'batchkeys_license_' . $slug, null );
		if ( null === $record && is_multisite() ) {
			// A license for the whole network is a network option (read only for such a product).
			$product = $this->registry()->get( $slug );
			$record  = null !== $product && $product->is_network_scope() ? get_site_option( 'batchkeys_license_' . $slug, null ) : null;
		}
		if ( self::elsewhere( $record ) ) {
			// A copy or a move, not noted yet: the service notes it once (features until a date).
			$product = $this->registry()->get( $slug );
			return null !== $product && $this->licenses()->is_active( $product );
		}
		return self::record_enables( $record, (int) apply_filters( 'batchkeys_now', time() ) );
	}

	/**
	 * Whether a site record was activated at another address or blog and the change is not noted
	 * in it yet (a cheap look, no class loaded; License\Address_Guard decides).
	 *
	 * @param mixed $record Stored option value.
	 * @return bool
	 */
	private static function elsewhere( $record ) {
		if ( ! is_array( $record ) || empty( $record['key'] ) || ! empty( $record['address'] ) || ! isset( $record['fingerprint']['domain'], $record['fingerprint']['blog_id'] ) ) {
			return false;
		}
		$was = preg_replace( '/^www\./', '', strtolower( (string) $record['fingerprint']['domain'] ) );
		if ( isset( $record['fingerprint']['scope'] ) && 'site' !== $record['fingerprint']['scope'] ) {
			// A license of the whole network: the network's stored domain, never the request's.
			$network = is_multisite() ? get_network() : null;
			return null !== $network && preg_replace( '/^www\.|:\d+$/', '', strtolower( (string) $network->domain ) ) !== $was;
		}
		$all = wp_load_alloptions();
		$now = preg_replace( '/^www\./', '', strtolower( (string) wp_parse_url( isset( $all['home'] ) ? (string) $all['home'] : '', PHP_URL_HOST ) ) );
		return ( '' !== $now && $was !== $now ) || get_current_blog_id() !== (int) $record['fingerprint']['blog_id'];
	}

	/**
	 * Whether a stored record (raw option value) lets the features run at $now: a key, and active
	 * or grace before `grace_until`. As load.php and Record::features_enabled() read it (tested).
	 *
	 * @param mixed $record Stored option value.
	 * @param int   $now    Unix timestamp.
	 * @return bool
	 */
	public static function record_enables( $record, $now ) {
		if ( ! is_array( $record ) || ! isset( $record['key'], $record['state'] ) || ! is_string( $record['key'] ) || '' === $record['key'] ) {
			return false;
		}
		if ( 'active' === $record['state'] ) {
			return true;
		}
		return 'grace' === $record['state'] && ! empty( $record['grace_until'] ) && is_numeric( $record['grace_until'] ) && $now < (int) $record['grace_until'];
	}

	/**
	 * Spends tokens (what batchkeys_consume() forwards to).
	 *
	 * @param mixed $slug Product slug.
	 * @param mixed $n    Tokens.
	 * @return true|\WP_Error
	 */
	public function consume( $slug, $n ) {
		$product = $this->registry()->get( $slug );
		if ( null === $product ) {
			return new \WP_Error( 'batchkeys_unknown_product', Messages\Messages::message( 'batchkeys_unknown_product' ), array( 'status' => 404 ) );
		}
		$result = $this->licenses()->consume( $product, $n );
		return $result->is_error() || 'valid' !== $result->code ? $result->to_wp_error() : true;
	}
}
