#!/usr/bin/env bash
# `npm test`: typecheck, build and the client-bundle check, then the unit tests beside the browser tests.
# The browser tests leave half the CPU idle (they wait on the mail worker, redirects, axe), so the unit
# tests run in that time; their output is printed whole once they end, not interleaved.
set -uo pipefail
npm run typecheck && npm run build && npm run check:client || exit 1
mkdir -p tmp
npm run test:unit > tmp/unit-tests.log 2>&1 &
unit=$!
E2E_BUILT=1 npm run test:e2e
e2e=$?
wait "$unit"
unit_status=$?
echo "== unit tests (vitest), run beside the browser tests"
cat tmp/unit-tests.log
echo "== unit tests: exit $unit_status, browser tests: exit $e2e"
[ "$e2e" -eq 0 ] && [ "$unit_status" -eq 0 ]
