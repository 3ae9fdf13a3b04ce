import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ConfirmDialog from '../confirm-dialog';

const setup = ( isDestructive?: boolean ) => {
	const onConfirm = jest.fn();
	const onCancel = jest.fn();
	render(
		<ConfirmDialog
			title="Remove it?"
			paragraphs={ [ 'First paragraph.', 'Second paragraph.' ] }
			confirmLabel="Remove"
			isDestructive={ isDestructive }
			onConfirm={ onConfirm }
			onCancel={ onCancel }
		/>
	);
	return { user: userEvent.setup(), onConfirm, onCancel };
};

it( 'shows the title and each paragraph, and confirms with its label', async () => {
	const { user, onConfirm, onCancel } = setup();
	const dialog = screen.getByRole( 'dialog', { name: 'Remove it?' } );
	const paragraphs = dialog.querySelectorAll( 'p' );
	expect( Array.from( paragraphs, ( p ) => p.textContent ) ).toEqual( [
		'First paragraph.',
		'Second paragraph.',
	] );
	await user.click(
		within( dialog ).getByRole( 'button', { name: 'Remove' } )
	);
	expect( onConfirm ).toHaveBeenCalledTimes( 1 );
	expect( onCancel ).not.toHaveBeenCalled();
} );

it( 'cancels with Cancel', async () => {
	const { user, onConfirm, onCancel } = setup();
	await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
	expect( onCancel ).toHaveBeenCalledTimes( 1 );
	expect( onConfirm ).not.toHaveBeenCalled();
} );

it( 'cancels with Escape once focus is in it', async () => {
	const { user, onConfirm, onCancel } = setup();
	const dialog = screen.getByRole( 'dialog' );
	await waitFor( () =>
		expect( dialog ).toContainElement(
			dialog.ownerDocument.activeElement as HTMLElement
		)
	);
	await user.keyboard( '{Escape}' );
	// The Modal asks to close after its closing animation.
	await waitFor( () => expect( onCancel ).toHaveBeenCalledTimes( 1 ) );
	expect( onConfirm ).not.toHaveBeenCalled();
} );

it( 'paints the confirm button destructive only when asked', () => {
	const { unmount } = render(
		<ConfirmDialog
			title="Plain"
			paragraphs={ [] }
			confirmLabel="Go"
			onConfirm={ () => {} }
			onCancel={ () => {} }
		/>
	);
	expect( screen.getByRole( 'button', { name: 'Go' } ) ).not.toHaveClass(
		'is-destructive'
	);
	unmount();
	setup( true );
	expect( screen.getByRole( 'button', { name: 'Remove' } ) ).toHaveClass(
		'is-destructive'
	);
} );
