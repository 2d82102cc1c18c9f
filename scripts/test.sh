#!/usr/bin/env bash
# `npm test`: the type-check beside the build and the client bundle's check, then the unit tests, then
# the browser tests. Each of the last two keeps both cores busy on its own (the browser tests left the
# CPU idle 3 % of the time once they had less work per page), so running the unit tests beside them no
# longer filled idle time: niced, they were starved into timeouts. Everything runs to the end; the run
# fails if any part failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# Each part says when it starts (UTC), so a run's log tells where its time went.
section() { echo "== $* ($(date -u +%T))"; }

mkdir -p tmp
typecheck_log=tmp/typecheck.log
# The type-check needs nothing built: it starts first, beside the build.
section "type-check in the background, beside the build (live in $typecheck_log)"
npm run typecheck >"$typecheck_log" 2>&1 &
typecheck_pid=$!

npm run build || exit 1
npm run check:client || exit 1

# CI installs what the tests need in the background (.ci/run) and names, for each, a file where its
# exit status will be written, its log beside it (.log for .status): each is waited for here, just
# before the first part that needs it.
wait_for_status() {
  local file=$1 what=$2
  [ -n "$file" ] || return 0
  section "waiting for $what"
  while [ ! -s "$file" ]; do sleep 1; done
  if [ "$(cat "$file")" != "0" ]; then
    echo "$what could not be installed:"
    cat "${file%.status}.log"
    exit 1
  fi
}

# better-sqlite3's compile, before anything opens a database.
wait_for_status "${MAILLON_NATIVE_BUILD_STATUS:-}" "better-sqlite3's build"

wait "$typecheck_pid"
typecheck_status=$?
section "type-check"
cat "$typecheck_log"

section "vitest"
npm run test:unit
unit_status=$?

wait_for_status "${MAILLON_CHROMIUM_STATUS:-}" "Debian's Chromium"
section "Playwright"
E2E_BUILT=1 npm run test:e2e
e2e_status=$?

section "type-check: exit $typecheck_status · vitest: exit $unit_status · Playwright: exit $e2e_status"
[ "$typecheck_status" -eq 0 ] && [ "$unit_status" -eq 0 ] && [ "$e2e_status" -eq 0 ]
