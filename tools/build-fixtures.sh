#!/usr/bin/env bash
# Copies plugin/kit/ (its PHP and its built scripts, kit/build/) into each example product of
# test/fixtures/ as <product>/kit/, and writes a different version into each copy's version.php,
# so one site runs three versions of the kit side by side (the election in plugin/kit/load.php):
#
#   --newest=standalone (default)  plugin/kit X.Y.Z  >  example plugin X.Y.Z-beta  >  example theme X.Y.Z-alpha
#   --newest=example-plugin        example plugin X.Y.Z.1  >  plugin/kit X.Y.Z  >  example theme X.Y.Z-alpha
#   --newest=example-theme         example theme X.Y.Z.1  >  plugin/kit X.Y.Z  >  example plugin X.Y.Z-beta
#
#   tools/build-fixtures.sh [--newest=standalone|example-plugin|example-theme] [--quiet]
#
# --quiet: no line for each copy made (warnings still print).
#
# X.Y.Z is plugin/kit/version.php. Without --newest the mode of the last run is kept
# (.batchkeys/fixtures-newest), so a site started meanwhile does not undo a test's choice;
# tools/test.sh asks for the default explicitly. Cheap when up to date: a copy is made again only
# when it is missing, plugin/kit/ changed since, or its version differs. The copies are generated
# (git ignores test/fixtures/*/*/kit/); the fixture sources around them are committed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"

newest='' quiet=0
for arg in "$@"; do
	case "$arg" in
		--newest=*) newest=${arg#*=} ;;
		--quiet) quiet=1 ;;
		*) bk_die "unknown option '$arg' (see tools/build-fixtures.sh)" ;;
	esac
done

mkdir -p "$BK_STATE"
mode_file="$BK_STATE/fixtures-newest"
# One build at a time (several sites may start at once).
exec 9>"$BK_STATE/fixtures.lock"
flock 9

[ -n "$newest" ] || newest=$(cat "$mode_file" 2>/dev/null || true)
[ -n "$newest" ] || newest=standalone
case "$newest" in standalone | example-plugin | example-theme) ;; *) bk_die "--newest must be standalone, example-plugin or example-theme, not '$newest'" ;; esac

source_kit="$BK_ROOT/plugin/kit"
base=$(sed -n "s/^return '\([^']*\)';\$/\1/p" "$source_kit/version.php")
[[ "$base" =~ ^[0-9]+(\.[0-9]+)*$ ]] || bk_die "cannot read the kit's version from plugin/kit/version.php (got '$base')"
if [ ! -f "$source_kit/build/admin/index.asset.php" ]; then
	echo "batchkeys: plugin/kit/build/ is not built (npm run build): the fixtures' copies get no scripts" >&2
fi

plugin_version="$base-beta" theme_version="$base-alpha"
[ "$newest" = example-plugin ] && plugin_version="$base.1"
[ "$newest" = example-theme ] && theme_version="$base.1"

# copy <fixture folder> <version>
copy() {
	local product=$1 version=$2 target="$1/kit" stamp="$1/kit/.fixture-version" fresh
	[ -d "$product" ] || bk_die "fixture missing: ${product#"$BK_ROOT"/}"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ] \
		&& grep -qx "return '$version';" "$target/version.php" 2>/dev/null \
		&& [ -z "$(find "$source_kit" -newer "$stamp" -print -quit)" ]; then
		return 0
	fi
	fresh="$product/.kit-new.$$"
	rm -rf "$fresh"
	cp -R "$source_kit" "$fresh"
	rm -f "$fresh/build/.built"
	sed -i "s/^return '[^']*';\$/return '$version';/" "$fresh/version.php"
	grep -qx "return '$version';" "$fresh/version.php" || bk_die "could not write the version into ${fresh#"$BK_ROOT"/}/version.php"
	sed -i "s/(rewritten by the fixtures build)/(written by tools\/build-fixtures.sh: a test fixture)/" "$fresh/version.php"
	printf '%s\n' "$version" >"$fresh/.fixture-version"
	# Swap in one step for requests in flight (a site may serve the fixture meanwhile).
	rm -rf "$product/.kit-old.$$"
	[ -d "$target" ] && mv "$target" "$product/.kit-old.$$"
	mv "$fresh" "$target"
	rm -rf "$product/.kit-old.$$"
	[ $quiet = 1 ] || bk_log "fixture kit ${target#"$BK_ROOT"/}: version $version"
}

copy "$BK_ROOT/test/fixtures/plugins/batchkeys-example-plugin" "$plugin_version"
copy "$BK_ROOT/test/fixtures/themes/batchkeys-example-theme" "$theme_version"
printf '%s\n' "$newest" >"$mode_file"
