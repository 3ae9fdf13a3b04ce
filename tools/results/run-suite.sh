#!/usr/bin/env bash
# Sourced by tools/test.sh (and its tests): runs one suite and counts it from its report AND its
# exit code, so a runner that crashed, ran nothing or failed outside its tests is never green.

bk_count() { "$BK_ROOT/node_modules/.bin/tsx" "$BK_ROOT/tools/results/test-results.ts" "$@"; }

# bk_check <suite> <label> <command...>: one count; the command's output only when it fails.
bk_check() {
	local suite=$1 label=$2 out
	shift 2
	if out=$("$@" 2>&1); then
		bk_count add "$suite" "$label" 1 0
	else
		printf '%s\n' "$out" | tail -40
		bk_count add "$suite" "$label" 0 1
		return 1
	fi
}

# bk_run_suite <jest|junit|playwright> <label> <report> <lines> <command...>: runs the command,
# shows the last <lines> lines of its output, and counts its report with its exit code. A report
# left by an earlier run is removed first: it must come from this one.
bk_run_suite() {
	local kind=$1 label=$2 report=$3 lines=$4 rc
	shift 4
	rm -f "$report"
	"$@" 2>&1 | tail -n "$lines"
	rc=${PIPESTATUS[0]}
	bk_count "$kind" "$label" "$report" "$rc"
}
