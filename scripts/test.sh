#!/usr/bin/env bash
# The one test command (`npm test`, also run by .ci/run): system deps, typecheck, lint,
# web build, then every suite with Vitest (SQLite + PostgreSQL repositories, routes, Chromium flows).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
echo "== typecheck"; node scripts/typecheck.mjs
echo "== lint"; npx biome check . && node scripts/check-shared-reads.mjs
echo "== web build"; npx vite build packages/web --logLevel warn
# The Chromium flows copy this bundle instead of each building their own.
export MUTUALIS_WEB_DIST="$PWD/packages/web/dist"
echo "== tests"
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
status=$?
set -e
# The closing line CI reads: "Tests: N passed, N failed".
node scripts/print-test-summary.mjs test-results/vitest.json
exit $status
