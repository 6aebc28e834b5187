import { expect, test, type APIRequestContext } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem, seedApplicationUser } from "./fixtures/applications";
import { readOutbox } from "./fixtures/outbox";

/**
 * The flow API's devices resource (issue 10): GET /api/v1/users/{id}/devices, and GET, PATCH, DELETE
 * /api/v1/users/{id}/devices/{deviceId}. The changes are the portal's own (same audit rows, emails and
 * default rule), made for a user the application provisioned, with the application named on the audit row.
 */
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const devices = [
  { type: "SMS" as const, nickname: "My phone", target: "+12025554567", isDefault: true },
  { type: "EMAIL" as const, nickname: "Work email", target: "jane.doe@example.org" },
  { type: "VOICE" as const, nickname: "Landline", target: "+12025550188", status: "BLOCKED" as const },
  { type: "TOTP" as const, nickname: "Authenticator" },
];

/** An application and its user with the four devices above (the TOTP one with a secret) and a pending registration. */
async function setUp(options: { name?: string } = {}) {
  const app = await createTestApplication(options);
  const user = await seedApplicationUser(app, { devices });
  const [sms, email, voice, totp] = user.devices as [(typeof user.devices)[0], (typeof user.devices)[0], (typeof user.devices)[0], (typeof user.devices)[0]];
  await db.device.update({ where: { id: totp.id }, data: { totpSecret: SECRET } });
  const pending = await db.device.create({ data: { userId: user.id, type: "SMS", nickname: "Pending phone", target: "+12025550199", status: "ACTIVATION_REQUIRED" } });
  return { app, user, sms, email, voice, totp, pending, auth: bearer(app.secret), json: { ...bearer(app.secret), "Content-Type": "application/json" } };
}

function patch(request: APIRequestContext, url: string, headers: Record<string, string>, body: unknown) {
  return request.patch(url, { headers, data: typeof body === "string" ? body : JSON.stringify(body) });
}

/** The email subjects the user was sent, oldest first, without the company name. */
async function subjects(request: APIRequestContext, to: string) {
  return (await readOutbox(request, to)).reverse().map((m) => m.subject!.replace(/^.*?: /, ""));
}

