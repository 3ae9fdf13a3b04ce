<?php
/**
 * The question a copied or moved site asks.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Admin;

use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Address_Guard;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Messages\Network_Words;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * On the dashboard, the Plugins screen and the product's license screen, for users with the
 * product's capability: a notice that names the address the key was activated for and the site's
 * address now, says until when the features keep working, and offers the three answers as plain
 * form buttons (admin-post.php, nonce-checked; no script needed). Not dismissible while
 * unanswered. After "a copy for testing" only the license screen keeps a short line.
 *
 * A license of a whole network is asked about in Network Admin (its dashboard, Plugins screen and
 * license screen), in the network's words, to users who may change it (manage_network_options);
 * on the sites of the network the same notice is a read-only note, without the answers.
 */
final class Address_Notice {

	/**
	 * The admin-post action.
	 */
	const ACTION = 'batchkeys_address';

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
	 * Hooks the notice in (Network Admin fires its own action), and the form handler on
	 * admin-post.php (the only page that fires it).
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_action( 'admin_notices', array( $this, 'render' ) );
		if ( is_network_admin() ) {
			add_action( 'network_admin_notices', array( $this, 'render' ) );
		}
		if ( isset( $GLOBALS['pagenow'] ) && 'admin-post.php' === $GLOBALS['pagenow'] ) {
			add_action( 'admin_post_' . self::ACTION, array( $this, 'handle' ) );
		}
	}

	/**
	 * Prints the notices of the current screen.
	 *
	 * @return void
	 */
	public function render() {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( null === $screen ) {
			return;
		}
		$network_admin = is_network_admin();
		foreach ( $this->kit->registry()->all() as $product ) {
			$network = $product->is_network_scope();
			if ( ! $product->current_user_can_manage() || ( $network_admin && ! $network ) ) {
				continue;
			}
			$own = Screen::is_page( $product, $screen->id );
			if ( ! $own && ! in_array( $screen->id, array( 'dashboard', 'plugins', 'dashboard-network', 'plugins-network' ), true ) ) {
				continue;
			}
			$this->render_answer( $product );
			$view = $this->kit->licenses()->view( $product );
			if ( is_array( $view['address'] ) && ( $own || 'changed' === $view['address']['status'] ) ) {
				$this->render_question( $product, $view['address'], ! $network || ( $network_admin && $product->current_user_can_change() ) );
			}
		}
	}

	/**
	 * Whose license a product's is: 'network' or 'site'.
	 *
	 * @param Product $product Product.
	 * @return string
	 */
	private static function scope( Product $product ) {
		return $product->is_network_scope() ? 'network' : 'site';
	}

	/**
	 * The outcome of an answer given on the previous page (from the redirect's query).
	 *
	 * @param Product $product Product.
	 * @return void
	 */
	private function render_answer( Product $product ) {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only display of a code the handler put in the redirect.
		if ( ! isset( $_GET['batchkeys_answered'], $_GET['batchkeys_product'] ) || sanitize_key( wp_unslash( $_GET['batchkeys_product'] ) ) !== $product->slug ) {
			return;
		}
		$code = sanitize_key( wp_unslash( $_GET['batchkeys_answered'] ) );
		// phpcs:enable
		if ( ! Messages::is_known( $code ) ) {
			return;
		}
		$class = Messages::status( $code ) >= 400 ? 'notice-error' : 'notice-success';
		printf(
			'<div class="notice %1$s batchkeys-address-answer" data-batchkeys-product="%2$s" data-code="%3$s"><p><strong>%4$s</strong> %5$s</p><p>%6$s</p></div>',
			esc_attr( $class ),
			esc_attr( $product->slug ),
			esc_attr( $code ),
			esc_html( $product->name . ':' ),
			esc_html( Messages::message( $code, self::scope( $product ) ) ),
			esc_html( Messages::hint( $code, self::scope( $product ) ) )
		);
	}

	/**
	 * The question, with both addresses, the date, the hints and the three answers.
	 *
	 * @param Product              $product    Product.
	 * @param array<string, mixed> $address    The view's address part.
	 * @param bool                 $answerable Whether the answers are offered here (else a read-only note).
	 * @return void
	 */
	private function render_question( Product $product, array $address, $answerable ) {
		$asked = 'changed' === $address['status'];
		$scope = self::scope( $product );
		$words = Network_Words::words( $scope );
		$lines = array();
		if ( 'blog' === $address['reason'] ) {
			$lines[] = sprintf( esc_html( $words['copied_record'] ), '<code>' . esc_html( $address['activation_domain'] ) . '</code>' );
		} else {
			$lines[] = sprintf( esc_html( $words['activated_for'] ), '<code>' . esc_html( $address['activation_domain'] ) . '</code>', '<code>' . esc_html( $address['current_domain'] ) . '</code>' );
		}
		$lines[] = esc_html( Messages::hint( $asked ? 'address_changed' : 'kept_as_copy', $scope ) );
		if ( null !== $address['features_until'] ) {
			/* translators: %s: date and time. */
			$lines[] = '<strong>' . esc_html( sprintf( __( 'Premium features keep working until %s.', 'batchkeys' ), Clock::local( (int) strtotime( $address['features_until'] ) ) ) ) . '</strong>';
		}
		if ( in_array( 'host', $address['hints'], true ) ) {
			$lines[] = esc_html__( 'The address looks like a staging or development copy.', 'batchkeys' );
		}
		if ( in_array( 'environment', $address['hints'], true ) ) {
			/* translators: %s: environment type, e.g. staging. */
			$lines[] = esc_html( sprintf( __( 'The environment type of this site is "%s".', 'batchkeys' ), $address['environment'] ) );
		}
		if ( null !== $address['constant_error'] ) {
			$lines[] = '<strong>' . esc_html( $address['constant_error'] ) . '</strong>';
		}
		printf(
			'<div class="notice %1$s batchkeys-address" data-batchkeys-product="%2$s" data-status="%3$s" data-scope="%4$s"><p><strong>%5$s</strong></p><p>%6$s</p>%7$s</div>',
			esc_attr( $asked ? 'notice-warning' : 'notice-info' ),
			esc_attr( $product->slug ),
			esc_attr( $address['status'] ),
			esc_attr( $scope ),
			esc_html( $product->name . ': ' . Messages::message( $asked ? 'address_changed' : 'kept_as_copy', $scope ) ),
			implode( ' ', $lines ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- every part escaped above.
			$answerable ? $this->form( $product, $address, $asked ) : self::read_only( $product, $words ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built escaped.
		);
	}

	/**
	 * Where a network license's question is answered, for the sites of the network: a line, and a
	 * link to Network Admin for those who may answer there.
	 *
	 * @param Product               $product Product.
	 * @param array<string, string> $words   Network_Words::words().
	 * @return string
	 */
	private static function read_only( Product $product, array $words ) {
		$link = '';
		if ( $product->current_user_can_change() && is_array( $product->menu ) ) {
			$link = sprintf( ' <a href="%1$s">%2$s</a>', esc_url( add_query_arg( 'page', Screen::page_slug( $product ), network_admin_url( 'settings.php' ) ) ), esc_html( $words['answer_there'] ) );
		}
		return '<p class="batchkeys-address-read-only">' . esc_html( $words['read_only'] ) . $link . '</p>';
	}

	/**
	 * The three answers as buttons of one form; the suggested one is the primary button.
	 *
	 * @param Product              $product Product.
	 * @param array<string, mixed> $address The view's address part.
	 * @param bool                 $asked   Whether the question is still open.
	 * @return string
	 */
	private function form( Product $product, array $address, $asked ) {
		$words   = Network_Words::words( self::scope( $product ) );
		$answers = array(
			'staging'  => array( $words['staging'], $words['staging_does'] ),
			'moved'    => array( $words['moved'], sprintf( $words['moved_does'], $address['current_domain'] ) ),
			'new_site' => array( $words['new_site'], $words['new_site_does'] ),
		);
		if ( ! $asked ) {
			unset( $answers['staging'] );
		}
		$buttons = '';
		foreach ( $answers as $answer => $label ) {
			$buttons .= sprintf(
				'<button type="submit" name="answer" value="%1$s" class="button %2$s" title="%4$s">%3$s</button> ',
				esc_attr( $answer ),
				$asked && $answer === $address['suggested'] ? 'button-primary' : 'button-secondary',
				esc_html( $label[0] ),
				esc_attr( $label[1] )
			);
		}
		$descriptions = '';
		foreach ( $answers as $label ) {
			$descriptions .= '<li><strong>' . esc_html( $label[0] ) . ':</strong> ' . esc_html( $label[1] ) . '</li>';
		}
		return sprintf(
			'<form method="post" action="%1$s"><input type="hidden" name="action" value="%2$s"><input type="hidden" name="product" value="%3$s">%4$s<ul>%5$s</ul><p>%6$s</p></form>',
			esc_url( admin_url( 'admin-post.php' ) ),
			esc_attr( self::ACTION ),
			esc_attr( $product->slug ),
			wp_nonce_field( self::ACTION . '_' . $product->slug, '_wpnonce', true, false ),
			$descriptions,
			$buttons
		);
	}

	/**
	 * The form handler: checks the nonce and the capability, answers, goes back with the outcome.
	 *
	 * @return void
	 */
	public function handle() {
		$slug    = isset( $_POST['product'] ) ? sanitize_key( wp_unslash( $_POST['product'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Missing -- verified below, per product.
		$product = $this->kit->registry()->get( $slug );
		if ( null === $product || ! check_admin_referer( self::ACTION . '_' . $slug ) || ! $product->current_user_can_manage() ) {
			wp_die( esc_html( Messages::message( 'rest_forbidden' ) ), '', array( 'response' => 403 ) );
		}
		if ( ! $product->current_user_can_change() ) {
			// A network license is answered for by a network administrator only.
			wp_die( esc_html( Messages::message( 'network_managed' ) ), '', array( 'response' => 403 ) );
		}
		$answer  = isset( $_POST['answer'] ) ? sanitize_key( wp_unslash( $_POST['answer'] ) ) : '';
		$service = $this->kit->licenses();
		$result  = Address_Guard::resolve( $service, $product, $answer );
		$back    = wp_get_referer();
		$back    = false === $back ? admin_url( 'plugins.php' ) : $back;
		$back    = remove_query_arg( array( 'batchkeys_answered', 'batchkeys_product' ), $back );
		wp_safe_redirect(
			add_query_arg(
				array(
					'batchkeys_answered' => $result->code,
					'batchkeys_product'  => $product->slug,
				),
				$back
			)
		);
		exit;
	}
}
