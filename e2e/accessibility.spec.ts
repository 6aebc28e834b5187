import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/accessibility";
import { db } from "./fixtures/db";
import { seedStaff, signInWithTotp } from "./fixtures/staff";
import { totpCode } from "./fixtures/totp";
import { enterEmail, PASSWORD, seedUser, signIn, signInButton } from "./fixtures/users";

/**
 * Issue 14: every page a person reaches without special setup has no serious or critical accessibility
 * violation (axe-core, WCAG 2.1 A and AA rules), in the light and the dark colour scheme; and adding a
 * device works with the keyboard alone.
 */

// Each page is scanned twice, and a scan takes seconds on a busy machine: these tests visit many pages.
test.describe.configure({ timeout: 300_000 });

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { name, level: 1 });

test("signed-out pages and the 404 page", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(heading(page, /sign in/i)).toBeVisible();
  await expectAccessible(page, "sign-in");
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "sign-up");
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(heading(page, "Page not found")).toBeVisible();
  await expectAccessible(page, "404");
  // The favicon is served from the app itself and named by every page.
  expect((await page.request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
});

test("a person's pages: account, devices, a device, every step of adding one, browsers, the widget demo", async ({ page }) => {
  const user = await seedUser({
    devices: [
      { type: "SMS", nickname: "My phone", target: "+12025554567", isDefault: true },
      { type: "EMAIL", nickname: "Work email", target: `a11y-${Date.now()}@example.org`, status: "BLOCKED" },
    ],
  });
  await signIn(page, user.email, "/account");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectAccessible(page, "account");

  await page.goto("/devices");
  await expect(heading(page, "Your devices")).toBeVisible();
  await expectAccessible(page, "devices");
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await expect(page.getByRole("group", { name: "Turn off two-step verification?" })).toBeVisible();
  await expectAccessible(page, "devices, confirming turning it off");
  await page.getByRole("button", { name: "Keep it on" }).click();

  await page.getByRole("button", { name: /^My phone,/ }).click();
  await expect(heading(page, "My phone")).toBeVisible();
  await expectAccessible(page, "a device");
  await page.getByRole("button", { name: "Back to devices" }).click();

  const kinds = page.getByRole("list", { name: "Kinds of device" });
  const add = async () => {
    await page.getByRole("button", { name: "Add device" }).click();
    await expect(heading(page, "Add a device")).toBeVisible();
  };
  await add();
  await expectAccessible(page, "add a device: the choice");
  for (const [kind, title] of [
    ["Text message", "Get codes by text message"],
    ["Email", null],
    ["Authenticator app", "Set up your authenticator app"],
  ] as const) {
    await kinds.getByRole("button", { name: new RegExp(`^${kind}`) }).click();
    if (title) await expect(heading(page, title)).toBeVisible();
    else await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Add a device");
    await expectAccessible(page, `add a device: ${kind}`);
    if (kind === "Text message") {
      await page.getByRole("combobox", { name: "Country" }).fill("united");
      await expect(page.getByRole("listbox")).toBeVisible();
      await expectAccessible(page, "add a device: the country list open");
      // Escape closes the list, as a person would before moving on (it lies over the buttons below).
      await page.getByRole("combobox", { name: "Country" }).press("Escape");
      await expect(page.getByRole("listbox")).toBeHidden();
    }
    if (kind === "Email") {
      // The email device sends its code at once: the code step.
      await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
    }
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(heading(page, "Your devices")).toBeVisible();
    if (kind !== "Authenticator app") await add();
  }

  await page.goto("/browsers");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectAccessible(page, "browsers");

  await page.goto("/demo/widget");
  const widget = page.frameLocator('iframe[title="Manage your sign-in devices"]');
  await expect(widget.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await expectAccessible(page, "widget demo");
});

test("the admin console's pages, as an administrator", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const someone = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target: "+12025550142", isDefault: true }] });
  await signInWithTotp(page, admin, "/admin");
  for (const path of ["/admin", "/admin/users", `/admin/users/${someone.id}`, "/admin/audit", "/admin/branding", "/admin/policies", "/admin/applications", "/developers/api"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectAccessible(page, path);
  }
});

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

