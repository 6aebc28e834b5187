import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";

/**
 * The flow API's users resource (issue 10): POST /api/v1/users, GET /api/v1/users/{id},
 * GET /api/v1/users?externalId=. Users belong to the installation (one account per email); each
 * application reaches only those it provisioned, under its own externalIds.
 */
const email = () => `api-${randomUUID().slice(0, 12)}@example.test`;
const json = (secret: string) => ({ ...bearer(secret), "Content-Type": "application/json" });

function createUser(request: APIRequestContext, secret: string, body: unknown) {
  return request.post("/api/v1/users", { headers: json(secret), data: JSON.stringify(body) });
}

test("an application provisions a user and reads it back by its link and by its externalId, as HAL+JSON", async ({ request, baseURL }) => {
  const shop = await createTestApplication({ name: "Shop" });
  const address = email();
  const externalId = `cust-${randomUUID()}`;
  const created = await createUser(request, shop.secret, { email: address.toUpperCase(), phone: "+44 7400 123456", username: `Amy-${externalId}`, externalId });
  expect(created.status(), await created.text()).toBe(201);
  expect(created.headers()["content-type"]).toBe("application/hal+json");
  const user = (await created.json()) as { id: string; _links: { self: { href: string } } };
  expect(user).toEqual({
    id: expect.any(String),
    email: address,
    username: `amy-${externalId}`,
    phone: "+447400123456",
    externalId,
    mfaEnabled: false,
    createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    _links: { self: { href: `${baseURL}/api/v1/users/${user.id}` }, devices: { href: `${baseURL}/api/v1/users/${user.id}/devices` } },
  });
  expect(created.headers()["location"]).toBe(user._links.self.href);

  const read = await request.get(user._links.self.href, { headers: bearer(shop.secret) });
  expect(read.status()).toBe(200);
  expect(read.headers()["content-type"]).toBe("application/hal+json");
  expect(await read.json()).toEqual(user);

  const found = await request.get(`/api/v1/users?externalId=${encodeURIComponent(externalId)}`, { headers: bearer(shop.secret) });
  expect(found.status()).toBe(200);
  expect(await found.json()).toEqual({
    count: 1,
    _embedded: { users: [user] },
    _links: { self: { href: `${baseURL}/api/v1/users?externalId=${encodeURIComponent(externalId)}` } },
  });
  const none = await request.get("/api/v1/users?externalId=nobody-here", { headers: bearer(shop.secret) });
  expect(await none.json()).toMatchObject({ count: 0, _embedded: { users: [] } });

  // Audited with the application as the actor, from the caller's address.
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.provisioned" } });
  expect(audit).toMatchObject({ applicationId: shop.id, actorId: null, ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
  expect(JSON.parse(audit.details!)).toEqual({ clientId: shop.clientId, application: "Shop", externalId });
});

test("a body that is not application/json is 415; one that is not a JSON object is 400; nothing is created", async ({ request }) => {
  const shop = await createTestApplication();
  const address = email();
  const body = JSON.stringify({ email: address });
  for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonx"]) {
    const response = await request.post("/api/v1/users", { headers: { ...bearer(shop.secret), ...(type ? { "Content-Type": type } : {}) }, data: Buffer.from(body) });
    await expectProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(response.headers()["accept-post"]).toBe("application/json");
  }
  for (const malformed of ["", "{", `{"email":"${address}"`, "[]", "null", '"x"', "42", "{'email':'x'}", "\u0000"]) {
    const response = await request.post("/api/v1/users", { headers: json(shop.secret), data: malformed });
    await expectProblem(response, 400, "MALFORMED_BODY");
  }
  const huge = await request.post("/api/v1/users", { headers: json(shop.secret), data: JSON.stringify({ email: address, pad: "x".repeat(100_000) }) });
  await expectProblem(huge, 413, "PAYLOAD_TOO_LARGE");
  expect(await db.user.count({ where: { email: address } })).toBe(0);
});

test("invalid fields are 400 VALIDATION_FAILED, naming each field; nothing is created", async ({ request }) => {
  const shop = await createTestApplication();
  const address = email();
  const cases: Array<[unknown, string[]]> = [
    [{}, ["email"]],
    [{ email: "not-an-email" }, ["email"]],
    [{ email: 42 }, ["email"]],
    [{ email: address, phone: "020 7946 0018" }, ["phone"]],
    [{ email: address, phone: "+1 900 555 1234" }, ["phone"]],
    [{ email: address, username: "has space", externalId: "" }, ["externalId", "username"]],
    [{ email: address, externalId: "x".repeat(129) }, ["externalId"]],
    [{ email: address, externalID: "typo", role: "ADMIN" }, ["externalID", "role"]],
    [{ email: "x", phone: 7, username: ["a"], externalId: { a: 1 } }, ["email", "externalId", "phone", "username"]],
  ];
  for (const [body, fields] of cases) {
    const response = await createUser(request, shop.secret, body);
    const problem = await expectProblem(response, 400, "VALIDATION_FAILED");
    expect(problem.errors!.map((e) => e.field).sort(), JSON.stringify(body)).toEqual(fields);
    for (const error of problem.errors!) expect(error).toEqual({ field: error.field, pointer: `/${error.field}`, detail: expect.any(String) });
  }
  const phone = await expectProblem(await createUser(request, shop.secret, { email: address, phone: "07400 123456" }), 400, "VALIDATION_FAILED");
  expect(phone.errors).toEqual([{ field: "phone", pointer: "/phone", detail: "Enter the number in international format: + and the country code, like +44 7400 123456." }]);
  const query = await expectProblem(await request.get("/api/v1/users", { headers: bearer(shop.secret) }), 400, "VALIDATION_FAILED");
  expect(query.errors).toEqual([{ field: "externalId", detail: "externalId is required." }]);
  expect(await db.user.count({ where: { email: address } })).toBe(0);
});

test("an unknown user id is 404, whatever its shape", async ({ request }) => {
  const shop = await createTestApplication();
  for (const id of ["no-such-user", "x".repeat(200), "a b", "%00", "..%2F..%2Fetc", "'; DROP TABLE \"User\"; --"]) {
    const response = await request.get(`/api/v1/users/${encodeURIComponent(id)}`, { headers: bearer(shop.secret) });
    const problem = await expectProblem(response, 404, "NOT_FOUND");
    expect(problem.detail, id).toBe("User not found.");
  }
});

test("a second email, username or externalId is 409 with its own code; a retry can find what the first attempt made", async ({ request }) => {
  const shop = await createTestApplication();
  const address = email();
  const username = `u-${randomUUID().slice(0, 8)}`;
  const externalId = `ext-${randomUUID()}`;
  const first = (await (await createUser(request, shop.secret, { email: address, username, externalId })).json()) as { id: string; _links: { self: { href: string } } };

  const sameEmail = await expectProblem(await createUser(request, shop.secret, { email: ` ${address.toUpperCase()} ` }), 409, "USER_EXISTS");
  expect(sameEmail.existingUser).toBe(first._links.self.href);
  expect(sameEmail.errors).toEqual([{ field: "email", pointer: "/email", detail: expect.any(String) }]);
  await expectProblem(await createUser(request, shop.secret, { email: email(), username: username.toUpperCase() }), 409, "USERNAME_TAKEN");
  const sameId = await expectProblem(await createUser(request, shop.secret, { email: email(), externalId }), 409, "EXTERNAL_ID_TAKEN");
  expect(sameId.existingUser).toBe(first._links.self.href);
  expect(await db.user.count({ where: { email: address } })).toBe(1);

  // Parallel duplicates (alternating between instances on PostgreSQL): one user, the rest 409.
  const racing = email();
  const statuses = await Promise.all(Array.from({ length: 8 }, () => createUser(request, shop.secret, { email: racing }).then((r) => r.status())));
  expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  expect(await db.user.count({ where: { email: racing } })).toBe(1);
});

test("a second application cannot see the first one's users, and has externalIds of its own", async ({ request }) => {
  const shop = await createTestApplication({ name: "Shop" });
  const blog = await createTestApplication({ name: "Blog" });
  const address = email();
  const externalId = `42-${randomUUID()}`;
  const user = (await (await createUser(request, shop.secret, { email: address, externalId })).json()) as { id: string };

  const foreign = await request.get(`/api/v1/users/${user.id}`, { headers: bearer(blog.secret) });
  const unknown = await request.get(`/api/v1/users/no-such-user`, { headers: bearer(blog.secret) });
  expect(await expectProblem(foreign, 404, "NOT_FOUND")).toEqual(await expectProblem(unknown, 404, "NOT_FOUND"));
  const search = await request.get(`/api/v1/users?externalId=${encodeURIComponent(externalId)}`, { headers: bearer(blog.secret) });
  expect(await search.json()).toMatchObject({ count: 0 });

  // One person, one account: the email is taken for every application, but only its owner gets a link.
  const taken = await expectProblem(await createUser(request, blog.secret, { email: address }), 409, "USER_EXISTS");
  expect(taken.existingUser).toBeUndefined();

  // The same externalId is the blog's own name for another person.
  const other = await createUser(request, blog.secret, { email: email(), externalId });
  expect(other.status()).toBe(201);
  const otherId = ((await other.json()) as { id: string }).id;
  expect(otherId).not.toBe(user.id);
  const shopSearch = await request.get(`/api/v1/users?externalId=${encodeURIComponent(externalId)}`, { headers: bearer(shop.secret) });
  expect(await shopSearch.json()).toMatchObject({ count: 1, _embedded: { users: [{ id: user.id }] } });
  // And a person who signed up in the portal is no application's user until one provisions them.
  const portal = await db.user.create({ data: { email: email() } });
  await expectProblem(await request.get(`/api/v1/users/${portal.id}`, { headers: bearer(shop.secret) }), 404, "NOT_FOUND");
});

test("bodies of any shape answer 4xx, never 5xx, and create nothing", async ({ request }) => {
  const shop = await createTestApplication();
  const before = await db.user.count();
  const bodies = [
    "{}",
    '{"email":null}',
    '{"email":["a@b.co"]}',
    '{"email":{"$ne":""}}',
    '{"__proto__":{"email":"a@b.co"}}',
    '{"constructor":{"prototype":{}}}',
    `{"email":"${"a".repeat(300)}@example.test"}`,
    '{"email":"a@b.co","phone":"+' + "9".repeat(50) + '"}',
    '{"email":"a@b.co","username":"\\u0000"}',
    '{"email":"a@b.co","externalId":"\\u0007bell"}',
    '{"email":"\\ud800@example.test"}',
    JSON.stringify({ email: "deep@example.test", externalId: JSON.parse("[".repeat(500) + "]".repeat(500)) }),
  ];
  for (const data of bodies) {
    const response = await request.post("/api/v1/users", { headers: json(shop.secret), data });
    expect(response.status(), data.slice(0, 80)).toBeGreaterThanOrEqual(400);
    expect(response.status(), data.slice(0, 80)).toBeLessThan(500);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
  }
  for (const query of ["externalId=%00", `externalId=${"x".repeat(5000)}`, "externalId[]=a", "externalId=a&externalId=b", "externalId=a&role=admin"]) {
    const response = await request.get(`/api/v1/users?${query}`, { headers: bearer(shop.secret) });
    expect(response.status(), query).toBeGreaterThanOrEqual(400);
    expect(response.status(), query).toBeLessThan(500);
  }
  expect(await db.user.count()).toBe(before);
});
