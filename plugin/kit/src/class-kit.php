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
 * Boots once (from boot.php of the copy load.php elected), takes over the registrations queued
 * before, and wires every concern present in this copy.
 *
 * Facade for the other concerns: Kit::instance()->registry(), ->licenses(), ->version(),
 * ->path(), ->url( $relative ). The methods register_product(), is_active() and consume() are
 * what load.php's public functions forward to, from any copy: keep their signatures.
 */
final class Kit {

	/**
	 * Concerns wired at boot, each constructed with the Kit and asked to register_hooks(); a
	 * class this copy does not have is skipped.
	 */
	const CONCERNS = array(
		'BatchKeys\\Kit\\Rest\\Products_Controller',
		'BatchKeys\\Kit\\Rest\\License_Controller',
		'BatchKeys\\Kit\\Admin\\Screen',
		'BatchKeys\\Kit\\Admin\\Notices',
		'BatchKeys\\Kit\\Admin\\Plugin_Row',
		'BatchKeys\\Kit\\Block\\License_Block',
		'BatchKeys\\Kit\\Cron\\Scheduler',
		'BatchKeys\\Kit\\Health\\Site_Health',
	);

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
	 * Registered products.
	 *
	 * @var Registry
	 */
	private $registry;

	/**
	 * License service.
	 *
	 * @var License_Service
	 */
	private $licenses;

	/**
	 * The concerns wired at boot, by class name.
	 *
	 * @var array<string, object>
	 */
	private $concerns = array();

	/**
	 * A kit; use boot().
	 *
	 * @param string $path    Folder of this copy.
	 * @param string $version Version of this copy.
	 */
	private function __construct( $path, $version ) {
		$this->path     = rtrim( $path, '/\\' );
		$this->version  = $version;
		$this->registry = new Registry( $version );
		$this->licenses = new License_Service( new Store(), new Client( $version ) );
	}

