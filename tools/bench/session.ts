/**
 * The bench's session with the site: the admin login, the REST nonce, tagged page loads.
 */
import { CookieJar, jsonBody, request, type Reply } from './http';
import type { Probe } from './probe';
import type { ProbeLine } from './probe-line';
import type { Site } from './site';

export type Who = 'visitor' | 'admin' | 'rest';

export interface Page {
	key: string;
	path: string;
	who: Who;
}

export interface LoadOptions {
	kitOff?: boolean;
	autoload?: boolean;
	/** Registers this extra product for the request (bench-act-N, figure 5). */
	product?: string;
	method?: 'GET' | 'POST';
	json?: unknown;
	/** Deletes every batchkeys_* row and the event before the kit loads. */
	reset?: boolean;
	/** Makes the dead-cron fallback fire on this admin page. */
	fallback?: boolean;
}

export interface Sample {
	page: string;
	status: number;
	clientMs: number;
	line: ProbeLine;
}

export class Session {
	readonly jar = new CookieJar();
	private nonce = '';
	private counter = 0;
	private endsAt: number;
	private stopReason = 'the bench ran out of time (MAX_MINUTES in bench.ts)';

	/**
	 * @param site       The site.
	 * @param probe      Its bench mu-plugin.
	 * @param maxMinutes Hard limit of the whole run.
	 */
	constructor(
		readonly site: Site,
		readonly probe: Probe,
		maxMinutes: number
	) {
		this.endsAt = Date.now() + maxMinutes * 60_000;
	}

	/** Throws once the run's time is up or it was stopped (every request loop passes here). */
	checkTime(): void {
		if ( Date.now() > this.endsAt ) {
			throw new Error( this.stopReason );
		}
	}

	/**
	 * Stops the run at the next request.
	 *
	 * @param reason Why.
	 */
	abort( reason: string ): void {
		this.stopReason = reason;
		this.endsAt = 0;
	}

	async login(): Promise< void > {
		this.jar.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
		const reply = await request( `${ this.site.url }/wp-login.php`, {
			form: {
				log: this.site.adminUser,
				pwd: this.site.adminPassword,
				testcookie: '1',
				'wp-submit': 'Log In',
				redirect_to: `${ this.site.url }/wp-admin/`,
			},
			jar: this.jar,
		} );
		if (
			! this.jar
				.names()
				.some( ( name ) => name.startsWith( 'wordpress_logged_in_' ) )
		) {
			throw new Error(
				`login as ${ this.site.adminUser } failed (HTTP ${ reply.status })`
			);
		}
		const nonce = await request(
			`${ this.site.url }/wp-admin/admin-ajax.php?action=rest-nonce`,
			{ jar: this.jar }
		);
		if (
			nonce.status !== 200 ||
			! /^[0-9a-f]{6,}$/i.test( nonce.body.trim() )
		) {
			throw new Error( `no REST nonce (HTTP ${ nonce.status })` );
		}
		this.nonce = nonce.body.trim();
	}

	/**
	 * A request as the admin through the REST API (cookie + nonce), untagged.
	 *
	 * @param path   Path under /wp-json/.
	 * @param method Method.
	 * @param json   Body.
	 */
	async rest(
		path: string,
		method: 'GET' | 'POST' = 'GET',
		json?: unknown
	): Promise< Reply > {
		this.checkTime();
		return request( `${ this.site.url }/wp-json/${ path }`, {
			method,
			json,
			jar: this.jar,
			headers: { 'X-WP-Nonce': this.nonce },
		} );
	}

	/**
	 * A tagged request: the bench mu-plugin logs its server-side figures.
	 *
	 * @param page    The page.
	 * @param options Kit off, autoload figures, extra product, method and body.
	 */
	async load( page: Page, options: LoadOptions = {} ): Promise< Sample > {
		this.checkTime();
		const id = `r${ ++this.counter }-${ page.key }`;
		const headers: Record< string, string > = {
			'X-BatchKeys-Bench-Id': id,
		};
		if ( options.kitOff ) {
			headers[ 'X-BatchKeys-Bench-Kit' ] = 'off';
		}
		if ( options.autoload ) {
			headers[ 'X-BatchKeys-Bench-Autoload' ] = '1';
		}
		if ( options.product ) {
			headers[ 'X-BatchKeys-Bench-Product' ] = options.product;
		}
		if ( options.reset ) {
			headers[ 'X-BatchKeys-Bench-Reset' ] = '1';
		}
		if ( options.fallback ) {
			headers[ 'X-BatchKeys-Bench-Fallback' ] = '1';
		}
		if ( page.who === 'rest' ) {
			headers[ 'X-WP-Nonce' ] = this.nonce;
		}
		const reply = await request( `${ this.site.url }${ page.path }`, {
			method: options.method,
			json: options.json,
			headers,
			jar: page.who === 'visitor' ? undefined : this.jar,
		} );
		const line = await this.probe.line( id );
		return {
			page: page.key,
			status: reply.status,
			clientMs: reply.ms,
			line,
		};
	}
}

/**
 * The pages of figures 1 and 6: two front-end pages, three admin screens, a REST read.
 *
 * @param session A logged-in session (finds a post's URL).
 */
export async function ordinaryPages( session: Session ): Promise< Page[] > {
	let post = '/?p=1';
	const reply = await request(
		`${ session.site.url }/wp-json/wp/v2/posts?per_page=1&_fields=link`
	);
	const body = jsonBody( reply );
	if ( Array.isArray( body ) && body.length > 0 ) {
		const first: unknown = body[ 0 ];
		if (
			typeof first === 'object' &&
			first !== null &&
			'link' in first &&
			typeof first.link === 'string'
		) {
			const link = new URL( first.link );
			post = `${ link.pathname }${ link.search }`;
		}
	}
	return [
		{ key: 'front', path: '/', who: 'visitor' },
		{ key: 'post', path: post, who: 'visitor' },
		{ key: 'dashboard', path: '/wp-admin/', who: 'admin' },
		{ key: 'plugins', path: '/wp-admin/plugins.php', who: 'admin' },
		{
			key: 'license',
			path: '/wp-admin/options-general.php?page=batchkeys-batchkeys-demo',
			who: 'admin',
		},
		{
			key: 'rest-read',
			path: '/wp-json/batchkeys/v1/products',
			who: 'rest',
		},
	];
}
