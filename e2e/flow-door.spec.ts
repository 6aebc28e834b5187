import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { enterPassword, passSecondFactor, seedUser, signIn } from "./fixtures/users";

/**
 * The flow door (POST /api/flows/[id]/events, GET /api/flows/[id], POST /api/flows/[id]/sign-in):
 * events only from our own origin, as JSON, to a flow of the caller's own session family; a session
 * still waiting for its second factor reaches only its own sign-in flow (security.md items 11, 25, 29).
 */
const phone = () => `+1555${Math.floor(Math.random() * 1e7).toString().padStart(7, "0")}`;

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** A signed-in session's device-management flow, opened by its /devices page. */
async function devicesFlow(page: Page) {
  await page.goto("/devices");
  const id = await page.locator("[data-flow-id]").getAttribute("data-flow-id");
  expect(id).toBeTruthy();
  return id!;
}

function post(request: APIRequestContext, flowId: string, body: string, headers: Record<string, string>) {
  return request.post(`/api/flows/${flowId}/events`, { headers, data: body, maxRedirects: 0 });
}

const TURN_ON = '{"type":"ENABLE_MFA"}';

test("events come only from our origin, as a JSON object: 403, 415 and 400 otherwise, and nothing changes", async ({ page, baseURL }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email);
  const flowId = await devicesFlow(page);
  const state = async () => (await db.flowExecution.findUniqueOrThrow({ where: { id: flowId } })).state;
  const before = await state();
  const json = { "Content-Type": "application/json" };

  for (const headers of [
    { ...json, Origin: "https://evil.example" },
    { ...json, Origin: "null" },
    { ...json, Origin: baseURL!.replace("localhost", "127.0.0.1") },
    { ...json, "Sec-Fetch-Site": "cross-site" },
    { ...json, "Sec-Fetch-Site": "same-site" },
    json,
  ]) {
    const response = await post(page.request, flowId, TURN_ON, headers);
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.json()).toMatchObject({ status: "error" });
  }
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]) {
    expect((await post(page.request, flowId, TURN_ON, { Origin: baseURL!, "Content-Type": type })).status(), type).toBe(415);
  }
  for (const body of ['{"type":', "[]", '"ENABLE_MFA"', "null", "\u0000", '{"type":"ENABLE_MFA"'] ) {
    const response = await post(page.request, flowId, body, { Origin: baseURL!, ...json });
    expect(response.status(), JSON.stringify(body)).toBe(400);
    expect(await response.json()).toMatchObject({ status: "error", message: expect.any(String) });
  }
  expect(await state()).toBe(before);

  // The same event from our own page's fetch (Origin ours, or only Sec-Fetch-Site) is taken.
  const taken = await post(page.request, flowId, '{"type":"BACK_TO_NOTHING"}', { "Sec-Fetch-Site": "same-origin", ...json });
  expect(taken.status()).toBe(400);
  // Past the door's checks: the flow's own schema refuses the unknown event, as the actions did.
  expect(await taken.json()).toMatchObject({ status: "error", message: expect.stringContaining("Expected 'ENABLE_MFA'") });
  const view = await page.request.get(`/api/flows/${flowId}`);
  expect(view.status()).toBe(200);
  expect(await view.json()).toMatchObject({ status: "success", view: { flow: { id: flowId, kind: "device-management" } } });
});

test("another user's flow and another session family's flow are not found, to events and to reads", async ({ browser, baseURL }) => {
  const owner = await seedUser({ mfaEnabled: false });
  const stranger = await seedUser({ mfaEnabled: false });
  const ownerPage = await newPage(browser);
  await signIn(ownerPage.page, owner.email);
  const flowId = await devicesFlow(ownerPage.page);
  const before = await db.flowExecution.findUniqueOrThrow({ where: { id: flowId } });

  const strangerPage = await newPage(browser);
  await signIn(strangerPage.page, stranger.email);
  // The same account signed in in another browser: another session family.
  const sibling = await newPage(browser);
  await signIn(sibling.page, owner.email);

  for (const other of [strangerPage.page, sibling.page]) {
    const sent = await post(other.request, flowId, TURN_ON, { Origin: baseURL!, "Content-Type": "application/json" });
    expect(sent.status()).toBe(404);
    expect(await sent.json()).toEqual({ status: "error", message: "Flow not found." });
    expect((await other.request.get(`/api/flows/${flowId}`)).status()).toBe(404);
    expect((await other.request.get(`/api/flows/${flowId}/live`)).status()).toBe(404);
  }
  const after = await db.flowExecution.findUniqueOrThrow({ where: { id: flowId } });
  expect(after.updatedAt).toEqual(before.updatedAt);
  expect((await ownerPage.page.request.get(`/api/flows/${flowId}`)).status()).toBe(200);
  for (const p of [ownerPage, strangerPage, sibling]) await p.context.close();
});

