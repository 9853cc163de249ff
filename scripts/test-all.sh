#!/usr/bin/env bash
# Runs every check and every test: typecheck, lint, formatting, the production build, then the
# unit tests (Node), browser tests (Chromium) and end-to-end tests (Chromium against the built app).
# Ends with one line "N passed, N failed": N counts test cases plus the four static steps.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p node_modules/.reports
json=node_modules/.reports/vitest.json
rm -f "$json"

steps_passed=0
steps_failed=0
failed_names=()
step() {
  local name=$1
  shift
  echo "::: $name: $*"
  if "$@"; then
    steps_passed=$((steps_passed + 1))
  else
    steps_failed=$((steps_failed + 1))
    failed_names+=("$name")
  fi
}

step typecheck npx tsc -b --pretty false
step lint npx eslint . --max-warnings=0
step format npx prettier --check . --log-level warn
step build npx vite build --logLevel warn

echo "::: tests: vitest (unit, browser, e2e)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$json"
vitest_rc=$?

read -r t_passed t_failed < <(node -e '
  const fs = require("fs");
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    // A suite that failed to load has no test results but counts as one failure.
    const brokenSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + brokenSuites);
  } catch {
    console.log(0, 1);
  }' "$json")
if [ "$vitest_rc" -ne 0 ] && [ "$t_failed" -eq 0 ]; then t_failed=1; fi

echo
echo "tests: $t_passed passed, $t_failed failed; static steps: $steps_passed passed, $steps_failed failed ${failed_names[*]:-}"
passed=$((t_passed + steps_passed))
failed=$((t_failed + steps_failed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
