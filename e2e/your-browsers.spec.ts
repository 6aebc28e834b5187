import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { localKeyId, plantBrowserKey } from "./fixtures/device-keys";
import { readOutbox, waitForMessage } from "./fixtures/outbox";
import { PASSWORD, seedUser, signIn } from "./fixtures/users";

/**
 * "Your browsers" (issue 12, the person's view). Each browser is planted as registration leaves it
 * (e2e/fixtures/device-keys.ts): a key pair made in the page by WebCrypto, the private half in the
 * page's IndexedDB for "This browser", the public half in the DeviceKey row. The sign-in that
 * registers browsers is e2e/remembered-browser.spec.ts.
 */

const DAY = 86_400_000;
const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/**
 * A user with an email device, signed in at /browsers, whose page holds the key of "This laptop"
 * (remembered for 20 more days), and two other browsers: a remembered phone and a blocked desktop.
 */
async function userWithBrowsers(page: Page) {
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: `mail-${randomBytes(8).toString("hex")}@example.test`, isDefault: true }] });
  await signIn(page, user.email, "/browsers");
  await expect(page.getByRole("heading", { name: "Your browsers" })).toBeVisible();
  const rememberedUntil = new Date(Date.now() + 20 * DAY);
  const { keyId: mine } = await plantBrowserKey(page, user.id, { displayName: "This laptop", rememberedUntil, lastSeenIp: "203.0.113.10" });
  const { keyId: phone } = await plantBrowserKey(page, user.id, { keep: false, displayName: "Safari on iOS", rememberedUntil: new Date(Date.now() + 5 * DAY), lastSeenIp: "198.51.100.7", seenMinutesAgo: 60 });
  const { keyId: desktop } = await plantBrowserKey(page, user.id, { keep: false, displayName: "Firefox on Windows", status: "BLOCKED", seenMinutesAgo: 120 });
  await page.reload();
  const list = page.getByRole("list", { name: "Registered browsers" });
  await expect(list.getByRole("listitem", { name: "This laptop" }).getByText("This browser")).toBeVisible();
  return { user, mine, phone, desktop, rememberedUntil, list, deviceTarget: user.devices[0]!.target! };
}

const notice = (page: Page) => page.getByRole("status");

test("the list: every browser with This browser, last seen address, remembered-until and status", async ({ page }) => {
  const { list, rememberedUntil } = await userWithBrowsers(page);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Browsers" })).toHaveAttribute("href", "/browsers");
  await expect(list.getByRole("listitem")).toHaveCount(3);

  const laptop = list.getByRole("listitem", { name: "This laptop" });
  await expect(laptop).toContainText(`Remembered until ${day.format(rememberedUntil)}`);
  await expect(laptop).toContainText("from 203.0.113.10");
  await expect(laptop).toContainText("Active");

  const phone = list.getByRole("listitem", { name: "Safari on iOS" });
  await expect(phone.getByText("This browser")).toHaveCount(0);
  await expect(phone).toContainText("from 198.51.100.7");

  const desktop = list.getByRole("listitem", { name: "Firefox on Windows" });
  await expect(desktop).toContainText("Not remembered");
  await expect(desktop).toContainText("address unknown");
  await expect(desktop.getByText("Blocked", { exact: true })).toBeVisible();
  await expect(desktop.getByRole("button", { name: "Unblock Firefox on Windows" })).toBeVisible();
});

test("rename: a name of 1 to 60 characters, audited and told", async ({ page, baseURL }) => {
  const { user, phone, list } = await userWithBrowsers(page);
  // The input stops at 60 characters; the flow refuses a longer name sent past it.
  const flowId = await page.locator("[data-flow-id]").getAttribute("data-flow-id");
  const tooLong = await page.request.post(`/api/flows/${flowId}/events`, {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { type: "RENAME", keyId: phone, displayName: "x".repeat(61) },
  });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).fieldErrors).toEqual({ displayName: ["Use at most 60 characters."] });

  await list.getByRole("button", { name: "Rename Safari on iOS" }).click();
  const name = page.getByLabel("Browser name");
  await expect(name).toHaveAttribute("maxlength", "60");
  await name.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter a name for the browser.")).toBeVisible();
  expect((await db.deviceKey.findUniqueOrThrow({ where: { keyId: phone } })).displayName).toBe("Safari on iOS");

  await name.fill("  My phone ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(notice(page)).toHaveText('Renamed to "My phone".');
  await expect(page.locator(":focus")).toContainText('Renamed to "My phone".');
  await expect(list.getByRole("listitem", { name: "My phone" })).toBeVisible();
  expect((await db.deviceKey.findUniqueOrThrow({ where: { keyId: phone } })).displayName).toBe("My phone");
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "device_key.renamed" } })).toBe(1);
  await waitForMessage(page.request, user.email, /One of your registered browsers was renamed/);
});

