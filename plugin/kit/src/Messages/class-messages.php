<?php
/**
 * Every kit code, its HTTP status, and the translated message and hint people see; the words for
 * the license states.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Messages;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The single list of codes. tools/export-codes.php writes it to src/shared/codes.generated.json
 * for the TypeScript side; a test fails when the two differ.
 */
final class Messages {

	/**
	 * Every code the kit answers with, and its HTTP status in the REST API.
	 *
	 * Plain data: no WordPress function is needed, so tools/export-codes.php can read it.
	 *
	 * @return array<string, int>
	 */
	public static function statuses() {
		return array(
			'none'                        => 200,
			'valid'                       => 200,
			'deactivated'                 => 200,
			'invalid'                     => 422,
			'key_length'                  => 400,
			'key_characters'              => 400,
			'key_pattern'                 => 400,
			'activation_failed'           => 502,
			'ip_error'                    => 502,
			'upstream_error'              => 502,
			'key_missing'                 => 502,
			'connection'                  => 502,
			'rate_limited'                => 429,
			'throttled'                   => 429,
			'auth_missing'                => 503,
			'not_configured'              => 503,
			'insecure_api_url'            => 503,
			'not_ready'                   => 503,
			'no_key'                      => 409,
			'invalid_amount'              => 400,
			'topup_not_allowed'           => 400,
			'address_changed'             => 409,
			'confirm_activation'          => 409,
			'moved_refused'               => 422,
			'kept_as_copy'                => 200,
			'no_address_change'           => 409,
			'invalid_address_answer'      => 400,
			'batchkeys_unknown_product'   => 404,
			'rest_invalid_param'          => 400,
			'rest_missing_callback_param' => 400,
			'rest_not_logged_in'          => 401,
			'rest_forbidden'              => 403,
			'rest_cookie_invalid_nonce'   => 403,
			'network_managed'             => 403,
		);
	}

	/**
	 * Every code, in table order.
	 *
	 * @return array<int, string>
	 */
	public static function codes() {
		return array_keys( self::statuses() );
	}

	/**
	 * Whether a code is one of the kit's.
	 *
	 * @param string $code Code.
	 * @return bool
	 */
	public static function is_known( $code ) {
		return array_key_exists( $code, self::statuses() );
	}

	/**
	 * HTTP status for a code (500 for an unknown one).
	 *
	 * @param string $code Code.
	 * @return int
	 */
	public static function status( $code ) {
		$statuses = self::statuses();
		return isset( $statuses[ $code ] ) ? $statuses[ $code ] : 500;
	}

