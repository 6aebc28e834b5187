import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { ApiProblem } from "@/lib/api/problem";
import { describeWait } from "@/lib/rate-limit/describe-wait";
import { createApplication } from "@/lib/applications/create-application";

const route = { params: Promise.resolve({}) };
const get = (authorization?: string) => new Request("http://localhost/api/v1/test", { headers: authorization ? { Authorization: authorization } : {} });

test("a handler runs only for an authenticated application, which it is told about", async () => {
  const created = await createApplication({ db, name: "Door" });
  let seen: string | undefined;
  const handler = apiHandler(async (_request, { application }) => {
    seen = application.clientId;
    return new Response("ok");
  });
  const refused = await handler(get(), route);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get("content-type"), "application/problem+json");
  assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="api"');
  assert.equal(seen, undefined);
  const answered = await handler(get(`Bearer ${created.secret}`), route);
  assert.equal(answered.status, 200);
  assert.equal(seen, created.clientId);
});

test("past its limit an application gets 429 with Retry-After, and its handler does not run", async () => {
  const created = await createApplication({ db, name: "Busy", rateLimitPerMinute: 2 });
  let runs = 0;
  const handler = apiHandler(async () => {
    runs += 1;
    return new Response("ok");
  });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await handler(get(`Bearer ${created.secret}`), route)).status);
  assert.deepEqual(statuses, [200, 200, 429, 429]);
  assert.equal(runs, 2);
  const limited = await handler(get(`Bearer ${created.secret}`), route);
  const retryAfter = Number(limited.headers.get("retry-after"));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
  assert.deepEqual(await limited.json(), {
    type: `${config().appUrl}/api/v1/problems/rate-limited`,
    title: "Too many requests",
    status: 429,
    code: "RATE_LIMITED",
    detail: `This application has made too many requests. Try again in ${describeWait(retryAfter)}.`,
  });
});

test("what a handler throws becomes a problem: its own with its status, anything else a generic 500", async (t) => {
  t.mock.method(console, "error", () => undefined);
  const created = await createApplication({ db, name: "Thrower" });
  const conflict = await apiHandler(async () => {
    throw new ApiProblem("USER_EXISTS", "A user with this email address already exists.");
  })(get(`Bearer ${created.secret}`), route);
  assert.equal(conflict.status, 409);
  assert.equal(((await conflict.json()) as { code: string }).code, "USER_EXISTS");
  const crash = await apiHandler(async () => {
    throw new Error("connect ECONNREFUSED 10.0.0.5:5432");
  })(get(`Bearer ${created.secret}`), route);
  assert.equal(crash.status, 500);
  assert.ok(!(await crash.text()).includes("ECONNREFUSED"));
});

test("a method a resource lacks is 405 with Allow, as a problem", async () => {
  const response = await methodNotAllowed(["GET", "POST"])();
  assert.equal(response.status, 405);
  assert.equal(response.headers.get("allow"), "GET, POST");
  assert.equal(response.headers.get("content-type"), "application/problem+json");
});
