#!/usr/bin/env bash
# fetch-core.sh <suite>: downloads Debian's `wordpress` package of <suite> (sid = 7.1.x,
# trixie = 6.8.x) with its arch:all libraries into a private cache and extracts it there
# (dpkg-deb -x; nothing is installed system-wide). Prints the ABSPATH. Cached after the first run.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
suite=${1:-sid}
case "$suite" in sid | trixie | forky) ;; *) bk_die "unknown WordPress suite '$suite' (use sid or trixie)" ;; esac
core="$BK_HOME/core/$suite"
abspath="$core/root/usr/share/wordpress/"
if [ -f "$abspath/wp-includes/version.php" ]; then
	echo "$abspath"
	exit 0
fi
command -v apt-get >/dev/null 2>&1 || bk_die "apt-get is needed to fetch WordPress from Debian's archive"
work="$core.tmp.$$"
rm -rf "$work"
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs"
mirror=$( { awk '/^URIs:/{for(i=2;i<=NF;i++)print $i}' /etc/apt/sources.list.d/*.sources 2>/dev/null;
	awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^https?:/){print $i; break}}' /etc/apt/sources.list 2>/dev/null; } \
	| grep -v security | head -1 || true)
[ -n "$mirror" ] || bk_die "no Debian mirror found in /etc/apt/sources.list(.d)"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" > "$work/sources.list"
opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::lists=$work/lists"
	-o "Dir::Cache::archives=$work/archives" -o APT::Sandbox::User=root -o Debug::NoLocking=1)
if ! out=$(apt-get "${opts[@]}" update -qq 2>&1); then
	bk_die "could not read Debian's $suite package index: $(printf '%s' "$out" | tail -1)"
fi
theme=$(apt-cache "${opts[@]}" show wordpress | sed -n 's/^Recommends:.*\(wordpress-theme-twenty[a-z]*\).*/\1/p' | head -1)
debs=(wordpress libjs-cropper libjs-jquery-ui libjs-lodash libjs-underscore libjs-prototype libjs-scriptaculous php-getid3)
[ -z "$theme" ] || debs+=("$theme")
if apt-cache "${opts[@]}" show wordpress | grep -q libphp-phpmailer; then debs+=(libphp-phpmailer); fi
if ! out=$(cd "$work/debs" && apt-get "${opts[@]}" download -qq "${debs[@]}" 2>&1); then
	bk_die "could not download WordPress ($suite): $(printf '%s' "$out" | tail -1)"
fi
mkdir -p "$work/root"
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
wp="$work/root/usr/share/wordpress"
broken=$(cd "$wp" && find . -xtype l ! -name .htaccess)
[ -z "$broken" ] || bk_die "broken symlinks in the WordPress tree: $broken"
rm -f "$wp/.htaccess" "$wp/wp-config.php"
rm -rf "$work/lists" "$work/archives" "$work/debs"
rm -rf "$core"
mv "$work" "$core"
echo "$abspath"