	/**
	 * The translated table: code => array( message, hint ), through the `batchkeys_messages` filter.
	 *
	 * @param string $scope 'site', or 'network' for a license of a whole network (Network_Words).
	 * @return array<string, array{message: string, hint: string}>
	 */
	public static function table( $scope = 'site' ) {
		$table = array(
			'none'                        => array(
				__( 'No license key has been entered yet.', 'batchkeys' ),
				__( 'Paste the license key from your purchase receipt, then select Activate.', 'batchkeys' ),
			),
			'valid'                       => array(
				__( 'The license key is active on this site.', 'batchkeys' ),
				__( 'Nothing to do: the key is checked again automatically once a day.', 'batchkeys' ),
			),
			'deactivated'                 => array(
				__( 'The license key was removed from this site.', 'batchkeys' ),
				__( 'You can enter a key again at any time.', 'batchkeys' ),
			),
			'invalid'                     => array(
				__( 'BatchKeys says this license key is not valid for this site.', 'batchkeys' ),
				__( 'Check that you copied the whole key and that it is meant for this site. If it was refunded or has no tokens left, contact the seller.', 'batchkeys' ),
			),
			'key_length'                  => array(
				__( 'The license key does not have the right length.', 'batchkeys' ),
				__( 'Copy the whole key, every group of it, exactly as it appears in your receipt. The example in the field shows its shape.', 'batchkeys' ),
			),
			'key_characters'              => array(
				__( 'The license key contains characters a key cannot contain.', 'batchkeys' ),
				__( 'Copy the key again, without spaces or other characters inside it.', 'batchkeys' ),
			),
			'key_pattern'                 => array(
				__( 'The license key is not in the expected pattern.', 'batchkeys' ),
				__( 'Check that its groups and separators match the example in the field.', 'batchkeys' ),
			),
			'activation_failed'           => array(
				__( 'BatchKeys could not activate the key this time.', 'batchkeys' ),
				__( 'This is usually a passing connection problem. Try again in a few minutes.', 'batchkeys' ),
			),
			'ip_error'                    => array(
				__( 'BatchKeys could not read this site’s IP address.', 'batchkeys' ),
				__( 'This is usually a passing network problem. Try again later; if it persists, ask your hosting provider.', 'batchkeys' ),
			),
			'upstream_error'              => array(
				__( 'BatchKeys answered with an error this site does not recognize.', 'batchkeys' ),
				__( 'Try again later. If it persists, contact the product’s author and mention the error details.', 'batchkeys' ),
			),
			'key_missing'                 => array(
				__( 'BatchKeys did not receive the license key.', 'batchkeys' ),
				__( 'Try again. If it persists, contact the product’s author.', 'batchkeys' ),
			),
			'connection'                  => array(
				__( 'BatchKeys could not be reached.', 'batchkeys' ),
				__( 'Try again later. An active key keeps working for a grace period while BatchKeys cannot be reached.', 'batchkeys' ),
			),
			'rate_limited'                => array(
				__( 'BatchKeys received too many requests from this site and asked it to wait.', 'batchkeys' ),
				__( 'This site sends nothing to BatchKeys for 24 hours. An active key keeps working meanwhile.', 'batchkeys' ),
			),
			'throttled'                   => array(
				__( 'Please wait a few seconds before trying again.', 'batchkeys' ),
				__( 'A key can be activated or checked once every 10 seconds.', 'batchkeys' ),
			),
			'auth_missing'                => array(
				__( 'BatchKeys says the product’s authorization key is missing.', 'batchkeys' ),
				__( 'This is a problem in the product’s setup, not with your key. Contact the product’s author.', 'batchkeys' ),
			),
			'not_configured'              => array(
				__( 'This product is not connected to BatchKeys on this site.', 'batchkeys' ),
				__( 'The product’s BatchKeys authorization key is not set. Follow the product’s setup instructions, or contact its author.', 'batchkeys' ),
			),
			'insecure_api_url'            => array(
				__( 'This site will not send the license key to BatchKeys over an unencrypted connection.', 'batchkeys' ),
				__( 'The product’s BatchKeys address must start with https:// (plain http is allowed only to this computer, or to a local network address on a site whose environment type is local). Nothing was sent. Contact the product’s author.', 'batchkeys' ),
			),
			'not_ready'                   => array(
				__( 'The license kit is not ready yet.', 'batchkeys' ),
				__( 'Call it after WordPress has loaded the theme (the after_setup_theme action).', 'batchkeys' ),
			),
			'no_key'                      => array(
				__( 'There is no license key to check.', 'batchkeys' ),
				__( 'Enter and activate a license key first.', 'batchkeys' ),
			),
			'invalid_amount'              => array(
				__( 'The number of tokens must be a whole number other than zero.', 'batchkeys' ),
				__( 'This is a problem in the product’s code. Contact the product’s author.', 'batchkeys' ),
			),
			'topup_not_allowed'           => array(
				__( 'This product does not allow topping up tokens from the site.', 'batchkeys' ),
				__( 'This is a problem in the product’s code. Contact the product’s author.', 'batchkeys' ),
			),
			'address_changed'             => array(
				__( 'This site’s address is not the one the license key was activated for.', 'batchkeys' ),
				__( 'Nothing is sent to BatchKeys about this key from here until you say what this site is: a copy for testing, the site moved here, or a different site. Premium features keep working until the date shown.', 'batchkeys' ),
			),
			'confirm_activation'          => array(
				__( 'This address looks like a staging or development copy.', 'batchkeys' ),
				__( 'BatchKeys counts every address a key is activated on: activating here uses one of the key’s activations. Confirm to activate anyway.', 'batchkeys' ),
			),
			'moved_refused'               => array(
				__( 'BatchKeys did not accept this key for the site’s new address. Nothing was changed here.', 'batchkeys' ),
				__( 'The old address most likely still holds one of the key’s activations. Free it on the license screen of the old site, in your account with the seller, or ask the seller; then answer “The site moved here” again.', 'batchkeys' ),
			),
			'kept_as_copy'                => array(
				__( 'This site is kept as a copy for testing.', 'batchkeys' ),
				__( 'Nothing is sent to BatchKeys about this key from this copy. Premium features keep working until the date shown.', 'batchkeys' ),
			),
			'no_address_change'           => array(
				__( 'This site is where the license key was activated: there is nothing to answer.', 'batchkeys' ),
				__( 'Reload the page.', 'batchkeys' ),
			),
			'invalid_address_answer'      => array(
				__( 'That is not one of the three answers.', 'batchkeys' ),
				__( 'Answer staging (a copy for testing), moved (the site moved here) or new_site (a different site).', 'batchkeys' ),
			),
			'batchkeys_unknown_product'   => array(
				__( 'There is no such product on this site.', 'batchkeys' ),
				__( 'The product may have been deactivated. Reload the page.', 'batchkeys' ),
			),
			'rest_invalid_param'          => array(
				__( 'The license key was not sent in a form this site accepts.', 'batchkeys' ),
				__( 'Type or paste the key as text, at most 200 characters.', 'batchkeys' ),
			),
			'rest_missing_callback_param' => array(
				__( 'No license key was sent.', 'batchkeys' ),
				__( 'Enter a license key and try again.', 'batchkeys' ),
			),
			'rest_not_logged_in'          => array(
				__( 'You are not logged in.', 'batchkeys' ),
				__( 'Log in again, then retry.', 'batchkeys' ),
			),
			'rest_forbidden'              => array(
				__( 'You are not allowed to manage this license.', 'batchkeys' ),
				__( 'Ask an administrator of this site.', 'batchkeys' ),
			),
			'rest_cookie_invalid_nonce'   => array(
				__( 'Your session has expired.', 'batchkeys' ),
				__( 'Reload the page and try again.', 'batchkeys' ),
			),
			'network_managed'             => array(
				__( 'This license covers every site of the network and is managed by the network administrator.', 'batchkeys' ),
				__( 'Ask your network administrator to change it under Network Admin > Settings.', 'batchkeys' ),
			),
		);

		$table = 'network' === $scope ? array_merge( $table, Network_Words::table() ) : $table;
		$out   = array();
		foreach ( $table as $code => $pair ) {
			$out[ $code ] = array(
				'message' => $pair[0],
				'hint'    => $pair[1],
			);
		}

		/**
		 * Filters the messages and hints shown for each kit code.
		 *
		 * @param array<string, array{message: string, hint: string}> $out   Code => message and hint.
		 * @param string                                              $scope 'site' or 'network'.
		 */
		$filtered = apply_filters( 'batchkeys_messages', $out, $scope );
		return is_array( $filtered ) ? $filtered : $out;
	}

