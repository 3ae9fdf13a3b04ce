#!/usr/bin/env bash
# npm run setup: installs the system packages the kit's site and tests need (Debian/Ubuntu).
set -euo pipefail
pkgs="php-cli php-sqlite3 php-mysql php-curl php-xml php-mbstring php-intl php-zip php-gd phpunit composer unzip curl chromium mariadb-server"
command -v apt-get >/dev/null 2>&1 || { echo "batchkeys: apt-get not found; install these yourself: $pkgs" >&2; exit 1; }
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
missing=""
for p in $pkgs; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"; done
if [ -z "$missing" ]; then echo "batchkeys: system packages already installed"; exit 0; fi
echo "batchkeys: installing$missing"
export DEBIAN_FRONTEND=noninteractive
if ! out=$($sudo apt-get update -qq 2>&1 && $sudo apt-get install -y -qq --no-install-recommends $missing 2>&1); then
	echo "batchkeys: apt-get failed: $(printf '%s' "$out" | grep -E '^(E|Err):' | tail -1)" >&2
	exit 1
fi
echo "batchkeys: installed$missing"
