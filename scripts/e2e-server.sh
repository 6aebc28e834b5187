#!/usr/bin/env bash
# The server Playwright tests against: a production build on a fresh database, with the outbox on
# (APP_ENV=test) so tests can read the passcodes and links the app sends.
#   E2E_DATABASE=sqlite (default): one instance on prisma/e2e.db.
#   E2E_DATABASE=postgresql: the first of two instances on the PostgreSQL database in DATABASE_URL,
#     made empty here; the second (E2E_SECOND_INSTANCE=1) only starts on the same build and database.
set -euo pipefail
cd "$(dirname "$0")/.."
export APP_ENV=test
export NEXT_DIST_DIR=.next-e2e
export NEXT_TELEMETRY_DISABLED=1
export NEXT_SKIP_TYPECHECK=1
if [ "${E2E_SECOND_INSTANCE:-}" != 1 ]; then
  if [ "${E2E_DATABASE:-sqlite}" = postgresql ]; then
    bash scripts/postgresql.sh "${DATABASE_URL##*/}"
  else
    rm -f prisma/e2e.db prisma/e2e.db-journal prisma/e2e.db-wal prisma/e2e.db-shm
  fi
  npx prisma migrate deploy >/dev/null
  npx prisma db seed >/dev/null
  npx next build >/dev/null
fi
# Through server.mjs, as in production, so the client address comes from the socket.
PORT="${E2E_PORT:-3100}" exec node server.mjs
