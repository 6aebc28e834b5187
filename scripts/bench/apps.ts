/**
 * The two apps as the bench drives them: how each starts, signs in, passes its second factor, and
 * which pages it has. Both get the same users (scripts/bench/shared.ts), seeded the same way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { Client, Jar, form, type Reply, type Requester } from "./http";
import { oursSecondFactor, type StepResult } from "./ours-second-factor";
import { PASSWORD, emailOf, totpCode } from "./shared";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PEER_DIR = path.join(ROOT, ".bench/peer");
/**
 * The checkout of the app under test: this one, or BENCH_APP_DIR (another branch's tree, e.g. exported
 * with `git archive <commit> | tar -x -C .bench/other`, with node_modules and lib/generated beside it).
 */
export const APP_DIR = process.env.BENCH_APP_DIR ? path.resolve(ROOT, process.env.BENCH_APP_DIR) : ROOT;
export const AUTH_SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

export type Page = { name: string; path: string; needs: "none" | "pending" | "full" };

export interface App {
  readonly name: string;
  readonly origin: string;
  readonly dbFile: string;
  readonly pages: Page[];
  pid(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Password only: a session that still needs its second factor (both seeds turn MFA on for all). */
  passwordSignIn(client: Requester, user: number): Promise<{ ok: boolean; jar: Jar; error?: string }>;
  secondFactor(client: Requester, jar: Jar, user: number): Promise<StepResult>;
  /** What one second-factor step includes, in words. */
  readonly stepIncludes: string;
  /** Cookies of complete sessions for these users, and how they were obtained. */
  fullSessions(client: Requester, users: number[]): Promise<{ jars: Jar[]; how: string }>;
}

async function waitUntilUp(origin: string, child: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const client = new Client(origin, 1);
  const start = Date.now();
  try {
    while (Date.now() - start < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
      try {
        const r = await client.request({ path: "/sign-in" }, 30_000);
        if (r.status === 200) return (Date.now() - start) / 1000;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server at ${origin} did not answer /sign-in within ${timeoutMs / 1000} s:\n${log()}`);
  } finally {
    client.close();
  }
}

/** Starts a command in its own process group and waits until GET /sign-in answers 200; seconds. */
export async function launch(options: { cmd: string; args: string[]; cwd: string; env: Record<string, string>; origin: string; timeoutMs?: number }) {
  const t0 = performance.now();
  const child = spawn(options.cmd, options.args, { cwd: options.cwd, env: { ...process.env, ...options.env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  await waitUntilUp(options.origin, child, () => output, options.timeoutMs);
  return { child, seconds: (performance.now() - t0) / 1000, output: () => output };
}

export async function kill(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    /* gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Ports nothing listens on now (other worktrees run their own servers on this machine): any the system
 * hands out, or the first free ones of BENCH_PORTS (e.g. 3500-3599) where only a range may be used.
 */
export async function freePorts(n: number): Promise<number[]> {
  const { createServer } = await import("node:net");
  const listen = (port: number) =>
    new Promise<import("node:net").Server | undefined>((resolve) => {
      const s = createServer();
      s.once("error", () => resolve(undefined));
      s.listen(port, () => resolve(s));
    });
  const servers: import("node:net").Server[] = [];
  const range = process.env.BENCH_PORTS ? /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS.trim()) : null;
  if (process.env.BENCH_PORTS && !range) throw new Error("BENCH_PORTS must be a range, e.g. 3500-3599");
  if (range) {
    for (let port = Number(range[1]); port <= Number(range[2]) && servers.length < n; port++) {
      const s = await listen(port);
      if (s) servers.push(s);
    }
    if (servers.length < n) throw new Error(`BENCH_PORTS ${process.env.BENCH_PORTS}: fewer than ${n} free ports`);
  } else {
    for (let i = 0; i < n; i++) servers.push((await listen(0))!);
  }
  const ports = servers.map((s) => (s.address() as import("node:net").AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function fourAtATime<T>(items: T[], fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all([0, 1, 2, 3].map(async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

const ok = (r: Reply, status = 200) => r.status === status;

/**
 * The app: a production build (.next-bench) through server.mjs, on the database its env's DATABASE_URL
 * names. Several instances of it behind one address share `appOrigin` (APP_URL, NEXTAUTH_URL), as they
 * would behind a load balancer: the browser's Origin is then that address whichever instance answers.
 */
export class Ours implements App {
  readonly name: string;
  readonly origin: string;
  /** The address the app believes it has (APP_URL), and the Origin its pages' requests carry. */
  readonly appOrigin: string;
  /** The SQLite file, or "" on PostgreSQL. */
  readonly dbFile: string;
  private child: ChildProcess | undefined;
  readonly stepIncludes =
    "GET /sign-in/verify, then one JSON POST /api/flows/<id>/events per user action (choose the authenticator app, submit the code; plus any event the page's script sends itself), until the answer sets the complete session";
  readonly pages: Page[];

  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
    options: { name?: string; appOrigin?: string } = {},
  ) {
    this.name = options.name ?? "this app";
    this.origin = `http://localhost:${port}`;
    this.appOrigin = options.appOrigin ?? this.origin;
    this.dbFile = env.DATABASE_URL!.startsWith("file:") ? path.resolve(APP_DIR, env.DATABASE_URL!.replace(/^file:/, "")) : "";
    this.pages = [
      { name: "/sign-in", path: "/sign-in", needs: "none" },
      { name: "/sign-up", path: "/sign-up", needs: "none" },
      { name: "/sign-in/verify", path: "/sign-in/verify", needs: "pending" },
      { name: "/devices", path: "/devices", needs: "full" },
      { name: "/account", path: "/account", needs: "full" },
      { name: "/widget/device-management", path: `/widget/device-management?parentOrigin=${encodeURIComponent(this.appOrigin)}`, needs: "full" },
    ];
  }
  pid() {
    return this.child!.pid!;
  }
  async start() {
    const { child } = await launch({
      cmd: process.execPath,
      args: ["server.mjs"],
      cwd: APP_DIR,
      env: { ...this.env, PORT: String(this.port), APP_URL: this.appOrigin, NEXTAUTH_URL: this.appOrigin, WIDGET_ALLOWED_ORIGINS: this.appOrigin, NODE_ENV: "production" },
      origin: this.origin,
    });
    this.child = child;
  }
  async stop() {
    await kill(this.child);
    this.child = undefined;
  }

  /** next-auth's credentials sign-in as the form does it: its CSRF token, then the callback. */
  async passwordSignIn(client: Requester, user: number) {
    const jar = new Jar();
    const csrf = jar.take(await client.request({ path: "/api/auth/csrf" }));
    if (!ok(csrf)) return { ok: false, jar, error: `csrf ${csrf.status}` };
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const r = jar.take(
      await client.request({
        method: "POST",
        path: "/api/auth/callback/password",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header(), Origin: this.appOrigin },
        body: form({ email: emailOf(user), password: PASSWORD, csrfToken, callbackUrl: "/account", json: "true" }),
      }),
    );
    const url = r.status === 200 ? (JSON.parse(r.body) as { url?: string }).url : undefined;
    if (!ok(r) || !jar.get("next-auth.session-token") || !url || url.includes("error=")) return { ok: false, jar, error: `callback ${r.status} ${url ?? r.body.slice(0, 120)}` };
    return { ok: true, jar };
  }

  secondFactor(client: Requester, jar: Jar, user: number) {
    return oursSecondFactor({ client, jar, origin: this.appOrigin, totpDeviceId: `bd${user}totp`, code: () => totpCode(user) });
  }

  /**
   * Complete sessions through the real second factor when the door works; otherwise (main's code
   * before the new door) written the way the second factor writes them: a Session row of a new family
   * with "pwd,totp", and next-auth's encrypted cookie naming it (lib/auth/session-cookie.ts).
   */
  async fullSessions(client: Requester, users: number[]) {
    const jars: Jar[] = [];
    const first = await this.passwordSignIn(client, users[0]!);
    const probe = first.ok ? await this.secondFactor(client, first.jar, users[0]!) : { ok: false as const, requests: 0, error: first.error ?? "" };
    if (probe.ok) {
      jars.push(first.jar);
      await fourAtATime(users.slice(1), async (u) => {
        const s = await this.passwordSignIn(client, u);
        if (s.ok && (await this.secondFactor(client, s.jar, u)).ok) jars.push(s.jar);
      });
      return { jars, how: "real sign-ins (password + TOTP through the flow door)" };
    }
    const db = new Database(this.dbFile);
    const insert = db.prepare(
      `INSERT INTO "Session" (id, familyId, userId, authMethods, authenticatedAt, secondFactorPending, createdAt, lastSeenAt, expiresAt, ip, userAgent) VALUES (?, ?, ?, 'pwd,totp', ?, 0, ?, ?, ?, '127.0.0.1', 'bench')`,
    );
    const iso = (t: number) => new Date(t).toISOString().replace("Z", "+00:00");
    const now = Date.now();
    for (const u of users) {
      const id = `benchsession${randomUUID().replaceAll("-", "")}`;
      insert.run(id, randomUUID(), `benchuser${u}`, iso(now), iso(now), iso(now), iso(now + 60 * 60_000));
      const token = await encode({ token: { sub: `benchuser${u}`, sid: id }, secret: AUTH_SECRET, maxAge: 60 * 60 });
      jars.push(new Jar({ "next-auth.session-token": token }));
    }
    db.close();
    return { jars, how: `written directly (Session row + next-auth cookie), because the second factor is not available: ${probe.ok ? "" : probe.error}` };
  }
}

/** The peer: better-auth's email and password, twoFactor (TOTP) and passkey plugins, `next start`. */
export class Peer implements App {
  readonly name = "peer";
  readonly origin: string;
  private child: ChildProcess | undefined;
  readonly stepIncludes = "GET /two-factor (its TOTP page), then POST /api/auth/two-factor/verify-totp, which sets the complete session";
  readonly pages: Page[] = [
    { name: "/sign-in", path: "/sign-in", needs: "none" },
    { name: "/sign-up", path: "/sign-up", needs: "none" },
    { name: "/two-factor", path: "/two-factor", needs: "pending" },
    { name: "/devices", path: "/devices", needs: "full" },
    { name: "/account", path: "/account", needs: "full" },
  ];

  constructor(
    readonly port: number,
    readonly dbFile: string,
  ) {
    this.origin = `http://localhost:${port}`;
  }
  pid() {
    return this.child!.pid!;
  }
  env() {
    return { PEER_DB: this.dbFile, BETTER_AUTH_URL: this.origin, BETTER_AUTH_SECRET: AUTH_SECRET, PEER_RATE_LIMIT: "off", NEXT_TELEMETRY_DISABLED: "1" };
  }
  async start() {
    const { child } = await launch({
      cmd: process.execPath,
      args: ["node_modules/next/dist/bin/next", "start", "-p", String(this.port)],
      cwd: PEER_DIR,
      env: { ...this.env(), NODE_ENV: "production" },
      origin: this.origin,
    });
    this.child = child;
  }
  async stop() {
    await kill(this.child);
    this.child = undefined;
  }

  async passwordSignIn(client: Requester, user: number) {
    const jar = new Jar();
    const r = jar.take(
      await client.request({
        method: "POST",
        path: "/api/auth/sign-in/email",
        headers: { "Content-Type": "application/json", Origin: this.origin },
        body: JSON.stringify({ email: emailOf(user), password: PASSWORD }),
      }),
    );
    const twoFactor = r.status === 200 && (JSON.parse(r.body) as { twoFactorRedirect?: boolean }).twoFactorRedirect;
    if (!twoFactor || !jar.names().some((n) => n.endsWith("two_factor"))) return { ok: false, jar, error: `sign-in ${r.status} ${r.body.slice(0, 120)}` };
    return { ok: true, jar };
  }

  async secondFactor(client: Requester, jar: Jar, user: number): Promise<StepResult> {
    const page = jar.take(await client.request({ path: "/two-factor", headers: { Cookie: jar.header(), Accept: "text/html" } }));
    if (page.status !== 200) return { ok: false, requests: 1, error: `GET /two-factor answered ${page.status}` };
    const r = jar.take(
      await client.request({
        method: "POST",
        path: "/api/auth/two-factor/verify-totp",
        headers: { "Content-Type": "application/json", Origin: this.origin, Cookie: jar.header() },
        body: JSON.stringify({ code: totpCode(user) }),
      }),
    );
    if (r.status !== 200 || !jar.names().some((n) => n.endsWith("session_token"))) return { ok: false, requests: 2, error: `verify-totp ${r.status} ${r.body.slice(0, 120)}` };
    return { ok: true, requests: 2 };
  }

  async fullSessions(client: Requester, users: number[]) {
    const jars: Jar[] = [];
    let error = "";
    await fourAtATime(users, async (u) => {
      const s = await this.passwordSignIn(client, u);
      const step = s.ok ? await this.secondFactor(client, s.jar, u) : { ok: false as const, requests: 0, error: s.error ?? "" };
      if (step.ok) jars.push(s.jar);
      else error ||= step.error;
    });
    return { jars, how: `real sign-ins (password + TOTP)${error ? `; first failure: ${error}` : ""}` };
  }
}
