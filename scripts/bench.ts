/**
 * npm run bench (issue 8): this app and its peer (bench/peer: better-auth with its twoFactor and
 * passkey plugins, on better-sqlite3), production builds, same machine, same data, alternating rounds.
 * Figure 10 (issue 9): this app's complete sign-ins on SQLite, on PostgreSQL, and on two instances
 * sharing that PostgreSQL database. Every figure is measured and printed, never asserted.
 * scripts/bench.sh builds both apps first.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { Ours, Peer, ROOT, APP_DIR, PEER_DIR, AUTH_SECRET, freePorts, launch, kill, type App, type Page } from "./bench/apps";
import { Client, Jar, alternating, type Requester } from "./bench/http";
import { fixedRate, median, saturate, type Outcome } from "./bench/load";
import { cpuMs, dbHandles, machine, machineBusyTicks, rssMb, rssSampler } from "./bench/proc";

const SMALL = { users: 2600, audit: 0 };
const LARGE = { users: 10_000, audit: 100_000 };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const STEPS = 30; // second-factor steps per CPU measurement
const FIXED_RATE = 200;
/**
 * BENCH_ONLY=databases: figure 10 alone (SQLite and PostgreSQL sign-ins), about 2 minutes after the build.
 * BENCH_ONLY=admin-users: figure 11 alone; scripts/bench.sh runs it without building anything.
 */
const ONLY_DATABASES = process.env.BENCH_ONLY === "databases";
if (process.env.BENCH_ONLY && !ONLY_DATABASES) throw new Error("BENCH_ONLY takes databases (figure 10) or admin-users (figure 11, through scripts/bench.sh)");
const SESSIONS = 60; // signed-in users whose cookies load /devices and /account

// The app's limits that a load test from one address would meet, raised for the bench only.
const RAISED_LIMITS: Record<string, [string, string]> = {
  SIGN_IN_FAILURES_PER_ADDRESS: ["1000000", "every request comes from 127.0.0.1; successful sign-ins never count, but one stray failure must not throttle a whole round"],
  SIGN_UP_LIMIT_PER_ADDRESS_PER_HOUR: ["1000000", "as the e2e server: one address"],
  EMAIL_LINK_LIMIT_PER_ADDRESS_PER_HOUR: ["1000000", "as the e2e server: one address"],
};
const EMPTY_DB = path.join(APP_DIR, "prisma/bench-empty.db");
const OURS_DB = path.join(APP_DIR, "prisma/bench.db");
const PEER_DB = path.join(ROOT, ".bench/peer-bench.db");

const oursEnv = {
  DATABASE_URL: `file:${OURS_DB}`,
  APP_ENV: "test",
  NEXT_DIST_DIR: ".next-bench",
  AUTH_SECRET,
  NEXT_TELEMETRY_DISABLED: "1",
  ...Object.fromEntries(Object.entries(RAISED_LIMITS).map(([k, [v]]) => [k, v])),
};
// PostgreSQL (issue 9): a scratch database on the local server, recreated by scripts/postgresql.sh.
const PG_DATABASE = "mfa_bench";
const PG_URL = `postgresql://mfa:mfa@localhost:5432/${PG_DATABASE}`;
const DB_ROUNDS = Number(process.env.BENCH_DB_ROUNDS ?? 3);
const POOL_SIZE = process.env.DATABASE_POOL_SIZE ? `${process.env.DATABASE_POOL_SIZE} (DATABASE_POOL_SIZE)` : "10 (the default; DATABASE_POOL_SIZE sets it)";

const [oursPort, peerPort, oursDevPort, peerDevPort, pgPortA, pgPortB] = await freePorts(6);
const ours = new Ours(oursPort!, oursEnv);
const peer = new Peer(peerPort!, PEER_DB);
const apps: App[] = [ours, peer];

// ---------------------------------------------------------------------------------------------------
// Output helpers

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const gitHead = () => {
  const top = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: APP_DIR, encoding: "utf8" });
  if (top.status !== 0 || path.resolve(top.stdout.trim()) !== APP_DIR) return process.env.BENCH_APP_LABEL ?? "an exported tree; BENCH_APP_LABEL names it";
  const r = spawnSync("git", ["log", "-1", "--format=%h %s"], { cwd: APP_DIR, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().slice(0, 70) : "not a git checkout";
};
const fmt = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(digits));
const log = (s = "") => console.log(s);
const results = new Map<string, Map<string, number[]>>(); // metric → app → values per round
function record(metric: string, app: App, value: number) {
  if (!results.has(metric)) results.set(metric, new Map());
  const m = results.get(metric)!;
  if (!m.has(app.name)) m.set(app.name, []);
  m.get(app.name)!.push(value);
}
const med = (metric: string, app: App) => median(results.get(metric)?.get(app.name) ?? []);
const notes: string[] = [];

// ---------------------------------------------------------------------------------------------------
// Users: TOTP codes are accepted once per step per device, so a user is never used for a second
// factor twice within 31 s; users rotate through the whole seeded set.

