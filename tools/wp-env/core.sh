#!/usr/bin/env bash
# core.sh <wordpress> <folder>: a fresh PRIVATE copy of a local WordPress for wp-env, at <folder>
# (replaced when it exists). Prints the folder.
#
#   sid, trixie  Debian's wordpress package (7.1.x, 6.8.x) through tools/site/fetch-core.sh
#   6.6, 6.5     6.6-RC3 and 6.5.5 from the npm package @wp-playground/wordpress-builds
#
# Playground mounts the core folder read-write and writes wp-config.php, its database and
# debug.log into it, so it never gets a cache folder: the pristine trees stay untouched and each
# start gets a real copy (no symlinks: Playground's mounts do not follow them).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

WP_BUILDS_VERSION=0.9.19
name=${1:-sid}
dest=${2:?usage: core.sh <sid|trixie|6.6|6.5> <folder>}

pristine_build() { # 6.6|6.5: the PHP files from the zip plus the static files of public/<build>/
	local zip dir tgz tmp
	case "$1" in 6.6) zip=wp-beta ;; *) zip=wp-6.5 ;; esac
	dir="$BK_HOME/wp-builds/$1"
	if [ ! -f "$dir/wp-includes/version.php" ]; then
		mkdir -p "$BK_HOME/wp-builds"
		tgz="$BK_HOME/wp-builds/wp-playground-wordpress-builds-$WP_BUILDS_VERSION.tgz"
		if [ ! -f "$tgz" ]; then
			(cd "$BK_HOME/wp-builds" && npm pack -q "@wp-playground/wordpress-builds@$WP_BUILDS_VERSION" >/dev/null 2>&1) ||
				bk_die "could not download @wp-playground/wordpress-builds@$WP_BUILDS_VERSION from the npm registry"
		fi
		tmp="$dir.tmp.$$"
		rm -rf "$tmp" && mkdir -p "$tmp/x"
		# shellcheck disable=SC2015 # any step failing is the failure
		tar xzf "$tgz" -C "$tmp/x" "package/src/wordpress/$zip.zip" "package/public/$zip" &&
			unzip -q "$tmp/x/package/src/wordpress/$zip.zip" -d "$tmp/wp" &&
			cp -a "$tmp/x/package/public/$zip/." "$tmp/wp/" || bk_die "could not unpack WordPress $1"
		# The build ships Playground's own wp-config.php and an installed database: start clean.
		rm -rf "$tmp/wp/wp-config.php" "$tmp/wp/wp-content/database" "$tmp/wp/wordpress-remote-asset-paths"
		rm -rf "$dir" && mv "$tmp/wp" "$dir" && rm -rf "$tmp"
	fi
	echo "$dir"
}

case "$name" in
	sid | trixie) src=$(bash "$BK_ROOT/tools/site/fetch-core.sh" "$name") ;;
	6.6 | 6.5) src=$(pristine_build "$name") ;;
	*) bk_die "unknown WordPress '$name' (sid, trixie, 6.6, 6.5)" ;;
esac
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
cp -rL "$src" "$dest.tmp.$$" && mv "$dest.tmp.$$" "$dest"
rm -f "$dest/wp-config.php"
echo "$dest"
