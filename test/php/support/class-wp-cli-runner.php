<?php
/**
 * The real WP-CLI (or another PHP script) in a subprocess against the served site, for the tests
 * that drive `wp` the way a site owner would.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests;

/**
 * Starts a command from the repository's root and collects its exit code and output. The
 * subprocess never gets WP_TEST_DB: it works on the served site's own database, not on the
 * PHPUnit test database, whose open transaction it must not wait for.
 */
final class WP_CLI_Runner {

	/**
	 * The command line of `wp <args>` against the served site, with a fixture loaded first.
	 *
	 * @param string   $fixture The file given to `--require` (test products, clock, test commands).
	 * @param string[] $args    Arguments after `wp`.
	 * @return string[]
	 */
	public static function wp( $fixture, array $args ) {
		return array_merge(
			array(
				PHP_BINARY,
				self::root() . '/vendor/wp-cli/wp-cli/php/boot-fs.php',
				'--path=' . BATCHKEYS_TEST_SITE['abspath'],
				'--require=' . $fixture,
				'--allow-root',
			),
			$args
		);
	}

	/**
	 * Runs a command and waits for it.
	 *
	 * @param string[]              $command The command line.
	 * @param array<string, string> $env     Variables set for the subprocess, over this process's.
	 * @param string|null           $stdin   Standard input.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	public static function run( array $command, array $env = array(), $stdin = null ) {
		return self::finish( self::start( $command, $env, $stdin ) );
	}

	/**
	 * Starts a command without waiting for it, so that a test can run two at once.
	 *
	 * @param string[]              $command The command line.
	 * @param array<string, string> $env     Variables set for the subprocess, over this process's.
	 * @param string|null           $stdin   Standard input.
	 * @return array{0: resource, 1: array<int, resource>}
	 */
	public static function start( array $command, array $env = array(), $stdin = null ) {
		$vars = getenv();
		unset( $vars['WP_TEST_DB'] );
		$pipes   = array();
		$process = proc_open(
			$command,
			array(
				0 => array( 'pipe', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			self::root(),
			array_replace( $vars, $env )
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'could not start ' . implode( ' ', $command ) );
		}
		fwrite( $pipes[0], (string) $stdin );
		fclose( $pipes[0] );
		return array( $process, $pipes );
	}

	/**
	 * Waits for a started command and collects what it printed.
	 *
	 * @param array{0: resource, 1: array<int, resource>} $started What start() returned.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	public static function finish( array $started ) {
		list( $process, $pipes ) = $started;
		$stdout                  = (string) stream_get_contents( $pipes[1] );
		$stderr                  = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array(
			'status' => proc_close( $process ),
			'stdout' => $stdout,
			'stderr' => $stderr,
		);
	}

	/**
	 * The repository's root.
	 *
	 * @return string
	 */
	private static function root() {
		return dirname( __DIR__, 3 );
	}
}
