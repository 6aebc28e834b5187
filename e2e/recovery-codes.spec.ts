import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { enterPassword, seedUser, signIn } from "./fixtures/users";
import { readOutbox } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { saveRecoveryCodes } from "./fixtures/recovery-codes";

// Each test signs in several times; on a busy machine that outlasts the suite's 45 s.
test.describe.configure({ timeout: 150_000 });

const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;

/** The first device, an authenticator app, added from a fresh sign-in: the codes screen follows. */
async function addFirstAuthenticatorApp(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  const add = page.getByRole("button", { name: "Add device" });
  const kinds = page.getByRole("list", { name: "Kinds of device" });
  await expect(add.or(kinds)).toBeVisible();
  if (await add.isVisible()) await add.click();
  await kinds.getByRole("button", { name: /^Authenticator app/ }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  return secret;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Password, then "Use a recovery code" from whatever section the second factor opens on. */
async function openRecoveryCode(page: Page, email: string) {
  await enterPassword(page, email, "/account");
  await page.waitForURL(/\/sign-in\/verify/);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await expect(page.getByRole("heading", { name: "Use a recovery code" })).toBeVisible();
}

async function submitRecoveryCode(page: Page, code: string) {
  await page.getByRole("textbox", { name: "Recovery code" }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("first device → codes shown once → a code signs in once, then new codes after a step-up void the old ones", async ({ page, request }) => {
  test.setTimeout(300_000);
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email, "/devices");
  const secret = await addFirstAuthenticatorApp(page);

  // Shown right after the first device works, before the person moves on.
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const items = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = (await items.allTextContents()).map((c) => c.trim());
  for (const code of codes) expect(code).toMatch(CODE);
  expect(new Set(codes).size).toBe(10);
  // The download is a text file with the same codes.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download (.txt)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/recovery-codes\.txt$/);
  const text = await readFile((await download.path())!, "utf8");
  for (const code of codes) expect(text).toContain(code);
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  // Stored hashed: no row holds a code.
  const rows = await db.recoveryCode.findMany({ where: { set: { userId: user.id } } });
  expect(rows).toHaveLength(10);
  for (const row of rows) for (const code of codes) expect(row.codeHash).not.toContain(code.replace("-", ""));

  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your new device is ready to use." })).toBeVisible();
  await expect(page.getByText("10 of 10 left")).toBeVisible();
  await signOut(page);

  // A wrong code is refused and counted like a wrong passcode.
  await openRecoveryCode(page, user.email);
  await submitRecoveryCode(page, "ZZZZZ-ZZZZZ");
  await expect(page.getByText(/That recovery code is not right/)).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "recovery_code.failed" } })).toBe(1);

  // A right code signs in and lands on the devices with what to do next.
  await submitRecoveryCode(page, codes[0]!.toLowerCase());
  await expect(page).toHaveURL(/\/devices\?recovered=1$/);
  await expect(page.getByText(/You signed in with a recovery code\. If you lost a device, remove it and add a new one\. You have 9 recovery codes left/)).toBeVisible();
  await expect(page.getByText("9 of 10 left")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts).toBe(0);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null, secondFactorPending: false }, orderBy: { createdAt: "desc" } });
  expect(session.authMethods.split(",")).toContain("recovery_code");
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "recovery_code.used" } })).toBe(1);
  const signedIn = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.signed_in" }, orderBy: { createdAt: "desc" } });
  expect(JSON.parse(signedIn.details!).method).toBe("recovery_code");
  const mail = (await readOutbox(request, user.email)).find((m) => m.subject?.includes("recovery code was used"));
  expect(mail?.body).toContain("You have 9 recovery codes left.");
  await signOut(page);

  // The same code is refused the second time.
  await openRecoveryCode(page, user.email);
  await submitRecoveryCode(page, codes[0]!);
  await expect(page.getByText(/That recovery code was already used/)).toBeVisible();
  await submitRecoveryCode(page, codes[1]!);
  await expect(page).toHaveURL(/\/devices\?recovered=1$/);
  await expect(page.getByText("8 of 10 left")).toBeVisible();

  // New codes need a fresh second factor: a stale session steps up with the device, and a recovery
  // code is not offered there.
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.getByRole("button", { name: "Generate new codes" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Use a recovery code" })).toHaveCount(0);
  // The next time step: the registration's step is spent (a code is accepted once per step).
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const fresh = (await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(fresh).toHaveLength(10);
  expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await expect(page.getByText("Your new recovery codes are ready. The old ones no longer work.")).toBeVisible();
  await expect(page.getByText("10 of 10 left")).toBeVisible();
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "recovery_codes.generated" } })).toBe(2);
  await expect.poll(async () => (await readOutbox(request, user.email)).some((m) => m.subject?.includes("new recovery codes were made"))).toBe(true);
  await signOut(page);

  // The old set is void; the new one works.
  await openRecoveryCode(page, user.email);
  await submitRecoveryCode(page, codes[2]!);
  await expect(page.getByText(/That recovery code is not right/)).toBeVisible();
  await submitRecoveryCode(page, fresh[0]!);
  await expect(page).toHaveURL(/\/devices\?recovered=1$/);
  await expect(page.getByText("9 of 10 left")).toBeVisible();
});

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the element");
}

