#!/usr/bin/env bash
# The kit's local site: a real WordPress (Debian's files) on PHP's built-in server, SQLite or
# MariaDB, the plugin mounted and active, a demo product pointed at the mock BatchKeys API.
#
#   tools/site.sh start [--name=dev] [--db=sqlite|mariadb] [--wp=sid|trixie] [--no-build] [--fresh]
#                       [--multisite] [--subsites=N] [--home-from-host]
#   tools/site.sh stop  [--name=dev | --all]
#   tools/site.sh status [--name=dev]
#
# `npm start` / `npm stop` call it with --name=dev, which writes .batchkeys/site.json;
# other names (the test runs) write .batchkeys/site-<name>.json.
# --multisite makes it a subdirectory network (the main site and --subsites=N subsites /site1/ ...
# /siteN/, default 3), the plugin network-activated; switching a site between single and network
# starts it with a new database.
# --home-from-host (single site) builds WP_HOME and WP_SITEURL from the request's Host header, a
# common wp-config.php pattern: the site's test modes live in batchkeys-mode.json next to
# wp-config.php, read on every request, so the Playwright specs switch them on a running site
# (test/e2e/support/site-state.php `mode`); `address_resolution` there defines
# BATCHKEYS_ADDRESS_RESOLUTION.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cmd=${1:-start}
[ $# -gt 0 ] && shift
name=dev db=sqlite suite=sid build=1 all=0 fresh=0 subsites=0 home_from_host=0
for arg in "$@"; do
	case "$arg" in
		--name=*) name=${arg#*=} ;;
		--db=*) db=${arg#*=} ;;
		--wp=*) suite=${arg#*=} ;;
		--no-build) build=0 ;;
		--fresh) fresh=1 ;; # a new database: what earlier runs stored is gone
		--all) all=1 ;;
		--multisite) [ "$subsites" != 0 ] || subsites=3 ;;
		--subsites=*) subsites=${arg#*=} ;;
		--home-from-host) home_from_host=1 ;;
		*) bk_die "unknown option '$arg' (see tools/site.sh)" ;;
	esac
done
case "$db" in sqlite | mariadb) ;; *) bk_die "--db must be sqlite or mariadb, not '$db'" ;; esac
[[ "$name" =~ ^[a-z0-9-]+$ ]] || bk_die "--name may use a-z, 0-9 and '-' only"
{ [[ "$subsites" =~ ^[0-9]+$ ]] && [ "$subsites" -le 5000 ]; } || bk_die "--subsites must be a whole number from 1 to 5000, not '$subsites'"
# "0": a single site; N: a network with N subsites.
layout=$subsites

site_json() { if [ "$1" = dev ]; then echo "$BK_STATE/site.json"; else echo "$BK_STATE/site-$1.json"; fi; }
site_dir() { echo "$BK_HOME/sites/$BK_REPO_ID-$1"; }

JSON=$(site_json "$name")
SITE=$(site_dir "$name")
RUN="$SITE/run"
WPDIR="$SITE/root/usr/share/wordpress"
MYSQL_DIR="$BK_HOME/mariadb"

stop_mariadb_if_unused() {
	local other
	for other in "$BK_HOME"/sites/*/run/db; do
		[ -f "$other" ] || continue
		[ "$(cat "$other")" = mariadb ] || continue
		bk_pid_alive "$(dirname "$other")/php.pid" "php" && return 0
	done
	if bk_stop_group "$MYSQL_DIR/mariadbd.pid" mariadbd; then echo "stopped MariaDB"; fi
}

stop_site() {
	local n=$1 dir run stopped=0
	dir=$(site_dir "$n")
	run="$dir/run"
	bk_stop_group "$run/php.pid" "php" && stopped=1
	bk_stop_group "$run/mock.pid" "mock-api" && stopped=1
	if [ $stopped = 1 ]; then echo "stopped site '$n'"; else echo "site '$n' was not running"; fi
}

case "$cmd" in
	stop)
		if [ $all = 1 ]; then
			for d in "$BK_HOME"/sites/"$BK_REPO_ID"-*; do [ -d "$d" ] && stop_site "${d##*/"$BK_REPO_ID"-}"; done
		else
			stop_site "$name"
		fi
		stop_mariadb_if_unused
		exit 0
		;;
	status)
		if bk_pid_alive "$RUN/php.pid" php && [ -f "$JSON" ]; then cat "$JSON"; exit 0; fi
		echo "site '$name' is not running"
		exit 3
		;;
	start) ;;
	*) bk_die "unknown command '$cmd' (start, stop, status)" ;;
