<?php
/**
 * The daily license recheck, wired: one WP-Cron event while a key is stored, and a fallback for
 * sites whose cron does not run.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Cron;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Record;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Hooks the parts in and hands them out: Schedule (the event's time), Runner (a run), Fallback
 * (dead cron), Status (what Site Health and WP-CLI show). Learns of license changes from the
 * store's own actions (`batchkeys_license_stored`, `batchkeys_rate_limit_stored`), never by
 * watching option writes. docs/scheduling.md tells the whole story.
 */
final class Scheduler {

	/**
	 * The cron hook (one event per site). Schedule::HOOK names it too.
	 */
	const HOOK = 'batchkeys_recheck';

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * The event (built when first needed, like the other parts: an admin page with a healthy
	 * cron loads none of them).
	 *
	 * @var Schedule|null
	 */
	private $schedule = null;

	/**
	 * Runs.
	 *
	 * @var Runner|null
	 */
	private $runner = null;

	/**
	 * Dead cron.
	 *
	 * @var Fallback|null
	 */
	private $fallback = null;

	/**
	 * A scheduler.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Hooks in what only admin requests use: the upkeep of the event and the fallback on admin
	 * pages, or on admin-ajax the fallback's loopback request (admin_init does nothing there). The
	 * run and the store's actions are hooked by the Kit on every request without loading this
	 * class (Wiring::ON_DEMAND).
	 *
	 * @return void
	 */
	public function register_hooks() {
		if ( wp_doing_ajax() ) {
			add_action( 'wp_ajax_' . Fallback::ACTION, array( $this, 'fallback_request' ) );
			add_action( 'wp_ajax_nopriv_' . Fallback::ACTION, array( $this, 'fallback_request' ) );
			return;
		}
		add_action( 'admin_init', array( $this, 'admin_init' ) );
	}

	/**
	 * The event.
	 *
	 * @return Schedule
	 */
	public function schedule() {
		if ( null === $this->schedule ) {
			$this->schedule = new Schedule( $this->kit );
		}
		return $this->schedule;
	}

	/**
	 * The runner.
	 *
	 * @return Runner
	 */
	private function runner() {
		if ( null === $this->runner ) {
			$this->runner = new Runner( $this->kit, $this->schedule() );
		}
		return $this->runner;
	}

	/**
	 * The dead-cron fallback.
	 *
	 * @return Fallback
	 */
	public function fallback() {
		if ( null === $this->fallback ) {
			$this->fallback = new Fallback( $this->kit, $this );
		}
		return $this->fallback;
	}

	/**
	 * Rechecks what is due now (see Runner::run()).
	 *
	 * @param string $source cron, fallback or cli.
	 * @return array<string, string>
	 */
	public function run( $source = 'cron' ) {
		return $this->runner()->run( $source );
	}

	/**
	 * What Site Health and WP-CLI show (see Status::read()).
	 *
	 * @return array{hook: string, next_run: int|null, overdue: int, wp_cron_disabled: bool, daily_slot: int|null, rate_limited_until: int|null, last_run: array{time: int, source: string, outcomes: array<string, string>}|null, fallback_until: int|null}
	 */
	public function status() {
		return ( new Status( $this->kit ) )->read();
	}

	/**
	 * Whether a record's automatic check is due (see Schedule::is_due()).
	 *
	 * @param Record $record Record.
	 * @param int    $now    Unix timestamp.
	 * @return bool
	 */
	public static function is_due( Record $record, $now ) {
		return Schedule::is_due( $record, $now );
	}

	/**
	 * The cron callback.
	 *
	 * @return void
	 */
	public function run_event() {
		$this->runner()->run( 'cron' );
	}

	/**
	 * A record or the pause was stored (or the plugin activated): the event follows, except
	 * during a run, which moves it once at its end.
	 *
	 * @param mixed $slug The product whose record was stored, if any.
	 * @return void
	 */
	public function license_changed( $slug = '' ) {
		if ( null !== $this->runner && $this->runner->running() ) {
			return;
		}
		$product = is_string( $slug ) && '' !== $slug ? $this->kit->registry()->get( $slug ) : null;
		if ( null !== $product && $product->is_network_scope() && ! is_main_site() ) {
			// A network license changed from another site: the main site's event checks it.
			switch_to_blog( get_main_site_id() );
			$this->schedule()->sync();
			restore_current_blog();
			return;
		}
		$this->schedule()->sync();
	}

	/**
	 * On admin pages: starts the fallback when cron is dead; and on the plugins screen puts back
	 * an event that went missing (that reads every record while no key is stored, so not on
	 * every admin page).
	 *
	 * @return void
	 */
	public function admin_init() {
		if ( ! Fallback::is_admin_page_load() ) {
			return;
		}
		if ( isset( $GLOBALS['pagenow'] ) && 'plugins.php' === $GLOBALS['pagenow'] ) {
			$this->schedule()->ensure();
		}
		$this->fallback()->maybe_spawn();
	}

	/**
	 * The fallback's loopback request (admin-ajax).
	 *
	 * @return void
	 */
	public function fallback_request() {
		$this->fallback()->handle_request();
	}

	/**
	 * A plugin is being deactivated. When it holds this copy of the kit and no other copy is
	 * loaded, the event goes (no kit would be left to run it); otherwise the event follows the
	 * keys of the products that stay (a product whose plugin leaves no longer counts).
	 *
	 * @param string $plugin       Plugin basename, e.g. batchkeys/batchkeys.php.
	 * @param bool   $network_wide Whether it is deactivated for the whole network.
	 * @return void
	 */
	public function plugin_deactivated( $plugin, $network_wide = false ) {
		if ( ! is_string( $plugin ) || false === strpos( $plugin, '/' ) ) {
			return;
		}
		$copies = isset( $GLOBALS['batchkeys_kit']['copies'] ) && is_array( $GLOBALS['batchkeys_kit']['copies'] ) ? array_keys( $GLOBALS['batchkeys_kit']['copies'] ) : array();
		$stays  = false;
		foreach ( array_unique( array_merge( array( $this->kit->path() ), $copies ) ) as $copy ) {
			// plugin_basename() maps symlinked plugin folders back to their names.
			if ( 0 !== strpos( plugin_basename( $copy . '/load.php' ), dirname( $plugin ) . '/' ) ) {
				$stays = true;
			}
		}
		if ( ! $stays ) {
			Schedule::unschedule();
			if ( $network_wide && is_multisite() ) {
				// Only the sites holding a per-site key have an event (the network's index).
				Schedule::unschedule_licensed_sites();
			}
			return;
		}
		$leaving = array();
		foreach ( $this->kit->registry()->all() as $slug => $product ) {
			if ( $product->plugin_basename() === $plugin ) {
				$leaving[] = (string) $slug;
			}
		}
		$this->schedule()->sync( false, $leaving );
		if ( $network_wide && is_multisite() ) {
			$this->schedule()->sync_sites( $leaving );
		}
	}
}
