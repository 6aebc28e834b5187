import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";
import { act, enrollmentBody, expectLinks, postFlow, provisionUser, startFlow, VENDOR } from "./fixtures/api-flows";
import { revokeApplication } from "../lib/applications/revoke-application";

/**
 * The flow API's flows answer every wrong request with a problem document and its status (issue 10):
 * 400, 401, 404 (unknown or another application's flow or user), 405, 409 (an action the state does
 * not offer, a replay), 410 (expired), 415, 429; never a 5xx, and a refused request changes nothing.
 */
const json = (secret: string) => ({ ...bearer(secret), "Content-Type": "application/json" });

test("another application's flow is 404 to read and to drive, as is an unknown id of any shape; the owner's flow is untouched", async ({ request }) => {
  const shop = await createTestApplication();
  const rival = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const flow = await startFlow(request, shop.secret, enrollmentBody(user.id));

  await expectProblem(await request.get(flow._links.self.href, { headers: bearer(rival.secret) }), 404, "NOT_FOUND");
  await expectProblem(await act(request, rival.secret, flow, "device.create", { type: "TOTP" }), 404, "NOT_FOUND");
  await expectProblem(await act(request, rival.secret, flow, "device.skipEnrollment", {}, { asJson: true }), 404, "NOT_FOUND");
  for (const id of ["cm0000000000000000000000", "x", "%2e%2e", "a".repeat(65), "../users", "' OR 1=1 --"]) {
    await expectProblem(await request.get(`/api/v1/flowExecutions/${encodeURIComponent(id)}`, { headers: bearer(shop.secret) }), 404, "NOT_FOUND");
  }
  // Nor can the rival start a flow for the shop's user.
  await expectProblem(await postFlow(request, rival.secret, enrollmentBody(user.id)), 404, "NOT_FOUND");

  const still = await request.get(flow._links.self.href, { headers: bearer(shop.secret) });
  expect(((await still.json()) as { status: string }).status).toBe("DEVICE_ENROLLMENT_REQUIRED");
  expect(await db.device.count({ where: { userId: user.id } })).toBe(0);
});

test("no key or a revoked key is 401; methods a resource lacks are 405 with Allow", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const flow = await startFlow(request, shop.secret, enrollmentBody(user.id));
  await expectProblem(await request.get(flow._links.self.href), 401, "UNAUTHENTICATED");
  await expectProblem(await request.post("/api/v1/flows", { headers: { "Content-Type": "application/json" }, data: "{}" }), 401, "UNAUTHENTICATED");
  await revokeApplication({ db, clientId: shop.clientId });
  await expectProblem(await request.get(flow._links.self.href, { headers: bearer(shop.secret) }), 401, "INVALID_CREDENTIALS");

  const other = await createTestApplication();
  const get = await request.get("/api/v1/flows", { headers: bearer(other.secret) });
  await expectProblem(get, 405, "METHOD_NOT_ALLOWED");
  expect(get.headers()["allow"]).toBe("POST");
  const del = await request.delete(flow._links.self.href, { headers: bearer(other.secret) });
  await expectProblem(del, 405, "METHOD_NOT_ALLOWED");
  expect(del.headers()["allow"]).toBe("GET, POST");
});

