<?php
/**
 * Acts on a served site's own database as WordPress itself would, in a fresh PHP process: each
 * run is one more "request", so the kit's election runs again over the plugins and the theme
 * active at that moment. Used by the bundling tests.
 *
 * Usage: php site-runner.php <abspath> <url> <command> [argument ...]
 *
 * Commands (each prints one JSON line):
 *   reset                        only the standalone plugin active, the default theme, no
 *                                batchkeys_* data, the admin's locale back to the site's
 *   activate <plugin file> ...   activate_plugin() (what the Plugins screen calls)
 *   deactivate <plugin file> ... deactivate_plugins()
 *   theme <stylesheet>           switch_theme()
 *   uninstall <plugin file>      uninstall_plugin() (what Plugins > Delete runs before removing files)
 *   locale <locale>              the admin user's locale ('' for the site's)
 *   mo <file> <msgid> <msgstr>   writes a one-string .mo file
 *   state                        what this request sees: the kit's copies and the elected one,
 *                                products, cron events, REST routes, stored records, asset URLs
 *
 * @package BatchKeys\Tests
 */

if ( $argc < 4 ) {
	fwrite( STDERR, "usage: php site-runner.php <abspath> <url> <command> [argument ...]\n" );
	exit( 2 );
}
list( , $abspath, $url, $command ) = $argv;
$arguments                         = array_slice( $argv, 4 );

