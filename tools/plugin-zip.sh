#!/usr/bin/env bash
# npm run plugin-zip: builds the scripts and writes batchkeys.zip (folder batchkeys/) with only
# what a site needs: no tests, sources, maps or dev configuration.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"
# --no-build: zip what is built (npm test has just built it).
if [ "${1:-}" != --no-build ]; then
	npx wp-scripts build >/dev/null
	touch plugin/kit/build/.built
fi
# shellcheck disable=SC2016 # PHP code: its $ are PHP's
php -r '
	$source = $argv[1];
	$target = $argv[2];
	@unlink( $target );
	$zip = new ZipArchive();
	if ( true !== $zip->open( $target, ZipArchive::CREATE ) ) {
		fwrite( STDERR, "cannot write $target\n" );
		exit( 1 );
	}
	$files = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $source, FilesystemIterator::SKIP_DOTS ) );
	$count = 0;
	foreach ( $files as $file ) {
		$relative = substr( $file->getPathname(), strlen( $source ) + 1 );
		// Dev-only files never ship: build stamps, source maps, editor and OS leftovers, and the
		// generated test locale (tools/i18n/pseudo.ts).
		if ( preg_match( "#(^|/)(\\.[^/]*|[^/]*\\.map|[^/]*~|composer\\.(json|lock)|phpunit[^/]*|tests?/.*|batchkeys-en_XA[^/]*)$#", $relative ) ) {
			continue;
		}
		$zip->addFile( $file->getPathname(), "batchkeys/" . $relative );
		++$count;
	}
	$zip->close();
	echo "wrote $target ($count files, " . round( filesize( $target ) / 1024 ) . " KB)\n";
' "$BK_ROOT/plugin" "$BK_ROOT/batchkeys.zip"