test("list and read: the portal's devices, default first, masked, never a secret; HAL links to self and user", async ({ request, baseURL }) => {
  const { user, sms, email, voice, totp, auth } = await setUp();
  const userUrl = `${baseURL}/api/v1/users/${user.id}`;
  // A synced passkey whose authenticator the AAGUID names (Apple's keychain), added last.
  const passkey = await db.device.create({
    data: { userId: user.id, type: "PLATFORM", nickname: "Laptop", status: "ACTIVE", credentialId: `k-${user.id}`, aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd", backupEligible: true },
  });

  const userResponse = await request.get(userUrl, { headers: auth });
  expect(((await userResponse.json()) as { _links: { devices: { href: string } } })._links.devices.href).toBe(`${userUrl}/devices`);

  const list = await request.get(`${userUrl}/devices`, { headers: auth });
  expect(list.status(), await list.text()).toBe(200);
  expect(list.headers()["content-type"]).toBe("application/hal+json");
  const item = (device: typeof sms, maskedTarget: string | null, authenticator: Record<string, string | null> = { authenticatorName: null, passkeyStorage: null }) => ({
    id: device.id,
    type: device.type,
    status: device.status,
    nickname: device.nickname,
    isDefault: device.isDefault,
    maskedTarget,
    createdAt: device.createdAt.toISOString(),
    lastUsedAt: null,
    lockedUntil: null,
    ...authenticator,
    _links: { self: { href: `${userUrl}/devices/${device.id}` }, user: { href: userUrl } },
  });
  const expected = [
    item(sms, "+1 ••• ••• 4567"),
    item(email, "j•••@example.org"),
    item(voice, "+1 ••• ••• 0188"),
    item(totp, null),
    item(passkey, null, { authenticatorName: "Apple Passwords", passkeyStorage: "synced" }),
  ];
  const body = await list.text();
  expect(JSON.parse(body)).toEqual({
    count: 5,
    _embedded: { devices: expected },
    _links: { self: { href: `${userUrl}/devices` }, user: { href: userUrl } },
  });
  expect(body, "no whole phone number, email, TOTP secret or pending device").not.toMatch(/2025554567|jane\.doe|JBSWY3DP|Pending phone|totpSecret|credential/);

  const one = await request.get(`${userUrl}/devices/${totp.id}`, { headers: auth });
  expect(one.status()).toBe(200);
  expect(one.headers()["content-type"]).toBe("application/hal+json");
  expect(await one.json()).toEqual(expected[3]);
});

test("rename: the new name is answered, audited with the application as actor, and emailed to the user", async ({ request, baseURL }) => {
  const { app, user, email, json } = await setUp({ name: "Shop" });
  const url = `${baseURL}/api/v1/users/${user.id}/devices/${email.id}`;
  const renamed = await patch(request, url, json, { nickname: "  Office inbox " });
  expect(renamed.status(), await renamed.text()).toBe(200);
  expect(renamed.headers()["content-type"]).toBe("application/hal+json");
  expect(await renamed.json()).toMatchObject({ id: email.id, nickname: "Office inbox", isDefault: false, status: "ACTIVE", _links: { self: { href: url } } });
  expect((await db.device.findUniqueOrThrow({ where: { id: email.id } })).nickname).toBe("Office inbox");

  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device.renamed" } });
  expect(audit).toMatchObject({ applicationId: app.id, actorId: null, deviceId: email.id, ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
  expect(JSON.parse(audit.details!)).toMatchObject({ type: "EMAIL", nickname: "Work email", newNickname: "Office inbox" });
  expect(await subjects(request, user.email)).toEqual(["one of your sign-in devices was renamed"]);

  // The same PATCH again is no change: no second audit row, no second email.
  expect((await patch(request, url, json, { nickname: "Office inbox" })).status()).toBe(200);
  expect(await db.auditEvent.count({ where: { userId: user.id } })).toBe(1);
  expect(await subjects(request, user.email)).toEqual(["one of your sign-in devices was renamed"]);
});

test("default, block and unblock: one default at all times, a blocked device cannot become the default", async ({ request, baseURL }) => {
  const { app, user, sms, email, voice, json } = await setUp();
  const url = (device: { id: string }) => `${baseURL}/api/v1/users/${user.id}/devices/${device.id}`;
  const defaults = async () => (await db.device.findMany({ where: { userId: user.id, isDefault: true } })).map((d) => d.id);

  const madeDefault = await patch(request, url(email), json, { default: true });
  expect(await madeDefault.json()).toMatchObject({ id: email.id, isDefault: true });
  expect(await defaults()).toEqual([email.id]);

  // Blocking the default hands the badge to the oldest active device.
  const blocked = await patch(request, url(email), json, { status: "BLOCKED" });
  expect(await blocked.json()).toMatchObject({ id: email.id, status: "BLOCKED", isDefault: false });
  expect(await defaults()).toEqual([sms.id]);

  // The domain's rule, as the portal has it: 409, and the rename sent with it is not made either.
  const refused = await expectProblem(await patch(request, url(voice), json, { default: true, nickname: "Desk" }), 409, "CONFLICT");
  expect(refused.detail).toBe("Only an active device can be your default.");
  expect(await db.device.findUniqueOrThrow({ where: { id: voice.id } })).toMatchObject({ status: "BLOCKED", isDefault: false, nickname: "Landline" });

  // Unblocked and made the default in one request.
  const unblocked = await patch(request, url(voice), json, { status: "ACTIVE", default: true });
  expect(await unblocked.json()).toMatchObject({ id: voice.id, status: "ACTIVE", isDefault: true });
  expect(await defaults()).toEqual([voice.id]);

  const list = (await (await request.get(`${baseURL}/api/v1/users/${user.id}/devices`, { headers: json })).json()) as { _embedded: { devices: { id: string }[] } };
  expect(list._embedded.devices[0]!.id, "default first").toBe(voice.id);

  const actions = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  expect(actions.map((a) => [a.action, a.deviceId])).toEqual([
    ["device.made_default", email.id],
    ["device.blocked", email.id],
    ["device.unblocked", voice.id],
    ["device.made_default", voice.id],
  ]);
  expect(actions.every((a) => a.applicationId === app.id && a.actorId === null)).toBe(true);
  expect(await subjects(request, user.email)).toEqual([
    "your default sign-in device changed",
    "one of your sign-in devices was blocked",
    "one of your sign-in devices was unblocked",
    "your default sign-in device changed",
  ]);
});

test("delete: 204, gone, audited and emailed; the last active device takes MFA with it", async ({ request, baseURL }) => {
  const { app, user, sms, email, voice, totp, auth } = await setUp();
  const userUrl = `${baseURL}/api/v1/users/${user.id}`;
  const removed = await request.delete(`${userUrl}/devices/${sms.id}`, { headers: auth });
  expect(removed.status()).toBe(204);
  expect(await removed.text()).toBe("");
  await expectProblem(await request.get(`${userUrl}/devices/${sms.id}`, { headers: auth }), 404, "NOT_FOUND");
  await expectProblem(await request.delete(`${userUrl}/devices/${sms.id}`, { headers: auth }), 404, "NOT_FOUND");
  expect((await db.device.findUniqueOrThrow({ where: { id: email.id } })).isDefault).toBe(true);
  expect(await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device.removed" } })).toMatchObject({ applicationId: app.id, deviceId: sms.id });
  expect(await subjects(request, user.email)).toEqual(["a sign-in device was removed from your account"]);

  for (const device of [email, totp]) expect((await request.delete(`${userUrl}/devices/${device.id}`, { headers: auth })).status()).toBe(204);
  expect(await (await request.get(userUrl, { headers: auth })).json()).toMatchObject({ mfaEnabled: false });
  expect(await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "mfa.disabled" } })).toMatchObject({ applicationId: app.id, actorId: null });
  const left = await (await request.get(`${userUrl}/devices`, { headers: auth })).json();
  expect(left).toMatchObject({ count: 1, _embedded: { devices: [{ id: voice.id, status: "BLOCKED" }] } });
});

test("another application's user, another user's device, a pending device and odd ids are all 404, and change nothing", async ({ request, baseURL }) => {
  const mine = await setUp({ name: "Shop" });
  const other = await setUp({ name: "Blog" });
  const sameApp = await seedApplicationUser(mine.app, { devices: [devices[0]!] });
  const base = `${baseURL}/api/v1/users`;

  // The other application's key on my user, and my key on its user.
  for (const [auth, json, user, device] of [
    [other.auth, other.json, mine.user, mine.sms],
    [mine.auth, mine.json, other.user, other.sms],
  ] as const) {
    await expectProblem(await request.get(`${base}/${user.id}/devices`, { headers: auth }), 404, "NOT_FOUND");
    const problem = await expectProblem(await request.get(`${base}/${user.id}/devices/${device.id}`, { headers: auth }), 404, "NOT_FOUND");
    expect(problem.detail).toBe("User not found.");
    await expectProblem(await patch(request, `${base}/${user.id}/devices/${device.id}`, json, { status: "BLOCKED" }), 404, "NOT_FOUND");
    await expectProblem(await request.delete(`${base}/${user.id}/devices/${device.id}`, { headers: auth }), 404, "NOT_FOUND");
  }
  // Another user of the same application, a pending device, and ids of every shape: "Device not found."
  const foreignDevices = [sameApp.devices[0]!.id, other.sms.id, mine.pending.id, "no-such-device", "x".repeat(200), "a b", "%00", "..%2F..%2Fetc", "'; DROP TABLE \"Device\"; --"];
  for (const id of foreignDevices) {
    const url = `${base}/${mine.user.id}/devices/${encodeURIComponent(id)}`;
    expect((await expectProblem(await request.get(url, { headers: mine.auth }), 404, "NOT_FOUND")).detail, id).toBe("Device not found.");
    await expectProblem(await patch(request, url, mine.json, { nickname: "Mine now" }), 404, "NOT_FOUND");
    await expectProblem(await request.delete(url, { headers: mine.auth }), 404, "NOT_FOUND");
  }
  for (const id of ["no-such-user", "x".repeat(200), "%00"]) {
    await expectProblem(await request.get(`${base}/${encodeURIComponent(id)}/devices`, { headers: mine.auth }), 404, "NOT_FOUND");
    await expectProblem(await request.get(`${base}/${encodeURIComponent(id)}/devices/${mine.sms.id}`, { headers: mine.auth }), 404, "NOT_FOUND");
  }
  const users = [mine.user.id, other.user.id, sameApp.id];
  expect(await db.device.count({ where: { userId: { in: users } } })).toBe(11);
  expect(await db.device.count({ where: { userId: { in: users }, nickname: "Mine now" } })).toBe(0);
  expect(await db.auditEvent.count({ where: { userId: { in: users } } })).toBe(0);
});

test("bad bodies are 400 naming each field, other media types 415, other methods 405 with Allow; nothing changes", async ({ request, baseURL }) => {
  const { user, email, auth, json } = await setUp();
  const collection = `${baseURL}/api/v1/users/${user.id}/devices`;
  const url = `${collection}/${email.id}`;
  const cases: Array<[unknown, string[]]> = [
    [{}, [""]],
    [{ nickname: "" }, ["nickname"]],
    [{ nickname: "   " }, ["nickname"]],
    [{ nickname: "x".repeat(41) }, ["nickname"]],
    [{ nickname: "bell\u0007" }, ["nickname"]],
    [{ nickname: "half \ud800" }, ["nickname"]],
    [{ nickname: null }, ["nickname"]],
    [{ nickname: ["a"] }, ["nickname"]],
    [{ default: false }, ["default"]],
    [{ default: "true" }, ["default"]],
    [{ status: "ACTIVATION_REQUIRED" }, ["status"]],
    [{ status: "blocked" }, ["status"]],
    [{ default: true, status: "BLOCKED" }, ["default"]],
    [{ nickname: "ok", isDefault: true, type: "TOTP" }, ["isDefault", "type"]],
  ];
  for (const [body, fields] of cases) {
    const problem = await expectProblem(await patch(request, url, json, body), 400, "VALIDATION_FAILED");
    expect(problem.errors!.map((e) => e.field).sort(), JSON.stringify(body)).toEqual(fields);
  }
  const empty = await expectProblem(await patch(request, url, json, {}), 400, "VALIDATION_FAILED");
  expect(empty.errors).toEqual([{ field: "", pointer: "", detail: "Send at least one of nickname, default, status." }]);

  for (const malformed of ["", "{", "[]", "null", '"x"', "42", "[{\"nickname\":\"a\"}]"]) {
    await expectProblem(await patch(request, url, json, malformed), 400, "MALFORMED_BODY");
  }
  await expectProblem(await patch(request, url, json, { nickname: "x".repeat(100_000) }), 413, "PAYLOAD_TOO_LARGE");
  for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "application/merge-patch+json"]) {
    const response = await request.patch(url, { headers: { ...auth, ...(type ? { "Content-Type": type } : {}) }, data: Buffer.from('{"nickname":"Sneaky"}') });
    await expectProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(response.headers()["accept-patch"]).toBe("application/json");
  }

  for (const [method, target, allow] of [
    ["POST", collection, "GET"],
    ["PUT", collection, "GET"],
    ["PATCH", collection, "GET"],
    ["DELETE", collection, "GET"],
    ["POST", url, "GET, PATCH, DELETE"],
    ["PUT", url, "GET, PATCH, DELETE"],
  ] as const) {
    const response = await request.fetch(target, { method, headers: json, data: "{}" });
    await expectProblem(response, 405, "METHOD_NOT_ALLOWED");
    expect(response.headers()["allow"], `${method} ${target}`).toBe(allow);
  }
  // Without a key, nothing is told, not even whether the user exists.
  await expectProblem(await request.get(collection), 401, "UNAUTHENTICATED");
  await expectProblem(await patch(request, url, { "Content-Type": "application/json" }, { status: "BLOCKED" }), 401, "UNAUTHENTICATED");

  expect(await db.device.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ nickname: "Work email", status: "ACTIVE", isDefault: false });
  expect(await db.auditEvent.count({ where: { userId: user.id } })).toBe(0);
});

