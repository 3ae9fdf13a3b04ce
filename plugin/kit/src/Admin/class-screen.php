<?php
/**
 * The license screen of each product: its menu entry, its scripts, its root element.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Admin;

use BatchKeys\Kit\Kit;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds one page per product where its registration puts it (`menu` => array( 'parent' => ... );
 * Settings by default; none with false), for users with the product's capability. The page
 * prints the root element the React screen (src/admin) mounts on, with the product and its
 * license view read from the Store: no REST call and no remote call when the page loads.
 */
final class Screen {

	/**
	 * Script and style handle of the screen.
	 */
	const HANDLE = 'batchkeys-license-screen';

	/**
	 * Id of the root element (src/admin/index.tsx looks for it).
	 */
	const ROOT_ID = 'batchkeys-license-screen';

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * Hook suffix of each page added => product slug.
	 *
	 * @var array<string, string>
	 */
	private $pages = array();

	/**
	 * A screen.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Hooks the menu in: the network's pages only in the network admin. The scripts are hooked by
	 * add_pages() on the request that shows a product's page.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_action( 'admin_menu', array( $this, 'add_pages' ) );
		if ( is_network_admin() ) {
			add_action( 'network_admin_menu', array( $this, 'add_network_pages' ) );
		}
	}

	/**
	 * The page slug (`?page=`) of a product's screen.
	 *
	 * @param Product $product Product.
	 * @return string
	 */
	public static function page_slug( Product $product ) {
		return 'batchkeys-' . $product->slug;
	}

	/**
	 * Whether a screen id is the product's license screen, on a site or in Network Admin (where
	 * WordPress adds `-network` to it).
	 *
	 * @param Product $product   Product.
	 * @param string  $screen_id WP_Screen id.
	 * @return bool
	 */
	public static function is_page( Product $product, $screen_id ) {
		$id = preg_replace( '/-network$/', '', (string) $screen_id );
		return self::page_slug( $product ) === substr( (string) $id, -strlen( self::page_slug( $product ) ) );
	}

	/**
	 * The screen's title: the registration's menu title, else "<name> License".
	 *
	 * @param Product $product Product.
	 * @return string
	 */
	public static function title( Product $product ) {
		if ( is_array( $product->menu ) && ! empty( $product->menu['title'] ) ) {
			return (string) $product->menu['title'];
		}
		/* translators: %s: product name. */
		return sprintf( __( '%s License', 'batchkeys' ), $product->name );
	}

	/**
	 * URL of a product's screen, or '' when it has none (`menu` => false).
	 *
	 * @param Product $product Product.
	 * @return string
	 */
	public static function page_url( Product $product ) {
		if ( ! is_array( $product->menu ) || empty( $product->menu['parent'] ) ) {
			return '';
		}
		if ( $product->is_network_scope() && is_network_admin() ) {
			return add_query_arg( 'page', self::page_slug( $product ), network_admin_url( 'settings.php' ) );
		}
		$parent = (string) $product->menu['parent'];
		// A core screen file (options-general.php, themes.php, edit.php?post_type=x) keeps its
		// file; a menu an author added by slug is served by admin.php, as menu_page_url() does.
		if ( preg_match( '/\.php(\?|$)/', $parent ) ) {
			return add_query_arg( 'page', self::page_slug( $product ), admin_url( $parent ) );
		}
		return add_query_arg( 'page', self::page_slug( $product ), admin_url( 'admin.php' ) );
	}