test("keyboard only: a recovery-code sign-in with Tab and Enter, no clicks", async ({ page }) => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const user = await seedUser({ devices: [{ type: "TOTP", nickname: "Authenticator", isDefault: true }] });
  await db.device.updateMany({ where: { userId: user.id }, data: { totpSecret: secret } });
  const codes = await saveRecoveryCodes(page, user.email, secret);
  await signOut(page);

  await page.goto("/sign-in?callbackUrl=%2Faccount");
  const email = page.getByLabel("Email", { exact: true });
  await tabTo(page, email);
  await page.keyboard.type(user.email);
  const password = page.getByLabel("Password", { exact: true });
  // Identifier first or both fields at once: Enter moves on when the password is not there yet.
  if (!(await password.isVisible())) await page.keyboard.press("Enter");
  await tabTo(page, password);
  await page.keyboard.type("a-long-test-password");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/sign-in\/verify/);

  const useCode = page.getByRole("button", { name: "Use a recovery code" });
  await expect(useCode).toBeVisible();
  await tabTo(page, useCode);
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { name: "Use a recovery code" });
  await expect(heading).toBeFocused();
  const field = page.getByRole("textbox", { name: "Recovery code" });
  await tabTo(page, field);
  await page.keyboard.type(codes[3]!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/devices\?recovered=1$/);
  const notice = page.locator(".focus-target");
  await expect(notice).toBeFocused();
  await expect(notice).toContainText("You signed in with a recovery code");
});

test("a code belongs to the session that asked: it completes only that sign-in, never another session's", async ({ browser }) => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const user = await seedUser({ devices: [{ type: "TOTP", nickname: "Authenticator", isDefault: true }] });
  await db.device.updateMany({ where: { userId: user.id }, data: { totpSecret: secret } });
  const setup = await browser.newPage();
  const codes = await saveRecoveryCodes(setup, user.email, secret);
  await setup.close();

  // Two pending sign-ins of one user: A uses a code; B is still waiting for its own second factor.
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await openRecoveryCode(a, user.email);
  await openRecoveryCode(b, user.email);
  await submitRecoveryCode(a, codes[0]!);
  await expect(a).toHaveURL(/\/devices\?recovered=1$/);
  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in\/verify/);
  // B's own flow cannot be finished by A's code either: it is spent.
  await expect(b.getByRole("heading", { name: "Use a recovery code" })).toBeVisible();
  await submitRecoveryCode(b, codes[0]!);
  await expect(b.getByText(/That recovery code was already used/)).toBeVisible();
  // And A's finished flow is not B's to redeem.
  const flowA = await db.flowExecution.findFirstOrThrow({ where: { userId: user.id, kind: "device-authentication", redeemedAt: { not: null } } });
  const redeem = await b.request.post(`/api/flows/${flowA.id}/sign-in`, { data: {}, headers: { Origin: new URL(b.url()).origin } });
  expect(redeem.status()).toBe(404);
  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in\/verify/);
});