class Users {
  private cursor = 0;
  private readonly lastTotp = new Map<number, number>();
  constructor(private count: number) {}
  reset(count: number) {
    this.count = count;
    this.cursor = 0;
    this.lastTotp.clear();
  }
  /** Any user, for password-only sign-ins. */
  any() {
    return (this.cursor++ * 7919) % this.count;
  }
  /** A user whose TOTP device has not been used in the last 31 s. */
  async forTotp(): Promise<number> {
    for (;;) {
      for (let tries = 0; tries < this.count; tries++) {
        const u = this.any();
        const last = this.lastTotp.get(u);
        if (last === undefined || Date.now() - last > 31_000) {
          this.lastTotp.set(u, Date.now());
          return u;
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
const users = new Map<App, Users>(apps.map((a) => [a, new Users(SMALL.users)]));

// ---------------------------------------------------------------------------------------------------
// Data

function seed(size: { users: number; audit: number }) {
  for (const f of [OURS_DB, `${OURS_DB}-wal`, `${OURS_DB}-shm`]) rmSync(f, { force: true });
  copyFileSync(EMPTY_DB, OURS_DB);
  const env = { ...process.env, ...oursEnv };
  const a = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/seed-ours.ts", String(size.users), String(size.audit)], { cwd: ROOT, env, encoding: "utf8" });
  for (const f of [PEER_DB, `${PEER_DB}-wal`, `${PEER_DB}-shm`]) rmSync(f, { force: true });
  const b = execFileSync(process.execPath, ["seed.mjs", String(size.users)], { cwd: PEER_DIR, env: { ...process.env, ...peer.env() }, encoding: "utf8" });
  for (const u of users.values()) u.reset(size.users);
  return `this app ${a.trim()}; peer ${b.trim().split("\n").at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------
// Measurements

/**
 * Waits until the server is idle again (under 15% of a core over half a second, at most 60 s): requests
 * the client gave up on are still being served, and would slow whatever is measured next.
 */
async function settle(app: App) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const before = cpuMs(app.pid());
    await new Promise((r) => setTimeout(r, 500));
    if (cpuMs(app.pid()) - before < 75) return;
  }
}

async function warmUp(app: App, client: Client, jars: Jar[]) {
  const u = users.get(app)!;
  for (let i = 0; i < 6; i++) {
    const s = await app.passwordSignIn(client, u.any());
    if (!s.ok) throw new Error(`${app.name}: warm-up sign-in failed: ${s.error}`);
  }
  for (let i = 0; i < 30; i++) {
    const jar = jars[i % jars.length]!;
    for (const p of ["/devices", "/account", "/sign-in"]) await client.request({ path: p, headers: { Cookie: jar.header() } });
  }
}

async function passwordSignIns(app: App, client: Client) {
  const u = users.get(app)!;
  const r = await saturate({
    concurrency: 8,
    seconds: SECONDS,
    task: async () => {
      const s = await app.passwordSignIn(client, u.any());
      return s.ok ? { ok: true } : { ok: false, error: s.error };
    },
  });
  return r;
}

async function secondFactorCpu(app: App, client: Client) {
  const u = users.get(app)!;
  const pending: { jar: Jar; user: number }[] = [];
  for (let i = 0; i < STEPS; i++) {
    const user = await u.forTotp();
    const s = await app.passwordSignIn(client, user);
    if (!s.ok) return { error: `sign-in failed: ${s.error}` };
    pending.push({ jar: s.jar, user });
  }
  await new Promise((r) => setTimeout(r, 300));
  const before = cpuMs(app.pid());
  const t0 = performance.now();
  let requests = 0;
  let error: string | undefined;
  let done = 0;
  await Promise.all(
    [0, 1, 2, 3].map(async (w) => {
      for (let i = w; i < pending.length; i += 4) {
        const step = await app.secondFactor(client, pending[i]!.jar, pending[i]!.user);
        requests += step.requests;
        if (step.ok) done++;
        else error ??= step.error;
      }
    }),
  );
  const wall = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  const cpu = cpuMs(app.pid()) - before;
  if (done < pending.length) return { error: `${pending.length - done} of ${pending.length} steps failed; first: ${error}` };
  return { cpuPerStep: cpu / done, requestsPerStep: requests / done, wallPerStep: wall / done };
}

/** `client` may be one per sign-in (the nth), e.g. alternating between instances. */
async function completeSignIns(app: App, client: Requester | ((n: number) => Requester), u = users.get(app)!) {
  return saturate({
    concurrency: 8,
    seconds: SECONDS,
    task: async (_worker, n): Promise<Outcome> => {
      const c = typeof client === "function" ? client(n) : client;
      const user = await u.forTotp();
      const s = await app.passwordSignIn(c, user);
      if (!s.ok) return { ok: false, error: s.error };
      const step = await app.secondFactor(c, s.jar, user);
      return step.ok ? { ok: true } : { ok: false, error: step.error };
    },
  });
}

const pageTask = (client: Client, jars: Jar[], pagePath: string, timeoutMs = 60_000) => async (n: number) => {
  const r = await client.request({ path: pagePath, headers: { Cookie: jars[n % jars.length]!.header(), Accept: "text/html" } }, timeoutMs);
  return r.status === 200 ? { ok: true } : { ok: false, status: r.status, error: `${pagePath} answered ${r.status} ${r.headers.location ?? ""}` };
};

async function pages(app: App, client: Client, jars: Jar[], pagePath: string) {
  await settle(app);
  const sat = await saturate({ concurrency: 16, seconds: SECONDS, task: (_w, n) => pageTask(client, jars, pagePath)(n) });
  await settle(app);
  const open = new Client(app.origin, 4096);
  // A server that cannot keep up would make the queue drain for minutes: requests still unanswered
  // 10 s after they were due, or not sent because 200 are already waiting, count as failed at 10 s.
  const fixed = await fixedRate({ rate: FIXED_RATE, seconds: SECONDS - 1, task: pageTask(open, jars, pagePath, 10_000), maxInFlight: 200, droppedMs: 10_000 });
  open.close();
  await settle(app);
  return { sat, fixed };
}

async function firstLoadJs(app: App, client: Client, page: Page, jars: { pending: Jar; full: Jar }) {
  const jar = page.needs === "pending" ? jars.pending : page.needs === "full" ? jars.full : new Jar();
  let target = page.path;
  let html = "";
  for (let hops = 0; hops < 3; hops++) {
    const r = jar.take(await client.request({ path: target, headers: { Cookie: jar.header(), Accept: "text/html" } }));
    if (r.status >= 300 && r.status < 400 && r.headers.location) {
      target = new URL(r.headers.location, app.origin).pathname + new URL(r.headers.location, app.origin).search;
      continue;
    }
    if (r.status !== 200) return { error: `${target} answered ${r.status}` };
    html = r.body;
    break;
  }
  // `noModule` scripts (Next's legacy-browser polyfills, 39 kB gzip) are skipped: a browser that runs
  // modules never downloads them, and Next's own "First Load JS" leaves them out too.
  const srcs = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)>/g)]
        .map((m) => m[1]!)
        .filter((attributes) => !/\bnomodule\b/i.test(attributes))
        .map((attributes) => /\ssrc="([^"]*\/_next\/static\/[^"]+)"/.exec(attributes)?.[1]?.replaceAll("&amp;", "&"))
        .filter((src): src is string => Boolean(src)),
    ),
  ];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const r = await client.request({ path: new URL(src, app.origin).pathname + new URL(src, app.origin).search });
    if (r.status !== 200) return { error: `${src} answered ${r.status}` };
    const body = Buffer.from(r.body, "utf8");
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { scripts: srcs.length, raw: raw / 1024, gz: gz / 1024, landed: target };
}

// ---------------------------------------------------------------------------------------------------
// The run

const startedAt = Date.now();
const m = machine();
log("npm run bench: this app vs. its peer (issue 8). Printed, never asserted.");
log("=".repeat(100));
log(`machine   ${m.model}, ${os.cpus().length} cores, ${m.memGb.toFixed(1)} GB RAM, Node ${process.version}, ${os.type()} ${os.release()}`);
log(`date      ${new Date().toISOString()}; load average now ${loadavg()} (other work on this machine shows up as noise)`);
log(`this app  ${APP_DIR === ROOT ? "this checkout" : APP_DIR} (${gitHead()}): production build (.next-bench) through server.mjs, SQLite ${path.relative(ROOT, OURS_DB)}, port ${ours.port}, APP_ENV=test`);
log(`peer      bench/peer: next 16.4.6, better-auth 1.7.29 (twoFactor) + @better-auth/passkey 1.7.6, better-sqlite3 11.10.0;`);
log(`          \`next start\` on port ${peer.port}; its in-memory rate limiter off (PEER_RATE_LIMIT=off)`);
log(`postgres  figure 10 only: the same build on PostgreSQL (${PG_URL.replace(/:[^:@/]+@/, ":***@")}, recreated by scripts/postgresql.sh),`);
log(`          one instance (port ${pgPortA}) and two (ports ${pgPortA} and ${pgPortB}); pool ${POOL_SIZE} connections per instance`);
log(`limits    raised for this app (everything comes from one address, 127.0.0.1):`);
for (const [k, [v, why]] of Object.entries(RAISED_LIMITS)) log(`          ${k}=${v}: ${why}`);
log(`load      from this same machine (it shares the 2 cores with the server): node:http keep-alive clients;`);
log(`          saturation = closed loop, N virtual users, ${SECONDS} s, completed/s; fixed rate = open model, one request`);
log(`          every ${1000 / FIXED_RATE} ms for ${SECONDS - 1} s, latency from when each was due (queueing included);`);
log(`          a request unanswered after 10 s, or due while 200 are unanswered, counts as failed at 10 s`);
log(`          before each measurement the bench waits until the server is idle (under 15% of a core)`);
log(`rounds    ${ROUNDS} alternating rounds (this app, peer, this app, peer…); tables show the median of the rounds`);
log(`data      ${SMALL.users} users × 5 devices (this app: SMS, EMAIL, TOTP, passkey, security key; peer: 1 TOTP + 4 passkeys),`);
log(`          MFA on, email confirmed, one password hash each; then ${LARGE.users} users + ${LARGE.audit} audit events (flatness)`);
log();

// Security item 24, in process (the previous bench), on its own scratch database.
if (!ONLY_DATABASES) {
  log(`Sign-in timing, known vs. unknown account (security.md item 24; in process, no server; ${APP_DIR === ROOT ? "this checkout" : "this checkout's code, not BENCH_APP_DIR's"})`);
  const timingDb = path.join(ROOT, "prisma/bench-timing.db");
  for (const f of [timingDb, `${timingDb}-wal`, `${timingDb}-shm`]) rmSync(f, { force: true });
  copyFileSync(EMPTY_DB, timingDb);
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/sign-in-timing.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "file:./prisma/bench-timing.db", APP_ENV: "test" },
    encoding: "utf8",
  });
  log((r.stdout || "").trimEnd() || `  failed: ${r.stderr.slice(-800)}`);
  log();
}

async function withServers<T>(fn: () => Promise<T>): Promise<T> {
  try {
    for (const app of apps) await app.start();
    return await fn();
  } finally {
    for (const app of apps) await app.stop();
  }
}

const sessionHow = new Map<App, string>();
const idle = new Map<App, number>();
const peak = new Map<App, number>();
const handles = new Map<App, ReturnType<typeof dbHandles>>();
const sfErrors = new Map<App, string>();
const requestsPerStep = new Map<App, number>();
const jsRows: string[] = [];

log(`Seeding ${SMALL.users} users: ${seed(SMALL)}`);
if (!ONLY_DATABASES) await withServers(async () => {
  const clients = new Map<App, Client>(apps.map((a) => [a, new Client(a.origin, 64)]));
  const jars = new Map<App, Jar[]>();
  for (const app of apps) {
    const client = clients.get(app)!;
    const sessionUsers: number[] = [];
    for (let i = 0; i < SESSIONS; i++) sessionUsers.push(await users.get(app)!.forTotp());
    const s = await app.fullSessions(client, sessionUsers);
    if (s.jars.length === 0) throw new Error(`${app.name}: no signed-in sessions (${s.how})`);
    jars.set(app, s.jars);
    sessionHow.set(app, `${s.jars.length} ${s.how}`);
    await warmUp(app, client, s.jars);
    await new Promise((r) => setTimeout(r, 1000));
    idle.set(app, rssMb(app.pid()));
  }

  for (let round = 1; round <= ROUNDS; round++) {
    for (const app of apps) {
      const client = clients.get(app)!;
      const sampler = rssSampler(app.pid());
      const t = performance.now();
      await settle(app);
      const signIn = await passwordSignIns(app, client);
      record("signin", app, signIn.perSecond);
      await settle(app);
      const sf = await secondFactorCpu(app, client);
      if ("error" in sf) sfErrors.set(app, sf.error!);
      else {
        record("sfcpu", app, sf.cpuPerStep);
        record("sfwall", app, sf.wallPerStep);
        requestsPerStep.set(app, sf.requestsPerStep);
      }
      await settle(app);
      const complete = sfErrors.has(app) ? undefined : await completeSignIns(app, client);
      if (complete) record("complete", app, complete.perSecond);
      const devices = await pages(app, client, jars.get(app)!, "/devices");
      const account = await pages(app, client, jars.get(app)!, "/account");
      for (const [name, r] of [["devices", devices], ["account", account]] as const) {
        record(`${name}:rps`, app, r.sat.perSecond);
        record(`${name}:p50`, app, r.fixed.p50);
        record(`${name}:p99`, app, r.fixed.p99);
        record(`${name}:achieved`, app, r.fixed.achieved);
      }
      peak.set(app, Math.max(peak.get(app) ?? 0, sampler.stop()));
      await new Promise((r) => setTimeout(r, 300));
      handles.set(app, dbHandles(app.pid(), app.dbFile));
      const failures = [signIn, complete, devices.sat, account.sat].filter(Boolean).map((r) => r!.failed).reduce((a, b) => a + b, 0) + devices.fixed.failed + account.fixed.failed;
      const firstFailure = [signIn, complete, devices.sat, devices.fixed, account.sat, account.fixed].find((r) => r?.firstFailure)?.firstFailure;
      log(
        `round ${round} ${app.name.padEnd(8)} sign-in ${fmt(signIn.perSecond)}/s · 2nd factor ${"error" in sf ? "n/a" : `${fmt(sf.cpuPerStep)} ms CPU`} · complete ${complete ? `${fmt(complete.perSecond)}/s` : "n/a"} · ` +
          `/devices ${fmt(devices.sat.perSecond, 0)}/s p99@${FIXED_RATE} ${fmt(devices.fixed.p99, 0)} ms · /account ${fmt(account.sat.perSecond, 0)}/s p99@${FIXED_RATE} ${fmt(account.fixed.p99, 0)} ms · ` +
          `${((performance.now() - t) / 1000).toFixed(0)} s · load ${loadavg()}${failures ? ` · ${failures} failed (${firstFailure})` : ""}`,
      );
    }
  }

  // First-load JS of every flow page, with the cookie each needs.
  for (const app of apps) {
    const client = clients.get(app)!;
    const pendingUser = await users.get(app)!.forTotp();
    const pending = await app.passwordSignIn(client, pendingUser);
    for (const page of app.pages) {
      const r = await firstLoadJs(app, client, page, { pending: pending.jar, full: jars.get(app)![0]! });
      jsRows.push(
        "error" in r
          ? `  ${app.name.padEnd(9)} ${page.name.padEnd(28)} not measured: ${r.error}`
          : `  ${app.name.padEnd(9)} ${page.name.padEnd(28)} ${fmt(r.gz).padStart(6)} kB gzip  (${fmt(r.raw).padStart(6)} kB raw, ${r.scripts} scripts)`,
      );
      if (!("error" in r)) record(`js:${page.name === "/two-factor" ? "/sign-in/verify" : page.name}`, app, r.gz);
    }
  }
  for (const c of clients.values()) c.close();
});

// ---------------------------------------------------------------------------------------------------
// Figure 10 (issue 9): complete sign-ins with TOTP on PostgreSQL, one instance and two, next to SQLite.
// Same build, same data (seed-ours.ts on either database), same load as figure 3, alternating rounds:
// SQLite, PostgreSQL ×1, PostgreSQL ×2. Both PostgreSQL instances run throughout; the one-instance
// figure sends everything to the first (the second idles), the two-instance figure alternates every
// request of every sign-in between them, as a round-robin balancer without sticky sessions would.

type DbConfig = { label: string; apps: Ours[]; driver: Ours; users: Users; client: Requester | ((n: number) => Requester) };
type DbFigures = { rate: number[]; appCpu: number[]; pgCpu: number[]; loadCpu: number[]; busy: number[]; others: number[]; failed: number; firstFailure?: string };
const byDatabase = new Map<string, DbFigures>();
let pgSkipped: string | undefined;
const pgNotes: string[] = [];

function postgresqlUnavailable(): string | undefined {
  if (process.env.BENCH_POSTGRESQL === "off") return "BENCH_POSTGRESQL=off";
  const probe = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return "PostgreSQL is not installed on this machine (no pg_lsclusters; apt-get install -y postgresql)";
  if (probe.stdout.trim() === "") return "PostgreSQL is installed but has no cluster (pg_lsclusters lists none)";
  if (process.getuid?.() !== 0) return "scripts/postgresql.sh needs root (it runs psql as the postgres user) to create the bench's database";
  return undefined;
}

/** Recreates the database empty, migrates it with this checkout's PostgreSQL migrations and seeds it. */
function preparePostgresql(): string {
  const created = spawnSync("bash", [path.join(ROOT, "scripts/postgresql.sh"), PG_DATABASE], { encoding: "utf8" });
  if (created.status !== 0) throw new Error(`scripts/postgresql.sh ${PG_DATABASE} failed: ${(created.stderr || created.stdout).trim().slice(-400)}`);
  const env = { ...process.env, ...oursEnv, DATABASE_URL: PG_URL };
  if (!existsSync(path.join(APP_DIR, "prisma/postgresql/migrations"))) throw new Error(`${APP_DIR} has no PostgreSQL migrations (prisma/postgresql/migrations): it predates PostgreSQL support`);
  // The PostgreSQL schema is derived at install and not committed; an exported tree may lack it.
  if (!existsSync(path.join(APP_DIR, "prisma/postgresql/schema.prisma"))) execFileSync(process.execPath, ["scripts/derive-postgresql-schema.mjs"], { cwd: APP_DIR, env });
  const migrated = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: APP_DIR, env, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`prisma migrate deploy on PostgreSQL failed: ${(migrated.stderr || migrated.stdout).trim().slice(-600)}`);
  const t = performance.now();
  const seeded = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/seed-ours.ts", String(SMALL.users), String(SMALL.audit)], { cwd: ROOT, env, encoding: "utf8" });
  return `${seeded.trim()} in ${((performance.now() - t) / 1000).toFixed(1)} s`;
}

/**
 * The server processes serving the bench's database now: the instances' pooled connections. Only these
 * count as PostgreSQL's CPU; the cluster may serve other databases (other checkouts' tests) at the same time.
 */
async function benchBackends(): Promise<number[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const r = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [PG_DATABASE]);
    return r.rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** Waits (at most 10 s) until the whole machine is under 25% busy over half a second: PostgreSQL's background work included. */
async function machineSettles() {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const before = machineBusyTicks();
    await new Promise((r) => setTimeout(r, 500));
    const after = machineBusyTicks();
    if ((after.busy - before.busy) / (after.total - before.total) < 0.25) return;
  }
}

