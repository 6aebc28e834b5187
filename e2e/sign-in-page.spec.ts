import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { PASSWORD, seedUser, signIn, signInButton } from "./fixtures/users";
import { addVirtualAuthenticator, addPasskeyFromDeviceList } from "./fixtures/webauthn";

const emailField = (page: Page) => page.getByLabel("Email", { exact: true });
const passwordField = (page: Page) => page.getByLabel("Password", { exact: true });
const passwordHeading = (page: Page) => page.getByRole("heading", { name: "Enter your password", level: 2 });
/** The first step's form, which says whether the browser is offering saved passkeys (conditional mediation). */
const autofillOffer = (page: Page, state: "waiting" | "off") => page.locator(`form[data-passkey-autofill="${state}"]`);
/** Passkey sign-in challenges (bound to no user yet) the server has handed out since then. */
const challengesSince = (since: Date) => db.webAuthnChallenge.count({ where: { userId: null, ceremony: "authentication", createdAt: { gte: since } } });
// Anything red: our error notices and the fields' error texts.
const anyError = (page: Page) => page.locator(".notice-error, .field-error:not(:empty)");

test("identifier first: the email alone, then its password step with the focus on its heading, Show password and a way back", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false, name: "Ida Identifier" });
  await page.goto("/sign-in");
  await expect(passwordField(page)).toHaveCount(0);
  await expect(emailField(page)).toHaveAttribute("autocomplete", "username webauthn");

  // Only the address's shape is checked here; no server is asked whether an account has it.
  await emailField(page).fill("not-an-email");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(passwordHeading(page)).toHaveCount(0);

  await emailField(page).fill(`  ${user.email.toUpperCase()} `);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(passwordHeading(page)).toBeFocused();
  await expect(page.getByText(`for ${user.email}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot password?" })).toHaveAttribute("href", "/forgot-password");
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();

  await passwordField(page).fill(PASSWORD);
  await expect(passwordField(page)).toHaveAttribute("type", "password");
  const show = page.getByRole("checkbox", { name: "Show password" });
  await show.check();
  await expect(passwordField(page)).toHaveAttribute("type", "text");
  await expect(passwordField(page)).toHaveValue(PASSWORD);
  await show.uncheck();
  await expect(passwordField(page)).toHaveAttribute("type", "password");

  // Another address: back to the first step, the focus in the field, the old address there to correct.
  await page.getByRole("button", { name: "Use another email" }).click();
  await expect(emailField(page)).toBeFocused();
  await expect(emailField(page)).toHaveValue(user.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await passwordField(page).fill(PASSWORD);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Ida Identifier" })).toBeVisible();
});

test("keyboard only: Tab to the email, Enter, Tab to the password, Enter signs in", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false, name: "Kit Keyboard" });
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await expect(emailField(page)).toBeEnabled();
  for (let i = 0; i < 6 && !(await emailField(page).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(emailField(page)).toBeFocused();
  await page.keyboard.type(user.email);
  await page.keyboard.press("Enter");
  await expect(passwordHeading(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(passwordField(page)).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Kit Keyboard" })).toBeVisible();
});

test("passkey autofill: the passkey saved in the browser signs in from the email field, no password typed", async ({ page }) => {
  const authenticator = await addVirtualAuthenticator(page, "platform");
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Mail", target: `af-${randomUUID().slice(0, 8)}@example.test`, isDefault: true }] });
  await signIn(page, user.email, "/devices");
  await addPasskeyFromDeviceList(page);
  expect(await authenticator.credentials()).toHaveLength(1);
  // The page that signing out lands on must not pick the passkey itself: only the visit below signs in.
  await authenticator.answersByItself(false);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const signedOutAt = new Date();

  // Chromium's virtual authenticator picks the offered passkey at once, as a person choosing it from
  // the email field's suggestions would: the sign-in completes with nothing typed.
  // First leave the page signing out landed on: its autofill request is still open and would be
  // answered too the moment the authenticator answers by itself (a second sign-in).
  await page.goto("about:blank");
  await authenticator.answersByItself(true);
  await page.goto("/sign-in?callbackUrl=%2Fdevices");
  await expect(page).toHaveURL(/\/devices$/);
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.authMethods).toBe("passkey");
  expect(session.secondFactorPending).toBe(false);
  const signIns = await db.auditEvent.findMany({ where: { userId: user.id, action: "user.signed_in", createdAt: { gte: signedOutAt } } });
  expect(signIns.map((e) => JSON.parse(e.details!).method)).toEqual(["passkey"]);
});

test("a browser with no passkey for the site shows no error, from autofill or from the button", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  // An authenticator that holds no passkey of ours: the browser refuses the request (NotAllowedError).
  await addVirtualAuthenticator(page, "platform");
  const since = new Date();
  await page.goto("/sign-in");
  await expect(autofillOffer(page, "off")).toBeVisible();
  expect(await challengesSince(since)).toBe(1);
  await expect(anyError(page)).toHaveCount(0);

  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  // The button's challenge, then (its ceremony over, refused) a new autofill offer's, refused as quietly.
  await expect.poll(() => challengesSince(since)).toBe(3);
  await expect(autofillOffer(page, "off")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled();
  await expect(anyError(page)).toHaveCount(0);
  await expect(page.getByRole("alert").and(page.locator(".notice"))).toHaveCount(0);

  // The page still signs in with the password.
  await emailField(page).fill(user.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await passwordField(page).fill(PASSWORD);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/);
});
