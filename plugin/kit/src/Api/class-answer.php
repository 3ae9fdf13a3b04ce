<?php
/**
 * One answer from BatchKeys, as a kit code.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Api;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A kit code (see Messages::codes()) and, for upstream_error, the raw ERROR text.
 */
final class Answer {

	/**
	 * Codes the client answers with before any call is made.
	 */
	const LOCAL_CODES = array( 'not_configured', 'insecure_api_url' );

	/**
	 * Kit code: valid, invalid, key_length, ..., connection, not_configured.
	 *
	 * @var string
	 */
	public $code;

	/**
	 * Raw upstream ERROR text (kept for upstream_error; shown to administrators only), or null.
	 *
	 * @var string|null
	 */
	public $detail;

	/**
	 * An answer.
	 *
	 * @param string      $code   Kit code.
	 * @param string|null $detail Raw upstream text, if any.
	 */
	public function __construct( $code, $detail = null ) {
		$this->code   = (string) $code;
		$this->detail = null === $detail ? null : (string) $detail;
	}

	/**
	 * Whether the answer was made up in PHP without asking BatchKeys: the secret is not visible
	 * to this process (not_configured), or the API URL may not carry it (insecure_api_url).
	 *
	 * @return bool
	 */
	public function made_no_call() {
		return in_array( $this->code, self::LOCAL_CODES, true );
	}

	/**
	 * Whether BatchKeys gave a verdict on the key (valid or not valid).
	 *
	 * @return bool
	 */
	public function is_verdict() {
		return 'valid' === $this->code || 'invalid' === $this->code;
	}
}