	/**
	 * Adds a page for each product that wants one.
	 *
	 * @return void
	 */
	public function add_pages() {
		$render = array( $this, 'render_current' );
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( is_array( $product->menu ) && ! empty( $product->menu['parent'] ) ) {
				$this->add_page( $product, (string) $product->menu['parent'], $product->capability, $render );
			}
		}
	}

	/**
	 * Network Admin > Settings > "<Product> License" for each network license (the same screen,
	 * on the network's record, for manage_network_options). Each site keeps its own page, which
	 * shows the network's license read-only to its administrators.
	 *
	 * @return void
	 */
	public function add_network_pages() {
		$render = array( $this, 'render_current' );
		foreach ( $this->kit->registry()->all() as $product ) {
			if ( $product->is_network_scope() && is_array( $product->menu ) ) {
				$this->add_page( $product, 'settings.php', 'manage_network_options', $render );
			}
		}
	}

	/**
	 * One product's menu entry, with the page callback every entry shares, one array for all
	 * (WordPress links an entry to its page only while the page has a callback). The scripts are
	 * hooked only on the request that shows a product's page (`?page=`).
	 *
	 * @param Product                               $product    Product.
	 * @param string                                $parent     Parent menu (file or slug).
	 * @param string                                $capability Capability the entry needs.
	 * @param array{0: Screen, 1: 'render_current'} $render     The shared page callback.
	 * @return void
	 */
	private function add_page( Product $product, $parent, $capability, array $render ) {
		$title  = self::title( $product );
		$page   = self::page_slug( $product );
		$suffix = add_submenu_page( $parent, $title, $title, $capability, $page, $render );
		if ( ! is_string( $suffix ) || '' === $suffix ) {
			return;
		}
		$this->pages[ $suffix ] = $product->slug;
		if ( isset( $GLOBALS['plugin_page'] ) && $page === $GLOBALS['plugin_page'] ) {
			add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		}
	}

	/**
	 * The data the screen starts from: ProductInfo & { license: LicenseView }.
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function screen_data( Product $product ) {
		$data            = $product->to_client_array();
		$data['license'] = $this->kit->licenses()->view( $product );
		$data['words']   = Messages::screen_words( $product->is_network_scope() ? 'network' : 'site' );
		return $data;
	}

	/**
	 * Prints the page this request shows (the action is named after the page's hook suffix), for
	 * every product: one callback instead of one closure per product.
	 *
	 * @return void
	 */
	public function render_current() {
		$suffix = current_action();
		$this->render( isset( $this->pages[ $suffix ] ) ? $this->pages[ $suffix ] : '' );
	}

	/**
	 * Prints a product's page: the title and the root element the script mounts on.
	 *
	 * @param string $slug Product slug.
	 * @return void
	 */
	public function render( $slug ) {
		$product = $this->kit->registry()->get( $slug );
		if ( null === $product || ! $product->current_user_can_manage() ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to access this page.', 'batchkeys' ), 403 );
		}
		?>
		<div class="wrap batchkeys-license-wrap">
			<h1><?php echo esc_html( self::title( $product ) ); ?></h1>
			<div id="<?php echo esc_attr( self::ROOT_ID ); ?>" data-product="<?php echo esc_attr( (string) wp_json_encode( $this->screen_data( $product ) ) ); ?>">
				<p class="hide-if-js"><?php esc_html_e( 'This screen needs JavaScript. Turn it on in your browser, then reload the page.', 'batchkeys' ); ?></p>
			</div>
		</div>
		<?php
	}

	/**
	 * Enqueues the built screen script and style, on the product pages only.
	 *
	 * @param string $hook_suffix The current admin page.
	 * @return void
	 */
	public function enqueue( $hook_suffix ) {
		if ( ! isset( $this->pages[ $hook_suffix ] ) ) {
			return;
		}
		$asset = Assets::asset( $this->kit, 'admin/index' );
		if ( null === $asset ) {
			return;
		}
		wp_enqueue_script(
			self::HANDLE,
			Assets::url( $this->kit, 'admin/index.js' ),
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => true )
		);
		wp_set_script_translations( self::HANDLE, 'batchkeys', Assets::languages_path( $this->kit ) );
		if ( is_readable( Assets::path( $this->kit, 'admin/index.css' ) ) ) {
			wp_enqueue_style(
				self::HANDLE,
				Assets::url( $this->kit, 'admin/index.css' ),
				array( 'wp-components' ),
				$asset['version']
			);
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		}
	}
}
