import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { readOutbox, waitForMessage } from "./fixtures/outbox";
import { errorNotice } from "./fixtures/ui";
import { enterEmail, fillSignIn, passSecondFactor, PASSWORD, seedUser, signIn, signInButton } from "./fixtures/users";

const NEW_PASSWORD = "copper lantern meadow violin";
const RESET_LINK = /(https?:\/\/\S+\/reset-password\?token=\S+)/;

/** From the sign-in page's password step, as a person who cannot remember it would. */
async function askForResetLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await enterEmail(page, email);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?", level: 1 })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  const answer = page.getByRole("status").filter({ hasText: "If an account exists for that email, a link to reset its password is on its way." });
  await expect(answer).toBeVisible();
  await expect(answer.locator("xpath=..")).toBeFocused();
}

test("a forgotten password is reset through the emailed link: old refused, new works with MFA still asked, other sessions ended, the link once", async ({
  page,
  browser,
  request,
}) => {
  const mail = `codes-${randomUUID().slice(0, 8)}@example.test`;
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: mail, isDefault: true }] });

  // Another browser of the same person, signed in all the way.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, user.email);

  await askForResetLink(page, user.email);
  const link = await waitForMessage(request, user.email, RESET_LINK);
  // A link scanner's GET spends nothing and changes nothing.
  expect((await request.get(link)).ok()).toBe(true);
  expect(await db.passwordResetToken.count({ where: { userId: user.id, consumedAt: { not: null } } })).toBe(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password", level: 1 })).toBeVisible();
  const newPassword = page.getByLabel("New password", { exact: true });
  // A breached password is refused; nothing is lost, the link still works.
  await newPassword.fill("password1234");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/This password is on lists of common and breached passwords/)).toBeVisible();
  await expect(newPassword).toHaveValue("password1234");
  expect(await db.passwordResetToken.count({ where: { userId: user.id, consumedAt: { not: null } } })).toBe(0);

  await newPassword.fill(NEW_PASSWORD);
  await page.getByLabel("Show password").check();
  await expect(newPassword).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Set new password" }).click();
  const done = page.getByRole("status").filter({ hasText: "Your password is changed" });
  await expect(done).toBeVisible();
  await expect(done.locator("xpath=..")).toBeFocused();

  // Every other session ended: the other browser is sent to sign in.
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await elsewhere.close();
  expect(await db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.password_reset" } });
  expect(JSON.parse(audit.details!)).toEqual({ sessionsEnded: 1 });
  await waitForMessage(request, user.email, /(Your password was reset)/);

  // The old password is refused; the new one signs in and two-step verification still asks its code.
  await page.getByRole("link", { name: "Sign in" }).click();
  await fillSignIn(page, user.email, PASSWORD);
  await signInButton(page).click();
  await expect(errorNotice(page)).toHaveText("That email and password do not match an account. Check them and try again.");
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await passSecondFactor(page, user.email);
  await expect(page).toHaveURL(/\/account$/);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("an unknown email gets the same answer and nothing is sent", async ({ page, request }) => {
  const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
  await askForResetLink(page, email);
  expect(await readOutbox(request, email)).toHaveLength(0);
});

test("a second reset link voids the first", async ({ page, request }) => {
  const user = await seedUser({ mfaEnabled: false });
  await askForResetLink(page, user.email);
  const first = await waitForMessage(request, user.email, RESET_LINK);
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect.poll(async () => (await readOutbox(request, user.email)).filter((m) => RESET_LINK.test(m.body)).length).toBe(2);
  const second = await waitForMessage(request, user.email, RESET_LINK);
  expect(second).not.toBe(first);

  await page.goto(first);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
  await page.goto(second);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await fillSignIn(page, user.email, NEW_PASSWORD);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/);
});