esac

bash "$BK_ROOT/tools/setup.sh" --quiet || exit 1
bk_require_php
[ -d "$BK_ROOT/node_modules/tsx" ] || bk_die "node_modules missing; run npm install first"
mkdir -p "$RUN" "$BK_STATE"

if [ $build = 1 ]; then
	stamp="$BK_ROOT/plugin/kit/build/.built"
	if [ ! -f "$stamp" ] || [ -n "$(find "$BK_ROOT/src" -newer "$stamp" -type f -print -quit)" ]; then
		bk_log "building scripts (wp-scripts build)"
		if ! out=$(cd "$BK_ROOT" && npx wp-scripts build 2>&1); then
			printf '%s\n' "$out" | tail -20 >&2
			bk_die "the build failed (see above)"
		fi
		touch "$stamp"
	fi
fi
# The example products' copies of the kit (test/fixtures, mounted below): cheap when up to date.
bash "$BK_ROOT/tools/build-fixtures.sh" --quiet || bk_die "copying the kit into test/fixtures failed (see above)"

# The test modes: a start sets them anew (none, or home_from_host).
set_modes() {
	if [ $home_from_host = 1 ]; then echo '{"home_from_host":true}' >"$WPDIR/batchkeys-mode.json"; else rm -f "$WPDIR/batchkeys-mode.json"; fi
}

# ------------------------------------------------------------------ reuse what is running
if [ $fresh = 0 ] && bk_pid_alive "$RUN/php.pid" php && [ -f "$JSON" ] && [ "$(cat "$RUN/db" 2>/dev/null)" = "$db" ] \
	&& [ "$(cat "$RUN/suite" 2>/dev/null)" = "$suite" ] && [ "$(cat "$RUN/layout" 2>/dev/null || echo 0)" = "$layout" ]; then
	mock_port=$(cat "$RUN/mock.port")
	if ! bk_pid_alive "$RUN/mock.pid" mock-api; then
		bk_port_busy "$mock_port" && bk_die "the mock's port $mock_port is taken by another program; run npm stop, then npm start"
		setsid "$BK_ROOT/node_modules/.bin/tsx" "$BK_ROOT/test/mock-api/cli.ts" --port "$mock_port" \
			--store "$SITE/mock-store.json" --ready-file "$RUN/mock.ready" >"$RUN/mock.log" 2>&1 </dev/null &
		echo $! >"$RUN/mock.pid"
	fi
	set_modes
	bk_log "site '$name' already running: $(bk_json_get "$JSON" url) (admin / password), mock $(bk_json_get "$JSON" mock_url)"
	exit 0
fi
# A site running with another database or WordPress version is replaced.
stop_site "$name" >/dev/null
# A single site's database cannot serve a network, nor the other way round; more or fewer
# subsites reuse the network (missing ones are created).
previous_layout=$(cat "$RUN/layout" 2>/dev/null || echo 0)
if [ "$previous_layout" = 0 ] && [ "$layout" != 0 ] || [ "$previous_layout" != 0 ] && [ "$layout" = 0 ]; then
	fresh=1
fi

# ------------------------------------------------------------------ WordPress files
# What this script puts into the site's tree: links to the repository, the database drop-in, the
# must-use plugins. Debian's files never hold any of them.
fixture_names() { local f; for f in "$BK_ROOT"/test/fixtures/"$1"/*; do [ -d "$f" ] && echo "${f##*/}"; done; }
ours=(wp-config.php wp-content/db.php wp-content/mu-plugins wp-content/uploads wp-content/plugins/batchkeys
	wp-content/plugins/sqlite-database-integration)