async function byDatabaseRound(config: DbConfig, running: Ours[]) {
  for (const app of running) await settle(app);
  await machineSettles();
  const appCpu = () => config.apps.reduce((sum, a) => sum + cpuMs(a.pid()), 0);
  const backends = new Map((await benchBackends()).map((pid) => [pid, cpuMs(pid)]));
  const before = { app: appCpu(), load: process.cpuUsage(), machine: machineBusyTicks() };
  const r = await completeSignIns(config.driver, config.client, config.users);
  const loadUsage = process.cpuUsage(before.load);
  const machineNow = machineBusyTicks();
  const appSpent = appCpu() - before.app;
  // A connection opened during the run counts whole; one closed during it would be missed (pools keep theirs 30 s idle).
  const pgSpent = (await benchBackends()).reduce((sum, pid) => sum + cpuMs(pid) - (backends.get(pid) ?? 0), 0);
  const spent = { app: appSpent, pg: pgSpent, load: (loadUsage.user + loadUsage.system) / 1000 };
  // Ticks are 10 ms (USER_HZ 100). What the machine spent beyond the servers, PostgreSQL and the load
  // generator is other work on it (another checkout's tests, say): noise in the figure, shown as such.
  const busyMs = (machineNow.busy - before.machine.busy) * 10;
  const totalMs = (machineNow.total - before.machine.total) * 10;
  const figures = byDatabase.get(config.label) ?? { rate: [], appCpu: [], pgCpu: [], loadCpu: [], busy: [], others: [], failed: 0 };
  figures.rate.push(r.perSecond);
  figures.appCpu.push(spent.app / r.done);
  figures.pgCpu.push(spent.pg / r.done);
  figures.loadCpu.push(spent.load / r.done);
  figures.busy.push((busyMs / totalMs) * 100);
  figures.others.push(Math.max(0, ((busyMs - spent.app - spent.pg - spent.load) / totalMs) * 100));
  figures.failed += r.failed;
  figures.firstFailure ??= r.firstFailure;
  byDatabase.set(config.label, figures);
  return r;
}