test("forget another browser in a fresh session: confirmed first, gone, audited, told", async ({ page }) => {
  const { user, phone, list } = await userWithBrowsers(page);
  await list.getByRole("button", { name: "Forget Safari on iOS" }).click();
  await expect(page.getByRole("group", { name: "Confirm: forget Safari on iOS" })).toContainText(
    "“Safari on iOS” will be forgotten. The next sign-in from it will ask for the second factor again",
  );
  // Cancel changes nothing.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(list.getByRole("button", { name: "Forget Safari on iOS" })).toBeFocused();

  await list.getByRole("button", { name: "Forget Safari on iOS" }).click();
  await page.getByRole("button", { name: "Yes, forget it" }).click();
  await expect(notice(page)).toContainText('"Safari on iOS" was forgotten.');
  await expect(list.getByRole("listitem", { name: "Safari on iOS" })).toHaveCount(0);
  await expect(list.getByRole("listitem")).toHaveCount(2);
  expect(await db.deviceKey.count({ where: { keyId: phone } })).toBe(0);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device_key.forgotten" } });
  expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ keyId: phone, displayName: "Safari on iOS" });
  await waitForMessage(page.request, user.email, /A registered browser was removed from your account[^]*Safari on iOS/);
  // No step-up was needed in a fresh session.
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "user.reauthenticated" } })).toBe(0);
});

test("block and unblock", async ({ page }) => {
  const { user, phone, list } = await userWithBrowsers(page);
  await list.getByRole("button", { name: "Block Safari on iOS" }).click();
  await expect(page.getByRole("group", { name: "Confirm: block Safari on iOS" })).toContainText("the next sign-in from it will ask for the second factor again");
  await page.getByRole("button", { name: "Yes, block it" }).click();
  await expect(notice(page)).toContainText('"Safari on iOS" is blocked.');
  const item = list.getByRole("listitem", { name: "Safari on iOS" });
  await expect(item.getByText("Blocked", { exact: true })).toBeVisible();
  await expect(item).toContainText(/Remembered until .+, not while blocked/);
  expect((await db.deviceKey.findUniqueOrThrow({ where: { keyId: phone } })).status).toBe("BLOCKED");

  await item.getByRole("button", { name: "Unblock Safari on iOS" }).click();
  await page.getByRole("button", { name: "Yes, unblock it" }).click();
  await expect(notice(page)).toHaveText('"Safari on iOS" is unblocked.');
  await expect(item.getByText("Active", { exact: true })).toBeVisible();
  await expect(item).not.toContainText("not while blocked");
  expect((await db.deviceKey.findUniqueOrThrow({ where: { keyId: phone } })).status).toBe("ACTIVE");
  expect(await db.auditEvent.count({ where: { userId: user.id, action: { in: ["device_key.blocked", "device_key.unblocked"] } } })).toBe(2);
  const subjects = (await readOutbox(page.request, user.email)).map((m) => m.subject ?? "");
  expect(subjects.some((s) => /browsers was blocked/.test(s))).toBe(true);
  expect(subjects.some((s) => /browsers was unblocked/.test(s))).toBe(true);
});

test("forget all other browsers keeps this one; forgetting this one deletes its key from the browser too", async ({ page }) => {
  const { user, mine, list } = await userWithBrowsers(page);
  await page.getByRole("button", { name: "Forget all other browsers" }).click();
  await expect(page.getByRole("group", { name: "Confirm: forget all other browsers" })).toContainText("Every browser but this one will be forgotten (2).");
  await page.getByRole("button", { name: "Yes, forget them" }).click();
  await expect(notice(page)).toHaveText("Forgot 2 browsers.");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  expect((await db.deviceKey.findMany({ where: { userId: user.id } })).map((k) => k.keyId)).toEqual([mine]);
  expect(await localKeyId(page, user.id)).toBe(mine);
  await expect(page.getByRole("button", { name: "Forget all other browsers" })).toBeDisabled();

  await list.getByRole("button", { name: "Forget This laptop" }).click();
  await expect(page.getByRole("group", { name: "Confirm: forget This laptop" })).toContainText("This browser will be forgotten and its key deleted from it.");
  await page.getByRole("button", { name: "Yes, forget it" }).click();
  await expect(notice(page)).toContainText('"This laptop" was forgotten.');
  await expect(page.getByText("No browsers are registered to your account.")).toBeVisible();
  await expect.poll(() => localKeyId(page, user.id)).toBeNull();
  expect(await db.deviceKey.count({ where: { userId: user.id } })).toBe(0);
});

