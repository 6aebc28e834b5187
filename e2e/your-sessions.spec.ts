import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { actionHeaders, serverAction } from "./fixtures/actions";
import { db } from "./fixtures/db";
import { readOutbox } from "./fixtures/outbox";
import { enterPassword, seedUser, signIn } from "./fixtures/users";
import { addVirtualAuthenticator } from "./fixtures/webauthn";

/**
 * "Your sessions" (issue 14): where the account is signed in, told apart by browser and system, with
 * "This browser" marked; signing out another session or all others; and nobody else's session ever
 * ends from here. Each browser is a context of its own (its own cookies), as two devices would be.
 */

// Where the test's browser connects from, as the server sees it (directly, or through the balancer).
const LOCAL_ADDRESS = /(127\.0\.0\.1|::1)/;

const mailbox = () => `mail-${randomBytes(8).toString("hex")}@example.test`;

async function userWithMail() {
  return seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: mailbox(), isDefault: true }] });
}

async function secondBrowser(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

// Each test signs in two or three browsers with real second factors.
test.describe.configure({ timeout: 120_000 });

const sessionList = (page: Page) => page.getByRole("list", { name: "Signed-in sessions" });

/** The session the page's cookie belongs to: the newest live one of the user made in that browser. */
async function liveSessions(userId: string) {
  return db.session.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "asc" } });
}

test("two browsers see each other; signing the other out ends it at once, audited and told", async ({ page, browser, request }) => {
  const user = await userWithMail();
  const other = await secondBrowser(browser);
  await signIn(other, user.email, "/account");
  await signIn(page, user.email, "/sessions");
  await expect(page.getByRole("heading", { name: "Your sessions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sessions" })).toHaveAttribute("href", "/sessions");

  const list = sessionList(page);
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // The user agent of Playwright's "Desktop Chrome" (playwright.config.ts), as bowser reads it.
  const mine = list.getByRole("listitem", { name: "Chrome on Windows, this browser" });
  await expect(mine.getByText("This browser")).toBeVisible();
  await expect(mine).toContainText("Last active");
  await expect(mine.getByRole("button", { name: /^Sign out/ })).toHaveCount(0);
  const theirs = list.getByRole("listitem", { name: "Chrome on Windows", exact: true });
  await expect(theirs).toContainText(LOCAL_ADDRESS);
  await expect(theirs).toContainText("Signed in");

  // The other browser sees the same two, from its own side.
  await other.goto("/sessions");
  await expect(sessionList(other).getByRole("listitem")).toHaveCount(2);
  await expect(sessionList(other).getByRole("listitem", { name: "Chrome on Windows, this browser" })).toBeVisible();

  // Asked first, in the page; Cancel changes nothing and gives the focus back.
  const signOut = theirs.getByRole("button", { name: "Sign out Chrome on Windows" });
  await signOut.click();
  const confirm = page.getByRole("group", { name: "Confirm: sign out Chrome on Windows" });
  await expect(confirm).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(signOut).toBeFocused();
  expect(await liveSessions(user.id)).toHaveLength(2);

  await signOut.click();
  await page.getByRole("button", { name: "Yes, sign it out" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Signed out Chrome on Windows." });
  await expect(notice).toBeVisible();
  await expect(page.locator(".focus-target").filter({ has: notice })).toBeFocused();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("This browser is the only place your account is signed in.")).toBeVisible();

  // The other browser's very next request goes to the sign-in page; this one carries on.
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);

  expect(await db.auditEvent.count({ where: { userId: user.id, action: "user.session_signed_out" } })).toBe(1);
  const mail = await readOutbox(request, user.email);
  expect(mail.some((m) => m.subject?.includes("one of your sessions was signed out"))).toBe(true);
  await other.context().close();
});

test("sign out all other sessions: complete and half-finished sign-ins end, this browser stays", async ({ page, browser }) => {
  const user = await userWithMail();
  const second = await secondBrowser(browser);
  await signIn(second, user.email, "/account");
  // A third browser gave the password but not the second step yet.
  const third = await secondBrowser(browser);
  await enterPassword(third, user.email);
  await expect(third).toHaveURL(/\/sign-in\/verify/);
  await signIn(page, user.email, "/sessions");

  const list = sessionList(page);
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.getByText("Second step not done")).toHaveCount(1);

  await page.getByRole("button", { name: "Sign out all other sessions" }).click();
  const confirm = page.getByRole("group", { name: "Confirm: sign out all other sessions" });
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText("(2)");
  await confirm.getByRole("button", { name: "Yes, sign them out" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed out 2 other sessions." })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Sign out all other sessions" })).toBeDisabled();

  await second.goto("/account");
  await expect(second).toHaveURL(/\/sign-in/);
  // The half-finished sign-in cannot be finished any more: its page sends it back to the start.
  await third.goto("/sign-in/verify");
  await expect(third).toHaveURL(/\/sign-in(\?|$)/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your sessions" })).toBeVisible();
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.signed_out_others" } });
  expect(JSON.parse(audit.details!)).toEqual({ sessionsEnded: 2 });
  await second.context().close();
  await third.context().close();
});

/** React's encoding of an action called with one FormData, as the page's client sends it. */
function actionForm(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(`_1_${name}`, value);
  data.append("0", '["$K1"]');
  return data;
}

