#!/usr/bin/env bash
# PostgreSQL for tests and the benchmark on this machine: starts Debian's cluster when it is down,
# creates the `mfa` role, and (re)creates each database named on the command line, empty.
#   bash scripts/postgresql.sh mfa_unit mfa_e2e
# The test scripts name theirs mfa_unit, mfa_e2e and mfa_migrations, each followed by
# TEST_DATABASE_SUFFIX when set, so two checkouts can run their tests at the same time.
# Prints nothing on success. Needs root (it runs psql as the postgres user), as .ci/run does.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
read -r version cluster _ status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start
fi
as_postgres() { su postgres -c "$*" >/dev/null; }
for _ in $(seq 1 30); do
  if su postgres -c "psql -tAc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
as_postgres "psql -v ON_ERROR_STOP=1 -tAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mfa') THEN CREATE ROLE mfa LOGIN CREATEDB PASSWORD 'mfa'; END IF; END \\\$\\\$\""
for database in "$@"; do
  [[ "$database" =~ ^[a-z0-9_]+$ ]] || { echo "database names: lower case letters, digits and _ ($database)" >&2; exit 2; }
  as_postgres "dropdb --if-exists --force $database"
  as_postgres "createdb -O mfa $database"
done
