#!/usr/bin/env bash
# The whole test suite on a fresh clone: installs what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser
npx tsc --noEmit
npx tsc -p ui/tsconfig.json --noEmit
mkdir -p out
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=out/test-results.json || status=$?
# A closing line CI can read whatever the runner prints.
node -e '
const r = require("./out/test-results.json");
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || true
exit $status
