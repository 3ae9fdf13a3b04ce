<?php
/**
 * Server render of batchkeys/license-form (copied to build/block by wp-scripts).
 *
 * For a logged-in user with the product's capability: the form, with the product's slug, key
 * format and placeholder as data attributes for view.js, and the license state in words. For
 * anyone else: nothing, or the note the author wrote. Never a key (not even masked), a secret
 * or user data. Reads stored state only.
 *
 * @package BatchKeys\Kit
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

if ( ! class_exists( '\BatchKeys\Kit\Kit', false ) || null === \BatchKeys\Kit\Kit::instance() ) {
	return;
}

$batchkeys_kit  = \BatchKeys\Kit\Kit::instance();
$batchkeys_slug = isset( $attributes['product'] ) && is_string( $attributes['product'] ) ? $attributes['product'] : '';
$batchkeys_note = isset( $attributes['note'] ) && is_string( $attributes['note'] ) ? trim( $attributes['note'] ) : '';
if ( '' === $batchkeys_slug && 1 === count( $batchkeys_kit->registry()->all() ) ) {
	// The only product on the site is the one meant, even before the author chose it.
	$batchkeys_slug = (string) key( $batchkeys_kit->registry()->all() );
}
$batchkeys_product = '' === $batchkeys_slug ? null : $batchkeys_kit->registry()->get( $batchkeys_slug );

if ( null === $batchkeys_product || ! is_user_logged_in() || ! current_user_can( $batchkeys_product->capability ) ) {
	if ( '' !== $batchkeys_note ) {
		printf(
			'<div %1$s><p class="batchkeys-license-form__note">%2$s</p></div>',
			get_block_wrapper_attributes(), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by WordPress.
			nl2br( esc_html( $batchkeys_note ) ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- esc_html() then line breaks.
		);
	}
	return;
}

\BatchKeys\Kit\Block\License_Block::enqueue_view_script( $batchkeys_kit );
$batchkeys_info   = $batchkeys_product->to_client_array();
$batchkeys_view   = $batchkeys_kit->licenses()->view( $batchkeys_product );
$batchkeys_id     = wp_unique_id( 'batchkeys-license-form-' );
$batchkeys_label  = isset( $attributes['label'] ) && is_string( $attributes['label'] ) && '' !== trim( $attributes['label'] ) ? $attributes['label'] : __( 'License key', 'batchkeys' );
$batchkeys_button = isset( $attributes['buttonText'] ) && is_string( $attributes['buttonText'] ) && '' !== trim( $attributes['buttonText'] ) ? $attributes['buttonText'] : __( 'Activate', 'batchkeys' );
$batchkeys_state  = (string) $batchkeys_view['state_label'];
$batchkeys_wrap   = get_block_wrapper_attributes(
	array(
		'data-slug'        => $batchkeys_info['slug'],
		'data-key-format'  => (string) wp_json_encode( $batchkeys_info['key_format'] ),
		'data-placeholder' => $batchkeys_info['placeholder'],
		'data-name'        => $batchkeys_info['name'],
		'data-has-key'     => null === $batchkeys_view['key'] ? '0' : '1',
	)
);
$batchkeys_hidden = null === $batchkeys_view['key'] ? ' hidden' : '';
?>
<div <?php echo $batchkeys_wrap; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes(). ?>>
	<form class="batchkeys-license-form__form" novalidate>
		<label class="batchkeys-license-form__label" for="<?php echo esc_attr( $batchkeys_id ); ?>"><?php echo esc_html( $batchkeys_label ); ?></label>
		<div class="batchkeys-license-form__row">
			<input
				id="<?php echo esc_attr( $batchkeys_id ); ?>"
				class="batchkeys-license-form__input"
				type="text"
				autocomplete="off"
				autocapitalize="off"
				spellcheck="false"
				placeholder="<?php echo esc_attr( $batchkeys_info['placeholder'] ); ?>"
				aria-describedby="<?php echo esc_attr( $batchkeys_id . '-help ' . $batchkeys_id . '-state' ); ?>"
				aria-invalid="false"
			/>
			<button type="submit" class="wp-element-button batchkeys-license-form__button"><?php echo esc_html( $batchkeys_button ); ?></button>
		</div>
		<p id="<?php echo esc_attr( $batchkeys_id . '-help' ); ?>" class="batchkeys-license-form__help"></p>
	</form>
	<p id="<?php echo esc_attr( $batchkeys_id . '-state' ); ?>" class="batchkeys-license-form__state">
		<?php esc_html_e( 'License status:', 'batchkeys' ); ?>
		<strong><?php echo esc_html( $batchkeys_state ); ?></strong>
	</p>
	<div class="batchkeys-license-form__actions"<?php echo $batchkeys_hidden; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a fixed string. ?>>
		<button type="button" class="wp-element-button batchkeys-license-form__check"><?php esc_html_e( 'Check now', 'batchkeys' ); ?></button>
		<button type="button" class="wp-element-button batchkeys-license-form__deactivate"><?php esc_html_e( 'Deactivate', 'batchkeys' ); ?></button>
	</div>
	<p class="batchkeys-license-form__busy" role="status"></p>
	<div class="batchkeys-license-form__answer" tabindex="-1" hidden></div>
	<dialog class="batchkeys-license-form__confirm" aria-labelledby="<?php echo esc_attr( $batchkeys_id . '-confirm' ); ?>">
		<h2 id="<?php echo esc_attr( $batchkeys_id . '-confirm' ); ?>"><?php esc_html_e( 'Deactivate the license?', 'batchkeys' ); ?></h2>
		<p>
		<?php
		/* translators: %s: product name. */
		echo esc_html( sprintf( __( 'The key is removed from this site and the premium features of %s stop working until a key is activated again.', 'batchkeys' ), $batchkeys_info['name'] ) );
		?>
		</p>
		<form method="dialog" class="batchkeys-license-form__confirm-actions">
			<button type="submit" value="cancel" class="wp-element-button is-cancel"><?php esc_html_e( 'Cancel', 'batchkeys' ); ?></button>
			<button type="submit" value="confirm" class="wp-element-button is-confirm"><?php esc_html_e( 'Deactivate', 'batchkeys' ); ?></button>
		</form>
	</dialog>
</div>
