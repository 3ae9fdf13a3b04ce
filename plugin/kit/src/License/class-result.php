<?php
/**
 * The outcome of a license operation.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Messages\Messages;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * What License_Service returns to REST, WP-CLI and cron alike: the kit code, the HTTP status it
 * maps to, the license view afterwards, and for 429 the seconds to wait.
 */
final class Result {

	/**
	 * Kit code of this outcome.
	 *
	 * @var string
	 */
	public $code;

	/**
	 * HTTP status (200 on success).
	 *
	 * @var int
	 */
	public $status;

	/**
	 * The license view after the operation (see License_Service::view()).
	 *
	 * @var array<string, mixed>
	 */
	public $view;

	/**
	 * Seconds before trying again (throttled, rate_limited), else null.
	 *
	 * @var int|null
	 */
	public $retry_after;

	/**
	 * Whether BatchKeys was asked (false: answered locally).
	 *
	 * @var bool
	 */
	public $called;

	/**
	 * The hint to show, when it differs from the code's (a not-valid activation names the site
	 * limit and where to free an activation); null for the code's own.
	 *
	 * @var string|null
	 */
	public $hint = null;

	/**
	 * What BatchKeys said in its own words (upstream_error), cut and masked, for administrators;
	 * else null.
	 *
	 * @var string|null
	 */
	public $detail = null;

	/**
	 * A result.
	 *
	 * @param string               $code        Kit code.
	 * @param int                  $status      HTTP status.
	 * @param array<string, mixed> $view        License view.
	 * @param int|null             $retry_after Seconds to wait, for 429.
	 * @param bool                 $called      Whether BatchKeys was asked.
	 */
	public function __construct( $code, $status, array $view, $retry_after = null, $called = false ) {
		$this->code        = (string) $code;
		$this->status      = (int) $status;
		$this->view        = $view;
		$this->retry_after = null === $retry_after ? null : max( 1, (int) $retry_after );
		$this->called      = (bool) $called;
	}

	/**
	 * Whether the operation failed (status 400 or more).
	 *
	 * @return bool
	 */
	public function is_error() {
		return $this->status >= 400;
	}

	/**
	 * The translated message for the code.
	 *
	 * @return string
	 */
	public function message() {
		return Messages::message( $this->code, $this->scope() );
	}

	/**
	 * The hint for people: this result's own, else the code's (in the words of the license's
	 * scope).
	 *
	 * @return string
	 */
	public function hint() {
		return null === $this->hint ? Messages::hint( $this->code, $this->scope() ) : $this->hint;
	}

	/**
	 * The failure as a WP_Error: code, translated message, data {status, hint, license}.
	 *
	 * @return \WP_Error
	 */
	public function to_wp_error() {
		$data = array(
			'status'  => $this->status,
			'hint'    => $this->hint(),
			'license' => $this->view,
		);
		if ( null !== $this->retry_after ) {
			$data['retry_after'] = $this->retry_after;
		}
		if ( null !== $this->detail ) {
			$data['detail'] = $this->detail;
		}
		return new \WP_Error( $this->code, $this->message(), $data );
	}

	/**
	 * Whose license the view is: 'network' for one that covers a whole network, else 'site'.
	 *
	 * @return string
	 */
	private function scope() {
		return isset( $this->view['scope'] ) && 'network' === $this->view['scope'] ? 'network' : 'site';
	}
}
