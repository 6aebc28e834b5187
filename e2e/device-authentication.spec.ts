import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { enterPassword, seedUser, signIn } from "./fixtures/users";
import { readOutbox, waitForMessage } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { addVirtualAuthenticator, addPasskeyFromDeviceList } from "./fixtures/webauthn";
import { seedPairedPhone } from "./fixtures/mobile";

const phone = () => `+1202555${String(Date.now()).slice(-4)}`;
const codeIn = (body: string) => body.replace(/[, ]/g, "").match(/\d{6}/)?.[0];

test("password then an SMS code; the pre-MFA session reaches nothing else and is replaced", async ({ page, request }) => {
  const number = phone();
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target: number, isDefault: true }] });
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  // One device and a link fallback: the selection shows the masked device (two digits only).
  const list = page.getByRole("list", { name: "Your devices" });
  await expect(list).toContainText(`Text message · +1 ••• ••• •• ${number.slice(-2)}`);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();

  await page.goto("/devices");
  await expect(page).toHaveURL(/\/sign-in\/verify\?callbackUrl=%2Fdevices/);
  const pending = await db.session.findFirstOrThrow({ where: { userId: user.id, secondFactorPending: true } });

  await list.getByRole("button").first().click();
  await expect(page.getByText(`We texted a code to +1 ••• ••• •• ${number.slice(-2)}.`)).toBeVisible();
  const code = codeIn((await readOutbox(request, number))[0]!.body)!;
  await expect(page.getByText(code)).toHaveCount(0);
  await page.getByLabel("Code", { exact: true }).fill(` ${code.slice(0, 3)} ${code.slice(3)} `);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/devices$/);
  await expect(page.getByRole("list", { name: "Devices" })).toContainText("last used");

  const old = await db.session.findUniqueOrThrow({ where: { id: pending.id } });
  expect(old.revokedAt).not.toBeNull();
  const fresh = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
  expect(fresh.id).not.toBe(pending.id);
  expect(fresh.authMethods).toBe("pwd,otp");
  expect(fresh.secondFactorPending).toBe(false);
});

test("authenticator app at sign-in; a replayed code is refused", async ({ page, browser }) => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const user = await seedUser({ devices: [{ type: "TOTP", nickname: "Authenticator", isDefault: true }] });
  await db.device.updateMany({ where: { userId: user.id }, data: { totpSecret: secret } });
  await enterPassword(page, user.email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button").first().click();
  await expect(page.getByText("Enter the code from your authenticator app (Authenticator).")).toBeVisible();
  const code = totpCode(secret);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);

  const other = await browser.newPage();
  await enterPassword(other, user.email);
  await other.getByRole("list", { name: "Your devices" }).getByRole("button").first().click();
  await other.getByLabel("Code", { exact: true }).fill(code);
  await other.getByRole("button", { name: "Verify" }).click();
  await expect(other.getByText(/already used|not right/)).toBeVisible();
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "totp.replay_refused" } })).toBeGreaterThanOrEqual(1);
  await other.close();
});

test("selection with several devices; resends are limited per flow; a used code is refused", async ({ page, request }) => {
  const number = phone();
  const user = await seedUser({
    devices: [
      { type: "EMAIL", nickname: "Mail", target: `mail-${Date.now()}@example.test` },
      { type: "SMS", nickname: "Phone", target: number, isDefault: true },
    ],
  });
  await enterPassword(page, user.email);
  const list = page.getByRole("list", { name: "Your devices" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("Default");
  await list.getByRole("button", { name: /Phone/ }).click();
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect(page.getByRole("status")).toHaveText("We sent you a new code. The previous code no longer works.");
    await expect.poll(async () => (await readOutbox(request, number)).length).toBe(i + 2);
  }
  await expect(page.getByRole("button", { name: "Send a new code" })).toHaveCount(0);
  const code = codeIn((await readOutbox(request, number))[0]!.body)!;

  // Choosing the phone again sends nothing more: the flow has one budget of codes.
  await page.getByRole("button", { name: "Use another device" }).click();
  await list.getByRole("button", { name: /Phone/ }).click();
  await expect(page.getByRole("status")).toHaveText(/most new codes allowed/);
  expect(await readOutbox(request, number)).toHaveLength(4);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // The same code again, in a new sign-in, is refused: single use and bound to its flow.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await enterPassword(page, user.email);
  await list.getByRole("button", { name: /Phone/ }).click();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/not right|expired or was replaced/)).toBeVisible();
});

