import { randomUUID } from "node:crypto";
import { devices, expect, test, type Page } from "@playwright/test";
import { mobilePasscode, passcodeStep } from "../lib/authenticator-protocol/passcode";
import { db } from "./fixtures/db";
import { createPushChallenge, startPairing, verifyMobilePasscode } from "./fixtures/mobile";
import { seedUser } from "./fixtures/users";

/**
 * The authenticator app at /authenticator on a phone-sized screen (issue 11): installable (manifest,
 * service worker), paired by a typed key, showing the account and its passcode, answering sign-in
 * requests by number matching, and showing the account unpaired once the phone is removed. The pairing
 * key and the push challenges are made by the server's own functions, as the registration and sign-in
 * flows make them.
 */
const { defaultBrowserType: _chromium, ...phone } = devices["Pixel 7"];
test.use(phone);

const question = "Which number do you see on the sign-in screen?";
const firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0";

async function pendingPhone() {
  const user = await seedUser();
  const device = await db.device.create({
    data: { userId: user.id, type: "MOBILE", status: "ACTIVATION_REQUIRED", nickname: "My phone" },
    select: { id: true },
  });
  // The flow that registers it: pairing keys and pushes only carry its id.
  const flowExecutionId = `e2e-flow-${randomUUID()}`;
  return { user, deviceId: device.id, flowExecutionId };
}

/** A new sign-in request for the phone, and the request's card once the app shows it. */
async function signInRequest(page: Page, ids: { userId: string; deviceId: string; flowExecutionId: string }) {
  const challenge = await createPushChallenge({ ...ids, meta: { ip: "203.0.113.9", userAgent: firefox } });
  const card = page.getByRole("article", { name: /^Sign-in request from / });
  await expect(card).toHaveCount(1);
  return { challenge, card, choices: card.getByRole("group", { name: question }) };
}

const statusOf = async (id: string) => (await db.pushChallenge.findUniqueOrThrow({ where: { id } })).status;