	/**
	 * Boots the elected copy (once): wires the concerns and takes over the queued registrations.
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
		self::$instance->wire();

		$queue = isset( $GLOBALS['batchkeys_kit']['queue'] ) && is_array( $GLOBALS['batchkeys_kit']['queue'] ) ? $GLOBALS['batchkeys_kit']['queue'] : array();

		$GLOBALS['batchkeys_kit']['queue'] = array();
		foreach ( $queue as $item ) {
			if ( is_array( $item ) && array_key_exists( 0, $item ) ) {
				self::$instance->register_product( $item[0], isset( $item[1] ) ? $item[1] : array() );
			}
		}

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
	 * Constructs each concern present in this copy and lets it hook itself in.
	 *
	 * @return void
	 */
	private function wire() {
		$concerns = self::CONCERNS;
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			$concerns[] = 'BatchKeys\\Kit\\Cli\\Commands';
		}
		foreach ( $concerns as $class ) {
			if ( class_exists( $class ) ) {
				$concern = new $class( $this );
				// A concern added later may lack it; this copy's own all have it.
				if ( method_exists( $concern, 'register_hooks' ) ) { // @phpstan-ignore function.alreadyNarrowedType
					$concern->register_hooks();
				}
				$this->concerns[ $class ] = $concern;
			}
		}
		add_filter( 'rest_post_dispatch', array( $this, 'rest_version_header' ), 10, 3 );
		$languages = $this->path . '/languages';
		if ( is_dir( $languages ) ) {
			$load = function () use ( $languages ) {
				$mofile = $languages . '/batchkeys-' . determine_locale() . '.mo';
				if ( is_readable( $mofile ) ) {
					load_textdomain( 'batchkeys', $mofile );
				}
			};
			if ( did_action( 'init' ) ) {
				$load();
			} else {
				add_action( 'init', $load, 1 );
			}
		}
	}

	/**
	 * Names the version of the copy that serves the site on every answer of the kit's REST
	 * routes (`X-BatchKeys-Kit: 0.1.0`), so a person or a test can see which copy won the
	 * election when several plugins and themes bundle the kit.
	 *
	 * @param mixed $response The answer (WP_HTTP_Response once dispatched).
	 * @param mixed $server   The REST server.
	 * @param mixed $request  The request.
	 * @return mixed The same answer.
	 */
	public function rest_version_header( $response, $server, $request ) {
		unset( $server );
		if ( $response instanceof \WP_HTTP_Response && $request instanceof \WP_REST_Request
			&& 0 === strpos( $request->get_route(), '/batchkeys/v1' ) ) {
			$response->header( 'X-BatchKeys-Kit', $this->version );
		}
		return $response;
	}

	/**
	 * A concern wired at boot, by class name (null when this copy has none).
	 *
	 * @param string $class_name Fully qualified class name.
	 * @return object|null
	 */
	public function concern( $class_name ) {
		return isset( $this->concerns[ $class_name ] ) ? $this->concerns[ $class_name ] : null;
	}

	/**
	 * The registered products.
	 *
	 * @return Registry
	 */
	public function registry() {
		return $this->registry;
	}

	/**
	 * The license service.
	 *
	 * @return License_Service
	 */
	public function licenses() {
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
	 * URL of a file of the elected copy, wherever it lives: a plugin (symlinked or not), a
	 * must-use plugin, a parent or child theme, or elsewhere under wp-content.
	 *
	 * @param string $relative Path relative to kit/, e.g. 'build/admin.js'.
	 * @return string
	 */
	public function url( $relative = '' ) {
		$relative = ltrim( (string) $relative, '/' );
		$path     = wp_normalize_path( $this->path );
		$real     = wp_normalize_path( (string) realpath( $this->path ) );

		$themes = array(
			array( get_stylesheet_directory(), get_stylesheet_directory_uri() ),
			array( get_template_directory(), get_template_directory_uri() ),
		);
		foreach ( $themes as $theme ) {
			$dir = wp_normalize_path( $theme[0] );
			foreach ( array_unique( array( $dir, wp_normalize_path( (string) realpath( $theme[0] ) ) ) ) as $candidate ) {
				if ( '' !== $candidate && '/' !== $candidate ) {
					foreach ( array( $path, $real ) as $mine ) {
						if ( 0 === strpos( $mine . '/', trailingslashit( $candidate ) ) ) {
							$tail = ltrim( substr( $mine, strlen( $candidate ) ), '/' );
							return trailingslashit( $theme[1] ) . ( '' === $tail ? '' : $tail . '/' ) . $relative;
						}
					}
				}
			}
		}

		// Plugins and must-use plugins, symlinked or not (plugins_url() maps registered real paths).
		return plugins_url( $relative, $this->path . '/load.php' );
	}

	/**
	 * Registers a product (what batchkeys_register_product() forwards to).
	 *
	 * @param mixed $slug Product slug.
	 * @param mixed $args Arguments.
	 * @return bool
	 */
	public function register_product( $slug, $args = array() ) {
		return $this->registry->register( $slug, $args );
	}

	/**
	 * Whether a product's features may run (what batchkeys_is_active() forwards to).
	 *
	 * @param mixed $slug Product slug.
	 * @return bool
	 */
	public function is_active( $slug ) {
		$product = $this->registry->get( $slug );
		return null !== $product && $this->licenses->is_active( $product );
	}

	/**
	 * Spends tokens (what batchkeys_consume() forwards to).
	 *
	 * @param mixed $slug Product slug.
	 * @param mixed $n    Tokens.
	 * @return true|\WP_Error
	 */
	public function consume( $slug, $n ) {
		$product = $this->registry->get( $slug );
		if ( null === $product ) {
			return new \WP_Error( 'batchkeys_unknown_product', Messages\Messages::message( 'batchkeys_unknown_product' ), array( 'status' => 404 ) );
		}
		$result = $this->licenses->consume( $product, $n );
		return $result->is_error() || 'valid' !== $result->code ? $result->to_wp_error() : true;
	}
}