	/**
	 * The message and hint for a code; a generic pair naming the code when it is unknown.
	 *
	 * @param string $code  Code.
	 * @param string $scope 'site' or 'network'.
	 * @return array{message: string, hint: string}
	 */
	public static function get( $code, $scope = 'site' ) {
		$table = self::table( $scope );
		if ( isset( $table[ $code ]['message'], $table[ $code ]['hint'] ) && is_string( $table[ $code ]['message'] ) && is_string( $table[ $code ]['hint'] ) ) {
			return array(
				'message' => $table[ $code ]['message'],
				'hint'    => $table[ $code ]['hint'],
			);
		}
		return array(
			/* translators: %s: an error code, e.g. upstream_error. */
			'message' => sprintf( __( 'Something went wrong (code: %s).', 'batchkeys' ), (string) $code ),
			'hint'    => __( 'Try again later. If it persists, contact the product’s author and mention the code.', 'batchkeys' ),
		);
	}

	/**
	 * The translated word for a license state. Scripts get it with the license view
	 * (`state_label`), so the words live here only. A state is always shown with its word, never
	 * by colour alone.
	 *
	 * @param string $state inactive, active, grace, lapsed or invalid.
	 * @return string
	 */
	public static function state_label( $state ) {
		switch ( $state ) {
			case 'active':
				return __( 'Active', 'batchkeys' );
			case 'grace':
				return __( 'Active (grace period)', 'batchkeys' );
			case 'lapsed':
				return __( 'Lapsed', 'batchkeys' );
			case 'invalid':
				return __( 'Invalid', 'batchkeys' );
			default:
				return __( 'Not active', 'batchkeys' );
		}
	}