log();
log(`Complete sign-ins with TOTP by database (figure 10, issue 9): SQLite, PostgreSQL with one instance, with two`);
pgSkipped = postgresqlUnavailable();
if (pgSkipped) log(`  PostgreSQL part skipped: ${pgSkipped}`);
else {
  const pgEnv = { ...oursEnv, DATABASE_URL: PG_URL };
  const pgA = new Ours(pgPortA!, pgEnv, { name: "PostgreSQL A" });
  // Both instances answer to the first one's address (APP_URL), as two behind one balancer would.
  const pgB = new Ours(pgPortB!, pgEnv, { name: "PostgreSQL B", appOrigin: pgA.origin });
  const running: Ours[] = [];
  const clients: Client[] = [];
  try {
    log(`  Seeding PostgreSQL ${PG_DATABASE} (migrate deploy, then ${SMALL.users} users as for SQLite): ${preparePostgresql()}`);
    for (const app of [ours, pgA, pgB]) {
      await app.start();
      running.push(app);
    }
    const [sqliteClient, clientA, clientB] = [ours, pgA, pgB].map((a) => new Client(a.origin, 64)) as [Client, Client, Client];
    clients.push(sqliteClient, clientA, clientB);
    const pgUsers = new Users(SMALL.users);
    const sent = [0, 0];
    const configs: DbConfig[] = [
      { label: "SQLite, one instance", apps: [ours], driver: ours, users: users.get(ours)!, client: sqliteClient },
      { label: "PostgreSQL, one instance", apps: [pgA], driver: pgA, users: pgUsers, client: clientA },
      { label: "PostgreSQL, two instances", apps: [pgA, pgB], driver: pgA, users: pgUsers, client: (n: number) => alternating([clientA, clientB], n % 2, sent) },
    ];
    // Warm-up: every instance serves a few complete sign-ins itself, then a few alternating.
    for (const [app, client, u] of [[ours, sqliteClient, users.get(ours)!], [pgA, clientA, pgUsers], [pgB, clientB, pgUsers]] as const) {
      for (let i = 0; i < 6; i++) {
        const user = await u.forTotp();
        const s = await app.passwordSignIn(client, user);
        const step = s.ok ? await app.secondFactor(client, s.jar, user) : { ok: false as const, error: s.error ?? "" };
        if (!step.ok) throw new Error(`${app.name}: warm-up sign-in failed: ${step.error}`);
      }
    }
    for (let i = 0; i < 6; i++) {
      const user = await pgUsers.forTotp();
      const c = alternating([clientA, clientB], i % 2);
      const s = await pgA.passwordSignIn(c, user);
      const step = s.ok ? await pgA.secondFactor(c, s.jar, user) : { ok: false as const, error: s.error ?? "" };
      if (!step.ok) throw new Error(`warm-up sign-in alternating between the PostgreSQL instances failed: ${step.error}`);
    }
    // Each round starts with the next configuration, so none is always measured first or last.
    for (let round = 1; round <= DB_ROUNDS; round++) {
      for (const config of [...configs.slice((round - 1) % 3), ...configs.slice(0, (round - 1) % 3)]) {
        const r = await byDatabaseRound(config, running);
        const f = byDatabase.get(config.label)!;
        log(
          `  round ${round} ${config.label.padEnd(26)} ${fmt(r.perSecond)}/s · CPU per sign-in: app ${fmt(f.appCpu.at(-1), 0)} ms, PostgreSQL ${fmt(f.pgCpu.at(-1), 0)} ms, ` +
            `load generator ${fmt(f.loadCpu.at(-1), 0)} ms · machine ${fmt(f.busy.at(-1), 0)}% busy, other work ${fmt(f.others.at(-1), 0)}%${r.failed ? ` · ${r.failed} failed (${r.firstFailure})` : ""}`,
        );
      }
    }
    pgNotes.push(`two instances: requests sent to A ${sent[0]}, to B ${sent[1]}; connections to ${PG_DATABASE} open after the rounds: ${(await benchBackends()).length} (both pools)`);
  } catch (error) {
    pgSkipped = `failed: ${(error as Error).message.slice(0, 800)}`;
    log(`  PostgreSQL part ${pgSkipped}`);
  } finally {
    for (const c of clients) c.close();
    for (const app of running) await app.stop();
  }
}