test("another user cannot end a session by sending the action with its id", async ({ page, browser }) => {
  const victim = await userWithMail();
  await signIn(page, victim.email, "/account");
  const [victimSession] = await liveSessions(victim.id);

  const attacker = await userWithMail();
  const attackerPage = await secondBrowser(browser);
  await signIn(attackerPage, attacker.email, "/sessions");
  const { id, page: actionPage } = serverAction("signOutSessionAction");
  const send = (sessionId: string) =>
    attackerPage.request.post(actionPage, { headers: actionHeaders(id), multipart: actionForm({ sessionId }), maxRedirects: 0 });

  const refused = await send(victimSession!.id);
  expect(refused.status()).toBe(200);
  expect(await refused.text()).toContain("That session has already ended.");
  expect((await db.session.findUniqueOrThrow({ where: { id: victimSession!.id } })).revokedAt).toBeNull();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  expect(await db.auditEvent.count({ where: { userId: { in: [victim.id, attacker.id] }, action: "user.session_signed_out" } })).toBe(0);

  // Bad ids are a clear answer too, never a 500.
  for (const bad of ["", "x".repeat(500), "../../etc"]) {
    const response = await send(bad);
    expect(response.status(), bad).toBeLessThan(500);
  }

  // The control: the same call with a session of the attacker's own does end it, so the refusal above
  // was about whose session it was, not about how the test sends the call.
  const otherOwn = await secondBrowser(browser);
  await signIn(otherOwn, attacker.email, "/account");
  const own = (await liveSessions(attacker.id)).at(-1)!;
  const accepted = await send(own.id);
  expect(await accepted.text()).toContain("Signed out Chrome on Windows.");
  expect((await db.session.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).not.toBeNull();
  await attackerPage.context().close();
  await otherOwn.context().close();
});

test("activity and devices in the person's own time zone and language, naming device and browser", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-GB" });
  const page = await context.newPage();
  const user = await seedUser({
    devices: [
      { type: "EMAIL", nickname: "Mail", target: mailbox(), isDefault: true },
      { type: "SMS", nickname: "Old phone", target: "+14155550123" },
    ],
  });
  const phone = user.devices.find((d) => d.type === "SMS")!;
  await db.device.update({ where: { id: phone.id }, data: { lastUsedAt: new Date(Date.now() - 3.5 * 60_000) } });
  await signIn(page, user.email, "/account");

  const activity = page.getByRole("table");
  const signedIn = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.signed_in" }, orderBy: { createdAt: "desc" } });
  // What the person's browser writes for that moment in Tokyo, British English; a server's UTC would differ by nine hours.
  const expected = await page.evaluate(
    (at) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(new Date(at)),
    signedIn.createdAt.toISOString(),
  );
  const row = activity.getByRole("row").filter({ hasText: "Signed in" }).first();
  await expect(row).toContainText(expected);
  await expect(row).toContainText(new RegExp(`Chrome on Windows · ${LOCAL_ADDRESS.source}`));
  await expect(activity.getByRole("columnheader", { name: "When", exact: true })).toBeVisible();
  // The code that finished the sign-in went to a device, and the entry says which.
  await expect(activity.getByRole("row").filter({ hasText: "Verification code sent" }).first()).toContainText("Email “Mail”");

  await page.goto("/devices");
  const devices = page.getByRole("list", { name: "Devices" });
  const oldPhone = devices.getByRole("button", { name: /^Old phone/ });
  await expect(oldPhone).toContainText("last used 3 minutes ago");
  // Never the whole number, nor more digits than the mask shows.
  await expect(oldPhone).toContainText("+1 ••• ••• 0123");
  await expect(page.locator("body")).not.toContainText("4155550123");
  await expect(page.locator("body")).not.toContainText("55550123");
  await context.close();
});

test("passkeys are told apart: named, and device-bound or synced as the authenticator says", async ({ page }) => {
  const user = await userWithMail();
  const bound = await addVirtualAuthenticator(page, "platform");
  await signIn(page, user.email, "/devices");

  const addPasskey = async () => {
    await page.getByRole("button", { name: "Add device" }).click();
    await expect(page.getByRole("heading", { name: "Add a device" })).toBeVisible();
    await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Passkey/ }).click();
    await expect(page.getByRole("heading", { name: "Create a passkey" })).toBeVisible();
    await page.getByRole("button", { name: "Create passkey" }).click();
    await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  };

  await addPasskey();
  const first = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "PLATFORM" } });
  expect(first.backupEligible).toBe(false);
  // Chromium's virtual authenticator is in no list of authenticators, so the default name stands.
  expect(first.nickname).toBe("Passkey");
  const devices = page.getByRole("list", { name: "Devices" });
  const boundRow = devices.getByRole("button", { name: /^Passkey, Active Device-bound Passkey/ });
  await expect(boundRow).toBeVisible();
  await expect(boundRow.getByText("Device-bound", { exact: true })).toBeVisible();

  // A second authenticator whose passkeys sync, as a password manager's do.
  await bound.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: bound.authenticatorId });
  await addVirtualAuthenticator(page, "platform", { synced: true });
  await addPasskey();
  const second = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "PLATFORM", id: { not: first.id } } });
  expect(second.backupEligible).toBe(true);
  const syncedRow = devices.getByRole("button", { name: /^Passkey, Active Synced Passkey/ });
  await expect(syncedRow).toBeVisible();
  await expect(syncedRow.getByText("Synced", { exact: true })).toBeVisible();
  await expect(devices.getByRole("button", { name: /Device-bound/ })).toHaveCount(1);
});
