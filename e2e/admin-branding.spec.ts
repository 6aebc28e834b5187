import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { seedUser, signIn } from "./fixtures/users";
import { seedStaff, signInWithTotp } from "./fixtures/staff";

/**
 * The admin console's branding page (issue 13): an administrator changes the company name, logo and
 * feature flags, sees them in the preview before saving, and everyone sees them after.
 *
 * Branding is one setting for the whole installation, and other specs read the company name ("Acme").
 * Specs share the server's database within a run (SQLite: this worktree's prisma/e2e.db; PostgreSQL:
 * mfa_e2e<TEST_DATABASE_SUFFIX>), each run starts from a fresh one (scripts/e2e-server.sh), and a run
 * executes one test at a time (playwright.config.ts: one worker, not fully parallel), so no other
 * test reads the branding while a test here has it changed. Each test here puts back what it found,
 * through the same page, in afterEach (so also when it fails halfway); runs in other worktrees or
 * with another suffix use other databases and never see it.
 */
type Stored = { companyName: string; logoUrl: string; logoStyle: string; accentColour: string; features: Record<string, boolean> };

async function storedBranding(): Promise<Stored> {
  const row = await db.setting.findUniqueOrThrow({ where: { key: "branding" } });
  return JSON.parse(row.value) as Stored;
}

/** An administrator with an authenticator app, signed in just now (password, then the app's code). */
async function signInAsAdmin(page: Page) {
  const admin = await seedStaff("ADMIN");
  await signInWithTotp(page, admin, "/account");
  await page.goto("/admin/branding");
  await expect(page.getByRole("heading", { name: "Branding", level: 1 })).toBeVisible();
  return admin;
}

const form = (page: Page) => page.getByRole("form", { name: "Branding and feature flags" });
const preview = (page: Page) => page.getByRole("region", { name: "Preview of the sign-in page" });
const FLAG_LABELS: Record<string, string> = {
  isSmsOTPEnabled: "Text message and voice call codes",
  isEmailOTPEnabled: "Email codes",
  isFidoPasskeyEnabled: "Passkeys and security keys",
};

async function save(page: Page) {
  await form(page).getByRole("button", { name: "Save branding" }).click();
}

/** The sign-in page as a stranger sees it, in a browser context of its own. */
async function openSignInElsewhere(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  return { page, close: () => context.close() };
}

// Each test signs an administrator in with real ceremonies, and often a user too.
test.describe.configure({ timeout: 90_000 });

let original: Stored;
test.beforeEach(async ({ page }) => {
  await page.goto("/sign-in");
  original = await storedBranding();
});

// Puts back the branding the test found, as an administrator would (the page may still be signed in
// as this test's administrator; a new one is signed in otherwise).
test.afterEach(async ({ page }) => {
  if (JSON.stringify(await storedBranding()) === JSON.stringify(original)) return;
  await page.goto("/admin/branding");
  if (!(await form(page).isVisible())) await signInAsAdmin(page);
  const fields = form(page);
  await fields.getByLabel("Company name").fill(original.companyName);
  await fields.getByLabel("Logo URL").fill(original.logoUrl);
  await fields.getByLabel("Logo style").fill(original.logoStyle);
  await fields.getByLabel("Accent colour", { exact: true }).fill(original.accentColour);
  for (const [flag, label] of Object.entries(FLAG_LABELS)) await fields.getByLabel(label).setChecked(original.features[flag]!);
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "Branding saved" })).toBeVisible();
  expect(await storedBranding()).toEqual(original);
});

test("the company name shows in the preview as it is typed, and on the sign-in page once saved", async ({ page, browser }) => {
  const admin = await signInAsAdmin(page);
  expect(original.companyName).toBe("Acme");
  await expect(preview(page)).toContainText("to your Acme account");

  await form(page).getByLabel("Company name").fill("Globex Corporation");
  // Not saved yet: the preview already shows it, the sign-in page does not.
  await expect(preview(page).getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(preview(page)).toContainText("to your Globex Corporation account");
  expect((await storedBranding()).companyName).toBe("Acme");
  const before = await openSignInElsewhere(browser);
  await expect(before.page.getByText("to your Acme account")).toBeVisible();
  await before.close();

  await save(page);
  // The answer takes the focus, so a screen reader reads it out.
  await expect(page.locator(":focus")).toContainText("Branding saved");
  expect((await storedBranding()).companyName).toBe("Globex Corporation");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "branding.updated", actorId: admin.id } });
  expect(JSON.parse(audit.details!).changes).toEqual({ companyName: { from: "Acme", to: "Globex Corporation" } });

  const after = await openSignInElsewhere(browser);
  await expect(after.page.getByText("to your Globex Corporation account")).toBeVisible();
  await expect(after.page.getByRole("link", { name: "Globex Corporation home" })).toBeVisible();
  await expect(after.page).toHaveTitle("Sign in · Globex Corporation");
  await after.close();
});

