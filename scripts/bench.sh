#!/usr/bin/env bash
# Benchmarks run against their own scratch database so they never touch development data.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./prisma/bench.db"
export APP_ENV=test
rm -f prisma/bench.db
npx prisma migrate deploy >/dev/null
exec node --conditions=react-server --import tsx scripts/bench.ts
