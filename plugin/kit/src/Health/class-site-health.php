<?php
/**
 * Site Health: tests and debug information for every product.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Tools > Site Health, wired here: for each product the direct tests of License_Tests (state, age
 * of the last successful check, the vendor's secret); the site-wide Cron_Test; the asynchronous
 * Connectivity test and its REST route; and the Debug_Info sections. The secret's value never
 * appears (its constant's name does, for administrators, so they know what to define).
 *
 * Nothing here calls BatchKeys (see Connectivity::run()).
 */
final class Site_Health {

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The asynchronous test and its route.
	 *
	 * @var Connectivity
	 */
	private $connectivity;

	/**
	 * A Site Health concern.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit          = $kit;
		$this->connectivity = new Connectivity( $kit );
	}

	/**
	 * Hooks the tests, the debug information and the REST route in.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
		add_filter( 'debug_information', array( $this, 'debug_information' ) );
		// Wired from rest_api_init itself: a callback added now still runs in this round, and every
		// later REST server (tests make several) gets the route too.
		if ( did_action( 'rest_api_init' ) && ! doing_action( 'rest_api_init' ) ) {
			$this->connectivity->register_routes();
		}
		add_action( 'rest_api_init', array( $this->connectivity, 'register_routes' ) );
	}

	/**
	 * Adds the kit's tests (filter site_status_tests).
	 *
	 * @param mixed $tests Tests: array{direct: array, async: array}.
	 * @return mixed
	 */
	public function add_tests( $tests ) {
		if ( ! is_array( $tests ) ) {
			return $tests;
		}
		$products = $this->kit->registry()->all();
		if ( ! $products ) {
			return $tests;
		}
		$license = new License_Tests( $this->kit );
		foreach ( $products as $product ) {
			$tests = $license->add( $tests, $product );
		}
		$tests['direct']['batchkeys_cron']        = array(
			'label' => __( 'Daily license check', 'batchkeys' ),
			'test'  => array( new Cron_Test( $this->kit ), 'run' ),
		);
		$tests['async']['batchkeys_connectivity'] = array(
			'label'             => __( 'Communication with BatchKeys', 'batchkeys' ),
			'test'              => rest_url( Connectivity::REST_NAMESPACE . Connectivity::ROUTE ),
			'has_rest'          => true,
			'async_direct_test' => array( $this->connectivity, 'run' ),
		);
		return $tests;
	}

	/**
	 * Adds the kit's Debug Info sections (filter debug_information).
	 *
	 * @param mixed $info Sections.
	 * @return mixed
	 */
	public function debug_information( $info ) {
		return ( new Debug_Info( $this->kit ) )->add( $info );
	}
}
