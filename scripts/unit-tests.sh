#!/usr/bin/env bash
# Unit tests run on Node's test runner against a real, freshly migrated SQLite file: the rules that
# matter (single use, attempts, ownership) live in SQL conditions, so they are tested there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./prisma/unit-test.db"
export APP_ENV=test
rm -f prisma/unit-test.db
npx prisma migrate deploy >/dev/null
mapfile -t files < <(find lib -name '*.test.ts' -not -path 'lib/generated/*' | sort)
if [ ${#files[@]} -eq 0 ]; then echo "no unit tests found" >&2; exit 1; fi
exec node --conditions=react-server --import tsx --test --test-concurrency=1 "${files[@]}"