test("lockout after too many wrong codes says until when, and ends on time", async ({ page }) => {
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: `lock-${Date.now()}@example.test`, isDefault: true }] });
  await db.device.updateMany({ where: { userId: user.id }, data: { failedAttempts: 9 } });
  await enterPassword(page, user.email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button").first().click();
  await page.getByLabel("Code", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/locked until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)).toBeVisible();
  const locked = await db.device.findFirstOrThrow({ where: { userId: user.id } });
  expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "device.locked" } })).toBe(1);

  // The lockout ends: with its time passed, a new code signs in and the count is cleared.
  await db.device.updateMany({ where: { userId: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  await page.goto("/sign-in/verify");
  await page.getByRole("button", { name: "Use another device" }).click();
  const sentBefore = (await readOutbox(page.request, locked.target!)).length;
  await page.getByRole("list", { name: "Your devices" }).getByRole("button").first().click();
  // The new code, not the one from before the lockout: wait until it has been sent.
  await expect.poll(async () => (await readOutbox(page.request, locked.target!)).length).toBeGreaterThan(sentBefore);
  const code = await waitForMessage(page.request, locked.target!, /is:\s+(\d{6})/);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect((await db.device.findFirstOrThrow({ where: { userId: user.id } })).failedAttempts).toBe(0);
});

test("magic-link fallback for a user without devices, confirmed from the email", async ({ page, context }) => {
  const user = await seedUser({ devices: [] });
  await enterPassword(page, user.email);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = await waitForMessage(page.request, user.email, /(https?:\/\/\S+\/magic-link\?token=\S+)/);
  const mail = await context.newPage();
  await mail.goto(link);
  await mail.getByRole("button", { name: "Yes, it's me" }).click();
  await expect(mail.getByRole("status")).toContainText("Confirmed");
  await expect(page).toHaveURL(/\/account$/, { timeout: 15_000 });
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
  expect(session.authMethods).toBe("pwd,magic_link");
});

test("passkey at sign-in as a second factor, and directly from the sign-in page", async ({ page }) => {
  const authenticator = await addVirtualAuthenticator(page, "platform");
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: `pk-${Date.now()}@example.test`, isDefault: true }] });
  // Register a real passkey through the portal first.
  await signIn(page, user.email, "/devices");
  await addPasskeyFromDeviceList(page);
  expect(await authenticator.credentials()).toHaveLength(1);
  // The sign-in page now offers the passkey in the email field's autofill; this person types instead.
  await authenticator.answersByItself(false);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Password, then the passkey as second factor.
  await enterPassword(page, user.email);
  await authenticator.answersByItself(true);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Passkey/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "PLATFORM" } });
  expect(device.lastUsedAt).not.toBeNull();
  expect(device.userVerified).toBe(true);
  await authenticator.answersByItself(false);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The passkey alone, discoverable, counts as both factors; the button stops the waiting autofill offer.
  await expect(page.locator('form[data-passkey-autofill="waiting"]')).toBeVisible();
  await authenticator.answersByItself(true);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.authMethods).toBe("passkey");
  expect(session.secondFactorPending).toBe(false);
});

