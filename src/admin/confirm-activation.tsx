/**
 * Asks before a first activation on an address that looks like a staging copy: BatchKeys counts
 * every address, so activating there uses one of the key's activations.
 */
import { Button, Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export default function ConfirmActivation( {
	message,
	hint,
	onConfirm,
	onCancel,
}: {
	/** PHP's words for `confirm_activation`, from the answer. */
	message: string;
	hint: string;
	onConfirm: () => void;
	onCancel: () => void;
} ) {
	return (
		<Modal
			title={ __(
				'Use one of the key’s activations here?',
				'batchkeys'
			) }
			onRequestClose={ onCancel }
			size="small"
			className="batchkeys-license__confirm"
		>
			<p>{ message }</p>
			<p>{ hint }</p>
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
					onClick={ onConfirm }
				>
					{ __( 'Activate anyway', 'batchkeys' ) }
				</Button>
			</div>
		</Modal>
	);
}
