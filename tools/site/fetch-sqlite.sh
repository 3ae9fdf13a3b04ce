#!/usr/bin/env bash
# fetch-sqlite.sh: the official SQLite database integration, from the zip inside the npm package
# @wp-playground/cli (the npm registry is reachable where wordpress.org is not). Prints its folder.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
from=${SQLITE_FROM_NPM:-@wp-playground/cli@3.1.56}
dir="$BK_HOME/sqlite-database-integration"
if [ -f "$dir/load.php" ]; then
	echo "$dir"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! out=$(cd "$tmp" && npm pack -q "$from" 2>&1 >/dev/null); then
	bk_die "could not fetch $from from npm: $(printf '%s' "$out" | tail -1)"
fi
(cd "$tmp" && tar xzf ./*.tgz && unzip -q -o package/sqlite-database-integration.zip -d z)
mkdir -p "$BK_HOME"
rm -rf "$dir"
mv "$tmp/z/plugin-sqlite-database-integration" "$dir"
echo "$dir"