	/**
	 * The sentences the license screen's script fills in itself, with their placeholders: PHP
	 * owns the words, the script the values (it formats the date in the reader's locale and
	 * hides the sentence when the pause ends). Handed to the script with the screen's data.
	 *
	 * @param string $scope 'site', or 'network' for a license of a whole network (the pause holds
	 *                      for every site of a network).
	 * @return array{paused: string}
	 */
	public static function screen_words( $scope = 'site' ) {
		if ( 'network' === $scope ) {
			return array(
				/* translators: %s: date and time the pause ends. */
				'paused' => __( 'BatchKeys asked this network to pause its requests. Activate and Check now are available again on %s.', 'batchkeys' ),
			);
		}
		return array(
			/* translators: %s: date and time the pause ends. */
			'paused' => __( 'BatchKeys asked this site to pause its requests. Activate and Check now are available again on %s.', 'batchkeys' ),
		);
	}

	/**
	 * The message and hint after a first not-valid answer for a key that was active: nothing
	 * changes yet, and a confirming check comes at $when.
	 *
	 * @param string $when Date and time of the confirming check, for people.
	 * @return array{message: string, hint: string}
	 */
	public static function first_strike( $when ) {
		return array(
			'message' => __( 'BatchKeys said this license key is not valid. Nothing changes until a second check confirms it.', 'batchkeys' ),
			/* translators: %s: date and time of the confirming check. */
			'hint'    => sprintf( __( 'The key stays active until the confirming check on %s. If BatchKeys says it is not valid again, the premium features switch off. The usual cause is a key already in use on as many sites as it allows, or a refunded key.', 'batchkeys' ), $when ),
		);
	}

	/**
	 * The hint for a not-valid answer to an activation: the site limit first (the most likely
	 * cause), where to free an activation, then the other causes.
	 *
	 * @param string $account_url Where the customer manages their activations ('' when the
	 *                            product did not say).
	 * @return string
	 */
	public static function activation_invalid_hint( $account_url ) {
		$where = '' === $account_url
			? __( 'To free one, deactivate the key on the license screen of a site that no longer needs it, or in your account with the seller.', 'batchkeys' )
			/* translators: %s: URL of the customer's account page. */
			: sprintf( __( 'To free one, deactivate the key on a site that no longer needs it, or manage your activations at %s.', 'batchkeys' ), $account_url );
		return __( 'Most likely the key is already active on as many sites as it allows.', 'batchkeys' ) . ' ' . $where . ' ' . __( 'Otherwise, check that you copied the whole key; if it was refunded or has no tokens left, contact the seller.', 'batchkeys' );
	}

	/**
	 * The translated message for a code.
	 *
	 * @param string $code  Code.
	 * @param string $scope 'site' or 'network'.
	 * @return string
	 */
	public static function message( $code, $scope = 'site' ) {
		$pair = self::get( $code, $scope );
		return $pair['message'];
	}

	/**
	 * The translated hint for a code.
	 *
	 * @param string $code  Code.
	 * @param string $scope 'site' or 'network'.
	 * @return string
	 */
	public static function hint( $code, $scope = 'site' ) {
		$pair = self::get( $code, $scope );
		return $pair['hint'];
	}
}
