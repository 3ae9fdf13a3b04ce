<?php
/**
 * The registered products.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Product;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Key_Format;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Validates registrations (a wrong argument is a _doing_it_wrong notice and a safe default, never
 * a fatal) and holds the products by slug.
 */
final class Registry {

	/**
	 * Products by slug.
	 *
	 * @var array<string, Product>
	 */
	private $products = array();

	/**
	 * Version named in _doing_it_wrong notices.
	 *
	 * @var string
	 */
	private $version;

	/**
	 * A registry.
	 *
	 * @param string $version Kit version, for notices.
	 */
	public function __construct( $version = '' ) {
		$this->version = (string) $version;
	}

	/**
	 * Registers a product.
	 *
	 * Arguments (all optional but `auth`):
	 * - name (string): shown to people; default: the slug.
	 * - auth (string): NAME of the constant or environment variable holding the vendor's
	 *   BatchKeys auth key (never the key itself).
	 * - key_format (array): groups (1-20, default 5), length (1-100, default 7), separator (0-3
	 *   ASCII punctuation characters, default '-'), chars (letters, digits and ranges such as
	 *   'A-Za-z0-9', the default), case ('keep', the default, 'upper' or 'lower': typed letters are
	 *   turned into that case).
	 * - grace_days (int 0-365, default 7): days the features stay on while BatchKeys is unreachable.
	 * - capability (string, default 'manage_options').
	 * - menu (array{parent: string, title?: string}|false): where the license screen goes; default
	 *   Settings ('options-general.php'); false for no screen of its own. The title defaults to ''
	 *   (the screen then shows "<name> License").
	 * - release_on_deactivate (bool, default false): send `active: 0` when the key is removed.
	 * - allow_topup (bool, default false): let batchkeys_consume() top tokens up.
	 * - send_active (bool, default false): an activation sends `active: 1` (only for keys the
	 *   vendor wants switched on by the site; it may undo a vendor's switch-off).
	 * - address_grace_days (int 0-365, default 30): days a site whose address changed keeps its
	 *   features while nobody has said whether it is a copy or a move.
	 * - file (string): the plugin's main file or the theme's functions.php (__FILE__), for the
	 *   plugins screen row, and on a network to tell whether the plugin is network-activated.
	 * - network ('auto'|'network'|'site', default 'auto'): the license's scope on a multisite
	 *   network. 'auto': one key for the whole network when the plugin (its `file`) is
	 *   network-activated, else one key per site; 'network' and 'site' force one or the other.
	 *   Ignored on a single site.
	 * - account_url (string, default ''): where customers see and free their activations (an
	 *   http or https URL); named in the answer to a not-valid activation.
	 *
	 * @param mixed $slug Product slug: lower-case letters, digits, '-' and '_' (sanitize_key()).
	 * @param mixed $args Arguments, see above.
	 * @return bool False when refused: bad or duplicate slug.
	 */
	public function register( $slug, $args = array() ) {
		if ( ! $this->is_valid_slug( $slug ) ) {
			return false;
		}
		$args = $this->known_args( $slug, $args );

		// Each argument is checked in this order, so the notices come in the order of the docs.
		$this->products[ $slug ] = new Product(
			array(
				'slug'                  => $slug,
				'name'                  => $this->name( $slug, $args ),
				'auth'                  => $this->auth( $slug, $args ),
				'key_format'            => $this->key_format( $slug, $args ),
				'grace_days'            => $this->days( $slug, $args, 'grace_days', 7 ),
				'address_grace_days'    => $this->days( $slug, $args, 'address_grace_days', 30 ),
				'capability'            => $this->capability( $slug, $args ),
				'menu'                  => $this->menu( $slug, $args ),
				'release_on_deactivate' => $this->flag( $slug, $args, 'release_on_deactivate' ),
				'allow_topup'           => $this->flag( $slug, $args, 'allow_topup' ),
				'send_active'           => $this->flag( $slug, $args, 'send_active' ),
				'file'                  => $this->file( $slug, $args ),
				'network'               => $this->network( $slug, $args ),
				'account_url'           => $this->account_url( $slug, $args ),
			)
		);

		/**
		 * Fires after a product has been registered.
		 *
		 * @param Product $product The product.
		 */
		do_action( 'batchkeys_product_registered', $this->products[ $slug ] );
		return true;
	}

	/**
	 * Whether a slug may be registered: well formed and not taken (else a notice).
	 *
	 * @param mixed $slug Slug.
	 * @return bool
	 */
	private function is_valid_slug( $slug ) {
		if ( ! Kit::valid_slug( $slug ) ) {
			$this->wrong( __( 'The product slug must be a non-empty string of lower-case letters, digits, hyphens and underscores, at most 64 characters. The product was not registered.', 'batchkeys' ) );
			return false;
		}
		if ( isset( $this->products[ $slug ] ) ) {
			/* translators: %s: product slug. */
			$this->wrong( sprintf( __( 'A product with the slug "%s" is already registered. The second registration was ignored.', 'batchkeys' ), $slug ) );
			return false;
		}
		return true;
	}

