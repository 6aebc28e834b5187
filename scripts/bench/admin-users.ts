/**
 * Figure 11 (issue 13): the admin console's user list with 10,000 users, each with 5 devices
 * (scripts/bench/seed-ours.ts; two thirds of them with a last sign-in). Times lib/admin/search-users.ts,
 * the one statement each /admin/users page runs: the first page, the first page by last sign-in
 * (newest first), a partial search ("user12": 111 matches) and its second page, a phone fragment.
 * On SQLite (a scratch file) and, where PostgreSQL is installed, a scratch PostgreSQL database.
 *   node --import tsx scripts/bench/admin-users.ts            (npm run bench runs it; BENCH_ONLY=admin-users alone)
 * The measuring half runs in a child with Node's react-server condition, as the unit tests do, so the
 * app's server-only modules load as they do in Next. Printed, never asserted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const USERS = Number(process.env.BENCH_ADMIN_USERS ?? 10_000);
const RUNS = Number(process.env.BENCH_ADMIN_RUNS ?? 30);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

type Case = { label: string; median: number; p95: number; rows: number };

async function measure() {
  const { searchUsers } = await import("../../lib/admin/search-users");
  const { userSearchSchema } = await import("../../lib/validations/admin-users");
  const q = (params: Record<string, string | undefined>) => userSearchSchema.parse(params);
  const search = await searchUsers(q({ q: "user12" }));
  const cases: { label: string; run: () => Promise<{ rows: unknown[] }> }[] = [
    { label: "first page (email, A–Z)", run: () => searchUsers(q({})) },
    { label: "first page (last sign-in, newest first)", run: () => searchUsers(q({ sort: "lastSignIn", dir: "desc" })) },
    { label: 'partial search "user12", first page', run: () => searchUsers(q({ q: "user12" })) },
    { label: 'partial search "user12", second page', run: () => searchUsers(q({ q: "user12", cursor: search.nextCursor ?? undefined })) },
    { label: 'phone fragment "2555012"', run: () => searchUsers(q({ q: "2555012" })) },
  ];
  const results: Case[] = [];
  for (const c of cases) {
    for (let i = 0; i < 3; i++) await c.run();
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      rows = (await c.run()).rows.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({ label: c.label, median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!, rows });
  }
  console.log(JSON.stringify(results));
  process.exit(0);
}

function prepare(url: string) {
  const env = { ...process.env, DATABASE_URL: url, APP_ENV: "test" };
  if (url.startsWith("file:")) {
    const file = path.join(ROOT, url.slice("file:".length));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  } else {
    execFileSync("bash", ["scripts/postgresql.sh", url.split("/").pop()!], { cwd: ROOT, env, stdio: "ignore" });
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env, stdio: "ignore" });
  const seeded = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/seed-ours.ts", String(USERS), "0"], { cwd: ROOT, env, encoding: "utf8" }).trim();
  // Two users in three have signed in, at different times, so the last-sign-in order has nulls and values.
  const sql = url.startsWith("file:")
    ? `UPDATE "User" SET "lastSignInAt" = strftime('%Y-%m-%dT%H:%M:%S.000+00:00', 'now', '-' || (rowid * 7 % 100000) || ' minutes') WHERE rowid % 3 <> 0`
    : `UPDATE "User" SET "lastSignInAt" = now() - (abs(hashtext("id")) % 100000) * interval '1 minute' WHERE abs(hashtext("id")) % 3 <> 0`;
  execFileSync(process.execPath, ["--import", "tsx", "-e", `
    const { createPrismaClient } = await import("./lib/database/create-client.ts");
    const db = createPrismaClient({ url: ${JSON.stringify(url)} });
    await db.$executeRawUnsafe(${JSON.stringify(sql)});
    await db.$disconnect();`], { cwd: ROOT, env, stdio: "inherit" });
  return seeded;
}

async function main() {
  const databases: [string, string][] = [["SQLite", "file:./prisma/bench-admin.db"]];
  if (process.env.BENCH_POSTGRESQL !== "off" && spawnSync("bash", ["-c", "command -v pg_lsclusters"]).status === 0) databases.push(["PostgreSQL", "postgresql://mfa:mfa@localhost:5432/mfa_bench_admin"]);
  console.log(`11. /admin/users' query (lib/admin/search-users.ts) with ${USERS.toLocaleString("en")} users × 5 devices, median and p95 of ${RUNS} runs, in-process (no HTTP):`);
  for (const [label, url] of databases) {
    let seeded: string;
    try {
      seeded = prepare(url);
    } catch (error) {
      console.log(`   ${label}: not measured (${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/admin-users.ts", "measure"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, APP_ENV: "test" },
      encoding: "utf8",
    });
    if (child.status !== 0) {
      console.log(`   ${label}: failed: ${child.stderr.slice(0, 400)}`);
      continue;
    }
    const results = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Case[];
    console.log(`   ${label} (${seeded})`);
    for (const r of results) console.log(`     ${r.label.padEnd(42)} ${r.median.toFixed(2).padStart(7)} ms  p95 ${r.p95.toFixed(2).padStart(7)} ms  (${r.rows} rows)`);
  }
}

if (process.argv[2] === "measure") await measure();
else await main();
