import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";
import { holdWriteLock } from "./fixtures/server-process";
import { generateApplicationSecret } from "../lib/applications/application-secret";

/**
 * The flow API's applications (issue 10): keys made and revoked by the operator's scripts, bearer
 * authentication on every request, errors as problem documents, and a per-application limit counted in
 * the database (on PostgreSQL the requests alternate between two instances, which share the count).
 */
const run = promisify(execFile);
const applications = (...args: string[]) => run("npx", ["tsx", "scripts/applications.ts", ...args], { env: process.env });

const RESOURCES = [
  { method: "GET", path: "/api/v1/users?externalId=someone" },
  { method: "GET", path: "/api/v1/users/some-user-id" },
  { method: "POST", path: "/api/v1/users", data: '{"email":"nobody@example.test"}' },
] as const;

test("`npm run app:create` prints a key that works; `npm run app:revoke` stops it at once, on every instance", async ({ request }) => {
  const created = await applications("create", "--name", "E2E Shop", "--rate-limit", "100");
  const clientId = /client id: (app_\w+)/.exec(created.stdout)?.[1];
  const secret = /secret: +(mfa_sk_\w+)/.exec(created.stdout)?.[1];
  expect(clientId, created.stdout).toBeTruthy();
  expect(secret, created.stdout).toMatch(/^mfa_sk_[0-9A-Za-z]{49}$/);
  const row = await db.apiApplication.findUniqueOrThrow({ where: { clientId: clientId! } });
  expect(row).toMatchObject({ name: "E2E Shop", rateLimitPerMinute: 100, revokedAt: null, lastUsedAt: null });
  expect(row.secretHash).not.toContain(secret!.slice(7, 20));
  expect((await applications("list")).stdout).toContain(`${clientId}  E2E Shop  (active; never used;`);

  for (let i = 0; i < 2; i++) {
    const answer = await request.get("/api/v1/users?externalId=nobody", { headers: bearer(secret!) });
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/hal+json");
    expect(await answer.json()).toMatchObject({ count: 0, _embedded: { users: [] } });
  }
  expect((await db.apiApplication.findUniqueOrThrow({ where: { clientId: clientId! } })).lastUsedAt).not.toBeNull();

  expect((await applications("revoke", "--id", clientId!)).stdout).toContain(`Revoked "E2E Shop" (${clientId})`);
  // Twice, so that on PostgreSQL each instance answers once.
  for (let i = 0; i < 2; i++) {
    const refused = await request.get("/api/v1/users?externalId=nobody", { headers: bearer(secret!) });
    await expectProblem(refused, 401, "INVALID_CREDENTIALS");
    expect(refused.headers()["www-authenticate"]).toBe('Bearer realm="api", error="invalid_token"');
  }
  expect((await applications("revoke", "--id", clientId!)).stdout).toContain("was already revoked");
  expect(await db.auditEvent.count({ where: { applicationId: row.id, action: { in: ["application.created", "application.revoked"] } } })).toBe(2);
});

test("no key, a malformed key, an unknown key and a revoked key are 401 problems on every resource, and change nothing", async ({ request }) => {
  const revoked = await createTestApplication();
  await db.apiApplication.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  // Well-formed, checksum and all, but never issued.
  const unknown = generateApplicationSecret();
  const usersBefore = await db.user.count();
  const cases: Array<{ headers: Record<string, string>; code: string }> = [
    { headers: {}, code: "UNAUTHENTICATED" },
    { headers: { Authorization: "" }, code: "UNAUTHENTICATED" },
    { headers: { Authorization: `Basic ${Buffer.from("user:pass").toString("base64")}` }, code: "INVALID_CREDENTIALS" },
    { headers: { Authorization: "Bearer" }, code: "INVALID_CREDENTIALS" },
    { headers: { Authorization: "Bearer not-a-key" }, code: "INVALID_CREDENTIALS" },
    { headers: bearer(`${revoked.secret.slice(0, -1)}x`), code: "INVALID_CREDENTIALS" },
    { headers: bearer(unknown), code: "INVALID_CREDENTIALS" },
    { headers: bearer(revoked.secret), code: "INVALID_CREDENTIALS" },
  ];
  for (const resource of RESOURCES) {
    for (const { headers, code } of cases) {
      const response = await request.fetch(resource.path, {
        method: resource.method,
        headers: { ...headers, ...("data" in resource ? { "Content-Type": "application/json" } : {}) },
        ...("data" in resource ? { data: resource.data } : {}),
      });
      await expectProblem(response, 401, code);
      expect(response.headers()["www-authenticate"]).toMatch(/^Bearer realm="api"/);
    }
  }
  // The unknown key and the revoked one read alike: an answer never confirms that a key once existed.
  const [a, b] = await Promise.all([bearer(unknown), bearer(revoked.secret)].map(async (headers) => (await request.get("/api/v1/users/x", { headers })).json()));
  expect(a).toEqual(b);
  expect(await db.user.count()).toBe(usersBefore);
});

