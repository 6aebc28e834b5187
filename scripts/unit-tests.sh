#!/usr/bin/env bash
# Unit tests run on Node's test runner against real, freshly migrated databases: the rules that matter
# (single use, attempts, ownership, limits) live in SQL conditions, so they are tested there, on each
# database the app runs on. First the SQLite file; then PostgreSQL (scripts/postgresql.sh starts the
# local cluster and makes an empty database), where transactions really run side by side.
# *.sqlite.test.ts files read SQLite's own query plans or adapter and run on SQLite only;
# *.postgresql.test.ts files test the PostgreSQL adapter and run on PostgreSQL only.
#   bash scripts/unit-tests.sh [sqlite|postgresql]   (both when not given)
set -euo pipefail
cd "$(dirname "$0")/.."
export APP_ENV=test
which="${1:-both}"

# The usual report on the terminal (spec) or in CI (TAP), plus scripts/test-crashes-reporter.mjs's list.
if [ -t 1 ]; then reporter=spec; else reporter=tap; fi
failures="$(mktemp)"
trap 'rm -f "$failures"' EXIT

run_files() {
  : >"$failures"
  node --conditions=react-server --import tsx --test --test-concurrency=1 \
    --test-reporter="$reporter" --test-reporter-destination=stdout \
    --test-reporter=./scripts/test-crashes-reporter.mjs --test-reporter-destination="$failures" "$@"
}

run_on() {
  local label="$1"; shift
  echo "# unit tests on $label"
  npx prisma migrate deploy >/dev/null
  if run_files "$@"; then return 0; fi
  # A failed test fails the run. A file whose process was killed by a signal, with no test failed, is
  # the runtime's crash, not a result: it runs once more, and fails the run if it crashes again.
  if [ ! -s "$failures" ] || grep -qv '^crashed ' "$failures"; then return 1; fi
  mapfile -t crashed < <(cut -d' ' -f2 "$failures" | sort -u)
  echo "# $label: the process of ${crashed[*]} was killed by $(cut -d' ' -f3 "$failures" | sort -u | paste -sd,) with no test failed; running it once more"
  run_files "${crashed[@]}"
}

mapfile -t all < <(find lib -name '*.test.ts' -not -path 'lib/generated/*' | sort)
mapfile -t on_sqlite < <(printf '%s\n' "${all[@]}" | grep -v '\.postgresql\.test\.ts$')
mapfile -t on_postgresql < <(printf '%s\n' "${all[@]}" | grep -v '\.sqlite\.test\.ts$')
if [ ${#all[@]} -eq 0 ]; then echo "no unit tests found" >&2; exit 1; fi

if [ "$which" = both ] || [ "$which" = sqlite ]; then
  rm -f prisma/unit-test.db prisma/unit-test.db-wal prisma/unit-test.db-shm
  DATABASE_URL="file:./prisma/unit-test.db" run_on SQLite "${on_sqlite[@]}"
fi
if [ "$which" = both ] || [ "$which" = postgresql ]; then
  bash scripts/postgresql.sh "mfa_unit${TEST_DATABASE_SUFFIX:-}"
  DATABASE_URL="${TEST_POSTGRESQL_URL:-postgresql://mfa:mfa@localhost:5432}/mfa_unit${TEST_DATABASE_SUFFIX:-}" run_on PostgreSQL "${on_postgresql[@]}"
fi
