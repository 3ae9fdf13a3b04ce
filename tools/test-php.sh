#!/usr/bin/env bash
# npm run test:php: PHPUnit (Composer's, vendor/bin/phpunit) against the running local site's
# WordPress (a separate test database), starting the `test` site when none is running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"
bash tools/composer-install.sh || exit 1
if [ -z "${BATCHKEYS_SITE:-}" ]; then
	bash tools/site.sh start --name=test >/dev/null
	export BATCHKEYS_SITE="$BK_STATE/site-test.json"
fi
exec vendor/bin/phpunit "$@"