function printByDatabase() {
  log(`10. complete sign-ins with TOTP per second by database (this app, median of ${DB_ROUNDS} rounds; ${os.cpus().length} cores shared by the servers,`);
  log(`    PostgreSQL and the load generator; in brackets the lowest and highest round; CPU per complete sign-in, ms)`);
  if (pgSkipped) log(`    PostgreSQL not measured: ${pgSkipped}`);
  for (const [label, f] of byDatabase) {
    log(
      `    ${label.padEnd(27)} ${`${fmt(median(f.rate))}/s`.padStart(8)} ${`(${fmt(Math.min(...f.rate))}–${fmt(Math.max(...f.rate))})`.padStart(13)}   app ${fmt(median(f.appCpu), 0).padStart(3)} · PostgreSQL ${fmt(median(f.pgCpu), 0).padStart(3)} · ` +
        `load generator ${fmt(median(f.loadCpu), 0).padStart(3)} · machine ${fmt(median(f.busy), 0)}% busy, other work ${fmt(median(f.others), 0)}%${f.failed ? ` · ${f.failed} failed (${f.firstFailure})` : ""}`,
    );
  }
  if (!ONLY_DATABASES) log(`    (figure 3, SQLite in the rounds beside the peer: ${fmt(med("complete", ours))}/s)`);
}

