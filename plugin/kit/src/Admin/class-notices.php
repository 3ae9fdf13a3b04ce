<?php
/**
 * Admin notices about licenses that need a person: in grace, lapsed, invalid, not configured.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Admin;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\Messages\Network_Words;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * On the dashboard and the plugins screen, for users with a product's capability, one notice per
 * product whose license is in grace (features still on, until when), lapsed or invalid, or whose
 * vendor secret is missing. Reads stored state only (never calls BatchKeys).
 *
 * A person may dismiss a notice; it stays dismissed for them until the product is in another
 * situation (user meta batchkeys_dismissed_<slug> holds the dismissed situation: the state and
 * the date that makes it a new episode, so a key that lapses again after being fixed shows again).
 */
final class Notices {

	/**
	 * The admin-ajax action (and nonce action) of a dismissal.
	 */
	const ACTION = 'batchkeys_dismiss_notice';

	/**
	 * User meta key prefix; the product slug follows.
	 */
	const META_PREFIX = 'batchkeys_dismissed_';

	/**
	 * Screens the notices appear on.
	 */
	const SCREENS = array( 'dashboard', 'plugins', 'dashboard-network', 'plugins-network' );

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * Whether a notice was printed on this page (then the dismissal script is needed).
	 *
	 * @var bool
	 */
	private $printed = false;

	/**
	 * Notices.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Hooks the notices in (Network Admin fires its own action), and the dismissal endpoint on
	 * admin-ajax requests (the only ones that fire it). The dismissal script is hooked once a
	 * notice is printed.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_action( 'admin_notices', array( $this, 'render' ) );
		if ( is_network_admin() ) {
			// In Network Admin: the licenses of the whole network only, in the network's words.
			add_action( 'network_admin_notices', array( $this, 'render' ) );
		}
		if ( wp_doing_ajax() ) {
			add_action( 'wp_ajax_' . self::ACTION, array( $this, 'dismiss' ) );
		}
	}

	/**
	 * The situation a product is in that deserves a notice, or null when all is well.
	 *
	 * @param Product $product Product.
	 * @return array{key: string, kind: string, message: string}|null Key: what a dismissal
	 *         remembers; kind: notice-error or notice-warning.
	 */
	public function situation( Product $product ) {
		$words = Network_Words::words( $product->is_network_scope() ? 'network' : 'site' );
		if ( ! $product->is_configured() ) {
			return array(
				'key'     => 'not_configured',
				'kind'    => 'notice-warning',
				'message' => sprintf( $words['not_connected'], $product->name ),
			);
		}
		$view   = $this->kit->licenses()->view( $product );
		$record = $this->kit->licenses()->store()->get( $product->slug );
		if ( is_array( $view['secret_missing'] ) && $record->has_key() ) {
			return array(
				'key'     => 'no_secret:' . $view['secret_missing']['context'],
				'kind'    => 'notice-warning',
				'message' => $product->name . ': ' . $view['secret_missing']['message'],
			);
		}
		if ( 'grace' === $view['state'] ) {
			return array(
				'key'     => 'grace:' . (string) $view['last_success'],
				'kind'    => 'notice-warning',
				'message' => self::cause( $product, $record, $words ) . ' ' . sprintf(
					/* translators: %s: date the features switch off. */
					__( 'Its premium features stay on until %s; the check is retried automatically.', 'batchkeys' ),
					self::date( $record->grace_until )
				),
			);
		}
		if ( ! empty( $view['strike'] ) ) {
			return array(
				'key'     => 'strike:' . (string) $record->strike_at,
				'kind'    => 'notice-warning',
				'message' => sprintf(
					/* translators: 1: product name, 2: date and time of the confirming check. */
					__( 'BatchKeys said the license key of %1$s is not valid. Nothing changes yet: a confirming check runs on %2$s, and only if BatchKeys says so again are its premium features switched off.', 'batchkeys' ),
					$product->name,
					self::date( $record->next_check )
				),
			);
		}
		if ( 'lapsed' === $view['state'] ) {
			return array(
				'key'     => 'lapsed:' . (string) $view['grace_until'],
				'kind'    => 'notice-error',
				'message' => sprintf(
					/* translators: 1: product name, 2: date of the last successful check, 3: date the features switched off. */
					__( 'The license of %1$s could not be confirmed since %2$s, so its premium features were switched off on %3$s. Check the key now.', 'batchkeys' ),
					$product->name,
					self::date( $record->last_success ),
					self::date( $record->grace_until )
				),
			);
		}
		if ( 'invalid' === $view['state'] ) {
			return array(
				'key'     => 'invalid:' . (string) $view['last_success'],
				'kind'    => 'notice-error',
				'message' => sprintf( $words['not_accepted'], $product->name ),
			);
		}
		return null;
	}