$_SERVER['HTTP_HOST']       = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = parse_url( $url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
define( 'WP_USE_THEMES', false );

require $abspath . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/theme.php';

$admin = get_user_by( 'login', 'admin' );
if ( $admin ) {
	wp_set_current_user( $admin->ID );
}

/**
 * Prints the answer and ends.
 *
 * @param array $answer Answer.
 */
function bundling_runner_answer( array $answer ) {
	echo wp_json_encode( $answer, JSON_UNESCAPED_SLASHES ), "\n";
	exit( 0 );
}

/**
 * Ends with an error.
 *
 * @param string $message Message.
 */
function bundling_runner_fail( $message ) {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

switch ( $command ) {
	case 'reset':
		$examples = array_filter(
			(array) get_option( 'active_plugins', array() ),
			static function ( $plugin ) {
				return 0 === strpos( $plugin, 'batchkeys-example-' );
			}
		);
		deactivate_plugins( $examples, true );
		if ( ! is_plugin_active( 'batchkeys/batchkeys.php' ) ) {
			$result = activate_plugin( 'batchkeys/batchkeys.php' );
			if ( is_wp_error( $result ) ) {
				bundling_runner_fail( $result->get_error_message() );
			}
		}
		$default = wp_get_theme( WP_DEFAULT_THEME )->exists() ? WP_DEFAULT_THEME : 'twentytwentyfive';
		if ( get_stylesheet() !== $default ) {
			switch_theme( $default );
		}
		require_once dirname( __DIR__, 3 ) . '/plugin/kit/uninstall.php';
		batchkeys_kit_uninstall_all();
		if ( $admin ) {
			delete_user_meta( $admin->ID, 'locale' );
		}
		bundling_runner_answer( array( 'reset' => true ) );
		break;

	case 'activate':
		foreach ( $arguments as $plugin ) {
			$result = activate_plugin( $plugin );
			if ( is_wp_error( $result ) ) {
				bundling_runner_fail( "activating $plugin: " . $result->get_error_message() );
			}
		}
		bundling_runner_answer( array( 'active_plugins' => get_option( 'active_plugins' ) ) );
		break;

	case 'deactivate':
		deactivate_plugins( $arguments );
		bundling_runner_answer( array( 'active_plugins' => get_option( 'active_plugins' ) ) );
		break;

	case 'theme':
		if ( ! wp_get_theme( $arguments[0] )->exists() ) {
			bundling_runner_fail( 'no such theme: ' . $arguments[0] );
		}
		switch_theme( $arguments[0] );
		bundling_runner_answer( array( 'stylesheet' => get_stylesheet() ) );
		break;

	case 'uninstall':
		if ( is_plugin_active( $arguments[0] ) ) {
			bundling_runner_fail( 'deactivate ' . $arguments[0] . ' first (WordPress only deletes inactive plugins)' );
		}
		if ( ! is_uninstallable_plugin( $arguments[0] ) ) {
			bundling_runner_fail( $arguments[0] . ' has no uninstall.php' );
		}
		uninstall_plugin( $arguments[0] );
		bundling_runner_answer( array( 'uninstalled' => $arguments[0] ) );
		break;

	case 'locale':
		if ( '' === $arguments[0] ) {
			delete_user_meta( $admin->ID, 'locale' );
		} else {
			update_user_meta( $admin->ID, 'locale', $arguments[0] );
		}
		bundling_runner_answer( array( 'locale' => get_user_locale( $admin->ID ) ) );
		break;

	case 'mo':
		require_once ABSPATH . WPINC . '/pomo/mo.php';
		$mo = new MO();
		$mo->set_header( 'Content-Type', 'text/plain; charset=UTF-8' );
		$mo->add_entry(
			new Translation_Entry(
				array(
					'singular'     => $arguments[1],
					'translations' => array( $arguments[2] ),
				)
			)
		);
		wp_mkdir_p( dirname( $arguments[0] ) );
		if ( ! $mo->export_to_file( $arguments[0] ) ) {
			bundling_runner_fail( 'could not write ' . $arguments[0] );
		}
		bundling_runner_answer( array( 'mo' => $arguments[0] ) );
		break;

	case 'state':
		$kit    = class_exists( '\BatchKeys\Kit\Kit', false ) ? \BatchKeys\Kit\Kit::instance() : null;
		$events = 0;
		foreach ( (array) _get_cron_array() as $hooks ) {
			if ( isset( $hooks['batchkeys_recheck'] ) ) {
				$events += count( $hooks['batchkeys_recheck'] );
			}
		}
		$routes = array();
		foreach ( rest_get_server()->get_routes( 'batchkeys/v1' ) as $route => $handlers ) {
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$routes[ $route ][] = $method;
				}
			}
		}
		global $wpdb;
		$records = array();
		foreach ( $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'batchkeys\\_license\\_%'" ) as $name ) {
			$record           = get_option( $name );
			$slug             = substr( $name, strlen( 'batchkeys_license_' ) );
			$records[ $slug ] = is_array( $record ) && isset( $record['state'] ) ? $record['state'] : null;
		}
		$block   = WP_Block_Type_Registry::get_instance()->get_registered( 'batchkeys/license-form' );
		$scripts = array();
		if ( $block ) {
			// The block's scripts are registered where they are used (an editor, a printed form);
			// ask the elected copy for both, as those places do.
			$kit     = \BatchKeys\Kit\Kit::instance();
			$handles = array(
				\BatchKeys\Kit\Block\License_Block::register_script( $kit, 'editorScript', 'index', false ),
				\BatchKeys\Kit\Block\License_Block::register_script( $kit, 'viewScript', 'view', true ),
			);
			foreach ( array_filter( $handles ) as $handle ) {
				$registered         = wp_scripts()->query( $handle, 'registered' );
				$scripts[ $handle ] = $registered ? array(
					'src'               => $registered->src,
					'translations_path' => $registered->translations_path,
				) : null;
			}
		}
		bundling_runner_answer(
			array(
				'active_plugins' => array_values( (array) get_option( 'active_plugins', array() ) ),
				'stylesheet'     => get_stylesheet(),
				'copies'         => isset( $GLOBALS['batchkeys_kit'] ) ? $GLOBALS['batchkeys_kit']['copies'] : array(),
				'booted'         => isset( $GLOBALS['batchkeys_kit'] ) ? $GLOBALS['batchkeys_kit']['booted'] : '',
				'version'        => $kit ? $kit->version() : null,
				'path'           => $kit ? $kit->path() : null,
				'products'       => $kit ? array_keys( $kit->registry()->all() ) : array(),
				'cron_events'    => $events,
				'routes'         => $routes,
				'records'        => $records,
				'other_options'  => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'batchkeys\\_%' AND option_name NOT LIKE 'batchkeys\\_license\\_%' ORDER BY option_name" ),
				'screen_script'  => $kit ? \BatchKeys\Kit\Admin\Assets::url( $kit, 'admin/index.js' ) : null,
				'languages'      => $kit ? \BatchKeys\Kit\Admin\Assets::languages_path( $kit ) : null,
				'block_scripts'  => $scripts,
				'is_active'      => function_exists( 'batchkeys_is_active' ) ? array(
					'acme-seo'   => batchkeys_is_active( 'acme-seo' ),
					'acme-theme' => batchkeys_is_active( 'acme-theme' ),
				) : null,
			)
		);
		break;

	default:
		bundling_runner_fail( "unknown command '$command'" );
}
