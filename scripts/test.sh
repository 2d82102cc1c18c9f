#!/usr/bin/env bash
# `npm test`: type-check, build, check the client bundle, then the unit tests and the browser tests side
# by side. The browser tests leave the CPU idle about half the time (they wait on the mail worker,
# redirects and axe); the unit tests fill those waits. Both run to the end; the run fails if either fails.
set -uo pipefail
cd "$(dirname "$0")/.."

npm run typecheck || exit 1
npm run build || exit 1
npm run check:client || exit 1

mkdir -p tmp
unit_log=tmp/unit-tests.log
echo "== vitest in the background (its output follows the browser tests; live in $unit_log)"
# At a lower priority: the unit tests take the CPU the browser tests leave idle, and do not slow them.
nice -n 10 npm run test:unit >"$unit_log" 2>&1 &
unit_pid=$!

E2E_BUILT=1 npm run test:e2e
e2e_status=$?

wait "$unit_pid"
unit_status=$?
echo "== vitest"
cat "$unit_log"

echo "== vitest: exit $unit_status · Playwright: exit $e2e_status"
[ "$unit_status" -eq 0 ] && [ "$e2e_status" -eq 0 ]
