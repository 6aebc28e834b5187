/**
 * `postinstall`: both Prisma clients, from the one data model. Derives the PostgreSQL schema from
 * prisma/schema.prisma, then generates the SQLite client and the PostgreSQL client. prisma.config.ts
 * picks the schema by DATABASE_URL's scheme, so each run is given a URL of its kind; nothing connects.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [path.join(root, "scripts", "derive-postgresql-schema.mjs")], { stdio: "inherit" });
const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
for (const url of ["file:./prisma/dev.db", "postgresql://localhost:5432/generate-only"]) {
  execFileSync(process.execPath, [prisma, "generate"], { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
}
