/**
 * The license's state as stored: an icon and a word (never colour alone), the masked key,
 * the check dates, the grace deadline and when the site may call the service again.
 */
import {
	Card,
	CardBody,
	CardHeader,
	Icon,
	Notice,
} from '@wordpress/components';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { cancelCircleFilled, caution, info, published } from '@wordpress/icons';
import type { ReactNode } from 'react';
import { describeCode } from '../shared/codes';
import type { LicenseView } from '../shared/types';
import { formatDate, formatWait } from './format-text';
import { useCountdown } from './use-countdown';

const ICONS = {
	active: published,
	grace: caution,
	lapsed: cancelCircleFilled,
	invalid: cancelCircleFilled,
	inactive: info,
};

function DateValue( { iso, none }: { iso: string | null; none: string } ) {
	return iso ? (
		<time dateTime={ iso }>{ formatDate( iso ) }</time>
	) : (
		<>{ none }</>
	);
}

function Row( { term, children }: { term: string; children: ReactNode } ) {
	return (
		<div className="batchkeys-license__row">
			<dt>{ term }</dt>
			<dd>{ children }</dd>
		</div>
	);
}

export default function StatusCard( {
	license,
	footer,
}: {
	license: LicenseView;
	footer?: ReactNode;
} ) {
	const state = ICONS[ license.state ] ? license.state : 'inactive';
	// The wait is counted from when this answer arrived (a new view: a new deadline).
	const waitEnd = useMemo(
		() =>
			! license.paused_until &&
			typeof license.retry_after === 'number' &&
			license.retry_after > 0
				? Date.now() + license.retry_after * 1000
				: null,
		[ license ]
	);
	const waitLeft = useCountdown( waitEnd );
	const inGrace = state === 'grace' || state === 'lapsed';
	const own = describeCode( license.code );
	const setup = license.configured === false ? license.setup : null;

	return (
		<Card className="batchkeys-license__card">
			<CardHeader>
				<h2 className="batchkeys-license__heading">
					{ __( 'License status', 'batchkeys' ) }
				</h2>
			</CardHeader>
			<CardBody>
				{ setup && (
					<Notice status="warning" isDismissible={ false }>
						<p>
							<strong>{ setup.message }</strong>
						</p>
						<p>{ setup.hint }</p>
					</Notice>
				) }
				{ license.secret_missing && (
					<Notice
						status="warning"
						isDismissible={ false }
						className="batchkeys-license__secret-missing"
					>
						<p>{ license.secret_missing.message }</p>
					</Notice>
				) }
				<p
					className={ `batchkeys-license__state is-${ state }` }
					data-state={ state }
				>
					<Icon icon={ ICONS[ state ] } />
					<strong>{ license.state_label }</strong>
				</p>
				<dl className="batchkeys-license__details">
					<Row term={ __( 'Key', 'batchkeys' ) }>
						{ license.key ? (
							<code className="batchkeys-license__key">
								{ license.key }
							</code>
						) : (
							__( 'No key stored', 'batchkeys' )
						) }
					</Row>
					<Row term={ __( 'Last check', 'batchkeys' ) }>
						<DateValue
							iso={ license.last_checked }
							none={ __( 'Never', 'batchkeys' ) }
						/>
					</Row>
					<Row term={ __( 'Next check', 'batchkeys' ) }>
						<DateValue
							iso={ license.next_check }
							none={ __( 'Not scheduled', 'batchkeys' ) }
						/>
					</Row>
					{ inGrace && license.grace_until && (
						<Row
							term={
								state === 'grace'
									? __( 'Grace period ends', 'batchkeys' )
									: __( 'Grace period ended', 'batchkeys' )
							}
						>
							<DateValue iso={ license.grace_until } none="" />
						</Row>
					) }
					{ license.paused_until && (
						<Row
							term={ __(
								'Paused by BatchKeys until',
								'batchkeys'
							) }
						>
							<DateValue iso={ license.paused_until } none="" />
						</Row>
					) }
					{ waitLeft > 0 && (
						<Row term={ __( 'Next request allowed', 'batchkeys' ) }>
							<span className="batchkeys-license__wait">
								{ formatWait( waitLeft ) }
							</span>
						</Row>
					) }
					{ license.code !== 'none' && (
						<Row term={ __( 'Last answer', 'batchkeys' ) }>
							{ license.message || own.message }{ ' ' }
							{ license.hint || own.hint }
							{ license.detail && (
								<>
									{ ' ' }
									<span className="batchkeys-license__detail">
										{ __( 'Service said:', 'batchkeys' ) }{ ' ' }
										<code>{ license.detail }</code>
									</span>
								</>
							) }
						</Row>
					) }
				</dl>
			</CardBody>
			{ footer }
		</Card>
	);
}
