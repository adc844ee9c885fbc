#!/usr/bin/env bash
# npm test: every test — type checks, API tests on embedded PGlite, the same suite on a real
# PostgreSQL 15 cluster started here on loopback, then browser tests in Debian's Chromium.
# Installs what it needs (chromium, postgresql-15) when missing. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache
rm -f .cache/results-*.json
status=0
step() { printf '\n=== %s ===\n' "$*"; }

step "type check"
npx tsc --noEmit -p tsconfig.json || status=1
if [ -f web/tsconfig.json ]; then npx tsc --noEmit -p web/tsconfig.json || status=1; fi

step "npm audit (production dependencies, high and critical)"
node scripts/npm-audit-check.mjs || status=1

step "API tests on PGlite (embedded)"
npx vitest run --reporter=default --reporter=json --outputFile=.cache/results-pglite.json || status=1

step "API tests on PostgreSQL 15"
pgdir=$(mktemp -d /tmp/gongjian-pg-XXXXXX)
port=$(( 55000 + RANDOM % 4000 ))
if url=$(bash scripts/pg-cluster.sh start "$pgdir" "$port"); then
  DATABASE_URL="$url" npx vitest run --reporter=default --reporter=json --outputFile=.cache/results-postgres.json || status=1
  bash scripts/pg-cluster.sh stop "$pgdir"
else
  echo "could not start PostgreSQL"; status=1
fi

if [ -f vitest.e2e.config.ts ]; then
  step "production build"
  bash scripts/ensure-chromium.sh || status=1
  npx vite build --config web/vite.config.ts --logLevel warn || status=1
  step "front-end budgets (initial JavaScript per page, gzip)"
  node scripts/bundle-size.mjs || status=1
  step "browser tests (Chromium)"
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile=.cache/results-e2e.json || status=1
fi

step "summary"
node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(".cache").filter((f) => f.startsWith("results-"))) {
  const r = JSON.parse(fs.readFileSync(".cache/" + f, "utf8"));
  console.log(`${f.replace(/results-|\.json/g, "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
exit $status