type Rgb = [number, number, number];
/** A computed colour: rgb(r, g, b) in 0–255, or color(srgb r g b) in 0–1 (what color-mix computes to). */
const channels = (css: string): Rgb => {
  const numbers = (css.replace(/^color\(srgb/, "").match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return (css.startsWith("color(srgb") ? numbers.map((n) => n * 255) : numbers) as Rgb;
};
function luminance(rgb: Rgb) {
  const [r, g, b] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: Rgb, b: Rgb) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

test("keyboard only: adding an authenticator app with Tab, Enter and typing; the focused device row has a visible ring", async ({ page }) => {
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "My phone", target: "+12025554568", isDefault: true }] });
  await signIn(page, user.email, "/devices");
  await expect(heading(page, "Your devices")).toBeVisible();

  // The focused device row: a ring of at least 3:1 against the row, in both schemes.
  const row = page.getByRole("button", { name: /^My phone,/ });
  await tabTo(page, row);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const style = await row.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, background: s.backgroundColor };
    });
    expect(style.outlineStyle).toBe("solid");
    expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
    expect(contrast(channels(style.outlineColor), channels(style.background)), colorScheme).toBeGreaterThanOrEqual(3);
  }
  await page.emulateMedia({ colorScheme: "light" });

  await tabTo(page, page.getByRole("button", { name: "Add device" }));
  await page.keyboard.press("Enter");
  await expect(heading(page, "Add a device")).toBeVisible();
  // Focus went to the new section's heading; from there Tab reaches the choice.
  await expect(heading(page, "Add a device")).toBeFocused();
  await expect(page.getByTestId("flow-announcement")).toHaveText("Add a device");
  await tabTo(page, page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }));
  await page.keyboard.press("Enter");
  await expect(heading(page, "Set up your authenticator app")).toBeFocused();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await tabTo(page, page.getByLabel("Code from the app"));
  await page.keyboard.type(totpCode(secret));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  await expect(heading(page, "Your devices")).toBeVisible();
  expect(await db.device.count({ where: { userId: user.id, type: "TOTP", status: "ACTIVE" } })).toBe(1);
});

test("a passcode step puts the focus in the code field", async ({ page }) => {
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "My phone", target: "+12025554569", isDefault: true }] });
  await signIn(page, user.email, "/devices");
  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Email/ }).click();
  await expect(page.getByLabel("Code", { exact: true })).toBeFocused();
});

test("getting back in: the password step, forgot password, the first device's recovery codes, the second step and a recovery code; your sessions", async ({ page }) => {
  await page.goto("/forgot-password");
  await expect(heading(page, "Forgot your password?")).toBeVisible();
  await expectAccessible(page, "forgot password");

  // The first device, added by turning two-step verification on, shows the recovery codes once.
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email, "/devices");
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(heading(page, "Add a device")).toBeVisible();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(heading(page, "Save your recovery codes")).toBeVisible();
  await expectAccessible(page, "recovery codes, shown once");
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await expect(heading(page, "Your devices")).toBeVisible();

  await page.goto("/sessions");
  await expect(heading(page, "Your sessions")).toBeVisible();
  await expectAccessible(page, "your sessions");

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/sign-in");
  await enterEmail(page, user.email);
  await expectAccessible(page, "sign-in, the password step");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await signInButton(page).click();
  await page.waitForURL(/\/sign-in\/verify/);
  const recovery = page.getByRole("button", { name: "Use a recovery code" });
  await expect(recovery).toBeVisible();
  await expectAccessible(page, "the second step");
  await recovery.click();
  await expect(heading(page, "Use a recovery code")).toBeVisible();
  await expectAccessible(page, "the second step, a recovery code");
});
