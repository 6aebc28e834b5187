#!/usr/bin/env bash
# Migrations for both databases, generated from the one model (prisma/schema.prisma; PostgreSQL's
# schema is derived from it at install).
#   bash scripts/migrations.sh new NAME   writes prisma/migrations/<time>_NAME and
#                                         prisma/postgresql/migrations/<time>_NAME from the model
#   bash scripts/migrations.sh check      fails when either folder's migrations, replayed into an
#                                         empty database, differ from the model (drift)
# Both replay the migrations into a scratch database: a temporary SQLite file, and an empty PostgreSQL
# database made by scripts/postgresql.sh (or TEST_POSTGRESQL_URL's server).
set -euo pipefail
cd "$(dirname "$0")/.."
command="${1:-}"
scratch_sqlite="prisma/migrations-scratch.db"
pg_base="${TEST_POSTGRESQL_URL:-postgresql://mfa:mfa@localhost:5432}"
trap 'rm -f "$scratch_sqlite" "$scratch_sqlite-wal" "$scratch_sqlite-shm"' EXIT

node scripts/derive-postgresql-schema.mjs

# diff_against_model URL FOLDER SCHEMA [more prisma migrate diff flags]: the folder's migrations,
# replayed into a shadow database on URL's server, against the model.
diff_against_model() {
  local url="$1" folder="$2" schema="$3"; shift 3
  DATABASE_URL="$url" npx prisma migrate diff --from-migrations "$folder" --to-schema-datamodel "$schema" "$@"
}

scratch_urls() {
  rm -f "$scratch_sqlite"
  bash scripts/postgresql.sh "mfa_migrations${TEST_DATABASE_SUFFIX:-}"
  sqlite_url="file:./$scratch_sqlite"
  postgresql_url="$pg_base/mfa_migrations${TEST_DATABASE_SUFFIX:-}"
}

case "$command" in
  new)
    name="${2:?usage: scripts/migrations.sh new NAME}"
    [[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "NAME: lower case letters, digits and _" >&2; exit 2; }
    stamp="$(date -u +%Y%m%d%H%M%S)_$name"
    scratch_urls
    for pair in "$sqlite_url prisma/migrations prisma/schema.prisma" "$postgresql_url prisma/postgresql/migrations prisma/postgresql/schema.prisma"; do
      read -r url folder schema <<<"$pair"
      sql="$(diff_against_model "$url" "$folder" "$schema" --script)"
      if grep -q "empty migration" <<<"$sql"; then echo "$folder: the model has no change to migrate"; continue; fi
      mkdir -p "$folder/$stamp"
      printf '%s\n' "$sql" >"$folder/$stamp/migration.sql"
      echo "wrote $folder/$stamp/migration.sql"
    done
    ;;
  check)
    scratch_urls
    status=0
    for pair in "$sqlite_url prisma/migrations prisma/schema.prisma" "$postgresql_url prisma/postgresql/migrations prisma/postgresql/schema.prisma"; do
      read -r url folder schema <<<"$pair"
      if diff_against_model "$url" "$folder" "$schema" --exit-code >/tmp/migrations-check.$$ 2>&1; then
        echo "$folder: in step with the model"
      else
        echo "$folder: DRIFT from prisma/schema.prisma; run \`bash scripts/migrations.sh new NAME\`:" >&2
        cat /tmp/migrations-check.$$ >&2
        status=1
      fi
    done
    rm -f /tmp/migrations-check.$$
    exit $status
    ;;
  *)
    echo "usage: scripts/migrations.sh new NAME | check" >&2
    exit 2
    ;;
esac
