#!/usr/bin/env bash
# The kit on wp-env's Playground runtime, started with the project's own command
# (`npm run env -- start --runtime=playground`), once per PHP x WordPress cell, then stopped.
#
#   bash test/wp-env/matrix.sh [smoke|full|faults|demo|cell <php> <sid|trixie|6.6|6.5>] [--count]
#
# smoke (npm test): the faults (mock port taken, Docker absent, PHP below 7.4) and PHP 7.4 x
#   WordPress 7.1; full (CI): the same faults, every PHP.wasm build from 7.4 to 8.5 on the lowest
#   WordPress the header claims (6.6-RC3), 7.4, 8.2 and 8.5 on the newest (7.1), 7.4 and 8.5 on
#   6.8, the refusal on 6.5.5, and the Playground demo blueprint; faults: the faults alone.
#   SKIP_FAULTS=1 leaves the faults out of smoke and full.
# Each cell: the PHP and WordPress versions served, the plugin active, the license screen, the
# demo key activated through the mock (the mock's log shows the call), a recheck through the
# mock, the block rendered by the REST block renderer, no PHP message from the plugin in
# debug.log, and after the stop command no process and no port of the environment or the mock.
# One line per cell; --count records each cell in npm test's results. The last line is
# `N passed, N failed` (cells).
set -uo pipefail
source "$(dirname "$0")/../../tools/lib.sh"
RUN="$BK_STATE/wp-env-test"
# Its own copy of .wp-env.json, whose BATCHKEYS_API_URL names a free loopback port (written
# below), and its own wp-env home: a developer's environment, or another checkout's run, is
# never touched, and two checkouts never ask for the same mock port.
export BATCHKEYS_WP_ENV_CONFIG="$RUN/wp-env.json" WP_ENV_HOME="$RUN/home"
source "$BK_ROOT/tools/wp-env/lib.sh"
source "$BK_ROOT/tools/results/run-suite.sh" # bk_count
cd "$BK_ROOT" || exit 1

set_name=${1:-smoke}
record=0
for arg in "$@"; do [ "$arg" = --count ] && record=1; done
DEMO_KEY=DEMO001-GOOD000-AAAAAAA-BBBBBBB-CCCCCCC
rm -rf "$RUN" && mkdir -p "$WP_ENV_HOME"
node -e '
	const fs = require( "fs" ), [ from, to, port ] = process.argv.slice( 1 );
	const config = JSON.parse( fs.readFileSync( from, "utf8" ) );
	const url = new URL( config.config.BATCHKEYS_API_URL );
	url.port = port;
	config.config.BATCHKEYS_API_URL = url.href;
	fs.writeFileSync( to, JSON.stringify( config, null, "\t" ) );
' "$BK_ROOT/.wp-env.json" "$WPENV_CONFIG" "$(bk_free_port)" || bk_die "could not write $WPENV_CONFIG"
MOCK_PORT=$(wpenv_mock_port)
MOCK="http://127.0.0.1:$MOCK_PORT"
passed=0 failed=0
T0=$(date +%s)

has() { [[ "$1" == *"$2"* ]]; }
result() { # label ok|fail detail
	local label=$1 status=$2 detail=$3
	if [ "$status" = ok ]; then
		passed=$((passed + 1))
		printf '  %s: passed (%s)\n' "$label" "$detail"
		[ $record = 1 ] && bk_count add wp-env "$label" 1 0
	else
		failed=$((failed + 1))
		printf '  %s: FAILED (%s)\n' "$label" "$detail"
		[ $record = 1 ] && bk_count add wp-env "$label" 0 1
	fi
	return 0
}

