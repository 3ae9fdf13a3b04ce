/**
 * The bench's results: checks (a measured value against its budget), figures, the printed table.
 */
import { judge, type Budget, type Unit, type Verdict } from './budgets';
import { formatBudget, formatTable, formatValue } from './format';

export type Json =
	null | boolean | number | string | Json[] | { [ key: string ]: Json };

/** What each figure measures (the legend under the table). */
export const TITLES: Record< number, string > = {
	1: 'outbound HTTP requests during ordinary page loads (pre_http_request), 3 products active',
	2: 'front-end request cost of the active kit with 3 products vs kit inactive (same site, interleaved, server side)',
	3: 'autoloaded option bytes the kit adds (batchkeys_* rows; wp_load_alloptions() kit on vs off)',
	4: 'gzipped size of each built script and stylesheet (plugin/**/build/)',
	5: "REST activation latency over the mock's own answer time (client side, medians)",
	6: 'the page loads of figure 1 with BatchKeys unreachable (mock fault: timeout), kit on',
	7: 'kit files included per request kind (get_included_files() under the kit), 3 products active',
	8: 'an admin page whose dead-cron fallback fires while BatchKeys hangs (mock fault: timeout): the response time',
	9: 'a subdirectory network of 1,000 subsites (SQLite, built once and cached): daily calls, writes on unlicensed subsites, uninstall, the network license screen',
	10: "a page with the license block: the kit's scripts it sends a visitor and an administrator",
};

export interface Check {
	name: string;
	value: number | null;
	unit: Unit;
	budget: Budget | null;
	verdict: Verdict;
	/** The numbers behind the value, for people. */
	raw: string;
}

export interface Figure {
	id: number;
	title: string;
	checks: Check[];
	/** Everything measured, for .batchkeys/bench.json. */
	data: { [ key: string ]: Json };
	error: string | null;
}

export function makeCheck(
	name: string,
	value: number | null,
	unit: Unit,
	budget: Budget | null,
	raw: string
): Check {
	return { name, value, unit, budget, verdict: judge( value, budget ), raw };
}

/**
 * A figure that could not be measured: one error row.
 *
 * @param id      Figure number.
 * @param message What went wrong.
 */
export function failedFigure( id: number, message: string ): Figure {
	return {
		id,
		title: TITLES[ id ] ?? `figure ${ id }`,
		checks: [ makeCheck( 'not measured', null, 'count', null, message ) ],
		data: {},
		error: message,
	};
}

/**
 * The printed table: one row per check, the figure number on its first row.
 *
 * @param figures Figures, in order.
 */
export function renderTable( figures: readonly Figure[] ): string {
	const rows: string[][] = [];
	for ( const figure of figures ) {
		figure.checks.forEach( ( check, index ) => {
			rows.push( [
				index === 0 ? String( figure.id ) : '',
				check.name,
				formatValue( check.value, check.unit ),
				formatBudget( check.budget, check.unit ),
				check.verdict.toUpperCase(),
				check.raw,
			] );
		} );
	}
	return formatTable(
		[ '#', 'figure', 'measured', 'budget', 'result', 'raw numbers' ],
		rows
	);
}

/**
 * The figures' titles as a legend under the table.
 *
 * @param figures Figures, in order.
 */
export function renderLegend( figures: readonly Figure[] ): string {
	return figures
		.map( ( figure ) => `${ figure.id }: ${ figure.title }` )
		.join( '\n' );
}

export function allVerdicts( figures: readonly Figure[] ): Verdict[] {
	return figures.flatMap( ( figure ) =>
		figure.checks.map( ( check ) => check.verdict )
	);
}
