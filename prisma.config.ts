import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseKind, databaseUrl } from "./lib/database/database-url";
import { postgresqlAdapterFactory } from "./lib/database/postgresql-adapter";
import { sqliteAdapterFactory } from "./lib/database/sqlite-adapter";

// Next loads .env by itself; the Prisma CLI does not once a config file exists, so load it here and
// the CLI, the seed and the app read the same settings.
try {
  process.loadEnvFile(".env");
} catch {
  // No .env: the defaults apply.
}

// The schema's datasource reads DATABASE_URL; setting the default here, before the CLI resolves the
// schema, keeps Prisma 6.19 on its JavaScript engine (without a resolvable url it falls back to the
// native engine and tries to download it, which these machines cannot).
process.env.DATABASE_URL = databaseUrl();

// The URL's scheme picks the database, and with it the schema (PostgreSQL's is derived from
// prisma/schema.prisma at install: scripts/derive-postgresql-schema.mjs), the migrations and the adapter.
const postgresql = databaseKind() === "postgresql";
const folder = postgresql ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: {
    path: path.join(folder, "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  // The same adapter, settings included, as the app's: on SQLite the CLI's writes wait for the app's
  // and back; on PostgreSQL the adapter carries the fix that lets `migrate deploy` read the catalogs.
  async adapter() {
    return postgresql ? postgresqlAdapterFactory({ poolSize: 2 }) : sqliteAdapterFactory();
  },
});