	/**
	 * Why a key in grace has not been confirmed: the cause the last answer names.
	 *
	 * @param Product                       $product Product.
	 * @param \BatchKeys\Kit\License\Record $record  Stored record.
	 * @param array<string, string>         $words   The sentences of the product's scope (Network_Words::words()).
	 * @return string
	 */
	private function cause( Product $product, $record, array $words ) {
		$since = self::date( $record->last_success );
		if ( 'rate_limited' === $record->code ) {
			$until = $this->kit->licenses()->store()->rate_limited_until();
			return sprintf(
				$words['paused_since'],
				$product->name,
				$since,
				self::date( $until > 0 ? $until : null )
			);
		}
		if ( 'connection' === $record->code ) {
			return sprintf(
				/* translators: 1: product name, 2: date of the last successful check. */
				__( 'BatchKeys could not be reached to confirm the license of %1$s since %2$s.', 'batchkeys' ),
				$product->name,
				$since
			);
		}
		return sprintf(
			/* translators: 1: product name, 2: date of the last successful check, 3: what BatchKeys answered. */
			__( 'The license of %1$s has not been confirmed since %2$s: %3$s', 'batchkeys' ),
			$product->name,
			$since,
			\BatchKeys\Kit\Messages\Messages::message( $record->code, $product->is_network_scope() ? 'network' : 'site' )
		);
	}

	/**
	 * A stored date in the site's format, for a notice.
	 *
	 * @param int|null $timestamp Unix timestamp.
	 * @return string
	 */
	private static function date( $timestamp ) {
		return null === $timestamp ? __( 'an unknown date', 'batchkeys' ) : Clock::local( $timestamp );
	}

	/**
	 * The notices due to the current user, by product slug.
	 *
	 * @return array<string, array{key: string, kind: string, message: string, product: Product}>
	 */
	public function due() {
		$due = array();
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( ! current_user_can( $product->capability ) || ( is_network_admin() && ! $product->is_network_scope() ) ) {
				continue;
			}
			$situation = $this->situation( $product );
			if ( null === $situation ) {
				continue;
			}
			$dismissed = get_user_meta( get_current_user_id(), self::META_PREFIX . $product->slug, true );
			if ( $dismissed === $situation['key'] ) {
				continue;
			}
			$situation['product']  = $product;
			$due[ $product->slug ] = $situation;
		}
		return $due;
	}

	/**
	 * Prints the notices (admin_notices), on the dashboard and the plugins screen only.
	 *
	 * @return void
	 */
	public function render() {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( null === $screen || ! in_array( $screen->id, self::SCREENS, true ) ) {
			return;
		}
		$nonce = '';
		foreach ( $this->due() as $slug => $notice ) {
			if ( '' === $nonce ) {
				$nonce = wp_create_nonce( self::ACTION );
			}
			$url  = Screen::page_url( $notice['product'] );
			$link = '' === $url ? '' : sprintf(
				' <a href="%1$s">%2$s</a>',
				esc_url( $url ),
				esc_html( Network_Words::words( $notice['product']->is_network_scope() && is_network_admin() ? 'network' : 'site' )['open_screen'] )
			);
			printf(
				'<div class="notice %1$s is-dismissible batchkeys-notice" data-batchkeys-product="%2$s" data-batchkeys-situation="%3$s" data-batchkeys-nonce="%4$s"><p>%5$s%6$s</p></div>',
				esc_attr( $notice['kind'] ),
				esc_attr( $slug ),
				esc_attr( $notice['key'] ),
				esc_attr( $nonce ),
				esc_html( $notice['message'] ),
				$link // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built from esc_url() and esc_html__() above.
			);
			if ( ! $this->printed ) {
				$this->printed = true;
				add_action( 'admin_footer', array( $this, 'print_script' ) );
			}
		}
	}

	/**
	 * Records a dismissal (admin-ajax, nonce-checked). Only the situation the product is in now
	 * can be dismissed, and only by a user with the product's capability.
	 *
	 * @return void
	 */
	public function dismiss() {
		check_ajax_referer( self::ACTION, 'nonce' );
		$slug      = isset( $_POST['product'] ) ? sanitize_key( wp_unslash( $_POST['product'] ) ) : '';
		$situation = isset( $_POST['situation'] ) ? sanitize_text_field( wp_unslash( $_POST['situation'] ) ) : '';
		$product   = '' === $slug ? null : $this->kit->registry()->get( $slug );
		if ( null === $product || ! current_user_can( $product->capability ) ) {
			wp_send_json_error( null, 403 );
		}
		$now = $this->situation( $product );
		if ( null === $now || $now['key'] !== $situation ) {
			wp_send_json_error( null, 409 );
		}
		update_user_meta( get_current_user_id(), self::META_PREFIX . $product->slug, $now['key'] );
		wp_send_json_success();
	}

	/**
	 * Prints the few lines that send a dismissal, when a notice was printed.
	 *
	 * @return void
	 */
	public function print_script() {
		if ( ! $this->printed ) {
			return;
		}
		$script = sprintf(
			'document.addEventListener("click",function(e){var b=e.target&&e.target.closest&&e.target.closest(".batchkeys-notice .notice-dismiss");if(!b){return;}var n=b.closest(".batchkeys-notice"),d=new FormData();d.append("action",%1$s);d.append("nonce",n.getAttribute("data-batchkeys-nonce"));d.append("product",n.getAttribute("data-batchkeys-product"));d.append("situation",n.getAttribute("data-batchkeys-situation"));fetch(%2$s,{method:"POST",credentials:"same-origin",body:d});});',
			wp_json_encode( self::ACTION ),
			wp_json_encode( admin_url( 'admin-ajax.php' ) )
		);
		wp_print_inline_script_tag( $script, array( 'id' => 'batchkeys-notices-js' ) );
	}
}
