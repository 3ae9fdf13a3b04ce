<?php
/**
 * Site Health: tests and debug information for every product.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Admin\Screen;
use BatchKeys\Kit\Api\Client;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Cron\Schedule;
use BatchKeys\Kit\Cron\Scheduler;
use BatchKeys\Kit\Kit;
use BatchKeys\Kit\License\Record;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Tools > Site Health, for each product: direct tests of the license state, of the age of the
 * last successful check and of the vendor's secret; one site-wide test of the daily recheck
 * (WP-Cron, DISABLE_WP_CRON); one asynchronous connectivity test; and a Debug Info section with
 * the masked key, the state and the dates. The secret's value never appears (its constant's name
 * does, for administrators, so they know what to define).
 *
 * Nothing here calls BatchKeys (see connectivity()).
 */
final class Site_Health {

	/**
	 * REST namespace and route of the asynchronous test.
	 */
	const REST_NAMESPACE = 'batchkeys/v1';
	const ROUTE          = '/site-health/connectivity';

	/**
	 * A last successful check younger than this is fine (daily checks, plus their retries).
	 */
	const FRESH = 172800;

	/**
	 * How late the recheck event may run before the test says so.
	 */
	const LATE = 3600;

	/**
	 * The kit.
	 *
	 * @var Kit
	 */
	private $kit;