test("starting a flow: malformed and invalid bodies are 400 naming each field; an unknown user is 404; nothing starts", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const cases: Array<[unknown, string[]]> = [
    [{}, ["flow"]],
    [{ flow: "password-reset", configuration: { useDefaultPolicy: true }, input: { user: { id: user.id } } }, ["flow"]],
    [{ flow: "mfa-enrollment", input: { user: { id: user.id } } }, ["configuration"]],
    [{ flow: "mfa-enrollment", configuration: {}, input: { user: { id: user.id } } }, ["configuration.useDefaultPolicy"]],
    [{ flow: "mfa-enrollment", configuration: { useDefaultPolicy: false }, input: { user: { id: user.id } } }, ["configuration.deviceAuthenticationPolicy.id"]],
    [{ flow: "mfa-enrollment", configuration: { useDefaultPolicy: true }, input: {} }, ["input.user"]],
    [{ flow: "mfa-enrollment", configuration: { useDefaultPolicy: true }, input: { user: { id: user.id, mobilePhone: "12" } } }, ["input.user.mobilePhone"]],
    [{ flow: "mfa-enrollment", configuration: { useDefaultPolicy: true }, input: { user: { id: user.id }, webauthn: { compatibility: "SOME" } } }, ["input.webauthn.compatibility"]],
    [{ flow: "mfa-enrollment", configuration: { useDefaultPolicy: true }, input: { user: { id: user.id }, template: { locale: "de" } } }, ["input.template.locale"]],
    [{ flow: "mfa-enrollment", configuration: { useDefaultPolicy: true, extra: 1 }, input: { user: { id: user.id } } }, ["configuration.extra"]],
    [{ flow: "device-authentication", configuration: { useDefaultPolicy: true }, input: { user: { id: user.id }, allowedDeviceTypes: ["FAX"] } }, ["input.allowedDeviceTypes.0"]],
  ];
  for (const [body, fields] of cases) {
    const problem = await expectProblem(await postFlow(request, shop.secret, body), 400, "VALIDATION_FAILED");
    expect(problem.errors!.map((e) => e.field).sort(), JSON.stringify(body)).toEqual(fields.sort());
  }
  const unknownPolicy = await postFlow(request, shop.secret, enrollmentBody(user.id, {}, { useDefaultPolicy: false, deviceAuthenticationPolicy: { id: "strict" } }));
  expect((await expectProblem(unknownPolicy, 400, "VALIDATION_FAILED")).errors).toEqual([expect.objectContaining({ field: "configuration.deviceAuthenticationPolicy.id" })]);
  // Naming the default policy is the same as using it.
  await startFlow(request, shop.secret, enrollmentBody(user.id, {}, { useDefaultPolicy: false, deviceAuthenticationPolicy: { id: "default" } }));

  for (const malformed of ["", "{", "[]", "null", "42"]) {
    await expectProblem(await request.post("/api/v1/flows", { headers: json(shop.secret), data: malformed }), 400, "MALFORMED_BODY");
  }
  await expectProblem(await postFlow(request, shop.secret, enrollmentBody("cm0000000000000000000000")), 404, "NOT_FOUND");
  expect(await db.flowExecution.count({ where: { userId: user.id } })).toBe(1);
});

test("an action: 415 for an unknown media type, 400 for bad parameters or an unnamed action, 409 where the state does not offer it", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const flow = await startFlow(request, shop.secret, enrollmentBody(user.id));
  const href = flow._links.self.href;

  for (const type of ["text/plain", `${VENDOR}.device.destroy+json`, "application/vnd.pingidentity.device.create+json", "application/x-www-form-urlencoded"]) {
    const response = await request.post(href, { headers: { ...bearer(shop.secret), "Content-Type": type }, data: JSON.stringify({ type: "TOTP" }) });
    await expectProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(response.headers()["accept-post"]).toContain(`${VENDOR}.device.create+json`);
    expect(response.headers()["accept-post"]).toContain("application/json");
  }
  const cases: Array<[string, unknown, string]> = [
    ["application/json", { type: "TOTP" }, "action"],
    ["application/json", { action: "device.fly" }, "action"],
    [`${VENDOR}.device.create+json`, {}, "type"],
    [`${VENDOR}.device.create+json`, { type: "FAX" }, "type"],
    [`${VENDOR}.device.create+json`, { type: "SMS", phone: "not a number" }, "phone"],
    [`${VENDOR}.device.create+json`, { type: "TOTP", nickname: "x".repeat(500) }, "nickname"],
    [`${VENDOR}.device.create+json`, { type: "TOTP", colour: "red" }, "colour"],
    [`${VENDOR}.device.create+json`, { type: "MOBILE", application: { id: "app" } }, "application.id"],
    [`${VENDOR}.device.create+json`, { action: "device.delete", type: "TOTP" }, "action"],
  ];
  for (const [type, body, field] of cases) {
    const response = await request.post(href, { headers: { ...bearer(shop.secret), "Content-Type": type }, data: JSON.stringify(body) });
    const problem = await expectProblem(response, 400, "VALIDATION_FAILED");
    expect(problem.errors!.map((e) => e.field), JSON.stringify(body)).toContain(field);
  }
  // Actions of other states, and push.poll (no mobile device yet), are 409 listing what is offered.
  for (const action of ["device.activate", "otp.resend", "device.delete", "otp.check", "device.select", "assertion.check", "push.poll"]) {
    const params = { "device.activate": { otp: "123456" }, "otp.check": { otp: "123456" }, "device.select": { device: { id: "x" } }, "assertion.check": { assertion: "{}" } }[action] ?? {};
    const problem = await expectProblem(await act(request, shop.secret, flow, action, params), 409, "ACTION_NOT_ALLOWED");
    expect(problem.allowedActions).toEqual(["device.create", "device.skipEnrollment"]);
  }
  const still = (await (await request.get(href, { headers: bearer(shop.secret) })).json()) as typeof flow;
  expect(still.status).toBe("DEVICE_ENROLLMENT_REQUIRED");
  expectLinks(still, ["device.create", "device.skipEnrollment"]);
});

