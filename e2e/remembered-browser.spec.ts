import { expect, test, type Browser, type Page } from "@playwright/test";
import { bearer, createTestApplication, seedApplicationUser } from "./fixtures/applications";
import { db } from "./fixtures/db";
import { localKeyId, plantBrowserKey } from "./fixtures/device-keys";
import { readOutbox } from "./fixtures/outbox";
import { changePolicy, storedPolicy } from "./fixtures/policy";
import { enterPassword, passSecondFactor, seedUser } from "./fixtures/users";

/**
 * Device keys at sign-in (issue 12, seed 002): "Remember this browser" registers a non-extractable
 * key made by this browser; a later sign-in from it proves the key and skips the second factor (never
 * the password); any other browser, a blocked key or a lapsed window asks for it again. The policies
 * (known devices only, single device) run on a second instance of the app started with them on, as an
 * operator would configure them.
 */
let counter = 0;
const emailDevice = () => [{ type: "EMAIL" as const, nickname: "Mail", target: `browser-${Date.now()}-${counter++}@example.org`, isDefault: true }];
const secondFactorAsked = (page: Page) => expect(page.getByRole("list", { name: "Your devices" }).or(page.getByLabel("Code", { exact: true }))).toBeVisible();
const rememberBox = (page: Page) => page.getByRole("checkbox", { name: /^Remember this browser for \d+ days$/ });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function newestSession(userId: string) {
  return db.session.findFirstOrThrow({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
}

test("a remembered browser skips the second factor until it is blocked or its window ends; another browser is asked", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const user = await seedUser({ devices: emailDevice() });
  const mail = user.devices[0]!.target!;

  // First sign-in: the second factor, with "Remember this browser" ticked.
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
  await expect(rememberBox(page)).not.toBeChecked();
  await rememberBox(page).check();
  await passSecondFactor(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  const key = await db.deviceKey.findFirstOrThrow({ where: { userId: user.id } });
  expect(key.rememberedUntil!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
  expect(await localKeyId(page, user.id)).toBe(key.keyId);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "device_key.registered" } })).toBe(1);
  expect((await readOutbox(page.request, user.email))[0]?.subject).toContain("browser was registered");
  await signOut(page);

  // Again from this browser: the password, then straight in; no code is sent.
  const codesBefore = (await readOutbox(page.request, mail)).length;
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  expect((await newestSession(user.id)).authMethods).toBe("pwd,device_key");
  expect((await readOutbox(page.request, mail)).length).toBe(codesBefore);
  await signOut(page);

  // Another browser, even with this one's cookies copied into it, holds no key: it is asked.
  const other = await (await browser.newContext()).newPage();
  await other.context().addCookies(await page.context().cookies());
  await enterPassword(other, user.email);
  await secondFactorAsked(other);
  expect(await localKeyId(other, user.id)).toBeNull();
  await other.context().close();

  // Blocked: asked again.
  await db.deviceKey.update({ where: { id: key.id }, data: { status: "BLOCKED" } });
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
  expect(await db.auditEvent.findFirst({ where: { userId: user.id, action: "device_key.refused" }, orderBy: { createdAt: "desc" } })).toMatchObject({ details: expect.stringContaining("BLOCKED") });
  await page.context().clearCookies({ name: /session-token/ });

  // Unblocked but past its window (the clock moved in the database): asked again; remembered again, it is the same key.
  await db.deviceKey.update({ where: { id: key.id }, data: { status: "ACTIVE", rememberedUntil: new Date(Date.now() - 60_000) } });
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
  await rememberBox(page).check();
  await passSecondFactor(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  const renewed = await db.deviceKey.findMany({ where: { userId: user.id } });
  expect(renewed.map((k) => k.keyId)).toEqual([key.keyId]);
  expect(renewed[0]!.rememberedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  await signOut(page);
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
});

test("a key forgotten on the server is forgotten by the browser too: the next sign-in asks, and starts unticked", async ({ page }) => {
  const user = await seedUser({ devices: emailDevice() });
  await page.goto("/sign-in");
  const { keyId } = await plantBrowserKey(page, user.id, { rememberedUntil: new Date(Date.now() + 86_400_000) });
  // Without the hint cookie a browser is not asked at all; the one sign-in that registers a key sets it.
  await page.context().addCookies([{ name: "mfa_known_browser", value: "1", url: new URL("/sign-in", page.url()).href }]);
  await db.deviceKey.deleteMany({ where: { keyId } });
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
  await expect(rememberBox(page)).not.toBeChecked();
  await expect.poll(() => localKeyId(page, user.id)).toBeNull();
});

test("a remembered browser forgotten or blocked through the flow API is asked for the second factor at its next sign-in", async ({ page, request }) => {
  const shop = await createTestApplication();
  const user = await seedApplicationUser(shop, { devices: emailDevice() });
  await page.goto("/sign-in");
  const { keyId } = await plantBrowserKey(page, user.id, { rememberedUntil: new Date(Date.now() + 86_400_000) });
  await page.context().addCookies([{ name: "mfa_known_browser", value: "1", url: new URL("/sign-in", page.url()).href }]);
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  const key = `/api/v1/users/${user.id}/device-keys/${keyId}`;
  expect((await request.post(`${key}/block`, { headers: bearer(shop.secret) })).status()).toBe(200);
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
  await page.context().clearCookies({ name: /session-token/ });

  expect((await request.post(`${key}/unblock`, { headers: bearer(shop.secret) })).status()).toBe(200);
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  expect((await request.delete(key, { headers: bearer(shop.secret) })).status()).toBe(204);
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
  // The browser drops the key the account no longer has.
  await expect.poll(() => localKeyId(page, user.id)).toBeNull();
});

test("blocked, then forgotten, on Your browsers: the next sign-in from this browser asks for the second factor", async ({ page }) => {
  const user = await seedUser({ devices: emailDevice() });
  await page.goto("/sign-in");
  await plantBrowserKey(page, user.id, { rememberedUntil: new Date(Date.now() + 86_400_000), displayName: "This laptop" });
  await page.context().addCookies([{ name: "mfa_known_browser", value: "1", url: new URL("/sign-in", page.url()).href }]);
  await enterPassword(page, user.email, "/browsers");
  await expect(page).toHaveURL(/\/browsers$/);
  const list = page.getByRole("list", { name: "Registered browsers" });
  await list.getByRole("button", { name: "Block This laptop" }).click();
  await page.getByRole("button", { name: "Yes, block it" }).click();
  await expect(list.getByRole("listitem", { name: "This laptop" }).getByText("Blocked", { exact: true })).toBeVisible();
  await signOut(page);
  await enterPassword(page, user.email, "/browsers");
  await secondFactorAsked(page);
  await passSecondFactor(page, user.email);
  await expect(page).toHaveURL(/\/browsers$/);

  await list.getByRole("button", { name: "Forget This laptop" }).click();
  await page.getByRole("button", { name: "Yes, forget it" }).click();
  await expect(page.getByText("No browsers are registered to your account.")).toBeVisible();
  // The page deletes its key once the server has forgotten it, just after saying so.
  await expect.poll(() => localKeyId(page, user.id)).toBeNull();
  await signOut(page);
  await enterPassword(page, user.email);
  await secondFactorAsked(page);
});

/** A browser of its own (its own cookies and IndexedDB), on the suite's server. */
async function policyPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("known devices only: a registered browser signs in (with its second factor); a new browser is refused after the password", async ({ browser }) => {
  test.setTimeout(120_000);
  // The policy is the installation's, changed by an administrator and put back (e2e/fixtures/policy.ts).
  const before = await storedPolicy();
  await changePolicy(browser, { knownDevicesOnly: true });
  try {
    const user = await seedUser({ devices: emailDevice() });
    const known = await policyPage(browser);
    await known.goto("/sign-in");
    await plantBrowserKey(known, user.id);
    await enterPassword(known, user.email);
    await secondFactorAsked(known);
    await passSecondFactor(known, user.email);
    await expect(known).toHaveURL(/\/account$/);

    const stranger = await policyPage(browser);
    await enterPassword(stranger, user.email);
    await expect(stranger.getByRole("heading", { name: "This browser cannot sign in" })).toBeVisible();
    await expect(stranger.getByText(/can only be signed in from browsers registered to it/)).toBeVisible();
    const refused = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.unknown_browser_refused" } });
    expect(refused.details).toContain("UNKNOWN_KEY");
    // Its pending session is over: the account's pages send it back to the sign-in page.
    await stranger.goto("/account");
    await expect(stranger).toHaveURL(/\/sign-in/);

    // An account without a second factor: a registered browser is signed in by its key alone.
    const plain = await seedUser({ mfaEnabled: false });
    const browserOfPlain = await policyPage(browser);
    await browserOfPlain.goto("/sign-in");
    await plantBrowserKey(browserOfPlain, plain.id);
    await enterPassword(browserOfPlain, plain.email);
    await expect(browserOfPlain).toHaveURL(/\/account$/);
    expect((await newestSession(plain.id)).authMethods).toBe("pwd,device_key");
    for (const p of [known, stranger, browserOfPlain]) await p.context().close();
  } finally {
    await changePolicy(browser, { knownDevicesOnly: before.knownDevicesOnly });
  }
});

test("single device: remembering a second browser removes the first, and the owner is told", async ({ browser }) => {
  test.setTimeout(120_000);
  const before = await storedPolicy();
  await changePolicy(browser, { singleDeviceKey: true, rememberBrowserByDefault: true });
  try {
    const user = await seedUser({ devices: emailDevice() });
    const first = await policyPage(browser);
    await enterPassword(first, user.email);
    await expect(rememberBox(first)).toBeChecked();
    await passSecondFactor(first, user.email);
    await expect(first).toHaveURL(/\/account$/);
    const firstKey = await db.deviceKey.findFirstOrThrow({ where: { userId: user.id } });

    const second = await policyPage(browser);
    await enterPassword(second, user.email);
    await passSecondFactor(second, user.email);
    await expect(second).toHaveURL(/\/account$/);
    const keys = await db.deviceKey.findMany({ where: { userId: user.id } });
    expect(keys).toHaveLength(1);
    expect(keys[0]!.keyId).not.toBe(firstKey.keyId);
    expect(keys[0]!.keyId).toBe(await localKeyId(second, user.id));
    const told = await readOutbox(second.request, user.email);
    expect(told[0]?.body).toContain("registered before it was removed");

    // The first browser's key is gone: it is asked for the second factor again.
    await first.context().clearCookies({ name: /session-token/ });
    await enterPassword(first, user.email);
    await secondFactorAsked(first);
    for (const p of [first, second]) await p.context().close();
  } finally {
    await changePolicy(browser, { singleDeviceKey: before.singleDeviceKey, rememberBrowserByDefault: before.rememberBrowserByDefault });
  }
});
