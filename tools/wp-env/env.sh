#!/usr/bin/env bash
# npm run env -- <command>: wp-env with the mock BatchKeys API started and stopped beside it.
#
#   npm run env -- start [--runtime=docker|playground] [wp-env start options]
#   npm run env -- stop
#   npm run env -- <any other wp-env command>   (passed to wp-env as is)
#
# Offline (WordPress.org cannot be resolved), or when BATCHKEYS_WP_ENV_WP names a local WordPress
# (sid = 7.1, the default offline; trixie = 6.8; 6.6 = 6.6-RC3; 6.5 = 6.5.5), it gives wp-env
# what it would otherwise download: the latest WordPress version in its cache file and, as
# WP_ENV_CORE, a fresh private copy of that WordPress. Otherwise wp-env behaves as it always does.
# A WP_ENV_CORE you set yourself is kept. BATCHKEYS_WP_ENV_CONFIG names another config file
# than .wp-env.json (the tests' copy with a free mock port), passed to wp-env as --config.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"

WPENV="$BK_ROOT/node_modules/.bin/wp-env"
[ -x "$WPENV" ] || bk_die "wp-env is missing: run npm install"
cmd=${1:-}
[ $# -gt 0 ] && shift

# A field of the plugin's header (the one place the requirements are written).
header() { sed -n "s/^ \* $1: *//p" plugin/batchkeys.php | head -1; }

start() {
	local runtime=docker arg args=() version rc php min_php local_wp how="" refusal="" log pidfile
	for arg in "$@"; do
		case "$arg" in
			--runtime=*) runtime=${arg#*=} ;;
			*) args+=("$arg") ;;
		esac
	done
	case "$runtime" in docker | playground) ;; *) bk_die "--runtime must be docker or playground, not '$runtime'" ;; esac
	if [ "$runtime" = docker ] && ! { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
		bk_die "Docker is not available here (the docker command is missing or its daemon does not answer). Start Docker, or use the Playground runtime: npm run env -- start --runtime=playground"
	fi
	php=$(wpenv_php_version)
	min_php=$(header 'Requires PHP')
	if [ -n "$php" ] && ! node -e '
		const [ have, need ] = process.argv.slice( 1 ).map( ( v ) => v.split( "." ).map( Number ) );
		process.exit( have[ 0 ] > need[ 0 ] || ( have[ 0 ] === need[ 0 ] && have[ 1 ] >= need[ 1 ] ) ? 0 : 1 );' "$php" "$min_php"; then
		bk_die "PHP $php is below what the plugin requires (PHP $min_php). Choose $min_php or newer in phpVersion or WP_ENV_PHP_VERSION."
	fi
	bash tools/wp-env/mock.sh check --runtime="$runtime"
	local_wp=${BATCHKEYS_WP_ENV_WP:-}
	if [ -z "$local_wp" ] && [ -z "${WP_ENV_CORE:-}" ] && wpenv_offline; then
		local_wp=sid
		how=offline
	fi
	if [ -n "$local_wp" ] && [ -z "${WP_ENV_CORE:-}" ]; then
		WP_ENV_CORE=$(bash tools/wp-env/core.sh "$local_wp" "$(wpenv_core_dir)")
		export WP_ENV_CORE
		version=$(wpenv_wp_version "$WP_ENV_CORE")
		# wp-env asks WordPress.org for the latest version, or reads it from this cache offline.
		wpenv_seed_cache latestWordPressVersion "$version"
		echo "${how:-local}: WordPress $version from a private copy ($WP_ENV_CORE)"
	fi
	bash tools/wp-env/mock.sh start --runtime="$runtime"
	rc=0
	"$WPENV" start ${WPENV_CONFIG_ARGS[@]+"${WPENV_CONFIG_ARGS[@]}"} --runtime="$runtime" ${args[@]+"${args[@]}"} || rc=$?
	# wp-env reports success as soon as the server answers, while Playground may still be running
	# the blueprint: wait for its "Ready!" (or its end). On a WordPress older than the header's
	# minimum, WordPress refuses to activate the plugin and Playground logs what it printed.
	if [ $rc = 0 ] && [ "$runtime" = playground ]; then
		log="$(wpenv_work_dir)/playground.log"
		pidfile="$(wpenv_work_dir)/playground.pid"
		for _ in $(seq 1 600); do
			grep -q 'Ready!\|does not meet minimum requirements' "$log" 2>/dev/null && break
			# shellcheck disable=SC2015 # no pid file or a dead process: stop waiting
			[ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null || break
			sleep 0.5
		done
		refusal=$(grep -o -m1 'Current WordPress version ([^)]*) does not meet minimum requirements for [^.<]*' "$log" 2>/dev/null || true)
		grep -q 'Ready!' "$log" 2>/dev/null || [ -n "$refusal" ] || rc=1
	fi
	if [ $rc != 0 ] || [ -n "$refusal" ]; then
		stop >/dev/null 2>&1 || true
		[ -z "$refusal" ] || bk_die "WordPress refused to activate the plugin: $refusal (the plugin requires WordPress $(header 'Requires at least')). Nothing is left running."
		bk_die "wp-env start failed (exit $rc; Playground's log: $(wpenv_work_dir)/playground.log); nothing is left running."
	fi
}

stop() {
	local rc=0 pidfile
	# wp-env reads its config, and so the latest WordPress version, even to stop: offline it needs
	# the cached one (any value will do for stopping).
	if ! grep -q latestWordPressVersion "$(wpenv_work_dir)/wp-env-cache.json" 2>/dev/null && wpenv_offline; then
		wpenv_seed_cache latestWordPressVersion 7.1
	fi
	"$WPENV" stop ${WPENV_CONFIG_ARGS[@]+"${WPENV_CONFIG_ARGS[@]}"} "$@" || rc=$?
	# Playground's server is a process group whose leader wp-env records; if wp-env could not stop
	# it, end that group here.
	pidfile="$(wpenv_work_dir)/playground.pid"
	if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null &&
		tr '\0' ' ' <"/proc/$(cat "$pidfile")/cmdline" | grep -q wp-playground; then
		kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null
		sleep 1
		kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true
		rm -f "$pidfile"
		rc=0
	fi
	bash tools/wp-env/mock.sh stop
	return $rc
}

case "$cmd" in
	start) start "$@" ;;
	stop) stop "$@" ;;
	"") bk_die "usage: npm run env -- start [--runtime=docker|playground] | stop | <wp-env command>" ;;
	*) exec "$WPENV" "$cmd" ${WPENV_CONFIG_ARGS[@]+"${WPENV_CONFIG_ARGS[@]}"} "$@" ;;
esac
