#!/usr/bin/env bash
# The one test command (npm test): type-check, then every test file under test/ with node's test runner.
# Services that a test needs (PostgreSQL, nats-server, Chromium) are started by that test's own support code.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.json --noEmit
mapfile -t files < <(find test -name '*.test.ts' | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files under test/" >&2; exit 1; fi
exec node --import tsx --test --test-reporter=spec "${files[@]}"
