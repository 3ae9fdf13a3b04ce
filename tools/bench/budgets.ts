/**
 * The budgets (docs/budgets.md) and the pure verdicts on measured values.
 */

/** 1 KB = 1000 bytes: the stricter reading of every "KB" budget. */
export const KB = 1000;

export type Unit = 'count' | 'ms' | 'bytes' | 'ratio';

export type Verdict = 'pass' | 'fail' | 'info' | 'error';

export interface Budget {
	/** lt: value < limit; le: value <= limit; eq: value === limit. */
	op: 'lt' | 'le' | 'eq';
	limit: number;
}

export const BUDGETS = {
	outboundCalls: { op: 'eq', limit: 0 },
	frontendAddedMs: { op: 'lt', limit: 1 },
	frontendAddedBytes: { op: 'le', limit: 15 * KB },
	// The 95 % interval of the added CPU time must include 0: its distance from 0 is 0.
	frontendCpuFromZero: { op: 'eq', limit: 0 },
	dashboardAddedBytes: { op: 'le', limit: 25 * KB },
	anonymousKitFiles: { op: 'le', limit: 4 },
	autoloadBytes: { op: 'eq', limit: 0 },
	noKeyRows: { op: 'eq', limit: 0 },
	noKeyCronEvents: { op: 'eq', limit: 0 },
	fallbackResponseMs: { op: 'lt', limit: 1000 },
	adminScriptGzip: { op: 'lt', limit: 10 * KB },
	// Sent only to people who manage the product, like the admin screen's script; a visitor of
	// the same page gets none of the kit's scripts (visitorBlockScriptGzip, figure 10).
	viewScriptGzip: { op: 'lt', limit: 5 * KB },
	visitorBlockScriptGzip: { op: 'eq', limit: 0 },
	activationAddedMs: { op: 'lt', limit: 50 },
	// "No slower" on a shared, noisy machine: a hanging call would cost seconds, not 10 %.
	unreachableRatio: { op: 'le', limit: 1.1 },
	// A multisite network of 1,000 subsites (docs/multisite.md).
	networkDailyCalls: { op: 'le', limit: 3 },
	unlicensedSiteWrites: { op: 'eq', limit: 0 },
	// Median of 7 runs; about 1.5 ms a licensed site (docs/budgets.md, figure 9).
	networkUninstallMs: { op: 'lt', limit: 1500 },
	networkUninstallPeakBytes: { op: 'lt', limit: 45_000_000 },
} as const satisfies Record< string, Budget >;

/**
 * Pass or fail against a budget; info when there is no budget; error when nothing was measured.
 *
 * @param value  Measured value (null or NaN: not measured).
 * @param budget The budget, or null.
 */
export function judge( value: number | null, budget: Budget | null ): Verdict {
	if ( value === null || Number.isNaN( value ) ) {
		return 'error';
	}
	if ( budget === null ) {
		return 'info';
	}
	switch ( budget.op ) {
		case 'lt':
			return value < budget.limit ? 'pass' : 'fail';
		case 'le':
			return value <= budget.limit ? 'pass' : 'fail';
		case 'eq':
			return value === budget.limit ? 'pass' : 'fail';
	}
	return 'error';
}

/**
 * Whether any verdict misses its budget (an error counts: nothing proves the budget holds).
 *
 * @param verdicts Verdicts.
 */
export function missesBudget( verdicts: readonly Verdict[] ): boolean {
	return verdicts.some(
		( verdict ) => verdict === 'fail' || verdict === 'error'
	);
}
