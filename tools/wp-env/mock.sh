#!/usr/bin/env bash
# The mock BatchKeys API beside wp-env, on the port of BATCHKEYS_API_URL in .wp-env.json (or
# .wp-env.override.json; or the config BATCHKEYS_WP_ENV_CONFIG names, see env.sh).
#
#   tools/wp-env/mock.sh start [--runtime=docker|playground]   (reuses a running one)
#   tools/wp-env/mock.sh stop
#   tools/wp-env/mock.sh check [--runtime=...]                 (fails when the port is taken)
#
# Playground runs PHP inside the host's Node process, so the mock listens on 127.0.0.1 only. Docker
# containers reach the host through host.docker.internal, which is not loopback: there it listens
# on all interfaces (its control interface still answers loopback clients only). Without
# --runtime it reads the runtime wp-env saved, so `.wp-env.json`'s afterStart works on both.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"

cmd=${1:-start}
[ $# -gt 0 ] && shift
runtime=""
for arg in "$@"; do
	case "$arg" in
		--runtime=*) runtime=${arg#*=} ;;
		*) bk_die "unknown option '$arg' (see tools/wp-env/mock.sh)" ;;
	esac
done
[ -n "$runtime" ] || runtime=$(wpenv_saved_runtime)
case "$runtime" in docker | playground) ;; *) bk_die "--runtime must be docker or playground, not '$runtime'" ;; esac

PID_FILE="$WPENV_MOCK_STATE.pid"
HOST_FILE="$WPENV_MOCK_STATE.host"
READY_FILE="$WPENV_MOCK_STATE.ready.json"
port=$(wpenv_mock_port)
host=127.0.0.1
[ "$runtime" = docker ] && host=0.0.0.0

running() { bk_pid_alive "$PID_FILE" "mock-api/cli.ts"; }

stop_mock() {
	if bk_stop_group "$PID_FILE" "mock-api/cli.ts"; then
		echo "stopped the mock BatchKeys API (port $port)"
	fi
	rm -f "$HOST_FILE" "$READY_FILE"
}

port_free_or_die() {
	if bk_port_busy "$port"; then
		bk_die "the mock BatchKeys API cannot start: port $port (from BATCHKEYS_API_URL in $(basename "$WPENV_CONFIG")) is taken by another program. Stop that program, or set another port in BATCHKEYS_API_URL in $(basename "$WPENV_OVERRIDE")."
	fi
}

case "$cmd" in
	check)
		if running; then exit 0; fi
		port_free_or_die
		;;
	stop) stop_mock ;;
	start)
		if running; then
			[ "$(cat "$HOST_FILE" 2>/dev/null)" = "$host" ] && exit 0
			stop_mock >/dev/null # another runtime's address: listen where this one needs
		fi
		port_free_or_die
		mkdir -p "$(dirname "$WPENV_MOCK_STATE")"
		rm -f "$READY_FILE"
		# Its own process group and no inherited descriptors: wp-env waits for afterStart's output
		# to close, and the stop command ends the whole group.
		setsid "$BK_ROOT/node_modules/.bin/tsx" test/mock-api/cli.ts --host "$host" --port "$port" \
			--store "$WPENV_MOCK_STATE-store.json" --ready-file "$READY_FILE" \
			>"$WPENV_MOCK_STATE.log" 2>&1 </dev/null &
		echo $! >"$PID_FILE"
		echo "$host" >"$HOST_FILE"
		for _ in $(seq 1 150); do
			[ -s "$READY_FILE" ] && break
			kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break
			sleep 0.1
		done
		if [ ! -s "$READY_FILE" ]; then
			tail -3 "$WPENV_MOCK_STATE.log" >&2
			stop_mock >/dev/null
			bk_die "the mock BatchKeys API did not start (log: $WPENV_MOCK_STATE.log)"
		fi
		if [ "$host" = 127.0.0.1 ]; then
			echo "mock BatchKeys API on http://127.0.0.1:$port (loopback only)"
		else
			echo "mock BatchKeys API on port $port, all interfaces (Docker containers reach it as host.docker.internal; its control interface answers loopback only)"
		fi
		;;
	*) bk_die "usage: tools/wp-env/mock.sh start|stop|check [--runtime=docker|playground]" ;;
esac