test("a stale session steps up with the second factor before forgetting, then the change goes ahead", async ({ page }) => {
  const { user, phone, list, deviceTarget } = await userWithBrowsers(page);
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });

  await list.getByRole("button", { name: "Forget Safari on iOS" }).click();
  await page.getByRole("button", { name: "Yes, forget it" }).click();
  // The stale session gets a step-up, never the change.
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  expect(await db.deviceKey.count({ where: { keyId: phone } })).toBe(1);

  const code = await waitForMessage(page.request, deviceTarget, /code to confirm a change[^]*?is:\s+(\d{6})/);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(notice(page)).toContainText('"Safari on iOS" was forgotten.');
  await expect(list.getByRole("listitem", { name: "Safari on iOS" })).toHaveCount(0);
  expect(await db.deviceKey.count({ where: { keyId: phone } })).toBe(0);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "user.reauthenticated" } })).toBe(1);

  // Fresh now: the next sensitive change needs no second step-up.
  await list.getByRole("button", { name: "Unblock Firefox on Windows" }).click();
  await page.getByRole("button", { name: "Yes, unblock it" }).click();
  await expect(notice(page)).toHaveText('"Firefox on Windows" is unblocked.');
});

test("another user's key id sent straight to the flow door is not found and changes nothing", async ({ page, baseURL }) => {
  const { user } = await userWithBrowsers(page);
  const flowId = await page.locator("[data-flow-id]").getAttribute("data-flow-id");

  const victim = await seedUser();
  const { keyId: theirs } = await plantBrowserKey(page, victim.id, { keep: false, displayName: "Victim's browser", rememberedUntil: new Date(Date.now() + DAY) });

  for (const event of [
    { type: "FORGET", keyId: theirs },
    { type: "BLOCK", keyId: theirs },
    { type: "RENAME", keyId: theirs, displayName: "Mine now" },
  ]) {
    const response = await page.request.post(`/api/flows/${flowId}/events`, { headers: { Origin: baseURL!, "Content-Type": "application/json" }, data: event });
    expect(response.status(), event.type).toBe(404);
    expect(await response.json()).toEqual({ status: "error", message: "Browser not found." });
  }
  // "Forget all other browsers" names only which key to keep: the victim's keys are never in reach.
  const others = await page.request.post(`/api/flows/${flowId}/events`, {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { type: "FORGET_OTHERS", keepKeyId: theirs },
  });
  expect(others.status()).toBe(200);

  const key = await db.deviceKey.findUniqueOrThrow({ where: { keyId: theirs } });
  expect(key).toMatchObject({ userId: victim.id, status: "ACTIVE", displayName: "Victim's browser" });
  expect(await db.auditEvent.count({ where: { userId: victim.id, action: { startsWith: "device_key." } } })).toBe(0);
  expect(await db.deviceKey.count({ where: { userId: user.id } })).toBe(0);
});

test("without a second factor, a stale session confirms the password before blocking", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email, "/browsers");
  await expect(page.getByRole("heading", { name: "Your browsers" })).toBeVisible();
  const { keyId: theirs } = await plantBrowserKey(page, user.id, { keep: false, displayName: "Edge on Windows" });
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.reload();

  await page.getByRole("button", { name: "Block Edge on Windows" }).click();
  await page.getByRole("button", { name: "Yes, block it" }).click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  expect((await db.deviceKey.findUniqueOrThrow({ where: { keyId: theirs } })).status).toBe("ACTIVE");
  await page.getByRole("textbox", { name: "Password" }).fill("not the password");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("That password is not right.")).toBeVisible();
  await page.getByRole("textbox", { name: "Password" }).fill(PASSWORD);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(notice(page)).toContainText('"Edge on Windows" is blocked.');
  expect((await db.deviceKey.findUniqueOrThrow({ where: { keyId: theirs } })).status).toBe("BLOCKED");
});
