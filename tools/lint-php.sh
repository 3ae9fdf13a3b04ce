#!/usr/bin/env bash
# PHP checks: `syntax` (php -l on every PHP file), `phpcs` (WPCS + PHPCompatibilityWP), `phpstan`
# (phpstan.neon.dist: the shipped code and tools at level 8; test/phpstan.neon.dist: the tests).
# Without an argument, all three.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT" || exit 1
what=${1:-all}
rc=0
files() { git ls-files -co --exclude-standard -- '*.php' ':!vendor/**' ':!plugin/kit/build/**'; }
if [ "$what" = syntax ] || [ "$what" = all ]; then
	while IFS= read -r file; do
		out=$(php -l "$file" 2>&1) || { echo "$out"; rc=1; }
	done < <(files)
fi
if [ "$what" = phpcs ] || [ "$what" = all ]; then
	[ -x vendor/bin/phpcs ] || bk_die "vendor/bin/phpcs missing: run npm install (it runs composer install)"
	vendor/bin/phpcs -q --report=summary --report-full || rc=1
fi
if [ "$what" = phpstan ] || [ "$what" = all ]; then
	[ -x vendor/bin/phpstan ] || bk_die "vendor/bin/phpstan missing: run npm install (it runs composer install)"
	vendor/bin/phpstan analyse --no-progress --memory-limit=1G --error-format=table || rc=1
	vendor/bin/phpstan analyse -c test/phpstan.neon.dist --no-progress --memory-limit=1G --error-format=table || rc=1
fi
exit $rc
