import { describeFormat, formatDate, formatWait } from '../format-text';

describe( 'describeFormat', () => {
	it( 'describes groups, their length and the separator', () => {
		expect(
			describeFormat( {
				groups: 5,
				length: 7,
				separator: '-',
				chars: 'A-Z',
			} )
		).toBe(
			'A license key has 5 groups of 7 characters, separated by “-”.'
		);
	} );

	it( 'counts characters when there is one group or no separator', () => {
		expect(
			describeFormat( {
				groups: 1,
				length: 1,
				separator: '-',
				chars: 'A',
			} )
		).toBe( 'A license key has 1 character.' );
		expect(
			describeFormat( {
				groups: 4,
				length: 4,
				separator: '',
				chars: 'A',
			} )
		).toBe( 'A license key has 16 characters.' );
	} );
} );

describe( 'formatWait', () => {
	const now = Date.parse( '2026-11-27T08:00:00Z' );

	it( 'says seconds, then minutes', () => {
		expect( formatWait( 1, now ) ).toBe( 'in 1 second' );
		expect( formatWait( 10, now ) ).toBe( 'in 10 seconds' );
		expect( formatWait( 0.2, now ) ).toBe( 'in 1 second' );
		expect( formatWait( 61, now ) ).toBe( 'in 2 minutes' );
		expect( formatWait( 3599, now ) ).toBe( 'in 60 minutes' );
	} );

	it( 'gives the date for long waits', () => {
		expect( formatWait( 86400, now ) ).toBe(
			formatDate( '2026-11-28T08:00:00.000Z' )
		);
	} );

	it( 'leaves something that is not a date as it is', () => {
		expect( formatDate( 'soon' ) ).toBe( 'soon' );
	} );
} );