function howByDatabase() {
  log(`  10. Figure 3's load (password sign-in + the TOTP step, 8 virtual users, ${SECONDS} s) on the same build, after the rounds above,`);
  log(`      in ${DB_ROUNDS} rounds, each starting with the next one: SQLite (prisma/bench.db, ${SMALL.users} users), PostgreSQL ${PG_DATABASE} seeded with the same`);
  log(`      users and devices, all requests to instance A (B running, idle), then every request of every sign-in alternating`);
  log(`      between A and B (ports ${pgPortA}, ${pgPortB}; both APP_URL=${`http://localhost:${pgPortA}`}, the Origin the load sends, as behind one balancer,`);
  log(`      no sticky sessions). Pool ${POOL_SIZE} per instance; at most 8 requests are in flight, ${Number(process.env.DATABASE_POOL_SIZE || 10) >= 8 ? "so the pool never limits" : "so requests may wait for a connection"}.`);
  log(`      CPU: utime+stime of the app instances' trees, of the PostgreSQL backends connected to ${PG_DATABASE} (pg_stat_activity), of the load`);
  log(`      generator (this process), per complete sign-in; machine busy = all cores, /proc/stat; other work = the busy time none of
      those account for (other processes on the machine: noise). Before each: the servers idle, the machine under 25% (10 s at most).`);
  for (const n of pgNotes) log(`      ${n}`);
}

if (ONLY_DATABASES) {
  log();
  printByDatabase();
  log();
  howByDatabase();
  log();
  log(`bench (BENCH_ONLY=databases) finished in ${((Date.now() - startedAt) / 1000 / 60).toFixed(1)} min`);
  process.exit(0);
}

// Flatness: the same figures on the larger data set, one round each.
log();
log(`Seeding ${LARGE.users} users and ${LARGE.audit} audit events: ${seed(LARGE)}`);
await withServers(async () => {
  for (const app of apps) {
    const client = new Client(app.origin, 64);
    const sessionUsers: number[] = [];
    for (let i = 0; i < 50; i++) sessionUsers.push(await users.get(app)!.forTotp());
    const s = await app.fullSessions(client, sessionUsers);
    await warmUp(app, client, s.jars);
    await settle(app);
    const signIn = await passwordSignIns(app, client);
    record("large:signin", app, signIn.perSecond);
    await settle(app);
    const sf = await secondFactorCpu(app, client);
    if (!("error" in sf)) record("large:sfcpu", app, sf.cpuPerStep);
    await settle(app);
    const devices = await saturate({ concurrency: 16, seconds: SECONDS, task: (_w, n) => pageTask(client, s.jars, "/devices")(n) });
    record("large:devices", app, devices.perSecond);
    log(`large     ${app.name.padEnd(8)} sign-in ${fmt(signIn.perSecond)}/s · 2nd factor ${"error" in sf ? "n/a" : `${fmt(sf.cpuPerStep)} ms CPU`} · /devices ${fmt(devices.perSecond, 0)}/s`);
    client.close();
  }
});

// `npm run dev` (this app) and `next dev` (peer) from a warm start: one start to fill the caches, then
// the measured one, until the first GET /sign-in answers 200.
log();
const dev = new Map<App, number>();
{
  const oursDev = {
    cmd: "npm",
    args: ["run", "dev"],
    cwd: APP_DIR,
    env: { PORT: String(oursDevPort), DATABASE_URL: "file:./prisma/bench-dev.db", NEXT_DIST_DIR: ".next-bench-dev", APP_URL: `http://localhost:${oursDevPort}`, NEXTAUTH_URL: `http://localhost:${oursDevPort}`, NEXT_TELEMETRY_DISABLED: "1" },
    origin: `http://localhost:${oursDevPort}`,
    timeoutMs: 240_000,
  };
  const peerDev = {
    cmd: process.execPath,
    args: ["node_modules/next/dist/bin/next", "dev", "-p", String(peerDevPort)],
    cwd: PEER_DIR,
    env: { ...peer.env(), PEER_DB: path.join(ROOT, ".bench/peer-dev.db"), BETTER_AUTH_URL: `http://localhost:${peerDevPort}` },
    origin: `http://localhost:${peerDevPort}`,
    timeoutMs: 240_000,
  };
  // The app's predev step compares a stamp (prisma/.dev-setup-stamp) with the database it sets up; the
  // bench keeps its own stamp for bench-dev.db between runs (scripts/bench.sh puts the developer's back).
  const benchStamp = path.join(APP_DIR, ".bench/dev-setup-stamp.bench");
  const devStamp = path.join(APP_DIR, "prisma/.dev-setup-stamp");
  if (existsSync(benchStamp)) copyFileSync(benchStamp, devStamp);
  else rmSync(devStamp, { force: true });
  const cached = new Map<App, boolean>([
    [ours, existsSync(benchStamp) && existsSync(path.join(APP_DIR, ".next-bench-dev"))],
    [peer, existsSync(path.join(PEER_DIR, ".next/dev"))],
  ]);
  for (const [app, spec] of [[ours, oursDev], [peer, peerDev]] as const) {
    try {
      let first = "caches from an earlier run";
      if (!cached.get(app)) {
        const prime = await launch(spec);
        await kill(prime.child);
        first = `${fmt(prime.seconds)} s`;
      }
      const warm = await launch(spec);
      await kill(warm.child);
      dev.set(app, warm.seconds);
      log(`dev start ${app.name.padEnd(8)} first start ${first}; warm start ${fmt(warm.seconds)} s`);
    } catch (error) {
      log(`dev start ${app.name.padEnd(8)} failed: ${(error as Error).message.slice(0, 400)}`);
    }
  }
  if (existsSync(devStamp)) {
    mkdirSync(path.dirname(benchStamp), { recursive: true });
    copyFileSync(devStamp, benchStamp);
  }
}

// ---------------------------------------------------------------------------------------------------
// Summary

const row = (label: string, a: number | undefined, b: number | undefined, unit: string, digits = 1, ratioNote = "") => {
  const ratio = a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : "";
  log(`${label.padEnd(50)} ${`${fmt(a, digits)} ${unit}`.padStart(16)} ${`${fmt(b, digits)} ${unit}`.padStart(16)} ${ratio.padStart(8)}  ${ratioNote}`);
};
log();
log("=".repeat(100));
log(`${"figure (median of rounds)".padEnd(50)} ${"this app".padStart(16)} ${"peer".padStart(16)} ${"ratio".padStart(8)}  (this app / peer)`);
log("-".repeat(100));
row("1. password sign-in, requests/s (saturation)", med("signin", ours), med("signin", peer), "/s");
row("2. CPU per second-factor step (TOTP)", med("sfcpu", ours), med("sfcpu", peer), "ms", 1, "lower is better");
row("   requests per step", requestsPerStep.get(ours), requestsPerStep.get(peer), "", 1);
row("3. complete sign-ins with TOTP per second", med("complete", ours), med("complete", peer), "/s");
for (const p of ["devices", "account"]) {
  row(`4. /${p} at saturation, requests/s`, med(`${p}:rps`, ours), med(`${p}:rps`, peer), "/s", 0);
  row(`   /${p} p50 at ${FIXED_RATE} requests/s`, med(`${p}:p50`, ours), med(`${p}:p50`, peer), "ms", 1, "lower is better");
  row(`   /${p} p99 at ${FIXED_RATE} requests/s`, med(`${p}:p99`, ours), med(`${p}:p99`, peer), "ms", 1, `lower is better; served ${fmt(med(`${p}:achieved`, ours), 0)} vs ${fmt(med(`${p}:achieved`, peer), 0)}/s`);
}
row("5. server memory (RSS, process tree), idle", idle.get(ours), idle.get(peer), "MB", 0);
row("   peak under load", peak.get(ours), peak.get(peer), "MB", 0, "lower is better");
const h = (a: App) => handles.get(a);
row("6. open handles on the SQLite file (db+wal+shm)", h(ours)?.total, h(peer)?.total, "", 0, `this app ${h(ours)?.db}+${h(ours)?.wal}+${h(ours)?.shm}, peer ${h(peer)?.db}+${h(peer)?.wal}+${h(peer)?.shm}, after the last load round`);
for (const name of ["/sign-in", "/sign-up", "/sign-in/verify", "/devices", "/account"]) {
  row(`7. first-load JS ${name === "/sign-in/verify" ? "second-factor page" : name}, gzip`, med(`js:${name}`, ours), med(`js:${name}`, peer), "kB", 1, "lower is better");
}
row("8. dev server, warm start → first /sign-in 200", dev.get(ours), dev.get(peer), "s", 1, "lower is better");
log("-".repeat(100));
const change = (metric: string, app: App) => {
  const small = med(metric, app);
  const large = med(`large:${metric}`, app);
  return `${fmt(small)} → ${fmt(large)} (${Number.isFinite(small) && Number.isFinite(large) ? `${large >= small ? "+" : ""}${(((large - small) / small) * 100).toFixed(0)}%` : "n/a"})`;
};
log(`9. flatness: ${SMALL.users} users → ${LARGE.users} users + ${LARGE.audit} audit events (this app; the peer has no audit log)`);
for (const app of apps) {
  log(`   ${app.name.padEnd(9)} sign-in/s ${change("signin", app)} · 2nd-factor CPU ms ${change("sfcpu", app)} · /devices/s ${(() => {
    const s = med("devices:rps", app);
    const l = med("large:devices", app);
    return `${fmt(s, 0)} → ${fmt(l, 0)} (${Number.isFinite(s) && Number.isFinite(l) ? `${l >= s ? "+" : ""}${(((l - s) / s) * 100).toFixed(0)}%` : "n/a"})`;
  })()}`);
}
printByDatabase();
log();
log("7. first-load JS per page (every /_next/static script the HTML loads, each gzipped at zlib's default level):");
for (const r of jsRows) log(r);
log();
log("How each figure was measured");
log(`  1. ${ours.name}: GET /api/auth/csrf, then POST /api/auth/callback/password (next-auth credentials provider "password") with`);
log(`     email, password, csrfToken, json=true; peer: POST /api/auth/sign-in/email. Both end holding a password-only session`);
log(`     (MFA is on for every user). 8 virtual users, ${SECONDS} s.`);
log(`  2. Server CPU (utime+stime of the whole process tree, /proc/<pid>/stat) over ${STEPS} steps / ${STEPS}, 4 at a time; the`);
log(`     password sign-ins that give the pending sessions happen before the CPU is read. A step includes:`);
log(`       ${ours.name}: ${ours.stepIncludes}`);
log(`       peer: ${peer.stepIncludes}`);
for (const app of apps) if (sfErrors.has(app)) log(`     ${app.name}: not available: ${sfErrors.get(app)}`);
log(`  3. Password sign-in + that step, 8 virtual users, ${SECONDS} s; a user's TOTP is never used twice within 31 s.`);
log(`  4. GET with the cookies of ${SESSIONS} different signed-in users, round robin: 16 virtual users for ${SECONDS} s, then ${FIXED_RATE}/s`);
log(`     open-model for ${SECONDS - 1} s. Sessions: ${ours.name}: ${sessionHow.get(ours)}; peer: ${sessionHow.get(peer)}.`);
log(`  5. VmRSS summed over the server's process tree: after warm-up, then the peak sampled every 100 ms during the rounds.`);
log(`  6. /proc/<pid>/fd links of the tree to the database file, its -wal and its -shm, after the last round.`);
log(`  7. The page's HTML fetched with the cookie it needs (none, password-only, complete), its /_next/static script srcs (not noModule ones)`);
log(`     downloaded and gzipped one by one. The peer's second-factor page is /two-factor.`);
log(`  8. ${ours.name}: \`npm run dev\` (its predev database check included) on prisma/bench-dev.db with NEXT_DIST_DIR=.next-bench-dev;`);
log(`     peer: \`next dev\`. A first start fills the caches; the second is timed from spawn to the first GET /sign-in 200.`);
log(`  9. The same data shape re-seeded at ${LARGE.users} users (+${LARGE.audit} audit events for this app), one round each of 1, 2 and /devices.`);
howByDatabase();
for (const n of notes) log(`  note: ${n}`);
log();
// Figure 11 (issue 13): the admin user list's query at 10,000 users, in-process on scratch databases.
spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/admin-users.ts"], { cwd: ROOT, stdio: "inherit" });
log();
log(`bench finished in ${((Date.now() - startedAt) / 1000 / 60).toFixed(1)} min`);
