#!/usr/bin/env bash
# npm run test:e2e: Playwright with Debian's Chromium against a running local site
# (BATCHKEYS_SITE, default .batchkeys/site.json: run `npm start` first).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BK_ROOT"
export BATCHKEYS_SITE=${BATCHKEYS_SITE:-$BK_STATE/site.json}
[ -f "$BATCHKEYS_SITE" ] || bk_die "no running site ($BATCHKEYS_SITE); run npm start first"
WP_BASE_URL=$(bk_json_get "$BATCHKEYS_SITE" url)
export WP_BASE_URL PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec npx playwright test --config=playwright.config.ts "$@"
