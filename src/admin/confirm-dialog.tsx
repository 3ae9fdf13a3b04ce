/**
 * Asks before an action a person should decide on purpose (a first activation on a
 * staging-looking address, removing the key). A Modal (stable API): it traps focus, closes on
 * Escape and gives focus back to the button that opened it when cancelled.
 */
import { Button, Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export default function ConfirmDialog( {
	title,
	paragraphs,
	confirmLabel,
	isDestructive = false,
	onConfirm,
	onCancel,
}: {
	title: string;
	/** The explanation, one paragraph each (translated by the caller or PHP). */
	paragraphs: string[];
	confirmLabel: string;
	/** The confirm button in the destructive colour (removing something). */
	isDestructive?: boolean;
	onConfirm: () => void;
	onCancel: () => void;
} ) {
	return (
		<Modal
			title={ title }
			onRequestClose={ onCancel }
			size="small"
			className="batchkeys-license__confirm"
		>
			{ paragraphs.map( ( text, index ) => (
				<p key={ index }>{ text }</p>
			) ) }
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
					isDestructive={ isDestructive }
					onClick={ onConfirm }
				>
					{ confirmLabel }
				</Button>
			</div>
		</Modal>
	);
}