	/**
	 * The arguments as an array; a notice for a non-array and for names the kit does not know.
	 *
	 * @param string $slug Slug.
	 * @param mixed  $args Arguments.
	 * @return array<mixed>
	 */
	private function known_args( $slug, $args ) {
		if ( ! is_array( $args ) ) {
			$this->wrong( __( 'The product arguments must be an array. Defaults were used.', 'batchkeys' ) );
			return array();
		}
		$known   = array( 'name', 'auth', 'key_format', 'grace_days', 'capability', 'menu', 'release_on_deactivate', 'allow_topup', 'send_active', 'address_grace_days', 'file', 'network', 'account_url' );
		$unknown = array_diff( array_map( 'strval', array_keys( $args ) ), $known );
		if ( $unknown ) {
			/* translators: 1: product slug, 2: list of argument names. */
			$this->wrong( sprintf( __( 'Unknown arguments for the product "%1$s" were ignored: %2$s.', 'batchkeys' ), $slug, implode( ', ', $unknown ) ) );
		}
		return $args;
	}

	/**
	 * `name`: plain text, not empty; default the slug.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return string
	 */
	private function name( $slug, array $args ) {
		if ( ! isset( $args['name'] ) ) {
			return $slug;
		}
		$clean = is_string( $args['name'] ) ? trim( wp_strip_all_tags( $args['name'] ) ) : '';
		if ( '' !== $clean ) {
			return $clean;
		}
		/* translators: %s: product slug. */
		$this->wrong( sprintf( __( 'The name of the product "%s" must be a non-empty string. The slug is shown instead.', 'batchkeys' ), $slug ) );
		return $slug;
	}

	/**
	 * `auth`: the NAME of a constant or environment variable; '' (not configured) otherwise.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return string
	 */
	private function auth( $slug, array $args ) {
		if ( ! isset( $args['auth'] ) ) {
			/* translators: %s: product slug. */
			$this->wrong( sprintf( __( 'The product "%s" needs the "auth" argument: the name of the constant or environment variable that holds your BatchKeys auth key. Until then it is not configured.', 'batchkeys' ), $slug ) );
			return '';
		}
		if ( ! is_string( $args['auth'] ) || ! preg_match( '/^[A-Za-z_][A-Za-z0-9_]{0,99}$/', $args['auth'] ) ) {
			// Never echo the value: an author may have passed the secret itself by mistake.
			/* translators: %s: product slug. */
			$this->wrong( sprintf( __( 'The "auth" argument of the product "%s" must be the NAME of a constant or environment variable (letters, digits and underscores), not the secret itself. Until then it is not configured.', 'batchkeys' ), $slug ) );
			return '';
		}
		return $args['auth'];
	}

	/**
	 * `key_format`: each wrong setting falls back to its default.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return Key_Format
	 */
	private function key_format( $slug, array $args ) {
		$format_errors = array();
		$key_format    = Key_Format::from_args( isset( $args['key_format'] ) ? $args['key_format'] : array(), $format_errors );
		if ( $format_errors ) {
			/* translators: 1: product slug, 2: list of key format settings. */
			$this->wrong( sprintf( __( 'The key format of the product "%1$s" has wrong settings (%2$s); their defaults are used. groups: 1-20, length: 1-100, separator: up to 3 punctuation characters, chars: letters, digits and ranges such as A-Za-z0-9, case: keep, upper or lower, the whole key at most 200 characters.', 'batchkeys' ), $slug, implode( ', ', array_unique( $format_errors ) ) ) );
		}
		return $key_format;
	}

	/**
	 * A number of days (`grace_days`, `address_grace_days`): an integer from 0 to 365.
	 *
	 * @param string       $slug    Slug.
	 * @param array<mixed> $args    Arguments.
	 * @param string       $arg     Argument name.
	 * @param int          $default Default.
	 * @return int
	 */
	private function days( $slug, array $args, $arg, $default ) {
		if ( ! isset( $args[ $arg ] ) ) {
			return $default;
		}
		if ( is_int( $args[ $arg ] ) && $args[ $arg ] >= 0 && $args[ $arg ] <= 365 ) {
			return $args[ $arg ];
		}
		/* translators: 1: argument name, 2: product slug, 3: default number of days. */
		$this->wrong( sprintf( __( 'The %1$s of the product "%2$s" must be an integer from 0 to 365. %3$d is used.', 'batchkeys' ), $arg, $slug, $default ) );
		return $default;
	}

	/**
	 * `capability`: a non-empty string; default manage_options.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return string
	 */
	private function capability( $slug, array $args ) {
		if ( ! isset( $args['capability'] ) ) {
			return 'manage_options';
		}
		if ( is_string( $args['capability'] ) && '' !== trim( $args['capability'] ) ) {
			return trim( $args['capability'] );
		}
		/* translators: %s: product slug. */
		$this->wrong( sprintf( __( 'The capability of the product "%s" must be a non-empty string. manage_options is used.', 'batchkeys' ), $slug ) );
		return 'manage_options';
	}

