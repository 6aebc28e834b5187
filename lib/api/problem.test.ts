import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors/app-error";
import { config } from "@/lib/config";
import { ApiProblem, PROBLEMS, problemCodeOfSlug, problemFromError, problemResponse, problemSlug, problemTypeDescription, type ProblemCode } from "@/lib/api/problem";

async function read(response: Response) {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  assert.equal(response.headers.get("cache-control"), "no-store");
  return (await response.json()) as Record<string, unknown>;
}

test("a problem document has type, title, status, code and detail (RFC 9457), and its headers", async () => {
  const response = problemResponse("RATE_LIMITED", "Wait a little.", { headers: { "Retry-After": "12" } });
  assert.equal(response.status, 429);
  assert.equal(response.headers.get("retry-after"), "12");
  assert.deepEqual(await read(response), {
    type: `${config().appUrl}/api/v1/problems/rate-limited`,
    title: "Too many requests",
    status: 429,
    code: "RATE_LIMITED",
    detail: "Wait a little.",
  });
});

test("validation problems list each failing field; extensions never override the standard members", async () => {
  const errors = [{ field: "email", pointer: "/email", detail: "Enter a valid email address." }];
  const body = await read(problemResponse("VALIDATION_FAILED", "See errors.", { errors, extensions: { status: 200, code: "OK", existingUser: "x" } }));
  assert.equal(body.status, 400);
  assert.equal(body.code, "VALIDATION_FAILED");
  assert.equal(body.existingUser, "x");
  assert.deepEqual(body.errors, errors);
});

test("the domain's typed errors keep their safe words and get their status; a rate limit always says when to retry", async () => {
  const invalid = problemFromError(new AppError("VALIDATION", "Please correct the highlighted fields.", { phone: ["Enter a valid phone number."] }));
  assert.equal(invalid.status, 400);
  assert.deepEqual((await read(invalid)).errors, [{ field: "phone", pointer: "/phone", detail: "Enter a valid phone number." }]);
  const expected: Array<[AppError["code"], number]> = [
    ["UNAUTHENTICATED", 401],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["FORBIDDEN", 403],
    ["EXPIRED", 410],
    ["LOCKED", 423],
    ["REAUTH_REQUIRED", 403],
  ];
  for (const [code, status] of expected) {
    const response = problemFromError(new AppError(code, "Said safely."));
    assert.equal(response.status, status, code);
    assert.equal((await read(response)).detail, "Said safely.");
  }
  const timed = problemFromError(new AppError("RATE_LIMITED", "Try again in 2 minutes.", undefined, 97));
  assert.equal(timed.status, 429);
  assert.equal(timed.headers.get("retry-after"), "97");
  assert.equal(problemFromError(new AppError("RATE_LIMITED", "Too many.")).headers.get("retry-after"), "60");
});

test("a busy database is 503 with Retry-After; any other error is a generic 500 that names only an occurrence id", async (t) => {
  const warn = t.mock.method(console, "warn", () => undefined);
  const busy = problemFromError(Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/app/prisma/dev.db"), { code: "P1008" }));
  assert.equal(busy.status, 503);
  assert.equal(busy.headers.get("retry-after"), "2");
  const busyBody = await read(busy);
  assert.equal(busyBody.code, "SERVICE_BUSY");
  assert.ok(!JSON.stringify(busyBody).includes("SQLITE"));
  assert.equal(warn.mock.callCount(), 1);

  const logged = t.mock.method(console, "error", () => undefined);
  const secret = new TypeError("Cannot read properties of undefined (reading 'passwordHash') at /srv/app/lib/x.ts:12");
  for (const thrown of [secret, "a string", null, { code: "P2002" }]) {
    const response = problemFromError(thrown);
    assert.equal(response.status, 500);
    const body = await read(response);
    const text = JSON.stringify(body);
    assert.ok(!text.includes("passwordHash") && !text.includes("/srv/") && !text.includes("a string") && !text.includes("P2002"), text);
    assert.equal(body.code, "INTERNAL_ERROR");
    assert.match(String(body.instance), /^urn:uuid:[0-9a-f-]{36}$/);
    // The id the client sees is the one in our log, next to the real error.
    assert.ok(String(logged.mock.calls.at(-1)!.arguments[0]).includes(String(body.instance).slice("urn:uuid:".length)));
  }
});

test("every problem type has a stable slug, a 4xx or 5xx status, and a page at its URL", async () => {
  for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
    assert.equal(problemCodeOfSlug(problemSlug(code)), code);
    assert.ok(PROBLEMS[code].status >= 400 && PROBLEMS[code].status < 600, code);
    const page = problemTypeDescription(problemSlug(code));
    assert.equal(page.status, 200);
    assert.deepEqual(await page.json(), { type: `${config().appUrl}/api/v1/problems/${problemSlug(code)}`, code, ...PROBLEMS[code] });
  }
  for (const slug of ["nope", "__proto__", "constructor", "", "rate_limited_"]) assert.equal(problemTypeDescription(slug).status, 404, slug);
  assert.equal(new ApiProblem("USER_EXISTS", "x").status, 409);
});
