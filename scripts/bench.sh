#!/usr/bin/env bash
# npm run bench (issue 8): builds this app (.next-bench) and the peer (bench/peer, copied to .bench/peer,
# npm-installed there once and rebuilt when its source changes), then scripts/bench.ts runs both side
# by side and prints every figure. Scratch databases only (prisma/bench*.db, .bench/); nothing is
# asserted. The app's own files that `next build`/`next dev`/`npm run dev` rewrite for another dist dir
# (tsconfig.json, the dev setup stamp) are put back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .bench
cp tsconfig.json .bench/tsconfig.json.saved
[ -f prisma/.dev-setup-stamp ] && cp prisma/.dev-setup-stamp .bench/dev-setup-stamp.saved || rm -f .bench/dev-setup-stamp.saved
restore() {
  cp .bench/tsconfig.json.saved tsconfig.json
  if [ -f .bench/dev-setup-stamp.saved ]; then cp .bench/dev-setup-stamp.saved prisma/.dev-setup-stamp; else rm -f prisma/.dev-setup-stamp; fi
}
trap restore EXIT

echo "Building this app (production, .next-bench)..."
rm -f prisma/bench-empty.db
DATABASE_URL="file:./prisma/bench-empty.db" npx prisma migrate deploy >/dev/null 2>&1
NEXT_DIST_DIR=.next-bench NEXT_SKIP_TYPECHECK=1 APP_ENV=test npx next build >.bench/build-ours.log 2>&1 || { tail -40 .bench/build-ours.log; exit 1; }

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
node --import tsx scripts/bench.ts
