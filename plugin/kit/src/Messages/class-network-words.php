<?php
/**
 * The words of a license that covers a whole network.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Messages;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A network license is one key for every site of a network, answered for by a network
 * administrator in Network Admin: its messages speak of "this network", never of "this site".
 * Messages::table( 'network' ) lays these over the site words (codes not listed here read the
 * same in both scopes); words() holds the notices' own sentences in both scopes, so each
 * sentence has one source.
 */
final class Network_Words {

	/**
	 * Code => array( message, hint ) for a network license, where it differs from a site's.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function table() {
		return array(
			'valid'                  => array(
				__( 'The license key is active on this network.', 'batchkeys' ),
				__( 'Nothing to do: the key is checked again automatically once a day, from the main site.', 'batchkeys' ),
			),
			'deactivated'            => array(
				__( 'The license key was removed from this network.', 'batchkeys' ),
				__( 'You can enter a key again at any time under Network Admin > Settings.', 'batchkeys' ),
			),
			'invalid'                => array(
				__( 'BatchKeys says this license key is not valid for this network.', 'batchkeys' ),
				__( 'Check that you copied the whole key and that it is meant for this network. If it was refunded or has no tokens left, contact the seller.', 'batchkeys' ),
			),
			'address_changed'        => array(
				__( 'This network’s address is not the one the license key was activated for.', 'batchkeys' ),
				__( 'Nothing is sent to BatchKeys about this key from this network until a network administrator says what it is: a copy for testing, the network moved here, or a different network. Premium features keep working on every site until the date shown.', 'batchkeys' ),
			),
			'moved_refused'          => array(
				__( 'BatchKeys did not accept this key for the network’s new address. Nothing was changed here.', 'batchkeys' ),
				__( 'The old address most likely still holds one of the key’s activations. Free it on the network license screen of the old network, in your account with the seller, or ask the seller; then answer “The network moved here” again.', 'batchkeys' ),
			),
			'kept_as_copy'           => array(
				__( 'This network is kept as a copy for testing.', 'batchkeys' ),
				__( 'Nothing is sent to BatchKeys about this key from this copy of the network. Premium features keep working until the date shown.', 'batchkeys' ),
			),
			'no_address_change'      => array(
				__( 'This network is where the license key was activated: there is nothing to answer.', 'batchkeys' ),
				__( 'Reload the page.', 'batchkeys' ),
			),
			'rate_limited'           => array(
				__( 'BatchKeys received too many requests from this network and asked it to wait.', 'batchkeys' ),
				__( 'No site of this network sends anything to BatchKeys for 24 hours. An active key keeps working meanwhile.', 'batchkeys' ),
			),
			'invalid_address_answer' => array(
				__( 'That is not one of the three answers.', 'batchkeys' ),
				__( 'Answer staging (a copy for testing), moved (the network moved here) or new_site (a different network).', 'batchkeys' ),
			),
		);
	}

	/**
	 * The sentences of the address notice and the plugin row, for a site or a network license.
	 *
	 * @param string $scope 'site' or 'network'.
	 * @return array<string, string>
	 */
	public static function words( $scope ) {
		if ( 'network' === $scope ) {
			return array(
				/* translators: 1: domain the key was activated for, 2: the network's domain now. */
				'activated_for' => __( 'This network’s license key was activated for %1$s; this network is now %2$s.', 'batchkeys' ),
				/* translators: %s: domain. */
				'copied_record' => __( 'This network’s license record was copied here from another network (activated for %s).', 'batchkeys' ),
				'staging'       => __( 'A copy for testing', 'batchkeys' ),
				'staging_does'  => __( 'Nothing is ever sent to BatchKeys from this network.', 'batchkeys' ),
				'moved'         => __( 'The network moved here', 'batchkeys' ),
				/* translators: %s: the network's domain. */
				'moved_does'    => __( 'One activation call for %s, for the whole network.', 'batchkeys' ),
				'new_site'      => __( 'A different network', 'batchkeys' ),
				'new_site_does' => __( 'The copied key is removed from this network, without telling BatchKeys; then enter this network’s own key.', 'batchkeys' ),
				/* translators: 1: product name, 2: license state, e.g. Active. */
				'row_state'     => __( '%1$s license for this network: %2$s', 'batchkeys' ),
				'read_only'     => __( 'A network administrator answers this question in Network Admin.', 'batchkeys' ),
				'answer_there'  => __( 'Answer it in Network Admin', 'batchkeys' ),
				'open_screen'   => __( 'Open the network license screen', 'batchkeys' ),
				/* translators: %s: product name. */
				'not_accepted'  => __( 'BatchKeys no longer accepts the license key of %s on this network, so its premium features are switched off on every site.', 'batchkeys' ),
				/* translators: %s: product name. */
				'not_connected' => __( '%s is not connected to BatchKeys on this network, so its license cannot be checked. Follow the product’s setup instructions, or contact its author.', 'batchkeys' ),
				/* translators: 1: product name, 2: date of the last successful check, 3: date and time the pause ends. */
				'paused_since'  => __( 'BatchKeys asked this network to pause its requests (too many requests), so the license of %1$s has not been confirmed since %2$s. Nothing is sent to BatchKeys from any site of the network until %3$s.', 'batchkeys' ),
			);
		}
		return array(
			/* translators: 1: domain the key was activated for, 2: the site's domain now. */
			'activated_for' => __( 'The license key was activated for %1$s; this site is now %2$s.', 'batchkeys' ),
			/* translators: %s: domain. */
			'copied_record' => __( 'This license record was copied here from another site of the network (activated for %s).', 'batchkeys' ),
			'staging'       => __( 'A copy for testing', 'batchkeys' ),
			'staging_does'  => __( 'Nothing is ever sent to BatchKeys from here.', 'batchkeys' ),
			'moved'         => __( 'The site moved here', 'batchkeys' ),
			/* translators: %s: the site's domain. */
			'moved_does'    => __( 'One activation call for %s.', 'batchkeys' ),
			'new_site'      => __( 'A different site', 'batchkeys' ),
			'new_site_does' => __( 'The copied key is removed here, without telling BatchKeys; then enter this site’s own key.', 'batchkeys' ),
			/* translators: 1: product name, 2: license state, e.g. Active. */
			'row_state'     => __( '%1$s license: %2$s', 'batchkeys' ),
			'read_only'     => '',
			'answer_there'  => '',
			'open_screen'   => __( 'Open the license screen', 'batchkeys' ),
			/* translators: %s: product name. */
			'not_accepted'  => __( 'BatchKeys no longer accepts the license key of %s on this site, so its premium features are switched off.', 'batchkeys' ),
			/* translators: %s: product name. */
			'not_connected' => __( '%s is not connected to BatchKeys on this site, so its license cannot be checked. Follow the product’s setup instructions, or contact its author.', 'batchkeys' ),
			/* translators: 1: product name, 2: date of the last successful check, 3: date and time the pause ends. */
			'paused_since'  => __( 'BatchKeys asked this site to pause its requests (too many requests), so the license of %1$s has not been confirmed since %2$s. Nothing is sent to BatchKeys until %3$s.', 'batchkeys' ),
		);
	}
}