test("a flow idle past its time is 410 to read and to drive; two parallel actions on one state apply once", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const stale = await startFlow(request, shop.secret, enrollmentBody(user.id));
  await db.flowExecution.update({ where: { id: stale.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await expectProblem(await request.get(stale._links.self.href, { headers: bearer(shop.secret) }), 410, "EXPIRED");
  await expectProblem(await act(request, shop.secret, stale, "device.skipEnrollment"), 410, "EXPIRED");

  const flow = await startFlow(request, shop.secret, enrollmentBody(user.id));
  const responses = await Promise.all([1, 2, 3, 4].map(() => act(request, shop.secret, flow, "device.create", { type: "TOTP" })));
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  expect(await db.device.count({ where: { userId: user.id, type: "TOTP" } })).toBe(1);
});

test("an application over its limit gets 429 with Retry-After, for flows as for everything", async ({ request }) => {
  const shop = await createTestApplication({ rateLimitPerMinute: 3 });
  const user = await provisionUser(request, shop.secret);
  const flow = await startFlow(request, shop.secret, enrollmentBody(user.id));
  await request.get(flow._links.self.href, { headers: bearer(shop.secret) });
  const limited = await request.get(flow._links.self.href, { headers: bearer(shop.secret) });
  await expectProblem(limited, 429, "RATE_LIMITED");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
});

test("bodies of any shape answer 4xx, never 5xx", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const flow = await startFlow(request, shop.secret, enrollmentBody(user.id));
  const odd: unknown[] = [
    { type: null },
    { type: ["TOTP"] },
    { type: { $ne: 1 } },
    { type: "TOTP", rp: "x" },
    { type: "TOTP", rp: { id: 5 } },
    { type: "EMAIL", email: "a@" },
    { type: "SMS", phone: "+1".repeat(40) },
    { type: "TOTP", nickname: "\u0000" },
    { type: "\u{1F600}" },
  ];
  for (const body of odd) {
    const response = await request.post(flow._links.self.href, { headers: { ...bearer(shop.secret), "Content-Type": `${VENDOR}.device.create+json` }, data: JSON.stringify(body) });
    expect(response.status(), `${JSON.stringify(body)} → ${await response.text()}`).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  }
  for (const body of [{ flow: null }, { flow: "mfa-enrollment", configuration: [], input: "x" }, { flow: "mfa-enrollment", configuration: { useDefaultPolicy: "yes" }, input: { user: { id: [] } } }]) {
    const response = await postFlow(request, shop.secret, body);
    expect(response.status()).toBe(400);
  }
});
