import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseUrl } from "./lib/database-url";

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

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    return new PrismaLibSQL({
      url: databaseUrl(),
      authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
    });
  },
});
