/**
 * `npm run dev`'s first step: migrate and seed the development database only when that could change
 * something, instead of on every start (each run of both costs seconds before the first page).
 * They run when the migrations, the seed or the database file (another file, or a replaced one)
 * differ from the last successful run, recorded in prisma/.dev-setup-stamp (ignored by git), or when
 * the database is missing, empty, or lacks an applied migration. `npm run db:setup` still always runs
 * both.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, databasePath, databaseUrl } from "../lib/database/database-url";

// The same settings as the CLI, which prisma.config.ts loads from .env.
try {
  process.loadEnvFile(".env");
} catch {
  // No .env: the defaults apply.
}

const STAMP = path.join("prisma", ".dev-setup-stamp");
const MIGRATIONS = path.join("prisma", "migrations");
const SEED = path.join("prisma", "seed.ts");
// On PostgreSQL there is no file to fingerprint: migrate (a no-op when up to date) and seed every time.
const postgresql = databaseKind(databaseUrl()) === "postgresql";
const file = postgresql ? "" : path.resolve(databasePath(databaseUrl()));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** Migration folder names; each is one migration Prisma records by that name. */
function migrationNames(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The migrations the database has finished applying, or null when there is no database or it is empty. */
function appliedMigrations(): string[] | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const db = new Database(file, { fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return null;
    const rows = db
      .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string }[];
    return rows.map((row) => row.name).sort();
  } finally {
    db.close();
  }
}

/**
 * What the last run depended on. The file's inode stands for "this very database file": the app's
 * own writes keep it, a deleted, restored or copied-over file gets another.
 */
function stamp(): string {
  const hash = createHash("sha256");
  for (const name of [...filesUnder(MIGRATIONS), SEED]) hash.update(`${name}\0`).update(readFileSync(name)).update("\0");
  hash.update(`${file}\0${existsSync(file) ? statSync(file).ino : "none"}`);
  return hash.digest("hex");
}

function needsSetup(): string | null {
  if (postgresql) return "PostgreSQL";
  const applied = appliedMigrations();
  if (!applied) return "the database is missing or empty";
  if (migrationNames().some((name) => !applied.includes(name))) return "a migration is not applied";
  const previous = existsSync(STAMP) ? readFileSync(STAMP, "utf8").trim() : null;
  if (previous !== stamp()) return "the migrations, the seed or the database file changed";
  return null;
}

const reason = needsSetup();
if (reason) {
  console.log(`Database setup: ${reason}; migrating and seeding.`);
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  execFileSync(prisma, ["migrate", "deploy"], { stdio: "inherit" });
  execFileSync(prisma, ["db", "seed"], { stdio: "inherit" });
  writeFileSync(STAMP, `${stamp()}\n`);
} else {
  console.log("Database setup: up to date, skipped (npm run db:setup forces it).");
}