for f in $(fixture_names plugins); do ours+=("wp-content/plugins/$f"); done
for f in $(fixture_names themes); do ours+=("wp-content/themes/$f"); done

abspath=$(bash "$BK_ROOT/tools/site/fetch-core.sh" "$suite")
# The cache is shared by every site: refuse it when anything wrote into it.
for rel in "${ours[@]}"; do
	if [ -e "$abspath$rel" ] || [ -L "$abspath$rel" ]; then
		bk_die "the cached WordPress is polluted: $abspath$rel is not Debian's; remove the cache (rm -rf '${abspath%/root/usr/share/wordpress/}') and start again"
	fi
done
if [ ! -f "$WPDIR/wp-includes/version.php" ] || [ "$(cat "$RUN/suite" 2>/dev/null)" != "$suite" ]; then
	rm -rf "$SITE/root" "$SITE/wp"
	mkdir -p "$SITE"
	# Hard links: a private tree in a second; core files are never written to at run time. The
	# whole extracted prefix is linked, so Debian's relative symlinks (underscore, jquery-ui...)
	# still resolve.
	cp -al "${abspath%/usr/share/wordpress/}" "$SITE/root"
	rm -rf "$SITE/db"
fi
echo "$suite" >"$RUN/suite"
wpc="$WPDIR/wp-content"
mkdir -p "$wpc/uploads" "$wpc/upgrade" "$wpc/mu-plugins" "$wpc/plugins" "$SITE/db"
for mu in "$BK_ROOT"/tools/site/mu-plugins/*.php; do
	rm -f "$wpc/mu-plugins/${mu##*/}"
	cp "$mu" "$wpc/mu-plugins/"
done
bk_link "$BK_ROOT/plugin" "$wpc/plugins/batchkeys"
# The example products that bundle the kit (several copies on one site), mounted but not activated.
for f in $(fixture_names plugins); do bk_link "$BK_ROOT/test/fixtures/plugins/$f" "$wpc/plugins/$f"; done
for f in $(fixture_names themes); do bk_link "$BK_ROOT/test/fixtures/themes/$f" "$wpc/themes/$f"; done

# ------------------------------------------------------------------ database
if [ "$db" = sqlite ]; then
	[ $fresh = 1 ] && rm -f "$SITE"/db/wp.sqlite*
	sqlite_dir=$(bash "$BK_ROOT/tools/site/fetch-sqlite.sh")
	rm -rf "$wpc/plugins/sqlite-database-integration"
	cp -r "$sqlite_dir" "$wpc/plugins/sqlite-database-integration"
	sed -e "s#{SQLITE_IMPLEMENTATION_FOLDER_PATH}#$wpc/plugins/sqlite-database-integration#" \
		-e "s#{SQLITE_PLUGIN}#sqlite-database-integration/load.php#" \
		"$wpc/plugins/sqlite-database-integration/db.copy" >"$wpc/db.php.new"
	mv "$wpc/db.php.new" "$wpc/db.php"
	db_host=localhost
