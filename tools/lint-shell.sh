#!/usr/bin/env bash
# npm run lint:shell: shellcheck on every shell script of the repository (*.sh, and any file without
# an extension that starts with a shell shebang, such as .ci/run). Settings: .shellcheckrc.
# `--list` prints the files it checks.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT" || exit 1
command -v shellcheck >/dev/null 2>&1 || bk_die "shellcheck is missing; run: npm run setup"
scripts=()
while IFS= read -r file; do
	case "${file##*/}" in
		*.sh) scripts+=("$file") ;;
		*.*) ;;
		*) head -c 32 "$file" 2>/dev/null | grep -qE '^#!(/usr/bin/env bash|/bin/bash|/bin/sh)' && scripts+=("$file") ;;
	esac
done < <(git ls-files -co --exclude-standard -- ':!node_modules/**' ':!vendor/**' ':!plugin/kit/build/**' ':!test/fixtures/*/*/kit/**')
[ ${#scripts[@]} -gt 0 ] || bk_die "no shell script found"
[ "${1:-}" = --list ] && { printf '%s\n' "${scripts[@]}"; exit 0; }
shellcheck -f gcc "${scripts[@]}"
