#!/usr/bin/env bash
# npm run test:php: PHPUnit (Composer's, vendor/bin/phpunit) against the running local site's
# WordPress (a separate test database), starting the `test` site when none is running.
# BATCHKEYS_MULTISITE=1 starts and uses the network site `test-network` instead (3 subsites);
# give it `--group network` for the network tests, which the default run leaves out.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"
bash tools/composer-install.sh || exit 1
if [ -z "${BATCHKEYS_SITE:-}" ]; then
	if [ "${BATCHKEYS_MULTISITE:-0}" = 1 ]; then
		bash tools/site.sh start --name=test-network --multisite >/dev/null
		export BATCHKEYS_SITE="$BK_STATE/site-test-network.json"
	else
		bash tools/site.sh start --name=test >/dev/null
		export BATCHKEYS_SITE="$BK_STATE/site-test.json"
	fi
fi
exec vendor/bin/phpunit "$@"
