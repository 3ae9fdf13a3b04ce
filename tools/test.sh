#!/usr/bin/env bash
# npm test: every suite, one closing line `N passed, N failed` over all of them.
#   1. static checks (eslint, stylelint, tsc, php -l, phpcs, phpstan), one count each
#   2. jest (TypeScript units, the mock API, the config checks)
#   3. PHPUnit on the real WordPress, once per entry of BATCHKEYS_PHP_MATRIX ("suite:db ...",
#      default "sid:sqlite"; CI runs sid and trixie on SQLite and MariaDB)
#   4. Playwright with Debian's Chromium against the local site
# It starts the sites and mock it needs, stops them at the end, and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"

results="$BK_STATE/results"
rm -rf "$results"
mkdir -p "$results"
matrix=${BATCHKEYS_PHP_MATRIX:-sid:sqlite}
started_sites=()
count() { node_modules/.bin/tsx tools/test-results.ts "$@"; }

cleanup() {
	local site
	for site in "${started_sites[@]}"; do bash tools/site.sh stop --name="$site" >/dev/null 2>&1; done
	bash tools/site.sh stop --name=none >/dev/null 2>&1 # stops MariaDB when no site uses it
}
trap cleanup EXIT

bk_log "PHP dev tools"
bash tools/composer-install.sh || true

# ------------------------------------------------------------------ 1. static checks
check() { # suite label command...: one count; the command's output only when it fails
	local suite=$1 label=$2 out
	shift 2
	if out=$("$@" 2>&1); then
		count add "$suite" "$label" 1 0
	else
		printf '%s\n' "$out" | tail -40
		count add "$suite" "$label" 0 1
		return 1
	fi
}
bk_log "static checks"
check static "eslint" npx wp-scripts lint-js
check static "stylelint" npx wp-scripts lint-style "src/**/*.scss"
check static "tsc --noEmit" npx tsc --noEmit
check static "php -l" bash tools/lint-php.sh syntax
check static "phpcs (WPCS, PHPCompatibilityWP 7.4)" bash tools/lint-php.sh phpcs
check static "phpstan" bash tools/lint-php.sh phpstan

# ------------------------------------------------------------------ 2. jest
bk_log "jest"
npx wp-scripts test-unit-js --json --outputFile="$results/jest.json" 2>&1 | tail -40
count jest jest "$results/jest.json"

# ------------------------------------------------------------------ build (the sites serve it)
bk_log "build"
check build "wp-scripts build" npx wp-scripts build && touch plugin/kit/build/.built
# The example products' copies of the kit (test/fixtures), the standalone plugin's the newest.
check build "fixtures (tools/build-fixtures.sh)" bash tools/build-fixtures.sh --newest=standalone
check build "plugin zip (installable, no dev files)" bash tools/check-plugin-zip.sh --no-build

# ------------------------------------------------------------------ 3. PHPUnit per WordPress/database
for entry in $matrix; do
	suite=${entry%%:*}
	dbkind=${entry##*:}
	site=test
	[ "$entry" = "sid:sqlite" ] || site="test-$suite-$dbkind"
	label="phpunit ($suite, $dbkind)"
	bk_log "$label: starting the site"
	if ! bash tools/site.sh start --name="$site" --wp="$suite" --db="$dbkind" --no-build --fresh; then
		count add "$label" "site start" 0 1
		continue
	fi
	started_sites+=("$site")
	bk_log "$label"
	BATCHKEYS_SITE="$BK_STATE/site-$site.json" phpunit --log-junit "$results/phpunit-$site.xml" 2>&1 | tail -60
	count junit "$label" "$results/phpunit-$site.xml"
	[ "$site" = test ] || bash tools/site.sh stop --name="$site" >/dev/null
done

# ------------------------------------------------------------------ 4. Playwright
if [ "${BATCHKEYS_SKIP_E2E:-0}" != 1 ]; then
	bk_log "playwright"
	if bash tools/site.sh start --name=test --no-build >/dev/null; then
		started_sites+=(test)
		BATCHKEYS_SITE="$BK_STATE/site-test.json" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
			bash tools/test-e2e.sh --reporter=list,json 2>&1 | tail -60
		count playwright playwright "$results/playwright.json"
	else
		count add playwright "site start" 0 1
	fi
fi

count total "$results"
