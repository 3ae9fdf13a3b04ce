<?php
/**
 * Registers the `wp batchkeys` commands (only under WP-CLI).
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cli;

use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Kit;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The WP-CLI concern. The commands themselves live in License_Command, whose every public method
 * is a subcommand (WP-CLI's convention), so this class's register_hooks() does not become one.
 */
final class Commands {

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The concern.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Adds `wp batchkeys` (Kit wires this concern only when WP_CLI is defined).
	 *
	 * @return void
	 */
	public function register_hooks() {
		if ( ! class_exists( '\WP_CLI' ) ) {
			return;
		}
		$scheduler = $this->kit->concern( Scheduler::class );
		if ( ! $scheduler instanceof Scheduler ) {
			$scheduler = new Scheduler( $this->kit );
		}
		\WP_CLI::add_command( 'batchkeys', new License_Command( $this->kit, $scheduler ) );
		\WP_CLI::add_command( 'batchkeys address', new Address_Command( $this->kit ) );
	}
}
