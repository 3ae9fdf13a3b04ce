#!/usr/bin/env bash
# npm test: every suite, one closing line `N passed, N failed` over all of them.
#   1. static checks (eslint, stylelint, tsc, php -l, phpcs, phpstan, shellcheck), one count each
#   2. jest (TypeScript units, the mock API, the config checks)
#   3. PHPUnit without a site: the kit's pure classes (test/php-unit)
#   4. PHPUnit on the real WordPress, once per entry of BATCHKEYS_PHP_MATRIX ("suite:db[:7.4] ...",
#      default "sid:sqlite"; CI runs sid and trixie on SQLite and MariaDB, and sid:sqlite:7.4 with
#      PHPUnit and the site on PHP 7.4 from tools/php74.sh), then the network tests (group
#      network) on a served multisite network (BATCHKEYS_NETWORK_DB, default sqlite)
#   5. Playwright with Debian's Chromium against the local site, then its network specs
#      (test/e2e/network) against the network site
#   6. wp-env on the Playground runtime (test/wp-env/matrix.sh): BATCHKEYS_WP_ENV_MATRIX=smoke by
#      default (the faults and one cell), full in CI (the faults and every PHP x WordPress cell),
#      none to skip; each fault and cell is one count
# It starts the sites and mock it needs, stops them at the end, and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/results/run-suite.sh"
cd "$BK_ROOT" || exit 1

results="$BK_STATE/results"
export BATCHKEYS_RESULTS="$results"
rm -rf "$results"
mkdir -p "$results"
matrix=${BATCHKEYS_PHP_MATRIX:-sid:sqlite}
started_sites=()

cleanup() {
	local site
	for site in "${started_sites[@]}"; do bash tools/site.sh stop --name="$site" >/dev/null 2>&1; done
	bash tools/site.sh stop --name=none >/dev/null 2>&1 # stops MariaDB when no site uses it
}
trap cleanup EXIT

bk_log "system packages and PHP dev tools"
bk_check setup "system packages, composer install" bash tools/composer-install.sh

# ------------------------------------------------------------------ 1. static checks
bk_log "static checks"
bk_check static "eslint" npx wp-scripts lint-js
bk_check static "stylelint" npx wp-scripts lint-style "src/**/*.scss"
bk_check static "tsc --noEmit" npx tsc --noEmit
bk_check static "php -l" bash tools/lint-php.sh syntax
bk_check static "phpcs (WPCS, PHPCompatibilityWP 7.4)" bash tools/lint-php.sh phpcs
bk_check static "phpstan" bash tools/lint-php.sh phpstan
bk_check static "batchkeys.pot is current (npm run i18n)" npx tsx tools/i18n/make-pot.ts --check
bk_check static "shellcheck" bash tools/lint-shell.sh

# ------------------------------------------------------------------ 2. jest
bk_log "jest"
bk_run_suite jest jest "$results/jest.json" 40 npx wp-scripts test-unit-js --json --outputFile="$results/jest.json"

# ------------------------------------------------------------------ 3. PHPUnit, site-free (the kit's pure classes)
bk_log "phpunit unit (no site)"
bk_run_suite junit "phpunit unit (no site)" "$results/phpunit-unit.xml" 20 \
	vendor/bin/phpunit -c test/php-unit/phpunit.xml.dist --log-junit "$results/phpunit-unit.xml"

# ------------------------------------------------------------------ build (the sites serve it)
bk_log "build"
bk_check build "wp-scripts build" npx wp-scripts build && touch plugin/kit/build/.built
# The example products' copies of the kit (test/fixtures), the standalone plugin's the newest.
bk_check build "fixtures (tools/build-fixtures.sh)" bash tools/build-fixtures.sh --newest=standalone
bk_check build "plugin zip (installable, no dev files)" bash tools/check-plugin-zip.sh --no-build

# ------------------------------------------------------------------ 4. PHPUnit per WordPress/database
for entry in $matrix; do
	IFS=: read -r suite dbkind phpv <<<"$entry"
	site="test"
	[ "$entry" = "sid:sqlite" ] || site="test-$suite-$dbkind${phpv:+-php${phpv//./}}"
	label="phpunit ($suite, $dbkind${phpv:+, PHP $phpv})"
	path=$PATH
	if [ -n "$phpv" ]; then
		if [ "$phpv" != 7.4 ] || ! php74=$(bash tools/php74.sh); then
			bk_count add "$label" "$label: PHP $phpv (only 7.4, from tools/php74.sh)" 0 1
			continue
		fi
		path="$php74:$PATH" # the site's php, and PHPUnit's through vendor/bin/phpunit's `env php`
	fi
	bk_log "$label: starting the site"
	if ! PATH=$path bash tools/site.sh start --name="$site" --wp="$suite" --db="$dbkind" --no-build --fresh; then
		bk_count add "$label" "$label: site start" 0 1
		continue
	fi
	started_sites+=("$site")
	bk_log "$label"
	BATCHKEYS_SITE="$BK_STATE/site-$site.json" PATH=$path bk_run_suite junit "$label" "$results/phpunit-$site.xml" 60 \
		vendor/bin/phpunit --log-junit "$results/phpunit-$site.xml"
	[ "$site" = test ] || bash tools/site.sh stop --name="$site" >/dev/null
done

# ------------------------------------------------------------------ 4b. PHPUnit on a network
network_db=${BATCHKEYS_NETWORK_DB:-sqlite}
network_label="phpunit (network, $network_db)"
bk_log "$network_label: starting the site"
network_up=0
if bash tools/site.sh start --name=test-network --multisite --db="$network_db" --no-build --fresh; then
	network_up=1
	started_sites+=(test-network)
	bk_log "$network_label"
	BATCHKEYS_SITE="$BK_STATE/site-test-network.json" bk_run_suite junit "$network_label" "$results/phpunit-test-network.xml" 60 \
		vendor/bin/phpunit --group network --log-junit "$results/phpunit-test-network.xml"
else
	bk_count add "$network_label" "$network_label: site start" 0 1
fi

# ------------------------------------------------------------------ 5. Playwright
if [ "${BATCHKEYS_SKIP_E2E:-0}" != 1 ]; then
	bk_log "playwright"
	if bash tools/site.sh start --name=test --no-build >/dev/null; then
		started_sites+=(test)
		BATCHKEYS_SITE="$BK_STATE/site-test.json" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
			bk_run_suite playwright playwright "$results/playwright.json" 60 bash tools/test-e2e.sh --reporter=list,json
	else
		bk_count add playwright "playwright: site start" 0 1
	fi
	if [ $network_up = 1 ]; then
		bk_log "playwright (network)"
		BATCHKEYS_SITE="$BK_STATE/site-test-network.json" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright-network.json" \
			bk_run_suite playwright "playwright (network)" "$results/playwright-network.json" 60 bash tools/test-e2e.sh --reporter=list,json
	else
		bk_count add "playwright (network)" "playwright (network): site start" 0 1
	fi
fi

# ------------------------------------------------------------------ 6. wp-env (Playground runtime)
wpenv_set=${BATCHKEYS_WP_ENV_MATRIX:-smoke}
if [ "$wpenv_set" != none ]; then
	bk_log "wp-env on the Playground runtime ($wpenv_set)"
	bash test/wp-env/matrix.sh "$wpenv_set" --count || true
fi

bk_count total
