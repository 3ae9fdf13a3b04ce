<?php
/**
 * Which concerns a kind of request needs, and the hooks that wake a concern when they fire.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Built by the Kit the first time a request needs a concern, so an ordinary front-end page never
 * includes this file (docs/loading.md).
 */
final class Wiring {

	/**
	 * Concerns by the kind of request that needs them; each is constructed with the Kit and asked
	 * to register_hooks() once. A class this copy does not have is skipped.
	 */
	const CONCERNS = array(
		'admin'       => array(
			'BatchKeys\\Kit\\Admin\\Screen',
			'BatchKeys\\Kit\\Admin\\Notices',
			'BatchKeys\\Kit\\Admin\\Address_Notice',
			'BatchKeys\\Kit\\Cron\\Scheduler',
		),
		'plugin_rows' => array( 'BatchKeys\\Kit\\Admin\\Plugin_Row' ),
		'editor'      => array( 'BatchKeys\\Kit\\Block\\License_Block' ),
		'site_health' => array( 'BatchKeys\\Kit\\Health\\Site_Health' ),
		'rest'        => array(
			'BatchKeys\\Kit\\Rest\\Products_Controller',
			'BatchKeys\\Kit\\Rest\\License_Controller',
			'BatchKeys\\Kit\\Health\\Site_Health',
		),
		'cli'         => array( 'BatchKeys\\Kit\\Cli\\Commands' ),
		// Woken by ON_DEMAND['network'] only.
		'sites'       => array( 'BatchKeys\\Kit\\Network\\Sites' ),
	);

	/**
	 * Hooks that wake a concern method when they fire (hook, class, method, accepted arguments):
	 * `cron` on WP-Cron and WP-CLI requests, `plugins` where plugins are (de)activated, `store` once
	 * the license service exists (only it writes records; the recheck event follows its writes).
	 */
	const ON_DEMAND = array(
		'cron'    => array(
			array( 'batchkeys_recheck', 'BatchKeys\\Kit\\Cron\\Scheduler', 'run_event', 0 ),
		),
		'plugins' => array(
			array( 'batchkeys_plugin_activated', 'BatchKeys\\Kit\\Cron\\Scheduler', 'license_changed', 0 ),
			array( 'deactivate_plugin', 'BatchKeys\\Kit\\Cron\\Scheduler', 'plugin_deactivated', 2 ),
		),
		'store'   => array(
			array( 'batchkeys_license_stored', 'BatchKeys\\Kit\\Cron\\Scheduler', 'license_changed', 1 ),
			array( 'batchkeys_rate_limit_stored', 'BatchKeys\\Kit\\Cron\\Scheduler', 'license_changed', 0 ),
		),
		// A multisite network: a deleted site leaves the index of licensed sites.
		'network' => array(
			array( 'wp_uninitialize_site', 'BatchKeys\\Kit\\Network\\Sites', 'site_deleted', 1 ),
		),
	);

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The kinds of request wired so far (kind => true).
	 *
	 * @var array<string, bool>
	 */
	private $wired = array();

	/**
	 * The concerns wired so far, by class name.
	 *
	 * @var array<string, object>
	 */
	private $concerns = array();

	/**
	 * The wiring of one kit.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Wires one kind of request, once: its CONCERNS, and its ON_DEMAND hooks, each of which
	 * constructs its concern only when it fires.
	 *
	 * @param string $kind admin, rest, cli, cron, plugins or store.
	 * @return void
	 */
	public function wire_for( $kind ) {
		if ( isset( $this->wired[ $kind ] ) ) {
			return;
		}
		$this->wired[ $kind ] = true;
		foreach ( isset( self::CONCERNS[ $kind ] ) ? self::CONCERNS[ $kind ] : array() as $class ) {
			$this->concern( $class );
		}
		foreach ( isset( self::ON_DEMAND[ $kind ] ) ? self::ON_DEMAND[ $kind ] : array() as $hook ) {
			list( $name, $class, $method, $arguments ) = $hook;
			add_action(
				$name,
				function () use ( $class, $method ) {
					$concern = $this->concern( $class );
					if ( null !== $concern && is_callable( array( $concern, $method ) ) ) {
						call_user_func_array( array( $concern, $method ), func_get_args() );
					}
				},
				10,
				$arguments
			);
		}
	}

	/**
	 * A concern by class name, constructed and hooked in the first time it is asked for; null
	 * when it is not one of the kit's concerns or this copy does not have it.
	 *
	 * @param string $class_name Fully qualified class name.
	 * @return object|null
	 */
	public function concern( $class_name ) {
		if ( isset( $this->concerns[ $class_name ] ) ) {
			return $this->concerns[ $class_name ];
		}
		if ( ! in_array( $class_name, array_merge( ...array_values( self::CONCERNS ) ), true ) || ! class_exists( $class_name ) ) {
			return null;
		}
		$concern                       = new $class_name( $this->kit );
		$this->concerns[ $class_name ] = $concern;
		// A concern added later may lack it; this copy's own all have it.
		if ( method_exists( $concern, 'register_hooks' ) ) { // @phpstan-ignore function.alreadyNarrowedType
			$concern->register_hooks();
		}
		return $concern;
	}
}