test("an accent colour too faint for white text is refused; a readable one colours the sign-in page's button", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const accent = form(page).getByLabel("Accent colour", { exact: true });
  await accent.fill("#facc15");
  await expect(form(page).getByText(/too faint/)).toBeVisible();
  await save(page);
  await expect(form(page).getByText(/White text on this colour is hard to read/)).toBeVisible();
  expect(await storedBranding()).toEqual(original);

  await accent.fill("#0f766e");
  await expect(form(page).getByText(/White text on it: .*, readable/)).toBeVisible();
  await save(page);
  await expect(page.locator(":focus")).toContainText("Branding saved");
  expect((await storedBranding()).accentColour).toBe("#0f766e");

  // The accent colour is every page's --brand, so the sign-in page's first button wears it.
  const signInPage = await openSignInElsewhere(browser);
  await expect(signInPage.page.getByRole("button", { name: "Continue", exact: true })).toHaveCSS("background-color", "rgb(15, 118, 110)");
  await signInPage.close();
});

test("an uploaded PNG becomes the logo everywhere, served from its own address; a text file named .png is refused", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const upload = form(page).getByLabel("Or upload a logo");

  await upload.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("This is text, whatever the name says.\n") });
  await save(page);
  await expect(form(page).getByText("Upload a PNG, JPEG, WebP or GIF image. This file is not one.")).toBeVisible();
  await expect(errorNotice(page)).toContainText("Please correct the highlighted fields.");
  expect(await storedBranding()).toEqual(original);
  expect(await db.brandingLogo.count()).toBe(0);

  const png = await sharp({ create: { width: 96, height: 32, channels: 4, background: "#0f766e" } }).png().toBuffer();
  await upload.setInputFiles({ name: "our-logo.png", mimeType: "image/png", buffer: png });
  // The preview shows the chosen file before anything is sent.
  await expect(preview(page).locator(".brand img")).toHaveAttribute("src", /^blob:/);
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "Branding saved" })).toBeVisible();
  const { logoUrl } = await storedBranding();
  expect(logoUrl).toMatch(/^\/branding\/logo\/[a-z0-9]+$/);
  // The form now shows the upload's address in place of the file.
  await expect(form(page).getByLabel("Logo URL")).toHaveValue(logoUrl);

  const signInPage = await openSignInElsewhere(browser);
  const logo = signInPage.page.locator("header .brand img");
  await expect(logo).toHaveAttribute("src", logoUrl);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  const served = await signInPage.page.request.get(logoUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["cache-control"]).toContain("immutable");
  expect((await sharp(await served.body()).metadata()).format).toBe("png");
  await signInPage.close();
  expect((await page.request.get("/branding/logo/nosuchlogo0000000000000")).status()).toBe(404);
});

test("turning text messages off takes SMS and voice out of a user's Add device at once", async ({ page, browser }) => {
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Email", target: `branding-${Date.now()}@example.org`, isDefault: true }] });
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signIn(userPage, user.email, "/devices");
  const kinds = userPage.getByRole("list", { name: "Kinds of device" });
  await userPage.getByRole("button", { name: "Add device" }).click();
  await expect(kinds.getByRole("button", { name: /^Text message/ })).toBeVisible();
  // Back to the list: the offer is made when Add device is chosen.
  await userPage.getByRole("button", { name: "Cancel" }).click();
  await expect(userPage.getByRole("button", { name: "Add device" })).toBeVisible();

  await signInAsAdmin(page);
  await form(page).getByLabel(FLAG_LABELS.isSmsOTPEnabled!).uncheck();
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "Branding saved" })).toBeVisible();
  expect((await storedBranding()).features.isSmsOTPEnabled).toBe(false);

  await userPage.reload();
  await userPage.getByRole("button", { name: "Add device" }).click();
  await expect(kinds.getByRole("button", { name: /^Authenticator app/ })).toBeVisible();
  await expect(kinds.getByRole("button", { name: /^Text message/ })).toHaveCount(0);
  await expect(kinds.getByRole("button", { name: /^Voice call/ })).toHaveCount(0);
  await expect(kinds.getByRole("button", { name: /^Email/ })).toBeVisible();
  await userContext.close();
});

test("a session signed in too long ago is sent to confirm it's you, and nothing changes; others get 404", async ({ page, browser }) => {
  const admin = await signInAsAdmin(page);
  await db.session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await form(page).getByLabel("Company name").fill("Initech");
  await save(page);
  await expect(errorNotice(page)).toContainText("Confirm it's you before making this change.");
  await expect(errorNotice(page).getByRole("link", { name: "Confirm it's you" })).toHaveAttribute("href", "/admin/confirm?returnTo=%2Fadmin%2Fbranding");
  expect(await storedBranding()).toEqual(original);

  for (const role of ["USER", "HELPDESK"] as const) {
    const someone = await seedUser({ mfaEnabled: false });
    await db.user.update({ where: { id: someone.id }, data: { role } });
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, someone.email, "/account");
    const response = await other.goto("/admin/branding");
    expect(response?.status(), role).toBe(404);
    await context.close();
  }
  // Make the administrator fresh again for afterEach's check (it has nothing to restore here).
  await db.session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date() } });
});
