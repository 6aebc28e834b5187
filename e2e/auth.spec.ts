import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { fillSignIn, PASSWORD, requestSignInLink, seedUser, signIn, signInButton } from "./fixtures/users";
import { readOutbox, waitForMessage } from "./fixtures/outbox";

test("a newcomer signs up, confirms the emailed link, then signs in, out and back in", async ({ page, request }) => {
  // Sign-up, confirmation and three sign-ins in one story: more than one page's budget on a busy machine.
  test.setTimeout(90_000);
  const email = `new-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Nia Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  expect(await db.user.count({ where: { email } })).toBe(0);

  // Long enough, but on every breached-password list (security.md item 27).
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/This password is on lists of common and breached passwords/)).toBeVisible();
  expect(await db.user.count({ where: { email } })).toBe(0);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const answer = page.getByRole("status").filter({ hasText: "Check your email" });
  await expect(answer).toContainText(`we sent a message to ${email}`);
  await expect(answer.locator("xpath=..")).toBeFocused();
  await expect(page).toHaveURL(/\/sign-up$/);
  const link = await waitForMessage(request, email, /(https?:\/\/\S+\/verify-email\?token=\S+)/);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(user.emailVerifiedAt).toBeNull();

  // Not confirmed yet: the right password is refused, with a way to get a new link (security.md item 28).
  await page.goto("/sign-in");
  await fillSignIn(page, email);
  await signInButton(page).click();
  await expect(errorNotice(page)).toContainText("Confirm your email address before you sign in");
  await page.getByRole("button", { name: "Email me a new confirmation link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "a new confirmation link is on its way" })).toBeVisible();
  await expect.poll(async () => (await readOutbox(request, email)).filter((m) => /verify-email\?token=/.test(m.body)).length).toBe(2);

  // A link scanner's GET confirms nothing.
  expect((await request.get(link)).ok()).toBe(true);
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("status")).toHaveText("Your email address is confirmed. You can sign in now.");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();

  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Hello, Nia Newcomer" })).toBeVisible();
  const signedOutCookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  // Sign-out revokes the session itself: a copy of the old cookie is refused too.
  const replay = await page.context().browser()!.newContext();
  await replay.addCookies(signedOutCookies);
  const replayed = await replay.newPage();
  await replayed.goto(new URL("/account", page.url()).href);
  await expect(replayed).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await replay.close();
  await signIn(page, email);

  await page.goto(link);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
});

test("signing up with an address that has an account answers the same, creates nothing and tells the owner", async ({ page, request }) => {
  const owner = await seedUser({ mfaEnabled: false, name: "Olu Owner" });
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("another-long-passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toContainText(`we sent a message to ${owner.email}`);
  await waitForMessage(request, owner.email, /(Someone, perhaps you, tried to create)/);
  expect(await db.user.count({ where: { email: owner.email } })).toBe(1);
  const after = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
  expect(after.name).toBe("Olu Owner");
  expect(after.passwordHash).toBe(owner.passwordHash);
  // The owner's own password still works; the one typed at sign-up does not.
  await signIn(page, owner.email);
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const user = await seedUser();
  for (const email of [user.email, `nobody-${randomUUID().slice(0, 6)}@example.test`]) {
    await page.goto("/sign-in");
    await fillSignIn(page, email, "not-the-password");
    await signInButton(page).click();
    await expect(errorNotice(page)).toHaveText("That email and password do not match an account. Check them and try again.");
  }
});

test("a magic link signs in only after a click on its confirmation page, and only once", async ({ page, request }) => {
  const user = await seedUser();
  await requestSignInLink(page, user.email);
  await expect(page.getByRole("status")).toContainText("If an account exists for that email");
  const link = await waitForMessage(request, user.email, /(https?:\/\/\S+\/magic-link\?token=\S+)/);

  // A link scanner's GET uses nothing up.
  const scanned = await request.get(link);
  expect(scanned.ok()).toBe(true);
  expect(await db.magicLinkToken.count({ where: { userId: user.id, consumedAt: { not: null } } })).toBe(0);

  await page.goto(link);
  await expect(page.getByText(/Sign in as .•••@example\.test\?/)).toBeVisible();
  await page.getByRole("button", { name: "Continue and sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(link);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
});

test("asking for a link for an unknown email answers the same and sends nothing", async ({ page, request }) => {
  const email = `ghost-${randomUUID().slice(0, 8)}@example.test`;
  await requestSignInLink(page, email);
  await expect(page.getByRole("status")).toContainText("If an account exists for that email");
  expect(await readOutbox(request, email)).toHaveLength(0);
});

test("the outbox page lists messages and the portal refuses to be framed", async ({ page, request }) => {
  const user = await seedUser();
  await requestSignInLink(page, user.email);
  await expect(page.getByRole("status")).toBeVisible();
  // The answer does not wait for the email (it is the same whether or not the account exists), so wait
  // for the message as a person waits for their inbox before opening the outbox page.
  await waitForMessage(request, user.email, /magic-link\?token=/);
  await page.goto(`/dev/outbox?to=${encodeURIComponent(user.email)}`);
  await expect(page.getByRole("article", { name: `email to ${user.email}` })).toContainText("sign-in link");
  const response = await request.get("/sign-in");
  expect(response.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
});