test("the phone installs, pairs by typed key, shows its passcode, answers requests by number, and shows a removed account unpaired", async ({ page }) => {
  // The passcode is watched through one change of its 30 s step.
  test.setTimeout(180_000);
  const { user, deviceId, flowExecutionId } = await pendingPhone();
  const ids = { userId: user.id, deviceId, flowExecutionId };

  await page.goto("/authenticator");
  await expect(page.getByRole("heading", { name: "Authenticator", level: 1 })).toBeVisible();
  expect(page.viewportSize()!.width).toBeLessThan(500);

  // Installable: the manifest is linked and served, the service worker is registered for /authenticator/.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/authenticator/manifest.webmanifest");
  const manifest = await page.request.get(manifestHref!);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  expect(await manifest.json()).toMatchObject({ start_url: "/authenticator", display: "standalone" });
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#4f46e5");
  const worker = await page.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      const registration = await navigator.serviceWorker.getRegistration("/authenticator/");
      if (registration?.active) return { scope: registration.scope, script: registration.active.scriptURL };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  });
  expect(worker).toEqual({ scope: new URL("/authenticator/", page.url()).href, script: new URL("/authenticator/sw.js", page.url()).href });
  await expect(page.getByText("No accounts yet.")).toBeVisible();

  // Pair by the typed key, next to the account's email.
  const pairing = await startPairing(ids);
  await page.getByRole("link", { name: "Pair a new account" }).click();
  await expect(page).toHaveURL(/\/authenticator\/pair$/);
  await page.getByLabel("Pairing key").fill(pairing.pairingKey.toLowerCase());
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Pair" }).click();
  await expect(page).toHaveURL(/\/authenticator$/);
  await expect(page.getByRole("status").filter({ hasText: /^Paired with / })).toBeFocused();
  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  expect(device).toMatchObject({ status: "ACTIVE" });
  expect(device.publicKey).toBeTruthy();

  const accounts = page.getByRole("list", { name: "Accounts" });
  const account = accounts.getByRole("listitem");
  await expect(account).toHaveCount(1);
  await expect(account).toContainText(`${user.email[0]}•••@example.test`);
  await expect(account).toContainText("Paired");

  // The passcode: what passcode.ts computes from the seed the server keeps, and what the server accepts.
  const passcode = account.getByRole("status", { name: "Mobile passcode" });
  await expect(passcode).toHaveText(/^\d{6}$/);
  const seed = device.totpSecret!;
  // The step a code belongs to, among the steps around now: the code is read a moment before the clock,
  // so on a busy machine the step may have turned between the two; the code itself says which it was.
  const stepOf = async (code: string) => {
    const now = passcodeStep();
    const steps = [now - 1, now, now + 1];
    const codes = await Promise.all(steps.map((step) => mobilePasscode(seed, step * 30_000)));
    return steps[codes.indexOf(code)];
  };
  const shown = (await passcode.textContent())!;
  const shownStep = await stepOf(shown);
  expect(shownStep).toBeDefined();
  await expect(account.getByText(/^Changes in \d+ s$/)).toBeVisible();
  // It changes with the time step (within 30 s), and the new code is one verifyMobilePasscode accepts.
  await expect(passcode).not.toHaveText(shown, { timeout: 35_000 });
  const next = (await passcode.textContent())!;
  expect(await stepOf(next)).toBeGreaterThan(shownStep!);
  expect(await verifyMobilePasscode({ userId: user.id, deviceId, code: next })).toMatchObject({ ok: true });

  // A sign-in request appears by itself; choosing the number the sign-in screen shows approves it.
  const first = await signInRequest(page, ids);
  await expect(first.card).toContainText("Firefox");
  await expect(first.card).toContainText("203.0.113.9");
  await expect(first.choices.getByRole("button")).toHaveCount(3);
  await first.choices.getByRole("button", { name: String(first.challenge.number), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Approved\./ })).toBeFocused();
  expect(await statusOf(first.challenge.id)).toBe("APPROVED");
  await expect(first.card).toHaveCount(0);

  // A wrong number denies it.
  const second = await signInRequest(page, ids);
  const numbers = (await second.choices.getByRole("button").allTextContents()).map(Number);
  const wrong = numbers.find((n) => n !== second.challenge.number)!;
  await second.choices.getByRole("button", { name: String(wrong), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "That is not the number shown on the sign-in page." })).toBeFocused();
  expect(await statusOf(second.challenge.id)).toBe("DENIED");

  // Deny denies.
  const third = await signInRequest(page, ids);
  await third.card.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Denied\./ })).toBeFocused();
  expect(await statusOf(third.challenge.id)).toBe("DENIED");

  // Removed from the account: the app shows the account unpaired, and no passcode.
  await db.device.delete({ where: { id: deviceId } });
  await expect(account).toContainText("This phone is no longer paired with this account");
  await expect(account).toContainText("Not paired");
  await expect(passcode).toHaveCount(0);
  await expect(account.getByRole("button", { name: /^Remove .* from this phone$/ })).toBeVisible();
});

test("pairing errors are the protocol's words: a used key, an unknown key", async ({ page }) => {
  // Next's route announcer is an alert too; the app's own are in <main>.
  const alert = page.getByRole("main").getByRole("alert");
  const { user, deviceId, flowExecutionId } = await pendingPhone();
  const pairing = await startPairing({ userId: user.id, deviceId, flowExecutionId });
  // The QR code's URL pairs by itself.
  await page.goto(`/authenticator/pair#${pairing.qrSecret}`);
  await expect(page).toHaveURL(/\/authenticator$/);
  await expect(page.getByRole("list", { name: "Accounts" }).getByRole("listitem")).toHaveCount(1);

  await page.goto("/authenticator/pair");
  await page.getByLabel("Pairing key").fill(pairing.pairingKey);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Pair" }).click();
  await expect(alert).toHaveText("This pairing key was already used. Start the pairing again on the sign-in page to get a new one.");
  await expect(alert).toBeFocused();

  await page.getByLabel("Pairing key").fill("ABCDE-FGHJK");
  await page.getByRole("button", { name: "Pair" }).click();
  await expect(alert).toHaveText("This pairing key is not right. Check it, or start the pairing again on the sign-in page.");

  await page.getByLabel("Pairing key").fill("not a key");
  await page.getByRole("button", { name: "Pair" }).click();
  await expect(page.getByLabel("Pairing key")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Pairing key")).toBeFocused();
});
