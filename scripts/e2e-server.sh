#!/usr/bin/env bash
# The server Playwright tests against: a production build on a fresh local database, with the
# outbox on (APP_ENV=test) so tests can read the passcodes and links the app sends.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./prisma/e2e.db"
export APP_ENV=test
export NEXT_DIST_DIR=.next-e2e
export NEXT_TELEMETRY_DISABLED=1
export NEXT_SKIP_TYPECHECK=1
rm -f prisma/e2e.db prisma/e2e.db-journal
npx prisma migrate deploy >/dev/null
npx prisma db seed >/dev/null
npx next build >/dev/null
# Through server.mjs, as in production, so the client address comes from the socket.
PORT="${E2E_PORT:-3100}" exec node server.mjs
