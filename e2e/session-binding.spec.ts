import { test, expect, type Browser } from "@playwright/test";
import { db } from "./fixtures/db";
import { waitForMessage } from "./fixtures/outbox";
import { enterPassword, passSecondFactor, requestSignInLink, seedUser, signIn } from "./fixtures/users";

/**
 * security.md items 21 and 25, driven by two browsers: a second factor belongs to the session that asked
 * for it. The "attacker" knows the password only; the owner also has the phone.
 */
// Two or three sign-ins per test, each of two steps now (email, then password), and a code: on a busy
// machine more than the default 45 s.
test.describe.configure({ timeout: 90_000 });

const phone = () => `+1555${Math.floor(Math.random() * 1e7).toString().padStart(7, "0")}`;

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a session that knows only the password cannot finish sign-in with the owner's second factor", async ({ browser }) => {
  const user = await seedUser({
    devices: [
      { type: "SMS", nickname: "Phone", target: phone(), isDefault: true },
      { type: "EMAIL", nickname: "Mail", target: `owner-${Date.now()}@example.test` },
    ],
  });
  // The attacker starts first: an unfinished sign-in in another browser must not be what the owner resumes.
  const attacker = await newPage(browser);
  await enterPassword(attacker.page, user.email);
  await expect(attacker.page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();

  const owner = await newPage(browser);
  await enterPassword(owner.page, user.email);
  await expect(owner.page).toHaveURL(/\/sign-in\/verify/);
  await passSecondFactor(owner.page, user.email);
  await expect(owner.page).toHaveURL(/\/account$/);

  // The attacker's page still offers its own choice, and nothing past the second-factor page opens.
  await attacker.page.reload();
  await expect(attacker.page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await expect(attacker.page.getByText("Verified. Signing you in")).toHaveCount(0);
  await attacker.page.goto("/devices");
  await expect(attacker.page).toHaveURL(/\/sign-in\/verify/);

  // Exactly one complete session exists: the owner's.
  const complete = await db.session.findMany({ where: { userId: user.id, revokedAt: null, secondFactorPending: false } });
  expect(complete).toHaveLength(1);
  await attacker.context.close();
  await owner.context.close();
});

test("two sign-ins of one account in two browsers each finish with their own code", async ({ browser }) => {
  const target = phone();
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target, isDefault: true }] });
  const first = await newPage(browser);
  const second = await newPage(browser);
  await enterPassword(first.page, user.email);
  await first.page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /^Phone/ }).click();
  await expect(first.page.getByLabel("Code", { exact: true })).toBeVisible();
  const firstCode = await waitForMessage(first.page.request, target, /(\d{6}) is your/);

  await enterPassword(second.page, user.email);
  await second.page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /^Phone/ }).click();
  await expect(second.page.getByLabel("Code", { exact: true })).toBeVisible();
  await expect.poll(async () => (await waitForMessage(second.page.request, target, /(\d{6}) is your/)) !== firstCode).toBe(true);
  const secondCode = await waitForMessage(second.page.request, target, /(\d{6}) is your/);

  // The first browser's code does not work in the second browser's flow, and vice versa.
  await second.page.getByLabel("Code", { exact: true }).fill(firstCode);
  await second.page.getByRole("button", { name: "Verify" }).click();
  await expect(second.page.getByText(/not right|expired|no longer works/i)).toBeVisible();

  await first.page.getByLabel("Code", { exact: true }).fill(firstCode);
  await first.page.getByRole("button", { name: "Verify" }).click();
  await expect(first.page).toHaveURL(/\/account$/);
  await second.page.getByLabel("Code", { exact: true }).fill(secondCode);
  await second.page.getByRole("button", { name: "Verify" }).click();
  await expect(second.page).toHaveURL(/\/account$/);
  await first.context.close();
  await second.context.close();
});

test("with MFA on, an emailed link is one factor: an email-only account is sent to its password, then a code", async ({ page, request }) => {
  const mail = `emailonly-${Date.now()}@example.test`;
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: mail, isDefault: true }] });
  await requestSignInLink(page, user.email);
  const link = await waitForMessage(request, user.email, /(https?:\/\/\S+\/magic-link\?token=\S+)/);
  await page.goto(link);
  await page.getByRole("button", { name: "Continue and sign in" }).click();

  // The link alone opens nothing: the second-factor page says what completes the sign-in.
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await expect(page.getByText(/Sign in with your password instead/)).toBeVisible();
  await page.goto("/devices");
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  expect(await db.session.count({ where: { userId: user.id, revokedAt: null, secondFactorPending: false } })).toBe(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await signIn(page, user.email, "/devices");
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null, secondFactorPending: false } });
  expect(session.authMethods).toBe("pwd,otp");
});