test("bodies and ids of any shape answer 4xx, never 5xx", async ({ request, baseURL }) => {
  const { user, email, json } = await setUp();
  const url = `${baseURL}/api/v1/users/${user.id}/devices/${email.id}`;
  const bodies = [
    '{"nickname":{"$ne":""}}',
    '{"__proto__":{"status":"BLOCKED"}}',
    '{"constructor":{"prototype":{"default":true}}}',
    '{"nickname":"\\ud800"}',
    '{"nickname":"\\u0000"}',
    '{"status":null,"default":null,"nickname":null}',
    '{"status":["BLOCKED"]}',
    '{"default":1}',
    `{"nickname":"${"é".repeat(5000)}"}`,
    JSON.stringify({ nickname: JSON.parse("[".repeat(500) + "]".repeat(500)) }),
  ];
  for (const data of bodies) {
    const response = await patch(request, url, json, data);
    expect(response.status(), data.slice(0, 80)).toBeGreaterThanOrEqual(400);
    expect(response.status(), data.slice(0, 80)).toBeLessThan(500);
    expect(response.headers()["content-type"], data.slice(0, 80)).toBe("application/problem+json");
  }
  for (const path of [`${user.id}/devices/%2e%2e`, `${user.id}/devices/${email.id}%00`, `${user.id}%2Fdevices/${email.id}`, `${user.id}/devices/${email.id}/extra`, `${user.id}/devices/`]) {
    const response = await request.get(`${baseURL}/api/v1/users/${path}`, { headers: json });
    expect(response.status(), path).toBeGreaterThanOrEqual(200);
    expect(response.status(), path).toBeLessThan(500);
  }
  expect(await db.device.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ nickname: "Work email", status: "ACTIVE" });
});
