/**
 * axe-core in the specs: a page (or a part of it) has no serious or critical violation of
 * WCAG 2.x A/AA. Every scan's full result is kept under artifacts/axe/ and attached to the
 * report, minor findings included. `include` is a selector, or a path of selectors into an
 * iframe (the editor's canvas).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site';

export async function expectAccessible(
	page: Page,
	name: string,
	testInfo: TestInfo,
	include?: string | string[]
) {
	let builder = new AxeBuilder( { page } ).withTags( [
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
		'wcag22aa',
	] );
	if ( include ) {
		builder = builder.include( include );
	}
	const results = await builder.analyze();
	const dir = join( ROOT, 'artifacts', 'axe' );
	mkdirSync( dir, { recursive: true } );
	const body = JSON.stringify(
		{
			url: results.url,
			passes: results.passes.length,
			violations: results.violations,
		},
		null,
		2
	);
	writeFileSync( join( dir, `${ name }.json` ), body );
	await testInfo.attach( `axe-${ name }`, {
		body,
		contentType: 'application/json',
	} );
	const serious = results.violations
		.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
		.map(
			( v ) =>
				`${ v.id } (${ v.impact }): ${ v.nodes
					.map( ( n ) => n.target.join( ' ' ) )
					.join( ', ' ) }`
		);
	expect( serious, `axe: ${ name }` ).toEqual( [] );
	expect( results.passes.length, 'axe ran its rules' ).toBeGreaterThan( 0 );
}
