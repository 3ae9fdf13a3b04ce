/**
 * The mock BatchKeys API's control interface (test/mock-api/README.md), as the bench uses it.
 */
import { jsonBody, request } from './http';

async function control(
	mockUrl: string,
	path: string,
	json: unknown
): Promise< void > {
	const reply = await request( `${ mockUrl }/__mock/${ path }`, {
		json,
		timeoutMs: 10_000,
	} );
	if ( reply.status !== 200 ) {
		throw new Error(
			`mock ${ path }: HTTP ${ reply.status } ${ reply.body.slice( 0, 200 ) }`
		);
	}
}

export const mock = {
	reset: ( mockUrl: string ) => control( mockUrl, 'reset', {} ),
	rateLimitOff: ( mockUrl: string ) =>
		control( mockUrl, 'rate-limit', { per_minute: 0 } ),
	unreachable: ( mockUrl: string ) =>
		control( mockUrl, 'faults', { mode: 'timeout' } ),
	reachable: ( mockUrl: string ) =>
		control( mockUrl, 'faults', { mode: 'none' } ),
	/**
	 * How many API requests the mock has received since its last reset.
	 * @param mockUrl The mock's URL.
	 */
	apiRequests: async ( mockUrl: string ): Promise< number > => {
		const body = jsonBody( await request( `${ mockUrl }/__mock/log` ) );
		if (
			typeof body !== 'object' ||
			body === null ||
			! ( 'requests' in body ) ||
			! Array.isArray( body.requests )
		) {
			throw new Error( 'mock log: no requests list' );
		}
		return body.requests.filter(
			( entry: unknown ) =>
				typeof entry === 'object' &&
				entry !== null &&
				'path' in entry &&
				typeof entry.path === 'string' &&
				entry.path.startsWith( '/api.php' )
		).length;
	},
};
