#!/usr/bin/env bash
# Helpers for tools/wp-env/*.sh (sourced after tools/lib.sh, never run).

# The config: .wp-env.json, or the file BATCHKEYS_WP_ENV_CONFIG names (the tests' copy with a
# free mock port; env.sh then passes it to wp-env as --config). Its override file is derived as
# wp-env derives it: .wp-env.override.json beside .wp-env.json, else <name>.override.json.
# shellcheck disable=SC2034 # read by the scripts that source this file
if [ -n "${BATCHKEYS_WP_ENV_CONFIG:-}" ]; then
	WPENV_CONFIG=$(realpath -ms "$BATCHKEYS_WP_ENV_CONFIG") # as wp-env resolves it: no link followed
	WPENV_OVERRIDE="${WPENV_CONFIG%.json}.override.json"
	# The mock's pid, log and store files sit beside that config.
	WPENV_MOCK_STATE="${WPENV_CONFIG%.json}-mock"
	WPENV_CONFIG_ARGS=("--config=$WPENV_CONFIG")
else
	WPENV_CONFIG="$BK_ROOT/.wp-env.json"
	WPENV_OVERRIDE="$BK_ROOT/.wp-env.override.json"
	WPENV_MOCK_STATE="$BK_STATE/wp-env-mock"
	WPENV_CONFIG_ARGS=() # wp-env's --config, for a config other than .wp-env.json
fi

# wp-env's work folder for this config, as wp-env names it: the legacy md5 folder when it exists,
# else wp-env-<folder>[-<variant>]-<first 8 of the md5>, under WP_ENV_HOME (default ~/.wp-env,
# ~/wp-env with snap); the variant is the config's name without .wp-env. and .json (none for
# .wp-env.json).
wpenv_work_dir() {
	# shellcheck disable=SC2016 # JavaScript: its $ are JavaScript's
	node -e '
		const path = require( "path" ), fs = require( "fs" ), os = require( "os" ), crypto = require( "crypto" );
		const file = process.argv[ 1 ];
		const home = process.env.WP_ENV_HOME ? path.resolve( process.env.WP_ENV_HOME )
			: path.resolve( os.homedir(), fs.existsSync( "/snap" ) ? "wp-env" : ".wp-env" );
		const hash = crypto.createHash( "md5" ).update( file ).digest( "hex" );
		const legacy = path.resolve( home, hash );
		const name = path.basename( file, ".json" );
		const variant = ( name === ".wp-env" ? "" : name.replace( /^\.wp-env\./, "" ) )
			.replace( /[^a-zA-Z0-9._]+/g, "-" ).replace( /^-+|-+$/g, "" );
		const segments = [ "wp-env", path.basename( path.dirname( file ) ), variant, hash.slice( 0, 8 ) ];
		console.log( fs.existsSync( legacy ) ? legacy : path.resolve( home, segments.filter( Boolean ).join( "-" ) ) );
	' "$WPENV_CONFIG"
}

# The runtime wp-env saved at its last start (docker when it never started).
wpenv_saved_runtime() {
	local cache
	cache="$(wpenv_work_dir)/wp-env-cache.json"
	node -e 'try { const c = JSON.parse( require( "fs" ).readFileSync( process.argv[ 1 ], "utf8" ) ); console.log( c.runtime || "docker" ); } catch { console.log( "docker" ); }' "$cache"
}

# The mock's port: the one in BATCHKEYS_API_URL (.wp-env.override.json wins, as in wp-env).
wpenv_mock_port() {
	node -e '
		const fs = require( "fs" );
		let url = "";
		for ( const file of process.argv.slice( 1 ) ) {
			try {
				const config = JSON.parse( fs.readFileSync( file, "utf8" ) ).config || {};
				if ( config.BATCHKEYS_API_URL ) url = config.BATCHKEYS_API_URL;
			} catch {}
		}
		const port = url ? new URL( url ).port : "";
		if ( ! port ) { console.error( "batchkeys: BATCHKEYS_API_URL in " + process.argv[ 1 ] + " names no port" ); process.exit( 1 ); }
		console.log( port );
	' "$WPENV_CONFIG" "$WPENV_OVERRIDE"
}

# True when WordPress.org cannot be resolved: the same test wp-env makes before it asks
# WordPress.org for the latest version.
wpenv_offline() {
	! node -e 'require( "dns" ).promises.resolve( "WordPress.org" ).then( () => process.exit( 0 ), () => process.exit( 1 ) ); setTimeout( () => process.exit( 1 ), 5000 );' 2>/dev/null
}

# The WordPress version of a WordPress folder.
wpenv_wp_version() {
	# Playground's builds are minified: the assignment is not at the start of a line there.
	sed -n "s/.*\$wp_version = '\([^']*\)';.*/\1/p" "$1/wp-includes/version.php" | head -1
}

# Records a key in wp-env's cache file for this config (what wp-env would store when online).
wpenv_seed_cache() { # key value
	local dir
	dir=$(wpenv_work_dir)
	mkdir -p "$dir"
	node -e '
		const fs = require( "fs" ), [ file, key, value ] = process.argv.slice( 1 );
		let cache = {};
		try { cache = JSON.parse( fs.readFileSync( file, "utf8" ) ); } catch {}
		cache[ key ] = value;
		fs.writeFileSync( file, JSON.stringify( cache ) );
	' "$dir/wp-env-cache.json" "$1" "$2"
}

# The private WordPress copy for this wp-env home (one per work folder, so the tests' environment
# and a developer's never share one).
wpenv_core_dir() {
	echo "$BK_HOME/wp-env/$BK_REPO_ID-$(wpenv_work_dir | md5sum | cut -c1-8)/wordpress"
}

# The PHP version wp-env will use: WP_ENV_PHP_VERSION, else phpVersion of the config files.
wpenv_php_version() {
	if [ -n "${WP_ENV_PHP_VERSION:-}" ]; then
		echo "$WP_ENV_PHP_VERSION"
		return
	fi
	node -e '
		const fs = require( "fs" );
		let version = "";
		for ( const file of process.argv.slice( 1 ) ) {
			try {
				const config = JSON.parse( fs.readFileSync( file, "utf8" ) );
				if ( config.phpVersion ) version = config.phpVersion;
			} catch {}
		}
		console.log( version );
	' "$WPENV_CONFIG" "$WPENV_OVERRIDE"
}
