/**
 * The license screen of one product: the key field (forgiving: see key-feedback.ts), Activate,
 * the status card with Check now and Deactivate, and the answer in a Notice that takes focus.
 */
import {
	Button,
	CardFooter,
	Notice,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';
import * as api from '../shared/api';
import { describeCode } from '../shared/codes';
import { caretAfter, keyFeedback } from '../shared/key-feedback';
import type {
	LicenseView,
	NormalisedError,
	ProductInfo,
	ScreenWords,
} from '../shared/types';
import ConfirmDialog from './confirm-dialog';
import { describeFormat, formatDate } from './format-text';
import StatusCard from './status-card';
import { useCountdown } from './use-countdown';

type Action = 'activate' | 'check' | 'deactivate';

interface Answer {
	status: 'success' | 'info' | 'warning' | 'error';
	message: string;
	hint: string;
	/** What the service said in its own words (administrators), cut and masked by PHP. */
	detail?: string;
}

/**
 * How the answer's Notice looks: it follows the answer (its code), never the stored state, so
 * a first not-valid answer on a key that stays active is not shown as a success.
 * @param license
 */
function statusOf( license: LicenseView ): Answer[ 'status' ] {
	switch ( license.code ) {
		case 'valid':
			return 'success';
		case 'none':
		case 'deactivated':
			return 'info';
		case 'invalid':
			return license.strike ? 'warning' : 'error';
		default:
			return license.features_enabled ? 'warning' : 'error';
	}
}

function answerFromView( license: LicenseView ): Answer {
	const own = describeCode( license.code );
	return {
		status: statusOf( license ),
		message: license.message || own.message,
		hint: license.hint || own.hint,
		detail: license.detail || undefined,
	};
}

function answerFromError( error: NormalisedError ): Answer {
	const waiting = error.code === 'throttled' || error.code === 'rate_limited';
	return {
		status: waiting ? 'warning' : 'error',
		message: error.message,
		hint: error.hint,
		detail: error.detail,
	};
}

/**
 * The view an error came with, holding the error's own wait when it is longer (a request
 * refused while another one holds the product's lock).
 * @param error
 */
function licenseFromError( error: NormalisedError ): LicenseView | undefined {
	if ( ! error.license ) {
		return undefined;
	}
	const wait = error.retryAfter ?? 0;
	return wait > ( error.license.retry_after ?? 0 )
		? { ...error.license, retry_after: wait }
		: error.license;
}

export interface LicenseScreenProps {
	product: ProductInfo;
	initialLicense: LicenseView;
	/** PHP's sentences for what the screen shows on its own (the pause). */
	words: ScreenWords;
}

export default function LicenseScreen( {
	product,
	initialLicense,
	words,
}: LicenseScreenProps ) {
	const [ license, setLicense ] = useState< LicenseView >( initialLicense );
	const [ key, setKey ] = useState( '' );
	// The error shows on blur or submit only; typing again goes back to neutral progress.
	const [ judged, setJudged ] = useState< 'no' | 'blur' | 'submit' >( 'no' );
	const caret = useRef< number | null >( null );
	const [ busy, setBusy ] = useState< Action | null >( null );
	const [ answer, setAnswer ] = useState< Answer | null >( null );
	const [ answerCount, setAnswerCount ] = useState( 0 );
	const [ confirming, setConfirming ] = useState( false );
	const [ confirmingActivation, setConfirmingActivation ] = useState< {
		message: string;
		hint: string;
	} | null >( null );
	const noticeRef = useRef< HTMLDivElement >( null );
	const inputRef = useRef< HTMLInputElement >( null );

	// Move focus to each new answer so it is read and the person knows where they are.
	useEffect( () => {
		if ( answerCount > 0 ) {
			noticeRef.current?.focus();
		}
	}, [ answerCount ] );

	const format = product.key_format;
	const feedback = keyFeedback( format, key, judged === 'submit' );
	const showError = judged !== 'no' && feedback.error !== null;
	const fieldHelp = showError ? (
		<span className="batchkeys-license__field-error">
			{ feedback.error?.message } { feedback.error?.hint }
		</span>
	) : (
		<>
			{ feedback.progress && (
				<span className="batchkeys-license__progress">
					{ feedback.progress }.{ ' ' }
				</span>
			) }
			{ describeFormat( format ) }
		</>
	);

	// Keep the caret where the person was typing once separators are put in.
	useEffect( () => {
		if ( caret.current !== null && inputRef.current ) {
			inputRef.current.setSelectionRange( caret.current, caret.current );
			caret.current = null;
		}
	}, [ key ] );

	const onChange = ( raw: string ) => {
		const next = keyFeedback( format, raw ).key;
		const at = inputRef.current?.selectionStart ?? raw.length;
		caret.current = caretAfter( format, raw, at, next );
		setKey( next );
		setJudged( 'no' );
	};

	const show = ( next: Answer ) => {
		setAnswer( next );
		setAnswerCount( ( count ) => count + 1 );
	};

	const run = async (
		action: Action,
		call: () => Promise< LicenseView >
	): Promise< boolean > => {
		setBusy( action );
		try {
			const view = await call();
			setLicense( view );
			show( answerFromView( view ) );
			return true;
		} catch ( caught ) {
			const error = caught as NormalisedError;
			const errorLicense = licenseFromError( error );
			if ( errorLicense ) {
				setLicense( errorLicense );
			}
			show( answerFromError( error ) );
			// A staging-looking address: ask before one of the key's activations is used.
			setConfirmingActivation(
				error.code === 'confirm_activation'
					? { message: error.message, hint: error.hint }
					: null
			);
			return false;
		} finally {
			setBusy( null );
		}
	};

	const onSubmit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		if ( keyFeedback( format, key, true ).error ) {
			// Refused in the browser: nothing is sent.
			setJudged( 'submit' );
			inputRef.current?.focus();
			return;
		}
		await activateKey( false );
	};

	const activateKey = async ( confirm: boolean ) => {
		setConfirmingActivation( null );
		const done = await run( 'activate', () =>
			api.activate( product.slug, key, confirm )
		);
		if ( done ) {
			setKey( '' );
			setJudged( 'no' );
		}
	};

	const onDeactivate = () => {
		setConfirming( false );
		run( 'deactivate', () => api.deactivate( product.slug ) );
	};

	const hasKey = license.key !== null && license.key !== '';
	const isBusy = busy !== null;
	const pauseEnd = license.paused_until
		? Date.parse( license.paused_until )
		: NaN;
	const pausedFor = useCountdown(
		Number.isNaN( pauseEnd ) ? null : pauseEnd
	);
	const paused = pausedFor > 0;

	if ( license.managed_by_network ) {
		// A site administrator sees the network's license; only Network Admin changes it.
		const managed = license.managed_by_network;
		return (
			<div className="batchkeys-license">
				<Notice status="info" isDismissible={ false }>
					<p>
						<strong>{ managed.message }</strong>
					</p>
					<p>{ managed.hint }</p>
				</Notice>
				<StatusCard license={ license } />
			</div>
		);
	}

	return (
		<div className="batchkeys-license" aria-busy={ isBusy }>
			<div
				ref={ noticeRef }
				tabIndex={ -1 }
				className="batchkeys-license__answer"
			>
				{ answer && (
					<Notice
						status={ answer.status }
						onRemove={ () => setAnswer( null ) }
						politeness={
							answer.status === 'error' ? 'assertive' : 'polite'
						}
					>
						<p>
							<strong>{ answer.message }</strong>
						</p>
						{ answer.hint && <p>{ answer.hint }</p> }
						{ answer.detail && (
							<p className="batchkeys-license__detail">
								{ __( 'Service said:', 'batchkeys' ) }{ ' ' }
								<code>{ answer.detail }</code>
							</p>
						) }
					</Notice>
				) }
			</div>

			{ paused && license.paused_until && (
				<Notice
					status="warning"
					isDismissible={ false }
					className="batchkeys-license__paused"
				>
					<p>
						{
							// PHP's sentence with its one placeholder (%s, or %1$s in a
							// translation that numbers it).
							words.paused.replace(
								/%(?:1\$)?s/,
								formatDate( license.paused_until )
							)
						}
					</p>
				</Notice>
			) }

			<form
				className="batchkeys-license__form"
				onSubmit={ onSubmit }
				noValidate
			>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					ref={ inputRef }
					label={
						hasKey
							? __( 'Replace the license key', 'batchkeys' )
							: __( 'License key', 'batchkeys' )
					}
					value={ key }
					onChange={ onChange }
					onBlur={ () => setJudged( key === '' ? 'no' : 'blur' ) }
					placeholder={ product.placeholder }
					help={ fieldHelp }
					aria-invalid={ showError }
					autoComplete="off"
					spellCheck={ false }
					className="batchkeys-license__field"
				/>
				<Button
					__next40pxDefaultSize
					variant="primary"
					type="submit"
					isBusy={ busy === 'activate' }
					disabled={ isBusy || paused }
				>
					{ __( 'Activate', 'batchkeys' ) }
				</Button>
			</form>

			<StatusCard
				license={ license }
				footer={
					<CardFooter className="batchkeys-license__actions">
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ () =>
								run( 'check', () => api.check( product.slug ) )
							}
							isBusy={ busy === 'check' }
							disabled={ isBusy || ! hasKey || paused }
						>
							{ __( 'Check now', 'batchkeys' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							isDestructive
							onClick={ () => setConfirming( true ) }
							isBusy={ busy === 'deactivate' }
							disabled={ isBusy || ! hasKey }
						>
							{ __( 'Deactivate', 'batchkeys' ) }
						</Button>
						{ isBusy && (
							<span className="batchkeys-license__busy">
								<Spinner />
								{ __( 'Waiting for the answer…', 'batchkeys' ) }
							</span>
						) }
					</CardFooter>
				}
			/>

			{ confirmingActivation && (
				// A first activation on a staging-looking address: BatchKeys counts every
				// address, so it uses one of the key's activations. PHP's words say why.
				<ConfirmDialog
					title={ __(
						'Use one of the key’s activations here?',
						'batchkeys'
					) }
					paragraphs={ [
						confirmingActivation.message,
						confirmingActivation.hint,
					] }
					confirmLabel={ __( 'Activate anyway', 'batchkeys' ) }
					onConfirm={ () => activateKey( true ) }
					onCancel={ () => setConfirmingActivation( null ) }
				/>
			) }
			{ confirming && (
				<ConfirmDialog
					title={ __( 'Deactivate the license?', 'batchkeys' ) }
					paragraphs={ [
						'network' === license.scope
							? sprintf(
									/* translators: %s: product name. */
									__(
										'The key is removed from this network and the premium features of %s stop working on every site of it until a key is activated again.',
										'batchkeys'
									),
									product.name
								)
							: sprintf(
									/* translators: %s: product name. */
									__(
										'The key is removed from this site and the premium features of %s stop working until a key is activated again.',
										'batchkeys'
									),
									product.name
								),
					] }
					confirmLabel={ __( 'Deactivate', 'batchkeys' ) }
					isDestructive
					onConfirm={ onDeactivate }
					onCancel={ () => setConfirming( false ) }
				/>
			) }
		</div>
	);
}
