<?php
/**
 * What test/php/bootstrap.php and the local site's wp-config.php define at run time, for PHPStan
 * on the tests (test/phpstan.neon.dist); never loaded by PHPUnit.
 *
 * @package BatchKeys\Tests
 */

define(
	'BATCHKEYS_TEST_SITE',
	array(
		'name'           => 'test',
		'url'            => 'http://127.0.0.1:8080',
		'admin_user'     => 'admin',
		'admin_password' => 'password',
		'abspath'        => '/tmp/wordpress/',
		'mock_url'       => 'http://127.0.0.1:8081',
		'products'       => array( 'batchkeys-demo' ),
		'db'             => 'sqlite',
		'wp_suite'       => 'sid',
		'site_dir'       => '/tmp/site',
		'debug_log'      => '/tmp/site/run/debug.log',
		'mysql_socket'   => null,
	)
);
define( 'BATCHKEYS_API_URL', 'http://127.0.0.1:8081/api.php' );
define( 'WP_DEFAULT_THEME', 'twentytwentyfive' );
