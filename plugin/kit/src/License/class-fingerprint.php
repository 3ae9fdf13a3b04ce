<?php
/**
 * Where a key was activated.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Site\Address;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The fingerprint stored with a record: the domain BatchKeys answered valid (every later call
 * sends it, never a new one), the stored home URL then (for people), the environment type, the
 * blog and network ids, the scope (`site`; a network-wide record says `network`), and a random
 * install id made at activation, so a record copied to another blog can be told apart.
 *
 * Stored as an array under the record's `fingerprint` key; unknown keys are dropped, missing ones
 * take their defaults, so more fields can be added without a migration.
 */
final class Fingerprint {

	/**
	 * The domain BatchKeys answered valid.
	 *
	 * @var string
	 */
	public $domain = '';

	/**
	 * The stored home URL at that time.
	 *
	 * @var string
	 */
	public $home = '';

	/**
	 * The environment type (wp_get_environment_type()) at that time.
	 *
	 * @var string
	 */
	public $env = 'production';

	/**
	 * Blog id (1 on a single site).
	 *
	 * @var int
	 */
	public $blog_id = 1;

	/**
	 * Network id (1 on a single site).
	 *
	 * @var int
	 */
	public $network_id = 1;

	/**
	 * `site` or `network`.
	 *
	 * @var string
	 */
	public $scope = 'site';

	/**
	 * Random id made at activation.
	 *
	 * @var string
	 */
	public $install_id = '';

	/**
	 * When it was taken.
	 *
	 * @var int
	 */
	public $at = 0;

	/**
	 * A fingerprint from the site's facts (Address::facts()) at a time.
	 *
	 * @param array<string, mixed> $facts      Facts.
	 * @param string               $install_id Install id.
	 * @param int                  $now        Unix timestamp.
	 * @return self
	 */
	public static function of( array $facts, $install_id, $now ) {
		$facts['install_id'] = (string) $install_id;
		$facts['at']         = (int) $now;
		$fingerprint         = self::from_array( $facts );
		return null === $fingerprint ? new self() : $fingerprint;
	}

	/**
	 * A fingerprint from its stored array, or null when it has no domain.
	 *
	 * @param mixed $data Stored value.
	 * @return self|null
	 */
	public static function from_array( $data ) {
		if ( ! is_array( $data ) || ! isset( $data['domain'] ) || ! is_string( $data['domain'] ) || '' === Address::normalize( $data['domain'] ) ) {
			return null;
		}
		$fingerprint         = new self();
		$fingerprint->domain = Address::normalize( $data['domain'] );
		foreach ( array( 'home', 'env', 'scope', 'install_id' ) as $field ) {
			if ( isset( $data[ $field ] ) && is_string( $data[ $field ] ) && '' !== $data[ $field ] ) {
				$fingerprint->$field = $data[ $field ];
			}
		}
		foreach ( array( 'blog_id', 'network_id', 'at' ) as $field ) {
			if ( isset( $data[ $field ] ) && is_numeric( $data[ $field ] ) ) {
				$fingerprint->$field = max( 0, (int) $data[ $field ] );
			}
		}
		return $fingerprint;
	}

	/**
	 * The stored form.
	 *
	 * @return array<string, int|string>
	 */
	public function to_array() {
		return array(
			'domain'     => $this->domain,
			'home'       => $this->home,
			'env'        => $this->env,
			'blog_id'    => $this->blog_id,
			'network_id' => $this->network_id,
			'scope'      => $this->scope,
			'install_id' => $this->install_id,
			'at'         => $this->at,
		);
	}

	/**
	 * Why the site named by $facts is not where this key was activated: '' (it is: same domain,
	 * `www.` aside, same blog and network), `domain` (another address) or `blog` (the same
	 * address, another blog or network: a record copied between sites).
	 *
	 * @param array<string, mixed> $facts Address::facts() of the site reading the record.
	 * @return string
	 */
	public function difference( array $facts ) {
		$domain = isset( $facts['domain'] ) ? (string) $facts['domain'] : '';
		if ( '' !== $domain && ! Address::same_site( $this->domain, $domain ) ) {
			return 'domain';
		}
		// A network-wide record is read from every blog of its network.
		$fields = 'network' === $this->scope ? array( 'network_id' ) : array( 'blog_id', 'network_id' );
		foreach ( $fields as $field ) {
			if ( isset( $facts[ $field ] ) && (int) $facts[ $field ] !== $this->$field ) {
				return 'blog';
			}
		}
		return '';
	}
}
