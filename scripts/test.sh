#!/usr/bin/env bash
# `npm test`: build and check the client bundle, then the browser tests, with the type-check and the
# unit tests beside them. The browser tests leave the CPU idle part of the time (they wait on the mail
# worker, redirects and axe); the type-check and the unit tests fill those waits at a lower priority,
# so they do not slow the browser tests. Everything runs to the end; the run fails if any part failed.
set -uo pipefail
cd "$(dirname "$0")/.."

npm run build || exit 1
npm run check:client || exit 1

mkdir -p tmp
typecheck_log=tmp/typecheck.log
unit_log=tmp/unit-tests.log
echo "== type-check and vitest in the background (their output follows the browser tests; live in $typecheck_log and $unit_log)"
nice -n 10 npm run typecheck >"$typecheck_log" 2>&1 &
typecheck_pid=$!
nice -n 10 npm run test:unit >"$unit_log" 2>&1 &
unit_pid=$!

E2E_BUILT=1 npm run test:e2e
e2e_status=$?

wait "$typecheck_pid"
typecheck_status=$?
wait "$unit_pid"
unit_status=$?
echo "== type-check"
cat "$typecheck_log"
echo "== vitest"
cat "$unit_log"

echo "== type-check: exit $typecheck_status · vitest: exit $unit_status · Playwright: exit $e2e_status"
[ "$typecheck_status" -eq 0 ] && [ "$unit_status" -eq 0 ] && [ "$e2e_status" -eq 0 ]
