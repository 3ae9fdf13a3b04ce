/**
 * Asks before the key is removed. A Modal (stable API): it traps focus, closes on Escape and
 * gives focus back to the Deactivate button when cancelled.
 */
import { Button, Modal } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

export default function ConfirmDeactivate( {
	productName,
	onConfirm,
	onCancel,
}: {
	productName: string;
	onConfirm: () => void;
	onCancel: () => void;
} ) {
	return (
		<Modal
			title={ __( 'Deactivate the license?', 'batchkeys' ) }
			onRequestClose={ onCancel }
			size="small"
			className="batchkeys-license__confirm"
		>
			<p>
				{ sprintf(
					/* translators: %s: product name. */
					__(
						'The key is removed from this site and the premium features of %s stop working until a key is activated again.',
						'batchkeys'
					),
					productName
				) }
			</p>
			<div className="batchkeys-license__confirm-actions">
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onCancel }
				>
					{ __( 'Cancel', 'batchkeys' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="primary"
					isDestructive
					onClick={ onConfirm }
				>
					{ __( 'Deactivate', 'batchkeys' ) }
				</Button>
			</div>
		</Modal>
	);
}
