#!/usr/bin/env bash
# Builds batchkeys.zip (npm run plugin-zip) and checks it is what a site can install: one
# batchkeys/ folder with the plugin header, the kit and its built scripts, valid PHP, and no
# development files (sources, tests, maps, dotfiles, configuration of the tools).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"
bash tools/plugin-zip.sh "$@" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2016 # PHP code: its $ are PHP's
php -r '$z = new ZipArchive(); exit( true === $z->open( $argv[1] ) && $z->extractTo( $argv[2] ) ? 0 : 1 );' batchkeys.zip "$tmp"
fail() { echo "plugin zip: $*" >&2; exit 1; }
[ "$(ls "$tmp")" = batchkeys ] || fail "the zip must hold one folder, batchkeys/"
grep -q '^ \* Plugin Name: *BatchKeys for WordPress' "$tmp/batchkeys/batchkeys.php" || fail "no plugin header"
grep -q '^Stable tag: ' "$tmp/batchkeys/readme.txt" || fail "no readme.txt"
for required in uninstall.php kit/load.php kit/boot.php kit/build/admin/index.js kit/build/block/block.json kit/build/block/render.php kit/build/block/view.js kit/languages/batchkeys.pot; do
	[ -f "$tmp/batchkeys/$required" ] || fail "missing $required"
done
dev=$(cd "$tmp" && find . \( -name 'batchkeys-en_XA*' -o -name '*.map' -o -name '*.ts' -o -name '*.tsx' -o -name '*.scss' -o -name '.?*' -o -name 'composer.*' -o -name 'package*.json' -o -path '*/test*' -o -path '*/node_modules*' -o -path '*/vendor*' \) -print)
[ -z "$dev" ] || fail "development files in the zip: $dev"
while IFS= read -r file; do
	php -l "$file" >/dev/null 2>&1 || fail "PHP syntax error in ${file#"$tmp"/}"
done < <(find "$tmp" -name '*.php')
echo "batchkeys.zip: $(find "$tmp" -type f | wc -l) files, installable"
