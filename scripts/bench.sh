#!/usr/bin/env bash
# npm run bench (issue 8): builds this app (.next-bench) and the peer (bench/peer, copied to .bench/peer,
# npm-installed there once and rebuilt when its source changes), then scripts/bench.ts runs both side
# by side and prints every figure. Scratch databases only (prisma/bench*.db, .bench/, and the PostgreSQL
# database mfa_bench that figure 10 recreates where PostgreSQL is installed); nothing is asserted.
# The app's own files that `next build`/`next dev`/`npm run dev` rewrite for another dist dir
# (tsconfig.json, the dev setup stamp) are put back afterwards.
#
# BENCH_APP_DIR=<dir> measures another checkout of the app instead of this one, e.g. a branch not merged
# yet: git archive <commit> | tar -x -C .bench/other, then link node_modules and copy lib/generated.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# BENCH_ONLY=admin-users: figure 11 alone (the admin user list's query with 10,000 users), which needs
# no build: it times the query in-process, on scratch databases of its own (scripts/bench/admin-users.ts).
if [ "${BENCH_ONLY:-}" = admin-users ]; then
  exec node --import tsx scripts/bench/admin-users.ts
fi
app_dir="$(cd "${BENCH_APP_DIR:-.}" && pwd)"
mkdir -p "$app_dir/.bench"
saved="$app_dir/.bench"
cp "$app_dir/tsconfig.json" "$saved/tsconfig.json.saved"
[ -f "$app_dir/prisma/.dev-setup-stamp" ] && cp "$app_dir/prisma/.dev-setup-stamp" "$saved/dev-setup-stamp.saved" || rm -f "$saved/dev-setup-stamp.saved"
restore() {
  cp "$saved/tsconfig.json.saved" "$app_dir/tsconfig.json"
  if [ -f "$saved/dev-setup-stamp.saved" ]; then cp "$saved/dev-setup-stamp.saved" "$app_dir/prisma/.dev-setup-stamp"; else rm -f "$app_dir/prisma/.dev-setup-stamp"; fi
}
trap restore EXIT

echo "Building the app (production, .next-bench) in $app_dir..."
(
  cd "$app_dir"
  rm -f prisma/bench-empty.db
  DATABASE_URL="file:./prisma/bench-empty.db" npx prisma migrate deploy >/dev/null 2>&1
  NEXT_DIST_DIR=.next-bench NEXT_SKIP_TYPECHECK=1 APP_ENV=test npx next build >"$saved/build-ours.log" 2>&1 || { tail -40 "$saved/build-ours.log"; exit 1; }
)

echo "Preparing the peer (.bench/peer)..."
mkdir -p .bench/peer
# Our source over the copy; its node_modules, lock file and build stay.
tar -C bench/peer -cf - . | tar -C .bench/peer -xf -
if ! cmp -s bench/peer/package.json .bench/peer/.installed-package.json; then
  (cd .bench/peer && npm install --no-audit --no-fund >../install-peer.log 2>&1) || { tail -40 .bench/install-peer.log; exit 1; }
  cp bench/peer/package.json .bench/peer/.installed-package.json
fi
peer_hash=$(cd bench/peer && find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-16)
if [ ! -f .bench/peer/.next/BUILD_ID ] || [ "$(cat .bench/peer/.built-from 2>/dev/null)" != "$peer_hash" ]; then
  (cd .bench/peer && PEER_DB=build.db node node_modules/next/dist/bin/next build >../build-peer.log 2>&1) || { tail -40 .bench/build-peer.log; exit 1; }
  echo "$peer_hash" > .bench/peer/.built-from
fi
echo
BENCH_APP_DIR="$app_dir" node --import tsx scripts/bench.ts