test("past its own limit an application gets 429 with Retry-After; other applications are not affected", async ({ request }) => {
  const limited = await createTestApplication({ rateLimitPerMinute: 3 });
  const other = await createTestApplication();
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await request.get("/api/v1/users?externalId=x", { headers: bearer(limited.secret) })).status());
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  // Every kind of request counts, bad ones included: they cost us as much.
  const refused = await request.post("/api/v1/users", { headers: { ...bearer(limited.secret), "Content-Type": "application/json" }, data: "{" });
  const body = await expectProblem(refused, 429, "RATE_LIMITED");
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
  expect(body.detail).toMatch(/^This application has made too many requests\. Try again in \d+ (seconds?|minute)\.$/);
  expect((await request.get("/api/v1/users?externalId=x", { headers: bearer(other.secret) })).status()).toBe(200);
});

test("a path that is no resource is a 404 problem, a method a resource lacks a 405 problem with Allow, and a type's URL describes it", async ({ request }) => {
  const application = await createTestApplication();
  for (const path of ["/api/v1", "/api/v1/nothing", "/api/v1/users/abc/sessions", "/api/v1/users/abc/devices/def/extra", "/api/v1/flowExecutions", "/api/v1/problems"]) {
    await expectProblem(await request.get(path, { headers: bearer(application.secret) }), 404, "NOT_FOUND");
    await expectProblem(await request.post(path, { headers: bearer(application.secret), data: "{}" }), 404, "NOT_FOUND");
  }
  const put = await request.put("/api/v1/users", { headers: { ...bearer(application.secret), "Content-Type": "application/json" }, data: "{}" });
  await expectProblem(put, 405, "METHOD_NOT_ALLOWED");
  expect(put.headers()["allow"]).toBe("GET, POST");
  const del = await request.delete("/api/v1/users/abc", { headers: bearer(application.secret) });
  await expectProblem(del, 405, "METHOD_NOT_ALLOWED");
  expect(del.headers()["allow"]).toBe("GET");

  const problem = await expectProblem(await request.get("/api/v1/users/x", { headers: bearer(application.secret) }), 404, "NOT_FOUND");
  const described = await request.get(String(problem.type));
  expect(described.status()).toBe(200);
  expect(await described.json()).toMatchObject({ type: problem.type, code: "NOT_FOUND", status: 404, title: problem.title, description: expect.any(String) });
});

/**
 * Another process holding what the request must write: SQLite's write lock (scripts/hold-write-lock.mjs),
 * or on PostgreSQL a lock on the rate-limit table, which every API request writes, held past the
 * servers' lock_timeout (DATABASE_BUSY_TIMEOUT_MS, 3 s in playwright.config.ts).
 */
async function holdRateLimitWrites(ms: number): Promise<{ released: Promise<unknown> }> {
  if (process.env.E2E_DATABASE !== "postgresql") return holdWriteLock(ms);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "RateLimit" IN EXCLUSIVE MODE');
  const released = new Promise((resolve) => setTimeout(resolve, ms)).then(async () => {
    await client.query("COMMIT");
    await client.end();
  });
  return { released };
}

test("a busy database is a 503 problem with Retry-After, and the next request works", async ({ request }) => {
  const application = await createTestApplication();
  // Used once already, so the request below writes only its rate-limit count.
  expect((await request.get("/api/v1/users?externalId=x", { headers: bearer(application.secret) })).status()).toBe(200);
  const lock = await holdRateLimitWrites(5000);
  const busy = await request.post("/api/v1/users", {
    headers: { ...bearer(application.secret), "Content-Type": "application/json" },
    data: JSON.stringify({ email: "busy@example.test" }),
    timeout: 20_000,
  });
  await expectProblem(busy, 503, "SERVICE_BUSY");
  expect(busy.headers()["retry-after"]).toBe("2");
  await lock.released;
  expect((await request.get("/api/v1/users?externalId=x", { headers: bearer(application.secret) })).status()).toBe(200);
  expect(await db.user.count({ where: { email: "busy@example.test" } })).toBe(0);
});
