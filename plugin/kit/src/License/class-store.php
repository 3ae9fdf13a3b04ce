<?php
/**
 * Where license records live.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One non-autoloaded option per product, batchkeys_license_<slug>, written only when it changes;
 * plus the site-wide options the service needs (never autoloaded either). Each write of a record
 * or of the pause fires an action of its own (`batchkeys_license_stored`,
 * `batchkeys_rate_limit_stored`), so what follows the records (the recheck event) never has to
 * watch every option write of the site.
 *
 * On a multisite network (see docs/multisite.md): a network license is a network option (site
 * meta) of the same name; the rate-limit pause is a network option (every site shares the
 * server's address); per-site licenses are indexed in the network option batchkeys_sites, so
 * network-wide work visits only the sites that hold a key.
 */
final class Store {

	/**
	 * Network option: product slug => ids of the sites holding a per-site key of it.
	 */
	const SITES = 'batchkeys_sites';

	/**
	 * Tells whether a product slug has one license for the whole network.
	 *
	 * @var callable|null
	 */
	private $network_scope;

	/**
	 * A store.
	 *
	 * @param callable|null $network_scope Slug => whether its license is the network's (null: never).
	 */
	public function __construct( $network_scope = null ) {
		$this->network_scope = is_callable( $network_scope ) ? $network_scope : null;
	}

	/**
	 * Whether a product's record is the network's.
	 *
	 * @param string $slug Product slug.
	 * @return bool
	 */
	public function is_network( $slug ) {
		return null !== $this->network_scope && is_multisite() && (bool) call_user_func( $this->network_scope, (string) $slug );
	}

	/**
	 * A lock row for a product (prefix batchkeys_lock_, batchkeys_throttle_...): in the main
	 * site's options table for a network license, else in this site's.
	 *
	 * @param string $prefix Row name prefix.
	 * @param string $slug   Product slug.
	 * @return Lock
	 */
	public function lock( $prefix, $slug ) {
		return new Lock( $prefix . $slug, $this->is_network( $slug ) ? Lock::main_site_table() : '' );
	}

	/**
	 * Prefix of the per-product option.
	 */
	const PREFIX = 'batchkeys_license_';

	/**
	 * Site-wide: no API call before this time (after rate_limited).
	 */
	const RATE_LIMITED_UNTIL = 'batchkeys_rate_limited_until';

	/**
	 * Site-wide: second of the day (UTC) of the daily check, chosen at random once per site.
	 */
	const DAILY_SLOT = 'batchkeys_daily_slot';

	/**
	 * Option name of a product's record.
	 *
	 * @param string $slug Product slug.
	 * @return string
	 */
	public static function option_name( $slug ) {
		return self::PREFIX . $slug;
	}

	/**
	 * A product's record (an empty inactive one when none is stored).
	 *
	 * @param string $slug  Product slug.
	 * @param bool   $fresh Read the database, not the object cache (inside a lock).
	 * @return Record
	 */
	public function get( $slug, $fresh = false ) {
		$name = self::option_name( $slug );
		if ( $this->is_network( $slug ) ) {
			if ( $fresh ) {
				$network = get_current_network_id();
				wp_cache_delete( $network . ':' . $name, 'site-options' );
				wp_cache_delete( $network . ':notoptions', 'site-options' );
			}
			return Record::from_array( get_site_option( $name, null ) );
		}
		if ( $fresh ) {
			wp_cache_delete( $name, 'options' );
			wp_cache_delete( 'notoptions', 'options' );
		}
		return Record::from_array( get_option( $name, null ) );
	}

	/**
	 * Stores a product's record when it differs from the stored one (one write per change).
	 *
	 * @param string $slug   Product slug.
	 * @param Record $record Record.
	 * @return bool Whether anything was written.
	 */
	public function put( $slug, Record $record ) {
		$name    = self::option_name( $slug );
		$network = $this->is_network( $slug );
		$current = $network ? get_site_option( $name, null ) : get_option( $name, null );
		$value   = $record->to_array();
		if ( is_array( $current ) && $current === $value ) {
			return false;
		}
		if ( null === $current && ! $record->has_key() && 'none' === $record->code ) {
			return false;
		}
		if ( $network ) {
			$written = update_site_option( $name, $value );
		} else {
			$written = update_option( $name, $value, false );
			$this->index( $slug, $record->has_key() );
		}
		if ( $written ) {
			self::stored( $slug, $record );
		}
		return $written;
	}

	/**
	 * Removes a product's record.
	 *
	 * @param string $slug Product slug.
	 * @return void
	 */
	public function delete( $slug ) {
		if ( $this->is_network( $slug ) ) {
			if ( delete_site_option( self::option_name( $slug ) ) ) {
				self::stored( $slug, null );
			}
			return;
		}
		if ( delete_option( self::option_name( $slug ) ) ) {
			self::stored( $slug, null );
		}
		$this->index( $slug, false );
	}