else
	rm -f "$wpc/db.php"
	command -v mariadbd >/dev/null 2>&1 || bk_die "MariaDB is missing. Install it with: npm run setup   (or apt-get install mariadb-server php-mysql)"
	mkdir -p "$MYSQL_DIR"
	if [ ! -d "$MYSQL_DIR/data/mysql" ]; then
		mariadb-install-db --user=root --datadir="$MYSQL_DIR/data" --auth-root-authentication-method=normal \
			--skip-test-db >"$MYSQL_DIR/install.log" 2>&1 || bk_die "mariadb-install-db failed: $(tail -1 "$MYSQL_DIR/install.log")"
	fi
	if ! mariadb-admin --socket="$MYSQL_DIR/mysqld.sock" -uroot ping >/dev/null 2>&1; then
		rm -f "$MYSQL_DIR/mariadbd.pid"
		mysql_port=$(bk_free_port)
		setsid mariadbd --no-defaults --user=root --datadir="$MYSQL_DIR/data" --socket="$MYSQL_DIR/mysqld.sock" \
			--pid-file="$MYSQL_DIR/mysqld.pid" --port="$mysql_port" --bind-address=127.0.0.1 --skip-log-bin \
			--innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 \
			>"$MYSQL_DIR/mariadbd.log" 2>&1 </dev/null &
		echo $! >"$MYSQL_DIR/mariadbd.pid"
		echo "$mysql_port" >"$MYSQL_DIR/port"
		for _ in $(seq 1 300); do mariadb-admin --socket="$MYSQL_DIR/mysqld.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
		mariadb-admin --socket="$MYSQL_DIR/mysqld.sock" -uroot ping >/dev/null 2>&1 \
			|| bk_die "MariaDB did not start: $(tail -1 "$MYSQL_DIR/mariadbd.log")"
	fi
	mysql_port=$(cat "$MYSQL_DIR/port")
	dbname="bk_${name//-/_}"
	[ $fresh = 1 ] && mariadb --socket="$MYSQL_DIR/mysqld.sock" -uroot -e "DROP DATABASE IF EXISTS \`$dbname\`;"
	mariadb --socket="$MYSQL_DIR/mysqld.sock" -uroot -e "CREATE DATABASE IF NOT EXISTS \`$dbname\`;
		CREATE DATABASE IF NOT EXISTS \`${dbname}_tests\`;
		CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY 'wp';
		GRANT ALL ON \`$dbname\`.* TO 'wp'@'127.0.0.1'; GRANT ALL ON \`${dbname}_tests\`.* TO 'wp'@'127.0.0.1';"
	db_host="127.0.0.1:$mysql_port"
fi
echo "$db" >"$RUN/db"
echo "$layout" >"$RUN/layout"

# ------------------------------------------------------------------ ports
port=${BATCHKEYS_PORT:-}
if [ -n "$port" ]; then
	bk_port_busy "$port" && bk_die "port $port (BATCHKEYS_PORT) is already taken by another program"
else
	port=$(bk_free_port)
fi
mock_port=$(bk_free_port)
while [ "$mock_port" = "$port" ]; do mock_port=$(bk_free_port); done
url="http://127.0.0.1:$port"
mock_url="http://127.0.0.1:$mock_port"
echo "$mock_port" >"$RUN/mock.port"

# ------------------------------------------------------------------ the mock BatchKeys API
rm -f "$RUN/mock.ready"
store_opt=()
[ "$name" = dev ] && store_opt=(--store "$SITE/mock-store.json")
setsid "$BK_ROOT/node_modules/.bin/tsx" "$BK_ROOT/test/mock-api/cli.ts" --port "$mock_port" "${store_opt[@]}" \
	--ready-file "$RUN/mock.ready" >"$RUN/mock.log" 2>&1 </dev/null &
echo $! >"$RUN/mock.pid"

# ------------------------------------------------------------------ wp-config.php
if [ "$layout" = 0 ]; then
	# home_from_host: as many real wp-config.php files do (the kit must never send what it says).
	site_addresses="if ( ! empty( \$batchkeys_mode['home_from_host'] ) && isset( \$_SERVER['HTTP_HOST'] ) ) {
	define( 'WP_HOME', 'http://' . \$_SERVER['HTTP_HOST'] );
	define( 'WP_SITEURL', 'http://' . \$_SERVER['HTTP_HOST'] );
	// WP_HTTP_BLOCK_EXTERNAL lets through the site's own host, no longer 127.0.0.1: the mock's.
	define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1' );
} else {
	define( 'WP_HOME', '$url' );
	define( 'WP_SITEURL', '$url' );
}"
else
	# No WP_HOME / WP_SITEURL on a network: core would give every subsite the main site's address.
	# tools/site/install.php sets BATCHKEYS_SINGLE_INSTALL while it builds the network tables.
	site_addresses="if ( ! getenv( 'BATCHKEYS_SINGLE_INSTALL' ) ) {
	define( 'WP_ALLOW_MULTISITE', true );
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', false );
	define( 'DOMAIN_CURRENT_SITE', '127.0.0.1:$port' );
	define( 'PATH_CURRENT_SITE', '/' );
	define( 'SITE_ID_CURRENT_SITE', 1 );
	define( 'BLOG_ID_CURRENT_SITE', 1 );
}"
fi
# shellcheck disable=SC2016 # PHP code: its $ are PHP's
[ -f "$RUN/salts" ] || php -r 'for ( $i = 0; $i < 8; $i++ ) { echo bin2hex( random_bytes( 32 ) ), "\n"; }' >"$RUN/salts"
mapfile -t salt <"$RUN/salts"
demo_auth=$(cd "$BK_ROOT" && node_modules/.bin/tsx -e "import { DEMO_AUTH } from './test/mock-api/seed'; process.stdout.write( DEMO_AUTH );")
[ -n "$demo_auth" ] || bk_die "could not read the mock's demo auth key from test/mock-api/seed.ts"
rm -f "$WPDIR/wp-config.php"
cat >"$WPDIR/wp-config.php" <<PHP
<?php
// Generated by tools/site.sh; rewritten on every start.
// WP_TEST_DB=1 in the environment (the PHPUnit bootstrap) selects a separate test database.
\$batchkeys_test_db = (bool) getenv( 'WP_TEST_DB' );
define( 'DB_NAME', \$batchkeys_test_db ? 'bk_${name//-/_}_tests' : 'bk_${name//-/_}' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', '$db_host' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'DB_DIR', '$SITE/db/' );
define( 'DB_FILE', \$batchkeys_test_db ? 'wp_tests.sqlite' : 'wp.sqlite' );
\$table_prefix = \$batchkeys_test_db ? 'wptests_' : 'wp_';
// The local site's test modes (tools/site.sh --home-from-host; the Playwright specs switch them).
\$batchkeys_mode = is_file( __DIR__ . '/batchkeys-mode.json' ) ? json_decode( (string) file_get_contents( __DIR__ . '/batchkeys-mode.json' ), true ) : null;
\$batchkeys_mode = is_array( \$batchkeys_mode ) ? \$batchkeys_mode : array();
if ( isset( \$batchkeys_mode['address_resolution'] ) && is_string( \$batchkeys_mode['address_resolution'] ) ) {
	define( 'BATCHKEYS_ADDRESS_RESOLUTION', \$batchkeys_mode['address_resolution'] );
}
$site_addresses
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$RUN/debug.log' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'FS_METHOD', 'direct' );
// The demo product: the mock BatchKeys API and its seeded secret (a local test value).
define( 'BATCHKEYS_API_URL', '$mock_url/api.php' );
define( 'BATCHKEYS_DEMO_AUTH', '$demo_auth' );
// The example products of test/fixtures (mounted, not active): the mock's seeded secret too.
define( 'ACME_SEO_BATCHKEYS_AUTH', '$demo_auth' );
define( 'ACME_THEME_BATCHKEYS_AUTH', '$demo_auth' );
define( 'AUTH_KEY', '${salt[0]}' );
define( 'SECURE_AUTH_KEY', '${salt[1]}' );
define( 'LOGGED_IN_KEY', '${salt[2]}' );
define( 'NONCE_KEY', '${salt[3]}' );
define( 'AUTH_SALT', '${salt[4]}' );
define( 'SECURE_AUTH_SALT', '${salt[5]}' );
define( 'LOGGED_IN_SALT', '${salt[6]}' );
define( 'NONCE_SALT', '${salt[7]}' );
if ( file_exists( __DIR__ . '/wp-config-extra.php' ) ) {
	require __DIR__ . '/wp-config-extra.php';
}
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
set_modes

# ------------------------------------------------------------------ install + serve
bk_log "installing WordPress ($(php -r "include '$WPDIR/wp-includes/version.php'; echo \$wp_version;"), $db)"
install_args=("$WPDIR/" "$url" admin password)
[ "$layout" = 0 ] || { install_args+=("--subsites=$layout"); bk_log "building the network: $layout subsites"; }
# A big SQLite network (the benchmark's 1,000 subsites take minutes to build) is built once and
# kept in ~/.cache/batchkeys/networks/, by WordPress version, size and installer.
network_cache=""
if [ "$db" = sqlite ] && [ "$layout" -ge 50 ]; then
	network_cache="$BK_HOME/networks/$suite-$layout-$(md5sum <"$BK_ROOT/tools/site/install.php" | cut -c1-8).sqlite"
	if [ ! -f "$SITE/db/wp.sqlite" ] && [ -f "$network_cache" ]; then
		cp "$network_cache" "$SITE/db/wp.sqlite"
		bk_log "the network of $layout subsites comes from $network_cache"
	fi
fi
if ! out=$(php -d memory_limit=1G "$BK_ROOT/tools/site/install.php" "${install_args[@]}" batchkeys 2>&1); then
	bk_die "WordPress install failed: $(printf '%s' "$out" | grep -v '^\s*$' | tail -1)"
fi
if [ -n "$network_cache" ] && [ ! -f "$network_cache" ]; then
	mkdir -p "${network_cache%/*}"
	cp "$SITE/db/wp.sqlite" "$network_cache.tmp" && mv "$network_cache.tmp" "$network_cache"
fi
subsites_json=$(printf '%s\n' "$out" | sed -n 's/^SUBSITES //p' | tail -1)
[ -n "$subsites_json" ] || subsites_json='[]'
PHP_CLI_SERVER_WORKERS=${BATCHKEYS_PHP_WORKERS:-4} setsid php -d memory_limit=512M -S "127.0.0.1:$port" -t "$WPDIR" \
	"$BK_ROOT/tools/site/router.php" >"$RUN/php-server.log" 2>&1 </dev/null &
echo $! >"$RUN/php.pid"
for _ in $(seq 1 100); do
	[ -f "$RUN/mock.ready" ] && curl -fsS -o /dev/null "$url/wp-login.php" 2>/dev/null && break
	sleep 0.1
done
curl -fsS -o /dev/null "$url/wp-login.php" || bk_die "WordPress did not answer on $url: $(tail -1 "$RUN/php-server.log")"
[ -f "$RUN/mock.ready" ] || bk_die "the mock BatchKeys API did not start: $(tail -1 "$RUN/mock.log")"

products=$(curl -fsS "$url/?rest_route=/" >/dev/null 2>&1 && php -r 'echo json_encode( array( "batchkeys-demo" ) );')
# shellcheck disable=SC2016 # PHP code: its $ are PHP's
php -r '
	$site = array(
		"name"           => $argv[1],
		"url"            => $argv[2],
		"admin_user"     => "admin",
		"admin_password" => "password",
		"abspath"        => $argv[3],
		"mock_url"       => $argv[4],
		"products"       => json_decode( $argv[5] ),
		"db"             => $argv[6],
		"wp_suite"       => $argv[7],
		"site_dir"       => $argv[8],
		"debug_log"      => $argv[8] . "/run/debug.log",
		"mysql_socket"   => "mariadb" === $argv[6] ? $argv[9] : null,
		"multisite"      => "0" !== $argv[10],
		"subsites"       => json_decode( $argv[11] ),
	);
	echo json_encode( $site, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ), "\n";
' "$name" "$url" "$WPDIR/" "$mock_url" "$products" "$db" "$suite" "$SITE" "$MYSQL_DIR/mysqld.sock" "$layout" "$subsites_json" >"$JSON"
bk_log "ready: $url  (login: admin / password)  mock BatchKeys API: $mock_url  ($JSON)"
