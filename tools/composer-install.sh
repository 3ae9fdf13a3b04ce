#!/usr/bin/env bash
# Installs the PHP dev tools (phpcs + WPCS, PHPCompatibility, PHPStan, WP-CLI) into vendor/.
# Runs from `npm install` so the README's two commands stay two. Skips quietly when nothing changed.
set -u
cd "$(dirname "$0")/.."
if ! command -v php >/dev/null 2>&1 || ! command -v composer >/dev/null 2>&1; then
	echo "batchkeys: PHP or Composer missing; PHP tools not installed. Run: npm run setup" >&2
	exit 0
fi
stamp=vendor/.composer-json.md5
sum=$(md5sum composer.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -x vendor/bin/phpcs ]; then
	exit 0
fi
if out=$(COMPOSER_NO_INTERACTION=1 composer install --no-progress --quiet 2>&1); then
	echo "$sum" > "$stamp"
else
	echo "batchkeys: composer install failed: $(printf '%s' "$out" | grep -v '^\s*$' | tail -1)" >&2
	exit 1
fi
