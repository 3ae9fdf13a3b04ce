#!/usr/bin/env bash
# Shared helpers for the tools/*.sh scripts. Sourced, never run.

# The BK_* names are for the scripts that source this file.
# shellcheck disable=SC2034
BK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# WordPress trees live outside the repository: jest and eslint would otherwise crawl them
# through the plugin symlink.
BK_HOME=${BATCHKEYS_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/batchkeys}
BK_STATE="$BK_ROOT/.batchkeys"
BK_REPO_ID=$(printf '%s' "$BK_ROOT" | md5sum | cut -c1-8)
BK_T0=$(date +%s%N)

bk_log() {
	local ms=$(( ($(date +%s%N) - BK_T0) / 1000000 ))
	printf '[batchkeys %3d.%01ds] %s\n' $((ms / 1000)) $(((ms % 1000) / 100)) "$*"
}
bk_die() { printf 'batchkeys: %s\n' "$*" >&2; exit 1; }

# bk_link <target> <link>: the link, replacing an older link (-T: never a link inside a folder of
# that name). A real file or folder there is refused with its path: linking beside it would leave
# the site without the plugin or fixture, and tests would fail far from the cause.
bk_link() {
	local target=$1 at=$2
	if [ -e "$at" ] && [ ! -L "$at" ]; then
		bk_die "$at is a real file or folder where a link to $target belongs; remove it (rm -rf '$at') and start again"
	fi
	ln -sfnT "$target" "$at"
}

bk_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free loopback port chosen by the kernel (the port is released before use; the small race is
# acceptable for a developer tool and every caller checks again before binding).
bk_free_port() {
	node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

# True when the pid file names a live process whose command line contains $2 (a stale pid file,
# or a pid reused by another program, never counts).
bk_pid_alive() {
	local file=$1 needle=$2 pid
	[ -f "$file" ] || return 1
	pid=$(cat "$file" 2>/dev/null)
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
	tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$needle"
}

# Stops a whole process group (php -S forks workers that outlive their parent otherwise).
bk_stop_group() {
	local file=$1 needle=$2 pid
	if bk_pid_alive "$file" "$needle"; then
		pid=$(cat "$file")
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
		for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL -- "-$pid" 2>/dev/null || true
		rm -f "$file"
		return 0
	fi
	rm -f "$file"
	return 1
}

bk_json_get() { # file key
	# shellcheck disable=SC2016 # PHP code: its $ are PHP's
	php -r '$j = json_decode( (string) @file_get_contents( $argv[1] ), true ); $v = $j[ $argv[2] ] ?? ""; echo is_scalar( $v ) ? $v : json_encode( $v );' "$1" "$2" 2>/dev/null
}

bk_require_php() {
	local missing="" ext
	command -v php >/dev/null 2>&1 || bk_die "PHP is missing. Install it with: npm run setup   (Debian/Ubuntu: apt-get install php-cli php-sqlite3 php-mysql php-curl php-xml php-mbstring php-intl php-zip)"
	local modules
	modules=$(php -m 2>/dev/null)
	for ext in sqlite3 pdo_sqlite curl mbstring xml; do
		grep -qix "$ext" <<<"$modules" || missing="$missing php-${ext/pdo_sqlite/sqlite3}"
	done
	[ -z "$missing" ] || bk_die "PHP extensions missing:$missing. Install them with: npm run setup   (or apt-get install$missing)"
}