test("a replayed WebAuthn assertion is refused and changes nothing", async ({ page }) => {
  await addVirtualAuthenticator(page, "security-key");
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: `rp-${Date.now()}@example.test`, isDefault: true }] });
  await signIn(page, user.email, "/devices");
  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Security key/ }).click();
  await page.getByRole("button", { name: "Register security key" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // A real sign-in with the key; keep the exact request the browser sent with its assertion.
  await enterPassword(page, user.email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Security key/ }).click();
  const sent = page.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes("FIDO2_ASSERTION"));
  await page.getByRole("button", { name: "Continue" }).click();
  const original = await sent;
  await expect(page).toHaveURL(/\/account$/);
  // The flow door's address names the flow: /api/flows/<id>/events.
  const oldFlowId = /\/api\/flows\/([^/?]+)\/events/.exec(original.url())![1]!;
  const key = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "SECURITY_KEY" } });

  // A new sign-in: the attacker answers its challenge with the old assertion.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await enterPassword(page, user.email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Security key/ }).click();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  const newFlow = await db.flowExecution.findFirstOrThrow({
    where: { userId: user.id, kind: "device-authentication", endedAt: null },
    orderBy: { createdAt: "desc" },
  });
  const replayed = await page.request.fetch(original.url().replace(oldFlowId, newFlow.id), {
    method: "POST",
    // The browser's current cookie (the new sign-in) goes with it, not the one captured earlier.
    headers: Object.fromEntries(Object.entries(await original.allHeaders()).filter(([name]) => name !== "cookie")),
    data: original.postDataBuffer()!.toString("utf8"),
  });
  expect(await replayed.text()).toContain("expired");
  const after = await db.flowExecution.findUniqueOrThrow({ where: { id: newFlow.id } });
  expect(after.endedAt).toBeNull();
  expect((await db.device.findUniqueOrThrow({ where: { id: key.id } })).signCount).toBe(key.signCount);
  expect(await db.session.count({ where: { userId: user.id, revokedAt: null, secondFactorPending: false } })).toBe(0);
});

test("step-up before removing a device in a session older than the window", async ({ page, browser }) => {
  const mail = `stepup-${Date.now()}@example.test`;
  const user = await seedUser({
    devices: [
      { type: "EMAIL", nickname: "Mail", target: mail, isDefault: true },
      { type: "VOICE", nickname: "Landline", target: phone() },
    ],
  });
  await signIn(page, user.email, "/devices");
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  const before = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;

  await page.getByRole("button", { name: /^Landline,/ }).click();
  await page.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Yes, remove device" }).click();
  // The stale session gets a step-up, never the change.
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  expect(await db.device.count({ where: { userId: user.id } })).toBe(2);

  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Mail/ }).click();
  const code = await waitForMessage(page.request, mail, /code to confirm a change[^]*?is:\s+(\d{6})/);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText('"Landline" was removed.');
  expect(await db.device.count({ where: { userId: user.id } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "user.reauthenticated" } })).toBe(1);

  // The step-up issued a new session token (security.md item 21): the browser holds it and it works,
  // and the token from before the step-up opens nothing any more.
  const after = (await page.context().cookies()).find((c) => c.name === before.name)!;
  expect(after.value).not.toBe(before.value);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  const stale = await browser.newContext();
  await stale.addCookies([before]);
  const old = await stale.newPage();
  await old.goto("/devices");
  await expect(old).toHaveURL(/\/sign-in/);
  await expect(old.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await stale.close();
});

test("unblocking a device in a stale session asks for a second factor first", async ({ page }) => {
  const mail = `unblock-${Date.now()}@example.test`;
  const user = await seedUser({
    devices: [
      { type: "EMAIL", nickname: "Mail", target: mail, isDefault: true },
      { type: "SMS", nickname: "Old phone", target: phone(), status: "BLOCKED" },
    ],
  });
  await signIn(page, user.email, "/devices");
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.getByRole("button", { name: /^Old phone,/ }).click();
  await page.getByRole("button", { name: "Unblock" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  expect((await db.device.findFirstOrThrow({ where: { userId: user.id, type: "SMS" } })).status).toBe("BLOCKED");
  const code = await waitForMessage(page.request, mail, /code to confirm a change[^]*?is:\s+(\d{6})/);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText('"Old phone" is unblocked.');
  expect((await db.device.findFirstOrThrow({ where: { userId: user.id, type: "SMS" } })).status).toBe("ACTIVE");
});

test("a step-up offers every registered factor, whatever the browser claims, and never the password instead", async ({ page }) => {
  // The passkey is real (registered through the portal); then the browser loses its authenticator and
  // says so. The passkey stays the way to confirm: the account's highest level is a second factor, so
  // neither a browser's claim nor the password alone lowers it.
  const authenticator = await addVirtualAuthenticator(page, "platform");
  const mail = `claims-${Date.now()}@example.test`;
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: mail, isDefault: true }] });
  await signIn(page, user.email, "/devices");
  await addPasskeyFromDeviceList(page);

  await authenticator.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: authenticator.authenticatorId });
  await db.device.updateMany({ where: { userId: user.id, type: "EMAIL" }, data: { status: "BLOCKED" } });
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.reload();
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await page.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(page.getByRole("heading", { name: "Use your passkey" })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);
});

