<?php
/**
 * A registered product.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Product;

use BatchKeys\Kit\License\Key_Format;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One product sold with BatchKeys keys, as its author registered it (validated by Registry).
 *
 * Treat as read-only. The vendor's secret is never held here: only the NAME of the constant or
 * environment variable that holds it, read at call time by secret().
 */
final class Product {

	/**
	 * The values of the network argument.
	 */
	const SCOPES = array( 'auto', 'network', 'site' );

	/**
	 * Unique slug (sanitize_key() characters).
	 *
	 * @var string
	 */
	public $slug;

	/**
	 * Display name.
	 *
	 * @var string
	 */
	public $name;

	/**
	 * Name of the constant or environment variable holding the vendor's BatchKeys auth key.
	 *
	 * @var string
	 */
	public $auth;

	/**
	 * Format of this product's keys.
	 *
	 * @var Key_Format
	 */
	public $key_format;

	/**
	 * Days the features stay on while BatchKeys cannot be reached.
	 *
	 * @var int
	 */
	public $grace_days;

	/**
	 * Capability needed to see and manage the license.
	 *
	 * @var string
	 */
	public $capability;

	/**
	 * Where the license screen goes: array( 'parent' => ..., 'title' => ... ), or false for none.
	 * An empty title means the default, "<name> License".
	 *
	 * @var array{parent: string, title: string}|false
	 */
	public $menu;

	/**
	 * Whether removing the key also sends `active: 0` to BatchKeys.
	 *
	 * @var bool
	 */
	public $release_on_deactivate;

	/**
	 * Whether an activation sends `active: 1` (for vendors whose keys must be switched on by the
	 * site). Off by default: the header's effect is undocumented, and it may switch on a key the
	 * vendor switched off.
	 *
	 * @var bool
	 */
	public $send_active;

	/**
	 * Days a site whose address changed keeps its features while nobody has said what it is.
	 *
	 * @var int
	 */
	public $address_grace_days;

	/**
	 * Whether batchkeys_consume() may top tokens up (negative amounts).
	 *
	 * @var bool
	 */
	public $allow_topup;

	/**
	 * Main file of the plugin (or a file of the theme) that registered the product, or ''.
	 *
	 * @var string
	 */
	public $file;

	/**
	 * Scope on a multisite network: 'auto' (the network when the plugin is network-activated),
	 * 'network' or 'site'.
	 *
	 * @var string
	 */
	public $network;

	/**
	 * Where customers see and free their activations (http or https), or ''.
	 *
	 * @var string
	 */
	public $account_url = '';

	/**
	 * A product; Registry builds them from validated arguments.
	 *
	 * @param array<string, mixed> $fields Validated fields, one per property.
	 */
	public function __construct( array $fields ) {
		$this->slug                  = (string) $fields['slug'];
		$this->name                  = (string) $fields['name'];
		$this->auth                  = (string) $fields['auth'];
		$this->key_format            = $fields['key_format'] instanceof Key_Format ? $fields['key_format'] : Key_Format::default_format();
		$this->grace_days            = (int) $fields['grace_days'];
		$this->capability            = (string) $fields['capability'];
		$this->menu                  = self::menu( $fields['menu'] );
		$this->release_on_deactivate = (bool) $fields['release_on_deactivate'];
		$this->allow_topup           = (bool) $fields['allow_topup'];
		$this->send_active           = ! empty( $fields['send_active'] );
		$this->address_grace_days    = isset( $fields['address_grace_days'] ) ? (int) $fields['address_grace_days'] : 30;
		$this->file                  = (string) $fields['file'];
		$this->account_url           = isset( $fields['account_url'] ) ? (string) $fields['account_url'] : '';
		$this->network               = isset( $fields['network'] ) && in_array( $fields['network'], self::SCOPES, true ) ? (string) $fields['network'] : 'auto';
	}

	/**
	 * The menu setting as the property holds it: array( parent, title ) as strings, or false. A
	 * setting already in that shape is kept as it is (usually Registry's default, a constant
	 * array that costs no memory), not copied.
	 *
	 * @param mixed $menu Validated menu setting.
	 * @return array{parent: string, title: string}|false
	 */
	private static function menu( $menu ) {
		if ( ! is_array( $menu ) || ! isset( $menu['parent'], $menu['title'] ) ) {
			return false;
		}
		if ( 2 === count( $menu ) && is_string( $menu['parent'] ) && is_string( $menu['title'] ) ) {
			return $menu;
		}
		return array(
			'parent' => (string) $menu['parent'],
			'title'  => (string) $menu['title'],
		);
	}

	/**
	 * Whether one license covers the whole network: on a multisite network, for a product
	 * registered with 'network' => 'network', or with 'auto' when its plugin is network-activated.
	 * Costs no query: WordPress loads active_sitewide_plugins with the network's options.
	 *
	 * @return bool
	 */
	public function is_network_scope() {
		if ( ! is_multisite() || 'site' === $this->network ) {
			return false;
		}
		if ( 'network' === $this->network ) {
			return true;
		}
		$basename = $this->plugin_basename();
		if ( '' === $basename ) {
			return false;
		}
		$active = get_site_option( 'active_sitewide_plugins', array() );
		return is_array( $active ) && isset( $active[ $basename ] );
	}

	/**
	 * Whether the current user may change the license (activate, check, remove): the product's
	 * capability, or for a network license the network's (manage_network_options). Seeing it
	 * needs only current_user_can_manage().
	 *
	 * @return bool
	 */
	public function current_user_can_change() {
		return $this->is_network_scope() ? current_user_can( 'manage_network_options' ) : $this->current_user_can_manage();
	}

	/**
	 * The vendor's secret, read now from the constant named by `auth`, else the environment
	 * variable of that name; '' when neither is set. Never store, print or log it.
	 *
	 * @return string
	 */
	public function secret() {
		if ( '' === $this->auth ) {
			return '';
		}
		if ( defined( $this->auth ) ) {
			$value = constant( $this->auth );
			return is_string( $value ) ? trim( $value ) : '';
		}
		$value = getenv( $this->auth );
		return is_string( $value ) ? trim( $value ) : '';
	}

	/**
	 * Whether the vendor's secret is available (else every call would be not_configured).
	 *
	 * @return bool
	 */
	public function is_configured() {
		return '' !== $this->secret();
	}

	/**
	 * Whether the current user may manage this product's license.
	 *
	 * @return bool
	 */
	public function current_user_can_manage() {
		return current_user_can( $this->capability ) || ( $this->is_network_scope() && current_user_can( 'manage_network_options' ) );
	}

	/**
	 * The plugin basename (e.g. acme-seo/acme-seo.php) when the product is a plugin, else ''.
	 *
	 * @return string
	 */
	public function plugin_basename() {
		if ( '' === $this->file || ! function_exists( 'plugin_basename' ) ) {
			return '';
		}
		$basename = plugin_basename( $this->file );
		return ( $basename !== $this->file && false === strpos( $basename, '/..' ) && '/' !== substr( $basename, 0, 1 ) ) ? $basename : '';
	}

	/**
	 * What scripts may know about the product: never the secret nor its name.
	 *
	 * @return array{slug: string, name: string, key_format: array{groups: int, length: int, separator: string, chars: string, case: string}, placeholder: string}
	 */
	public function to_client_array() {
		return array(
			'slug'        => $this->slug,
			'name'        => $this->name,
			'key_format'  => $this->key_format->to_array(),
			'placeholder' => $this->key_format->placeholder(),
		);
	}
}