# True when nothing of the environment or the mock is left: no process, no listening port.
all_stopped() { # wp-port
	local pidfile
	pidfile="$(wpenv_work_dir)/playground.pid"
	[ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && return 1
	bk_pid_alive "$WPENV_MOCK_STATE.pid" "mock-api/cli.ts" && return 1
	bk_port_busy "$1" && return 1
	bk_port_busy "$MOCK_PORT" && return 1
	pgrep -f "$BK_ROOT/node_modules/@wp-playground/cli/wp-playground.js" >/dev/null && return 1
	return 0
}

# One cell: php, WordPress name (sid, trixie, 6.6; 6.5 expects the refusal).
cell() {
	local php=$1 wp=$2 port base jar log t0 out body nonce problems=() checks=0 wpv dlog mine calls
	local label="PHP $php x WordPress $wp"
	port=$(bk_free_port)
	# Playground names the site 127.0.0.1 (its login cookies carry that name); wp-env sets WP_HOME
	# to localhost, so front-end pages redirect there.
	base="http://127.0.0.1:$port"
	jar="$RUN/cookies-$php-$wp"
	log="$RUN/start-$php-$wp.log"
	t0=$(date +%s)
	BATCHKEYS_WP_ENV_WP=$wp WP_ENV_PHP_VERSION=$php WP_ENV_PORT=$port \
		bash tools/wp-env/env.sh start --runtime=playground >"$log" 2>&1
	local rc=$?
	wpv=$(sed -n 's/^[a-z]*: WordPress \([^ ]*\) from a private copy.*/\1/p' "$log" | head -1)
	label="PHP $php x WordPress ${wpv:-$wp}"
	if [ "$wp" = 6.5 ]; then
		bash tools/wp-env/env.sh stop >/dev/null 2>&1
		if [ $rc != 0 ] && grep -q 'requires WordPress 6.6' "$log" && all_stopped "$port"; then
			result "$label (below the minimum)" ok "refused: $(grep -m1 'requires WordPress 6.6' "$log" | cut -c1-150); nothing left running, $(($(date +%s) - t0))s"
		else
			result "$label (below the minimum)" fail "exit $rc; see $log"
			tail -5 "$log" | sed 's/^/      /'
		fi
		return
	fi
	if [ $rc != 0 ]; then
		tail -15 "$log" | sed 's/^/      /'
		bash tools/wp-env/env.sh stop >/dev/null 2>&1
		result "$label" fail "did not start (exit $rc), see $log"
		return
	fi
	local started=$(($(date +%s) - t0))
	curl -s -m 10 -X POST "$MOCK/__mock/reset" >/dev/null
	rest() { curl -s -m 120 -c "$jar" -b "$jar" -H "X-WP-Nonce: $nonce" -H 'Content-Type: application/json' "$@"; }

	# Logged in through wp-login.php with wp-env's admin/password. Playground's automatic login is
	# skipped (its cookie says it happened): its cookies name the site by either 127.0.0.1 or
	# WP_HOME, and half of the next requests would not see them.
	printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tplayground_auto_login_already_happened\t1\n' >"$jar"
	curl -s -m 120 -c "$jar" -b "$jar" -o /dev/null "$base/wp-login.php"
	curl -s -m 120 -c "$jar" -b "$jar" -D "$RUN/headers-$php-$wp" -o /dev/null \
		--data 'log=admin&pwd=password&testcookie=1&redirect_to=%2Fwp-admin%2F' "$base/wp-login.php"
	checks=$((checks + 1))
	grep -qi "^x-powered-by: PHP/$php\." "$RUN/headers-$php-$wp" ||
		problems+=("served by $(grep -i '^x-powered-by' "$RUN/headers-$php-$wp" | tr -d '\r' | tail -1), not PHP $php")
	body=$(curl -s -m 120 -c "$jar" -b "$jar" -w '\n%{http_code}' "$base/wp-admin/options-general.php?page=batchkeys-batchkeys-demo")
	checks=$((checks + 1))
	[ "${body##*$'\n'}" = 200 ] && has "$body" 'id="batchkeys-license-screen"' && has "$body" 'kit/build/admin/index.js' ||
		problems+=("license screen: HTTP ${body##*$'\n'}")
	# WordPress's own scripts carry its version.
	checks=$((checks + 1))
	has "$body" "ver=$wpv'" || has "$body" "ver=$wpv\"" || problems+=("the admin does not serve WordPress $wpv")
	# The REST nonce the screen hands to its script, as in a browser.
	nonce=$(grep -o 'createNonceMiddleware( "[0-9a-f]*"' <<<"$body" | grep -o '[0-9a-f]\{10\}' | head -1)

	body=$(rest "$base/wp-json/wp/v2/plugins/plugin/batchkeys")
	checks=$((checks + 1))
	has "$body" '"status":"active"' || problems+=("plugin not active: ${body:0:160}")

	body=$(rest -X POST -d "{\"key\":\"$DEMO_KEY\"}" "$base/wp-json/batchkeys/v1/products/batchkeys-demo/license")
	calls=$(curl -s -m 10 "$MOCK/__mock/log")
	checks=$((checks + 1))
	has "$body" '"state":"active"' && has "$calls" "$DEMO_KEY" || problems+=("activation: ${body:0:200}")

	# The kit allows one call to BatchKeys per product every 10 seconds.
	sleep 11
	local before
	before=$(grep -o "$DEMO_KEY" <<<"$calls" | wc -l)
	body=$(rest -X POST "$base/wp-json/batchkeys/v1/products/batchkeys-demo/check")
	calls=$(curl -s -m 10 "$MOCK/__mock/log")
	checks=$((checks + 1))
	has "$body" '"state":"active"' && [ "$(grep -o "$DEMO_KEY" <<<"$calls" | wc -l)" -gt "$before" ] ||
		problems+=("recheck: ${body:0:200}")

	body=$(rest "$base/wp-json/wp/v2/block-renderer/batchkeys/license-form?context=edit&attributes%5Bproduct%5D=batchkeys-demo")
	checks=$((checks + 1))
	has "$body" 'batchkeys-license-form-' && has "$body" 'data-slug=\"batchkeys-demo\"' || problems+=("block: ${body:0:200}")

	dlog="$(wpenv_core_dir)/wp-content/debug.log"
	# wp-env names the plugin's folder after the mapped one: wp-content/plugins/plugin/.
	mine=$(grep -E 'PHP (Fatal|Parse|Warning|Notice|Deprecated|Strict)' "$dlog" 2>/dev/null | grep -c 'wp-content/plugins/plugin/')
	checks=$((checks + 1))
	if [ "$mine" != 0 ]; then
		problems+=("$mine PHP messages from the plugin in debug.log")
		grep -E 'PHP (Fatal|Parse|Warning|Notice|Deprecated|Strict)' "$dlog" | grep 'wp-content/plugins/plugin/' | sort | uniq -c | head -5 | sed 's/^/      /'
	fi
	cp "$dlog" "$RUN/debug-$php-$wp.log" 2>/dev/null

	bash tools/wp-env/env.sh stop >>"$log" 2>&1
	checks=$((checks + 1))
	all_stopped "$port" || problems+=("something still runs after the stop command")

	if [ ${#problems[@]} = 0 ]; then
		result "$label" ok "$checks checks, started in ${started}s, $(($(date +%s) - t0))s"
	else
		result "$label" fail "$(IFS=';'; echo "${problems[*]}")"
	fi
}

# The faults: a clear message, and nothing left running.
faults() {
	local out holder rc port
	port=$(bk_free_port)
	# The mock's port taken by another program.
	setsid node -e "require('net').createServer().listen($MOCK_PORT,'127.0.0.1')" </dev/null >/dev/null 2>&1 &
	holder=$!
	for _ in $(seq 1 50); do bk_port_busy "$MOCK_PORT" && break; sleep 0.1; done
	out=$(WP_ENV_PORT=$port bash tools/wp-env/env.sh start --runtime=playground 2>&1)
	rc=$?
	kill -- "-$holder" 2>/dev/null || kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	if [ $rc != 0 ] && has "$out" "port $MOCK_PORT" && has "$out" 'taken by another program' && ! bk_port_busy "$port"; then
		result "fault: the mock's port taken" ok "$(grep -m1 'taken' <<<"$out" | cut -c1-110)..."
	else
		result "fault: the mock's port taken" fail "exit $rc: ${out:0:200}"
	fi
	# Docker absent (a PATH without docker).
	out=$(PATH="$RUN/no-docker:$(dirname "$(command -v node)"):/usr/bin:/bin" WP_ENV_PORT=$port bash -c '
		mkdir -p "$1" && printf "#!/bin/sh\nexit 1\n" >"$1/docker" && chmod +x "$1/docker" && bash tools/wp-env/env.sh start' _ "$RUN/no-docker" 2>&1)
	rc=$?
	if [ $rc != 0 ] && [ "$(wc -l <<<"$out")" = 1 ] && has "$out" '--runtime=playground' && all_stopped "$port"; then
		result "fault: Docker absent" ok "$out"
	else
		result "fault: Docker absent" fail "exit $rc: ${out:0:200}"
	fi
	# PHP below 7.4.
	out=$(WP_ENV_PHP_VERSION=7.3 WP_ENV_PORT=$port bash tools/wp-env/env.sh start --runtime=playground 2>&1)
	rc=$?
	if [ $rc != 0 ] && has "$out" 'PHP 7.4' && all_stopped "$port"; then
		result "fault: PHP 7.3" ok "$out"
	else
		result "fault: PHP 7.3" fail "exit $rc: ${out:0:200}"
	fi
}

# The Playground demo blueprint as a bundle (blueprint, responder, batchkeys.zip), run by
# Playground's CLI offline on WordPress 6.6-RC3: the plugin installed from the zip, the demo key
# activated against the in-WordPress responder, no Node mock involved.
demo() {
	local dir="$RUN/demo" port base jar pid t0 body nonce problems=() label="Playground demo blueprint (WordPress 6.6)"
	t0=$(date +%s)
	mkdir -p "$dir"
	if ! bash tools/plugin-zip.sh --no-build >"$dir/zip.log" 2>&1 ||
		! bash tools/wp-env/core.sh 6.6 "$dir/wordpress" >/dev/null; then
		result "$label" fail "no zip or no WordPress (see $dir/zip.log)"
		return
	fi
	cp -r .wordpress-org/blueprints "$dir/bundle" && cp batchkeys.zip "$dir/bundle/"
	port=$(bk_free_port)
	base="http://127.0.0.1:$port"
	setsid node node_modules/@wp-playground/cli/wp-playground.js server --port="$port" \
		--mount-before-install="$dir/wordpress:/wordpress" --wordpress-install-mode=install-from-existing-files \
		--blueprint="$dir/bundle/blueprint.json" --blueprint-may-read-adjacent-files >"$dir/server.log" 2>&1 </dev/null &
	pid=$!
	for _ in $(seq 1 600); do
		grep -q 'Ready!' "$dir/server.log" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	if grep -q 'Ready!' "$dir/server.log"; then
		jar="$dir/cookies"
		printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tplayground_auto_login_already_happened\t1\n' >"$jar"
		curl -s -m 120 -c "$jar" -b "$jar" -o /dev/null "$base/wp-login.php"
		curl -s -m 120 -c "$jar" -b "$jar" -o /dev/null --data 'log=admin&pwd=password&testcookie=1' "$base/wp-login.php"
		body=$(curl -s -m 120 -c "$jar" -b "$jar" -D "$dir/headers" "$base/wp-admin/options-general.php?page=batchkeys-batchkeys-demo")
		has "$body" 'id="batchkeys-license-screen"' || problems+=("no license screen")
		grep -qi '^x-powered-by: PHP/8\.2\.' "$dir/headers" || problems+=("not PHP 8.2 (preferredVersions)")
		nonce=$(grep -o 'createNonceMiddleware( "[0-9a-f]*"' <<<"$body" | grep -o '[0-9a-f]\{10\}' | head -1)
		body=$(curl -s -m 120 -c "$jar" -b "$jar" -H "X-WP-Nonce: $nonce" -H 'Content-Type: application/json' \
			-d "{\"key\":\"$DEMO_KEY\"}" "$base/wp-json/batchkeys/v1/products/batchkeys-demo/license")
		has "$body" '"state":"active"' || problems+=("activation: ${body:0:200}")
	else
		problems+=("did not boot (see $dir/server.log)")
		tail -5 "$dir/server.log" | sed 's/^/      /'
	fi
	kill -TERM -- "-$pid" 2>/dev/null
	sleep 1
	kill -KILL -- "-$pid" 2>/dev/null
	if [ ${#problems[@]} = 0 ]; then
		result "$label" ok "installed from batchkeys.zip, demo key active, $(($(date +%s) - t0))s"
	else
		result "$label" fail "$(IFS=';'; echo "${problems[*]}")"
	fi
}

echo "wp-env (Playground runtime) matrix: $set_name"
case "$set_name" in
	smoke)
		[ -n "${SKIP_FAULTS:-}" ] || faults
		cell 7.4 sid
		;;
	full)
		[ -n "${SKIP_FAULTS:-}" ] || faults
		for php in 7.4 8.0 8.1 8.2 8.3 8.4 8.5; do cell "$php" 6.6; done
		for php in 7.4 8.2 8.5; do cell "$php" sid; done
		for php in 7.4 8.5; do cell "$php" trixie; done
		cell 8.5 6.5
		demo
		;;
	faults) faults ;;
	demo) demo ;;
	cell) cell "${2:?php version}" "${3:?WordPress: sid, trixie, 6.6 or 6.5}" ;;
	*) bk_die "usage: test/wp-env/matrix.sh [smoke|full|faults|demo|cell <php> <wordpress>] [--count]" ;;
esac
bash tools/wp-env/env.sh stop >/dev/null 2>&1
echo "wp-env matrix ($set_name) in $(($(date +%s) - T0))s"
if [ $((passed + failed)) = 0 ]; then
	result "wp-env matrix ($set_name)" fail "no cell ran"
fi
echo "$passed passed, $failed failed"
[ $failed = 0 ]
