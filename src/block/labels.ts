/** Default words of the form when the author left an attribute empty (render.php says the same). */
import { __ } from '@wordpress/i18n';

export const defaultLabel = () => __( 'License key', 'batchkeys' );
export const defaultButtonText = () => __( 'Activate', 'batchkeys' );