test("a stale session of an account with no active second factor confirms with the password before turning MFA off", async ({ page }) => {
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target: phone(), isDefault: true }] });
  await signIn(page, user.email, "/devices");
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await db.device.updateMany({ where: { userId: user.id, type: "SMS" }, data: { status: "BLOCKED" } });
  await page.reload();
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await page.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("a-long-test-password");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
});

// The mobile authenticator (issue 11): the phone's answers are signed with its own key and verified by
// the server's code against this database (fixtures/mobile.ts).

/** An account whose only device is a paired phone, past its password and waiting on the phone. */
async function waitingOnPhone(page: Page) {
  const user = await seedUser({ devices: [] });
  const mobile = await seedPairedPhone(user.id, { nickname: "Pixel" });
  await enterPassword(page, user.email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Pixel/ }).click();
  await expect(page.getByRole("heading", { name: "Approve on your phone" })).toBeVisible();
  return { user, mobile };
}

test("a paired phone at sign-in: the number to choose, and the page moves on by itself when the phone approves it", async ({ page }) => {
  // The phone's side loads the server's flows in a process of its own (fixtures/mobile.ts).
  test.setTimeout(120_000);
  const { user, mobile } = await waitingOnPhone(page);
  const challenge = await mobile.pendingChallenge();
  await expect(page.getByRole("status")).toHaveText(`Open the authenticator on your phone (Pixel) and choose ${challenge.number}.`);
  await expect(page.getByRole("timer")).toContainText(/\d:\d\d left/);

  // Told to the flow as the decide route does: the live channel moves the page on.
  expect(await mobile.answer(challenge.id, challenge.number, "APPROVE", { tellFlow: true })).toEqual({ status: "APPROVED" });
  await expect(page).toHaveURL(/\/account$/);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
  expect(session.authMethods).toBe("pwd,push");
});

test("a phone that does not answer: timed out by itself, then the passcode the app shows", async ({ page }) => {
  const { mobile } = await waitingOnPhone(page);
  // The request's minute is up: its row's expiry is moved into the past, and the waiting page finds out.
  await db.pushChallenge.updateMany({ where: { deviceId: mobile.device.id, status: "PENDING" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await expect(page.getByRole("heading", { name: "Your phone did not answer in time" })).toBeVisible();
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { name: "Approve on your phone" })).toBeVisible();
  await db.pushChallenge.updateMany({ where: { deviceId: mobile.device.id, status: "PENDING" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await expect(page.getByRole("heading", { name: "Your phone did not answer in time" })).toBeVisible();
  await page.getByRole("button", { name: "Enter the code from the app instead" }).click();
  await expect(page.getByText("Enter the code the authenticator on your phone (Pixel) shows.")).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(totpCode(mobile.totpSecret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("a phone that denies: the sign-in is not finished, and says why", async ({ page }) => {
  const { mobile } = await waitingOnPhone(page);
  const challenge = await mobile.pendingChallenge();
  // Not told to the flow: the waiting page sees the stored answer on its next read and settles it.
  expect(await mobile.answer(challenge.id, null, "DENY")).toEqual({ status: "DENIED" });
  await expect(page.getByRole("heading", { name: "Sign-in not finished" })).toBeVisible();
  await expect(page.getByText("You denied this sign-in on your phone.")).toBeVisible();
});