	/**
	 * `menu`: false, or a parent menu file and an optional title; default Settings.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return array{parent: string, title: string}|false
	 */
	private function menu( $slug, array $args ) {
		// The title stays '' unless the author gives one: the screen shows "<name> License", translated
		// when it is displayed (registration runs before init, too early to pick the user's locale).
		$settings = array(
			'parent' => 'options-general.php',
			'title'  => '',
		);
		if ( ! array_key_exists( 'menu', $args ) ) {
			return $settings;
		}
		if ( false === $args['menu'] ) {
			return false;
		}
		if ( is_array( $args['menu'] ) && isset( $args['menu']['parent'] ) && is_string( $args['menu']['parent'] ) && '' !== $args['menu']['parent'] ) {
			return array(
				'parent' => $args['menu']['parent'],
				'title'  => ( isset( $args['menu']['title'] ) && is_string( $args['menu']['title'] ) ) ? trim( wp_strip_all_tags( $args['menu']['title'] ) ) : '',
			);
		}
		/* translators: %s: product slug. */
		$this->wrong( sprintf( __( 'The menu of the product "%s" must be false or an array with a "parent" menu file (such as options-general.php). Settings is used.', 'batchkeys' ), $slug ) );
		return $settings;
	}

	/**
	 * A true/false argument (`release_on_deactivate`, `allow_topup`, `send_active`); default false.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @param string       $flag Argument name.
	 * @return bool
	 */
	private function flag( $slug, array $args, $flag ) {
		if ( ! isset( $args[ $flag ] ) || is_bool( $args[ $flag ] ) ) {
			return ! empty( $args[ $flag ] );
		}
		/* translators: 1: argument name, 2: product slug. */
		$this->wrong( sprintf( __( 'The %1$s argument of the product "%2$s" must be true or false. false is used.', 'batchkeys' ), $flag, $slug ) );
		return false;
	}

	/**
	 * `file`: the main file's path, for the plugins screen row; default ''.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return string
	 */
	private function file( $slug, array $args ) {
		if ( ! isset( $args['file'] ) ) {
			return '';
		}
		if ( is_string( $args['file'] ) ) {
			return $args['file'];
		}
		/* translators: %s: product slug. */
		$this->wrong( sprintf( __( 'The file argument of the product "%s" must be a path (use __FILE__).', 'batchkeys' ), $slug ) );
		return '';
	}

	/**
	 * `network`: the scope on a multisite network; default 'auto'.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return string
	 */
	private function network( $slug, array $args ) {
		if ( ! isset( $args['network'] ) ) {
			return 'auto';
		}
		if ( in_array( $args['network'], Product::SCOPES, true ) ) {
			return (string) $args['network'];
		}
		/* translators: %s: product slug. */
		$this->wrong( sprintf( __( 'The network argument of the product "%s" must be "auto", "network" or "site". "auto" is used.', 'batchkeys' ), $slug ) );
		return 'auto';
	}

	/**
	 * `account_url`: where customers free an activation (http or https); default ''.
	 *
	 * @param string       $slug Slug.
	 * @param array<mixed> $args Arguments.
	 * @return string
	 */
	private function account_url( $slug, array $args ) {
		if ( ! isset( $args['account_url'] ) ) {
			return '';
		}
		$url = is_string( $args['account_url'] ) ? esc_url_raw( trim( $args['account_url'] ), array( 'http', 'https' ) ) : '';
		if ( '' !== $url ) {
			return $url;
		}
		/* translators: %s: product slug. */
		$this->wrong( sprintf( __( 'The account_url of the product "%s" must be an http or https URL. It is not shown.', 'batchkeys' ), $slug ) );
		return '';
	}

	/**
	 * A product by slug, or null.
	 *
	 * @param mixed $slug Slug.
	 * @return Product|null
	 */
	public function get( $slug ) {
		return ( is_string( $slug ) && isset( $this->products[ $slug ] ) ) ? $this->products[ $slug ] : null;
	}

	/**
	 * Every product, keyed by slug, in registration order.
	 *
	 * @return array<string, Product>
	 */
	public function all() {
		return $this->products;
	}

	/**
	 * Forgets a product (its stored data stays). For tests and for products whose code goes away
	 * during a request.
	 *
	 * @param string $slug Slug.
	 * @return void
	 */
	public function remove( $slug ) {
		unset( $this->products[ $slug ] );
	}

	/**
	 * Reports a wrong registration.
	 *
	 * @param string $message Translated message.
	 * @return void
	 */
	private function wrong( $message ) {
		_doing_it_wrong( 'batchkeys_register_product', esc_html( $message ), esc_html( $this->version ) );
	}
}