	/**
	 * Keeps this site in (or out of) the network's index of sites holding a key of a product.
	 * Written only when membership changes; every stored check re-adds a site a concurrent
	 * write may have dropped.
	 *
	 * @param string $slug Product slug.
	 * @param bool   $has  Whether this site now holds a key.
	 * @return void
	 */
	private function index( $slug, $has ) {
		if ( ! is_multisite() ) {
			return;
		}
		$blog  = get_current_blog_id();
		$index = self::sites_index();
		$sites = isset( $index[ $slug ] ) ? $index[ $slug ] : array();
		if ( in_array( $blog, $sites, true ) === $has ) {
			return;
		}
		$sites = $has ? array_merge( $sites, array( $blog ) ) : array_values( array_diff( $sites, array( $blog ) ) );
		if ( $sites ) {
			sort( $sites );
			$index[ $slug ] = $sites;
		} else {
			unset( $index[ $slug ] );
		}
		update_site_option( self::SITES, $index );
	}

	/**
	 * The index of sites holding a per-site key: slug => sorted site ids.
	 *
	 * @return array<string, array<int, int>>
	 */
	public static function sites_index() {
		$index = is_multisite() ? get_site_option( self::SITES, array() ) : array();
		$clean = array();
		foreach ( is_array( $index ) ? $index : array() as $slug => $sites ) {
			$clean[ (string) $slug ] = array_values( array_unique( array_map( 'intval', (array) $sites ) ) );
		}
		return $clean;
	}

	/**
	 * Removes a site from the index (the site is being deleted).
	 *
	 * @param int $blog_id Site id.
	 * @return void
	 */
	public static function forget_site( $blog_id ) {
		$index   = self::sites_index();
		$changed = false;
		foreach ( $index as $slug => $sites ) {
			if ( in_array( (int) $blog_id, $sites, true ) ) {
				$index[ $slug ] = array_values( array_diff( $sites, array( (int) $blog_id ) ) );
				$changed        = true;
				if ( ! $index[ $slug ] ) {
					unset( $index[ $slug ] );
				}
			}
		}
		if ( $changed ) {
			update_site_option( self::SITES, $index );
		}
	}

	/**
	 * Announces a changed record.
	 *
	 * @param string      $slug   Product slug.
	 * @param Record|null $record The stored record, or null when it was removed.
	 * @return void
	 */
	private static function stored( $slug, $record ) {
		/**
		 * Fires after a product's license record was written or removed.
		 *
		 * @param string      $slug   Product slug.
		 * @param Record|null $record The stored record; null when removed.
		 */
		do_action( 'batchkeys_license_stored', (string) $slug, $record );
	}

	/**
	 * Until when the site must not call BatchKeys (0: no block).
	 *
	 * @return int
	 */
	public function rate_limited_until() {
		return (int) ( is_multisite() ? get_site_option( self::RATE_LIMITED_UNTIL, 0 ) : get_option( self::RATE_LIMITED_UNTIL, 0 ) );
	}

	/**
	 * Blocks every call to BatchKeys until a time.
	 *
	 * @param int $until Unix timestamp.
	 * @return void
	 */
	public function set_rate_limited_until( $until ) {
		if ( is_multisite() ) {
			// Every site of the network calls from the same server: a pause for one is for all.
			$written = update_site_option( self::RATE_LIMITED_UNTIL, (int) $until );
		} else {
			$written = update_option( self::RATE_LIMITED_UNTIL, (int) $until, false );
		}
		if ( $written ) {
			/**
			 * Fires after the site-wide pause (no call to BatchKeys before $until) was stored.
			 *
			 * @param int $until Unix timestamp.
			 */
			do_action( 'batchkeys_rate_limit_stored', (int) $until );
		}
	}

	/**
	 * The site's daily check time, as a second of the day (UTC); picked at random the first time.
	 * A network license has the network's own (a network option).
	 *
	 * @param string $slug Product slug ('': the site's).
	 * @return int
	 */
	public function daily_slot( $slug = '' ) {
		$network = '' !== $slug && $this->is_network( $slug );
		$slot    = $network ? get_site_option( self::DAILY_SLOT, null ) : get_option( self::DAILY_SLOT, null );
		if ( is_numeric( $slot ) && (int) $slot >= 0 && (int) $slot < DAY_IN_SECONDS ) {
			return (int) $slot;
		}
		$slot = self::random_slot();
		if ( $network ) {
			add_site_option( self::DAILY_SLOT, $slot );
			return (int) get_site_option( self::DAILY_SLOT, $slot );
		}
		add_option( self::DAILY_SLOT, $slot, '', false );
		return (int) get_option( self::DAILY_SLOT, $slot );
	}

	/**
	 * A uniformly random second of the day.
	 *
	 * @return int
	 */
	public static function random_slot() {
		return (int) wp_rand( 0, DAY_IN_SECONDS - 1 );
	}
}
