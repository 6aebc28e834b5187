/**
 * prisma/schema.prisma is the one data model. Prisma takes one provider per schema file, so the
 * PostgreSQL schema is derived from it here (at install, before `prisma generate`): the same models,
 * with the `postgresql` provider and its own generated client. The output is not committed and never
 * edited by hand; `npm run db:check-migrations` fails when either database's migrations drift from it.
 *
 * Plain Node (no tsx): it runs in `postinstall`, where dev dependencies may be absent.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgresql", "schema.prisma");

const schema = readFileSync(source, "utf8");

/** Replaces exactly one match, so a change to the source schema that breaks the derivation fails loudly. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"));
  if (!matches || matches.length !== 1) throw new Error(`derive-postgresql-schema: expected one ${what} in prisma/schema.prisma, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

let derived = schema;
derived = replaceOnce(derived, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
// The generated client lives next to the SQLite one; paths are relative to the schema file.
derived = replaceOnce(derived, /output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output          = "../../lib/generated/prisma-postgresql"', "client output");
if (/@db\./.test(derived)) throw new Error("derive-postgresql-schema: native type attributes (@db.*) are provider-specific; keep the model portable");

const header = "// GENERATED from prisma/schema.prisma by scripts/derive-postgresql-schema.mjs. Do not edit: change the\n// source schema and run `npm install` (or `node scripts/derive-postgresql-schema.mjs`).\n\n";
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, header + derived);
