#!/usr/bin/env bash
# Installs the PHP dev tools (PHPUnit, phpcs + WPCS, PHPCompatibility, PHPStan, WP-CLI) into
# vendor/ at the versions of composer.lock, after the system packages they need (tools/setup.sh:
# WP-CLI needs PHP's curl extension). Runs from `npm install` so the README's two commands stay
# two. Skips quietly when nothing changed.
set -u
cd "$(dirname "$0")/.." || exit 1
bash tools/setup.sh --quiet || exit 1
if ! command -v php >/dev/null 2>&1 || ! command -v composer >/dev/null 2>&1; then
	echo "batchkeys: PHP or Composer still missing after tools/setup.sh; run: npm run setup" >&2
	exit 1
fi
stamp=vendor/.composer-lock.md5
sum=$(cat composer.json composer.lock | md5sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -x vendor/bin/phpunit ] && [ -x vendor/bin/phpcs ]; then
	exit 0
fi
# A vendor/ that shares its files by hard links with another checkout (cp -al) is made private
# first: Composer rewrites some files in place, which would change the other checkout too.
if [ -f vendor/autoload.php ] && [ "$(stat -c %h vendor/autoload.php)" -gt 1 ]; then
	rm -rf vendor.private && cp -a vendor vendor.private && rm -rf vendor && mv vendor.private vendor
fi
if out=$(COMPOSER_NO_INTERACTION=1 composer install --no-progress --quiet 2>&1); then
	echo "$sum" >"$stamp.new" && mv "$stamp.new" "$stamp"
else
	echo "batchkeys: composer install failed: $(printf '%s' "$out" | grep -v '^\s*$' | tail -1)" >&2
	exit 1
fi