	/**
	 * A Site Health concern.
	 *
	 * @param Kit $kit The kit.
	 */
	public function __construct( Kit $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Hooks the tests, the debug information and the REST route in.
	 *
	 * @return void
	 */
	public function register_hooks() {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
		add_filter( 'debug_information', array( $this, 'debug_information' ) );
		if ( did_action( 'rest_api_init' ) ) {
			$this->register_routes();
		} else {
			add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		}
	}

	/**
	 * Registers the asynchronous test's route.
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			self::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'rest_connectivity' ),
				'permission_callback' => array( $this, 'rest_permission' ),
			)
		);
	}

	/**
	 * Who may run the asynchronous test: whoever may see Site Health (as core's own tests).
	 *
	 * @return true|\WP_Error
	 */
	public function rest_permission() {
		if ( current_user_can( 'view_site_health_checks' ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to view Site Health checks.', 'batchkeys' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * The asynchronous test's REST answer.
	 *
	 * @return \WP_REST_Response
	 */
	public function rest_connectivity() {
		return new \WP_REST_Response( $this->connectivity(), 200 );
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
		foreach ( $products as $product ) {
			$slug = $product->slug;

			$tests['direct'][ 'batchkeys_license_' . $slug ] = array(
				/* translators: %s: product name. */
				'label' => sprintf( __( '%s license', 'batchkeys' ), $product->name ),
				'test'  => function () use ( $product ) {
					return $this->license_state( $product );
				},
			);
			$tests['direct'][ 'batchkeys_secret_' . $slug ]  = array(
				/* translators: %s: product name. */
				'label' => sprintf( __( '%s connection to BatchKeys', 'batchkeys' ), $product->name ),
				'test'  => function () use ( $product ) {
					return $this->secret( $product );
				},
			);
			if ( $this->has_success_test( $product ) ) {
				$tests['direct'][ 'batchkeys_last_success_' . $slug ] = array(
					/* translators: %s: product name. */
					'label' => sprintf( __( '%s last successful license check', 'batchkeys' ), $product->name ),
					'test'  => function () use ( $product ) {
						return $this->last_success( $product );
					},
				);
			}
		}
		$tests['direct']['batchkeys_cron']        = array(
			'label' => __( 'Daily license check', 'batchkeys' ),
			'test'  => array( $this, 'cron' ),
		);
		$tests['async']['batchkeys_connectivity'] = array(
			'label'             => __( 'Communication with BatchKeys', 'batchkeys' ),
			'test'              => rest_url( self::REST_NAMESPACE . self::ROUTE ),
			'has_rest'          => true,
			'async_direct_test' => array( $this, 'connectivity' ),
		);
		return $tests;
	}

	/**
	 * Whether the age of the last successful check means something: a key that was accepted
	 * (active, grace or lapsed). An invalid key and no key have their own verdict in the state test.
	 *
	 * @param Product $product Product.
	 * @return bool
	 */
	private function has_success_test( Product $product ) {
		$record = $this->record( $product );
		return in_array( $record->effective_state( Clock::now() ), array( 'active', 'grace', 'lapsed' ), true );
	}

	/**
	 * Test: the license state (docs/license-states.md).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function license_state( Product $product ) {
		$view   = $this->kit->licenses()->view( $product );
		$record = $this->record( $product );
		$name   = $product->name;
		$test   = 'batchkeys_license_' . $product->slug;

		switch ( $view['state'] ) {
			case 'active':
				return $this->result(
					$test,
					'good',
					/* translators: %s: product name. */
					sprintf( __( 'The %s license is active', 'batchkeys' ), $name ),
					array(
						sprintf(
							/* translators: 1: masked license key, 2: date and time, 3: date and time. */
							__( 'BatchKeys confirmed the license key %1$s on %2$s. The next automatic check is due on %3$s.', 'batchkeys' ),
							(string) $view['key'],
							$this->when( $record->last_success ),
							$this->when( $record->next_check )
						),
					),
					$product
				);
			case 'grace':
				return $this->result(
					$test,
					'recommended',
					/* translators: %s: product name. */
					sprintf( __( 'BatchKeys could not be reached to confirm the %s license', 'batchkeys' ), $name ),
					array(
						sprintf(
							/* translators: 1: date and time, 2: date and time, 3: date and time. */
							__( 'BatchKeys has not confirmed the license since %1$s. The premium features stay on until %2$s. The site tries again on %3$s.', 'batchkeys' ),
							$this->when( $record->last_success ),
							$this->when( $record->grace_until ),
							$this->when( $record->next_check )
						),
						(string) $view['message'],
					),
					$product
				);
			case 'lapsed':
				return $this->result(
					$test,
					'critical',
					/* translators: %s: product name. */
					sprintf( __( 'The %s license could not be confirmed for too long: its premium features are off', 'batchkeys' ), $name ),
					array(
						sprintf(
							/* translators: 1: date and time, 2: date and time, 3: date and time. */
							__( 'BatchKeys has not confirmed the license since %1$s. The grace period ended on %2$s. The site tries again on %3$s; a successful check switches the features back on.', 'batchkeys' ),
							$this->when( $record->last_success ),
							$this->when( $record->grace_until ),
							$this->when( $record->next_check )
						),
						(string) $view['message'],
					),
					$product
				);
			case 'invalid':
				return $this->result(
					$test,
					'critical',
					/* translators: %s: product name. */
					sprintf( __( 'BatchKeys does not accept the %s license key', 'batchkeys' ), $name ),
					array( (string) $view['message'], (string) $view['hint'] ),
					$product
				);
		}
		return $this->result(
			$test,
			'recommended',
			/* translators: %s: product name. */
			sprintf( __( '%s has no license key', 'batchkeys' ), $name ),
			array(
				__( 'Its premium features stay off until a license key is activated.', 'batchkeys' ),
				(string) $view['hint'],
			),
			$product
		);
	}

	/**
	 * Test: how long ago BatchKeys last confirmed the key (keys that were accepted).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function last_success( Product $product ) {
		$now    = Clock::now();
		$record = $this->record( $product );
		$test   = 'batchkeys_last_success_' . $product->slug;
		$grace  = DAY_IN_SECONDS * max( 1, $product->grace_days );

		if ( null === $record->last_success ) {
			return $this->result(
				$test,
				'recommended',
				/* translators: %s: product name. */
				sprintf( __( 'BatchKeys has never confirmed the %s license on this site', 'batchkeys' ), $product->name ),
				array(),
				$product
			);
		}
		$age = $now - $record->last_success;
		if ( $age < self::FRESH ) {
			$status = 'good';
			/* translators: 1: product name, 2: time span, such as "3 hours". */
			$label = __( 'The %1$s license was confirmed %2$s ago', 'batchkeys' );
		} elseif ( $age < $grace ) {
			$status = 'recommended';
			/* translators: 1: product name, 2: time span, such as "3 days". */
			$label = __( 'The %1$s license has not been confirmed for %2$s', 'batchkeys' );
		} else {
			$status = 'critical';
			/* translators: 1: product name, 2: time span, such as "9 days". */
			$label = __( 'The %1$s license has not been confirmed for %2$s, longer than its grace period', 'batchkeys' );
		}
		return $this->result(
			$test,
			$status,
			sprintf( $label, $product->name, human_time_diff( $record->last_success, $now ) ),
			array(
				sprintf(
					/* translators: 1: date and time, 2: number of days. */
					__( 'Last successful check: %1$s. The site checks the key once a day; while BatchKeys cannot be reached the premium features stay on for %2$d days after the last successful check.', 'batchkeys' ),
					$this->when( $record->last_success ),
					$product->grace_days
				),
			),
			$product
		);
	}

	/**
	 * Test: the vendor's secret is available (by the name of its constant or environment
	 * variable; never its value).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function secret( Product $product ) {
		$test = 'batchkeys_secret_' . $product->slug;
		if ( $product->is_configured() ) {
			return $this->result(
				$test,
				'good',
				/* translators: %s: product name. */
				sprintf( __( '%s is connected to BatchKeys', 'batchkeys' ), $product->name ),
				array(
					sprintf(
						defined( $product->auth )
							/* translators: %s: name of a PHP constant. */
							? __( 'Its BatchKeys authorization key is set in the constant %s. Its value is never shown, stored or sent to a browser.', 'batchkeys' )
							/* translators: %s: name of an environment variable. */
							: __( 'Its BatchKeys authorization key is set in the environment variable %s. Its value is never shown, stored or sent to a browser.', 'batchkeys' ),
						'<code>' . esc_html( $product->auth ) . '</code>'
					),
				),
				$product
			);
		}
		$how = '' === $product->auth
			? __( 'The product does not say where its BatchKeys authorization key is. Contact its author.', 'batchkeys' )
			: sprintf(
				/* translators: %s: name of a PHP constant or environment variable. */
				__( 'Define the constant %s in wp-config.php (or set the environment variable of that name) as the product’s setup instructions say. Until then its license cannot be checked.', 'batchkeys' ),
				'<code>' . esc_html( $product->auth ) . '</code>'
			);
		return $this->result(
			$test,
			'critical',
			/* translators: %s: product name. */
			sprintf( __( '%s is not connected to BatchKeys: its authorization key is missing', 'batchkeys' ), $product->name ),
			array( $how ),
			$product
		);
	}

	/**
	 * Test: the daily recheck event runs (WP-Cron, DISABLE_WP_CRON).
	 *
	 * @return array<string, mixed>
	 */
	public function cron() {
		$now       = Clock::now();
		$status    = $this->scheduler()->status();
		$disabled  = $status['wp_cron_disabled'];
		$paragraph = array();
		if ( null === $status['next_run'] && null === ( new Schedule( $this->kit ) )->next_run_time() ) {
			return $this->result(
				'batchkeys_cron',
				'good',
				__( 'No license check is needed yet', 'batchkeys' ),
				array( __( 'No license key is stored, so nothing is scheduled. The daily check starts with the first key.', 'batchkeys' ) ),
				null
			);
		}
		if ( null === $status['next_run'] ) {
			return $this->result(
				'batchkeys_cron',
				'recommended',
				__( 'The daily license check is not scheduled', 'batchkeys' ),
				array( __( 'It is scheduled again on the next administration page load. If this stays, another plugin may be removing scheduled events.', 'batchkeys' ) ),
				null
			);
		}
		if ( null !== $status['last_run'] ) {
			$paragraph[] = sprintf(
				/* translators: %s: date and time. */
				__( 'The last check ran on %s.', 'batchkeys' ),
				$this->when( $status['last_run']['time'] )
			);
		}
		if ( $disabled ) {
			$paragraph[] = __( 'WP-Cron does not run on page loads on this site (DISABLE_WP_CRON is set), so it relies on a server task that calls wp-cron.php.', 'batchkeys' );
		}
		if ( $status['overdue'] > self::LATE ) {
			$paragraph[] = sprintf(
				/* translators: 1: date and time, 2: number of hours. */
				__( 'The check was due on %1$s. Meanwhile, a due check runs after an administration page has loaded, at most once every %2$d hours.', 'batchkeys' ),
				$this->when( $status['next_run'] ),
				(int) ( Scheduler::FALLBACK_EVERY / HOUR_IN_SECONDS )
			);
			$paragraph[] = $disabled
				? __( 'Set up a server task (cron job) that calls wp-cron.php every few minutes, or remove DISABLE_WP_CRON from wp-config.php.', 'batchkeys' )
				: __( 'Scheduled events do not seem to run. Check that the site can reach itself (the Loopback request test), or set up a server task that calls wp-cron.php.', 'batchkeys' );
			return $this->result(
				'batchkeys_cron',
				'recommended',
				/* translators: %s: time span, such as "14 hours". */
				sprintf( __( 'The daily license check is %s late', 'batchkeys' ), human_time_diff( (int) $status['next_run'], $now ) ),
				$paragraph,
				null
			);
		}
		array_unshift(
			$paragraph,
			sprintf(
				/* translators: %s: date and time. */
				__( 'The next check is due on %s. Each license key is checked once a day, at a time picked at random for this site.', 'batchkeys' ),
				$this->when( $status['next_run'] )
			)
		);
		return $this->result( 'batchkeys_cron', 'good', __( 'The daily license check is scheduled', 'batchkeys' ), $paragraph, null );
	}

	/**
	 * The asynchronous connectivity test.
	 *
	 * It never contacts BatchKeys: BatchKeys counts connectivity pings (every request counts
	 * toward the site's rate limit), and Site Health runs its tests on every visit to its screen
	 * and weekly in the background. It reports what the last real check found, which is at most a
	 * day old, plus what this site can know without a request: whether the API URL may be used
	 * and whether WordPress blocks outbound requests to it (WP_HTTP_BLOCK_EXTERNAL), and whether
	 * BatchKeys asked the site to pause.
	 *
	 * @return array<string, mixed>
	 */
	public function connectivity() {
		$test     = 'batchkeys_connectivity';
		$now      = Clock::now();
		$note     = __( 'This test does not contact BatchKeys (every request counts toward the site’s rate limit); it reports the outcome of the last license check.', 'batchkeys' );
		$products = $this->kit->registry()->all();
		$problems = array();
		$failed   = array();
		$latest   = null;

		foreach ( $products as $product ) {
			$url = Client::api_url( $product );
			if ( ! Client::is_allowed_url( $url ) ) {
				$problems[] = sprintf(
					/* translators: 1: product name, 2: URL. */
					__( '%1$s is set to reach BatchKeys at %2$s, which is not HTTPS; the kit refuses to send keys there.', 'batchkeys' ),
					esc_html( $product->name ),
					'<code>' . esc_html( $url ) . '</code>'
				);
			} elseif ( ( new \WP_Http() )->block_request( $url ) ) {
				$problems[] = sprintf(
					/* translators: 1: product name, 2: host name. */
					__( 'This site blocks outbound requests (WP_HTTP_BLOCK_EXTERNAL), so %1$s cannot reach %2$s. Add the host to WP_ACCESSIBLE_HOSTS.', 'batchkeys' ),
					esc_html( $product->name ),
					'<code>' . esc_html( (string) wp_parse_url( $url, PHP_URL_HOST ) ) . '</code>'
				);
			}
			$record = $this->record( $product );
			if ( null === $record->last_checked ) {
				continue;
			}
			if ( 'connection' === $record->code ) {
				$failed[] = sprintf(
					/* translators: 1: product name, 2: date and time, 3: date and time. */
					__( 'The last check of %1$s, on %2$s, could not reach BatchKeys. It was last reached for this product on %3$s.', 'batchkeys' ),
					esc_html( $product->name ),
					$this->when( $record->last_checked ),
					$this->when( $record->last_success )
				);
			} elseif ( 'not_configured' !== $record->code ) {
				$latest = null === $latest ? $record->last_checked : max( $latest, $record->last_checked );
			}
		}

		$until = $this->kit->licenses()->store()->rate_limited_until();
		if ( $until > $now ) {
			$problems[] = sprintf(
				/* translators: %s: date and time. */
				__( 'BatchKeys asked this site to slow down. The site sends it nothing until %s.', 'batchkeys' ),
				$this->when( $until )
			);
		}

		if ( $problems ) {
			return $this->result( $test, 'critical', __( 'This site cannot communicate with BatchKeys', 'batchkeys' ), array_merge( $problems, $failed, array( $note ) ), null );
		}
		if ( $failed ) {
			return $this->result( $test, 'recommended', __( 'BatchKeys could not be reached at the last license check', 'batchkeys' ), array_merge( $failed, array( __( 'An active license keeps working for a grace period; the site tries again later.', 'batchkeys' ), $note ) ), null );
		}
		$lines   = null === $latest
			? array( __( 'No license has been checked yet.', 'batchkeys' ) )
			: array(
				sprintf(
					/* translators: %s: date and time. */
					__( 'BatchKeys answered the last license check, on %s.', 'batchkeys' ),
					$this->when( $latest )
				),
			);
		$lines[] = $note;
		return $this->result( $test, 'good', __( 'This site can communicate with BatchKeys', 'batchkeys' ), $lines, null );
	}

	/**
	 * Adds the kit's Debug Info sections (filter debug_information): one site-wide, one per
	 * product. The key is masked and marked private (left out of the copied report); the secret
	 * is only said to be set or not, with its constant's name.
	 *
	 * @param mixed $info Sections.
	 * @return mixed
	 */
	public function debug_information( $info ) {
		if ( ! is_array( $info ) ) {
			return $info;
		}
		$products = $this->kit->registry()->all();
		$status   = $this->scheduler()->status();
		$yes      = __( 'Yes', 'batchkeys' );
		$no       = __( 'No', 'batchkeys' );

		$info['batchkeys'] = array(
			'label'       => __( 'BatchKeys licenses', 'batchkeys' ),
			'description' => __( 'The license kit and its daily license check.', 'batchkeys' ),
			'fields'      => array(
				'version'            => array(
					'label' => __( 'Kit version', 'batchkeys' ),
					'value' => $this->kit->version(),
				),
				'products'           => array(
					'label' => __( 'Products', 'batchkeys' ),
					'value' => $products ? implode( ', ', array_keys( $products ) ) : __( 'None', 'batchkeys' ),
				),
				'next_run'           => $this->date_field( __( 'Next check', 'batchkeys' ), $status['next_run'] ),
				'daily_slot'         => array(
					'label' => __( 'Daily check time (UTC)', 'batchkeys' ),
					'value' => null === $status['daily_slot'] ? __( 'Not picked yet (no key stored)', 'batchkeys' ) : gmdate( 'H:i:s', $status['daily_slot'] ),
				),
				'last_run'           => $this->date_field( __( 'Last check run', 'batchkeys' ), null === $status['last_run'] ? null : $status['last_run']['time'] ),
				'wp_cron_disabled'   => array(
					'label' => __( 'WP-Cron disabled (DISABLE_WP_CRON)', 'batchkeys' ),
					'value' => $status['wp_cron_disabled'] ? $yes : $no,
					'debug' => $status['wp_cron_disabled'],
				),
				'rate_limited_until' => $this->date_field( __( 'Paused by BatchKeys until', 'batchkeys' ), $status['rate_limited_until'] ),
			),
		);

		foreach ( $products as $product ) {
			$view   = $this->kit->licenses()->view( $product );
			$record = $this->record( $product );
			$secret = '' === $product->auth
				? __( 'Not set (the product names no constant)', 'batchkeys' )
				: sprintf(
					$product->is_configured()
						/* translators: %s: name of a constant or environment variable. */
						? __( 'Set (%s)', 'batchkeys' )
						/* translators: %s: name of a constant or environment variable. */
						: __( 'Not set (%s)', 'batchkeys' ),
					$product->auth
				);

			$info[ 'batchkeys-' . $product->slug ] = array(
				/* translators: %s: product name. */
				'label'  => sprintf( __( 'BatchKeys: %s', 'batchkeys' ), $product->name ),
				'fields' => array(
					'product'          => array(
						'label' => __( 'Product', 'batchkeys' ),
						'value' => $product->slug,
					),
					'state'            => array(
						'label' => __( 'State', 'batchkeys' ),
						'value' => (string) $view['state'],
					),
					'features_enabled' => array(
						'label' => __( 'Premium features on', 'batchkeys' ),
						'value' => $view['features_enabled'] ? $yes : $no,
						'debug' => (bool) $view['features_enabled'],
					),
					'code'             => array(
						'label' => __( 'Last answer', 'batchkeys' ),
						'value' => (string) $view['code'],
					),
					'key'              => array(
						'label'   => __( 'License key', 'batchkeys' ),
						'value'   => null === $view['key'] ? __( 'None', 'batchkeys' ) : (string) $view['key'],
						'private' => true,
					),
					'activated_at'     => $this->date_field( __( 'Activated', 'batchkeys' ), $record->activated_at ),
					'last_checked'     => $this->date_field( __( 'Last check', 'batchkeys' ), $record->last_checked ),
					'last_success'     => $this->date_field( __( 'Last successful check', 'batchkeys' ), $record->last_success ),
					'next_check'       => $this->date_field( __( 'Next check', 'batchkeys' ), $record->next_check ),
					'grace_until'      => $this->date_field( __( 'Features stay on until', 'batchkeys' ), in_array( $view['state'], array( 'grace', 'lapsed' ), true ) ? $record->grace_until : null ),
					'grace_days'       => array(
						'label' => __( 'Grace period (days)', 'batchkeys' ),
						'value' => $product->grace_days,
					),
					'secret'           => array(
						'label' => __( 'BatchKeys authorization key', 'batchkeys' ),
						'value' => $secret,
						'debug' => $product->is_configured() ? 'set' : 'not set',
					),
					'api_url'          => array(
						'label' => __( 'API URL', 'batchkeys' ),
						'value' => Client::api_url( $product ),
					),
				),
			);
		}
		return $info;
	}

	/**
	 * A Site Health result.
	 *
	 * @param string             $test        Test name.
	 * @param string             $status      good, recommended or critical.
	 * @param string             $label       Headline (plain text).
	 * @param array<int, string> $paragraphs  Paragraphs (HTML: dynamic parts already escaped).
	 * @param Product|null       $product     The product, for a link to its screen.
	 * @return array<string, mixed>
	 */
	private function result( $test, $status, $label, array $paragraphs, $product ) {
		$description = '';
		foreach ( $paragraphs as $paragraph ) {
			if ( '' !== $paragraph ) {
				$description .= '<p>' . wp_kses( $paragraph, array( 'code' => array() ) ) . '</p>';
			}
		}
		$actions = '';
		if ( null !== $product && class_exists( Screen::class ) && 'good' !== $status ) {
			$url = Screen::page_url( $product );
			if ( '' !== $url ) {
				$actions = sprintf(
					'<p><a href="%s">%s</a></p>',
					esc_url( $url ),
					/* translators: %s: product name. */
					esc_html( sprintf( __( 'Open the %s license screen', 'batchkeys' ), $product->name ) )
				);
			}
		}
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Licenses', 'batchkeys' ),
				'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
			),
			'description' => $description,
			'actions'     => $actions,
			'test'        => $test,
		);
	}

	/**
	 * A date and time for people, in the site's time zone, with how long ago or ahead.
	 *
	 * @param int|null $timestamp Unix timestamp.
	 * @return string Escaped.
	 */
	private function when( $timestamp ) {
		if ( null === $timestamp ) {
			return esc_html__( 'never', 'batchkeys' );
		}
		$now  = Clock::now();
		$date = Clock::local( (int) $timestamp );
		$span = human_time_diff( (int) $timestamp, $now );
		$rel  = $timestamp <= $now
			/* translators: %s: time span, such as "3 hours". */
			? sprintf( __( '%s ago', 'batchkeys' ), $span )
			/* translators: %s: time span, such as "3 hours". */
			: sprintf( __( 'in %s', 'batchkeys' ), $span );
		return esc_html( $date . ' (' . $rel . ')' );
	}

	/**
	 * A Debug Info field holding a date (shown in the site's time zone, copied as ISO 8601 UTC).
	 *
	 * @param string   $label     Label.
	 * @param int|null $timestamp Unix timestamp.
	 * @return array<string, string>
	 */
	private function date_field( $label, $timestamp ) {
		if ( null === $timestamp ) {
			return array(
				'label' => $label,
				'value' => __( 'None', 'batchkeys' ),
				'debug' => 'none',
			);
		}
		return array(
			'label' => $label,
			'value' => Clock::local( (int) $timestamp ),
			'debug' => (string) Clock::iso( (int) $timestamp ),
		);
	}

	/**
	 * A product's stored record.
	 *
	 * @param Product $product Product.
	 * @return Record
	 */
	private function record( Product $product ) {
		return $this->kit->licenses()->store()->get( $product->slug );
	}

	/**
	 * The scheduler wired at boot (or a new one: it holds no state).
	 *
	 * @return Scheduler
	 */
	private function scheduler() {
		$scheduler = $this->kit->concern( Scheduler::class );
		return $scheduler instanceof Scheduler ? $scheduler : new Scheduler( $this->kit );
	}
}
