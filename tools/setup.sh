#!/usr/bin/env bash
# npm run setup: installs the Debian/Ubuntu system packages the site and the tests need, only
# those missing. `npm install` (tools/composer-install.sh), `npm start` and `npm test` run it too,
# so a fresh machine needs nothing else. As root it runs apt-get; otherwise through sudo when sudo
# needs no password (or can ask one on a terminal). When it cannot install, it fails with one line
# naming the exact command to run.
#
#   tools/setup.sh [--dry-run] [--quiet]
#     --dry-run  print what is missing and the command that would install it; change nothing
#     --quiet    say nothing when nothing is missing
set -uo pipefail

# The one list (CI's .ci/run installs through this script too). PHPUnit comes from Composer.
BK_SYSTEM_PACKAGES="gettext php-cli php-sqlite3 php-mysql php-curl php-xml php-mbstring php-intl php-zip php-gd composer unzip curl shellcheck chromium mariadb-server"

dry=0 quiet=0
for arg in "$@"; do
	case "$arg" in
		--dry-run) dry=1 ;;
		--quiet) quiet=1 ;;
		*) echo "batchkeys: unknown option '$arg' (tools/setup.sh [--dry-run] [--quiet])" >&2; exit 2 ;;
	esac
done

missing=""
for pkg in $BK_SYSTEM_PACKAGES; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing="$missing $pkg"
done
missing=${missing# }
if [ -z "$missing" ]; then
	[ $quiet = 1 ] || echo "batchkeys: system packages already installed"
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "batchkeys: missing system packages ($missing) and no apt-get: install them with your package manager" >&2
	exit 1
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "batchkeys: missing system packages; run as root: apt-get update && apt-get install -y --no-install-recommends $missing" >&2
		exit 1
	fi
	if ! sudo -n true 2>/dev/null && [ ! -t 0 ]; then
		echo "batchkeys: missing system packages; run: sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
		exit 1
	fi
	sudo="sudo"
fi

install_cmd="${sudo:+$sudo }apt-get install -y -qq --no-install-recommends $missing"
if [ $dry = 1 ]; then
	echo "batchkeys: missing: $missing"
	echo "batchkeys: would run: ${sudo:+$sudo }apt-get update -qq && $install_cmd"
	exit 0
fi

echo "batchkeys: installing the system packages:$missing ..."
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # $sudo and $missing are word lists on purpose
if ! out=$($sudo apt-get update -qq 2>&1 && $sudo apt-get install -y -qq --no-install-recommends $missing 2>&1); then
	echo "batchkeys: apt-get failed ($(printf '%s' "$out" | grep -E '^(E|Err):' | tail -1)); run: ${sudo:+$sudo }apt-get update && ${sudo:+$sudo }apt-get install -y --no-install-recommends $missing" >&2
	exit 1
fi
echo "batchkeys: installed $missing"
