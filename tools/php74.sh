#!/usr/bin/env bash
# php74.sh: PHP 7.4.33 from Debian 11 (bullseye) packages, unpacked into a private cache
# (dpkg-deb -x; nothing is installed system-wide), the lowest PHP the plugin supports. Prints a
# folder holding a `php` wrapper; put it first on PATH (vendor/bin/phpunit runs `env php`).
# Cached after the first run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

root="$BK_HOME/php7.4"
if [ ! -x "$root/bin/php" ]; then
	command -v apt-get >/dev/null 2>&1 || bk_die "apt-get is needed to fetch PHP 7.4 from Debian's archive"
	work="$root.tmp.$$"
	rm -rf "$work" && mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs" "$work/root"
	mirror=$( { awk '/^URIs:/{for(i=2;i<=NF;i++)print $i}' /etc/apt/sources.list.d/*.sources 2>/dev/null
		awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^https?:/){print $i; break}}' /etc/apt/sources.list 2>/dev/null; } |
		grep -v security | head -1 || true)
	[ -n "$mirror" ] || bk_die "no Debian mirror found in /etc/apt/sources.list(.d)"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bullseye main" >"$work/sources.list"
	opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::lists=$work/lists"
		-o "Dir::Cache::archives=$work/archives" -o APT::Sandbox::User=root -o Debug::NoLocking=1)
	if ! out=$(apt-get "${opts[@]}" update -qq 2>&1 && cd "$work/debs" && apt-get "${opts[@]}" download -qq \
		php7.4-cli php7.4-common php7.4-json php7.4-opcache php7.4-readline php7.4-sqlite3 php7.4-mysql \
		php7.4-curl php7.4-mbstring php7.4-xml php7.4-zip php7.4-intl libssl1.1 libffi7 libicu67 2>&1); then
		rm -rf "$work"
		bk_die "could not download PHP 7.4 from Debian 11: $(printf '%s' "$out" | tail -1)"
	fi
	for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
	{
		echo "extension_dir=$root/root/usr/lib/php/20190902"
		echo "zend_extension=opcache"
		for e in json tokenizer ctype iconv mbstring xml dom simplexml xmlreader xmlwriter xsl curl fileinfo exif \
			intl zip sqlite3 pdo pdo_sqlite mysqlnd mysqli pdo_mysql phar posix sockets calendar gettext ftp readline; do
			echo "extension=$e"
		done
		echo "memory_limit=512M"
	} >"$work/root/php.ini"
	rm -rf "$work/lists" "$work/archives" "$work/debs"
	mkdir -p "$work/bin"
	# PHPRC and LD_LIBRARY_PATH rather than -c: PHP processes started through PHP_BINARY (the
	# kit's WP-CLI tests) inherit them and load the same extensions.
	cat >"$work/bin/php" <<SH
#!/bin/sh
export LD_LIBRARY_PATH="$root/root/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export PHPRC="$root/root/php.ini" PHP_INI_SCAN_DIR=
exec "$root/root/usr/bin/php7.4" "\$@"
SH
	chmod +x "$work/bin/php"
	rm -rf "$root" && mv "$work" "$root"
fi
version=$("$root/bin/php" -r 'echo PHP_VERSION;' 2>&1) || bk_die "PHP 7.4 does not run: $version"
[ "${version:0:4}" = "7.4." ] || bk_die "expected PHP 7.4, got: $version"
echo "$root/bin"