test("a session waiting for its second factor may send only to its own sign-in flow", async ({ page, baseURL }) => {
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target: phone(), isDefault: true }] });
  await enterPassword(page, user.email);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  const pending = await db.session.findFirstOrThrow({ where: { userId: user.id, secondFactorPending: true, revokedAt: null } });
  // A device-management flow of this very session family, as if it had one: still refused.
  const management = await db.flowExecution.create({
    data: {
      kind: "device-management",
      userId: user.id,
      sessionFamilyId: pending.familyId,
      door: "portal",
      input: "{}",
      state: JSON.stringify({ section: "ENABLE_MFA" }),
      expiresAt: new Date(Date.now() + 15 * 60_000),
    },
  });
  const json = { Origin: baseURL!, "Content-Type": "application/json" };
  const refused = await post(page.request, management.id, TURN_ON, json);
  expect(refused.status()).toBe(404);
  expect((await page.request.get(`/api/flows/${management.id}`)).status()).toBe(404);
  expect((await db.flowExecution.findUniqueOrThrow({ where: { id: management.id } })).updatedAt).toEqual(management.updatedAt);

  // Its own flow is not finished: nothing to redeem, and the session stays pending.
  const own = await page.locator("[data-flow-id]").getAttribute("data-flow-id");
  const early = await page.request.post(`/api/flows/${own}/sign-in`, { headers: json, data: "{}" });
  expect(early.status()).toBe(409);
  expect((await db.session.findUniqueOrThrow({ where: { id: pending.id } })).revokedAt).toBeNull();

  // …and the person finishes it as usual.
  await passSecondFactor(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
});

test("another session's finished sign-in flow cannot be redeemed; the attempt is audited", async ({ browser, baseURL }) => {
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target: phone(), isDefault: true }] });
  const attacker = await newPage(browser);
  await enterPassword(attacker.page, user.email);
  await expect(attacker.page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();

  const owner = await newPage(browser);
  await enterPassword(owner.page, user.email);
  await expect(owner.page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  const flowId = await owner.page.locator("[data-flow-id]").getAttribute("data-flow-id");
  await passSecondFactor(owner.page, user.email);
  await expect(owner.page).toHaveURL(/\/account$/);

  const json = { Origin: baseURL!, "Content-Type": "application/json" };
  const taken = await attacker.page.request.post(`/api/flows/${flowId}/sign-in`, { headers: json, data: "{}" });
  expect(taken.status()).toBe(404);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "flow.redemption_refused" } })).toBe(1);
  await attacker.page.goto("/devices");
  await expect(attacker.page).toHaveURL(/\/sign-in\/verify/);
  await attacker.context.close();
  await owner.context.close();
});

test("the live channel tells the owner's waiting page when its flow changes, whichever request changed it", async ({ page, request, baseURL }) => {
  const owner = await seedUser({ mfaEnabled: false });
  await signIn(page, owner.email);
  const flowId = await devicesFlow(page);
  expect((await request.get(`/api/flows/${flowId}/live`)).status()).toBe(401);

  // The page listens; once it is connected, another request changes the flow.
  type Listening = Window & { heard?: Promise<string>; opened?: Promise<unknown> };
  await page.evaluate((id) => {
    const w = window as Listening;
    w.heard = new Promise<string>((resolve) => {
      const source = new EventSource(`/api/flows/${id}/live`);
      w.opened = new Promise((opened) => source.addEventListener("open", opened, { once: true }));
      source.addEventListener("changed", () => {
        source.close();
        resolve("changed");
      });
    });
  }, flowId);
  await page.evaluate(() => (window as Listening).opened);
  const sent = await post(page.request, flowId, TURN_ON, { Origin: baseURL!, "Content-Type": "application/json" });
  expect(sent.status()).toBe(200);
  expect(await page.evaluate(() => (window as Listening).heard)).toBe("changed");
});
