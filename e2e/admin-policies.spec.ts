import { expect, test, type APIRequestContext } from "@playwright/test";
import { db } from "./fixtures/db";
import { actionHeaders, serverAction } from "./fixtures/actions";
import { waitForMessage } from "./fixtures/outbox";
import { changePolicy, fillPolicy, policyForm, savePolicy, signInAsStaff, storedPolicy } from "./fixtures/policy";
import { errorNotice } from "./fixtures/ui";
import { seedUser, signIn } from "./fixtures/users";
import { skipRecoveryCodes } from "./fixtures/recovery-codes";
import type { DevicePolicy } from "../lib/policy/policy-document";

/**
 * The admin console's policy page (issue 13): the default device authentication policy, stored in the
 * database, changed by an administrator and applied to the next flow without a restart (on
 * PostgreSQL the balancer sends the administrator's save and the user's registration to either of
 * two instances). The policy is the whole installation's: see e2e/fixtures/policy.ts for why a test
 * here may change it, and each test puts back what it found in afterEach, through the page.
 */
// Two people sign in per test and the afterEach may sign in a third: more than the default 45 s.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let original: DevicePolicy;
test.beforeEach(async ({ page }) => {
  // Any page makes the server read the policy, which stores the default on the first start.
  await page.goto("/sign-in");
  original = await storedPolicy();
});

test.afterEach(async ({ browser }) => {
  const now = await storedPolicy();
  if (JSON.stringify(now) === JSON.stringify(original)) return;
  const { allowedDeviceTypes: _types, webauthnUserVerification: _uv, ...restorable } = original;
  await changePolicy(browser, restorable);
  expect(await storedPolicy()).toEqual(original);
});

test("an administrator sets passcode length 8; the next registration's emailed code has 8 digits and works", async ({ page, browser }) => {
  const admin = await signInAsStaff(page, "ADMIN", "/admin/policies");
  await expect(page.getByRole("heading", { name: "Device authentication policy", level: 1 })).toBeVisible();
  for (const section of ["Devices", "Passcodes", "Lockout", "Step-up", "Sign-in links and push", "Remembered browsers"]) {
    await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
  const length = policyForm(page).getByLabel("Passcode length");
  await expect(length).toHaveValue("6");
  await expect(policyForm(page).getByText("Passcode length (digits, 6–10)")).toBeVisible();

  await fillPolicy(page, { passcodeLength: 8 });
  await policyForm(page).getByRole("button", { name: "Save changes" }).click();
  const review = policyForm(page).getByRole("group", { name: "Save these changes?" });
  await expect(review).toBeFocused();
  await expect(review.getByRole("listitem")).toHaveText(["Passcode length: 6 digits → 8 digits"]);
  await expect(review).toContainText("every user from their next sign-in");
  // Keep editing takes the review away and saves nothing.
  await review.getByRole("button", { name: "Keep editing" }).click();
  await expect(review).toBeHidden();
  expect((await storedPolicy()).passcodeLength).toBe(6);

  await savePolicy(page);
  const saved = policyForm(page).getByRole("status");
  await expect(saved).toHaveText("Saved. 1 setting applies from the next sign-in or registration.");
  await expect(page.locator(":focus")).toContainText("Saved.");
  expect(await storedPolicy()).toEqual({ ...original, passcodeLength: 8 });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "policy.updated", actorId: admin.id } });
  expect(JSON.parse(audit.details!)).toEqual({ policy: "default", changes: { passcodeLength: { from: 6, to: 8 } } });

  // A user, in a browser of their own, adds an email device: its code has 8 digits and activates it.
  const context = await browser.newContext();
  const user = await seedUser({ mfaEnabled: false });
  const person = await context.newPage();
  await signIn(person, user.email, "/devices");
  await person.getByRole("button", { name: "Turn on two-step verification" }).click();
  await person.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Email/ }).click();
  await expect(person.getByText(/We emailed a code to/)).toBeVisible();
  const code = await waitForMessage(person.request, user.email, /^(\d+)$/m);
  expect(code).toMatch(/^\d{8}$/);
  await person.getByLabel("Code", { exact: true }).fill(code);
  await person.getByRole("button", { name: "Verify" }).click();
  // The account's first device: its recovery codes are shown first (issue 14).
  await skipRecoveryCodes(person);
  await expect(person.getByRole("status")).toHaveText("Your new device is ready to use.");
  expect(await db.device.findFirstOrThrow({ where: { userId: user.id, type: "EMAIL" } })).toMatchObject({ status: "ACTIVE" });
  await context.close();
});

test("values beyond the limits are refused field by field, what was typed stays, and nothing changes", async ({ page }) => {
  const admin = await signInAsStaff(page, "ADMIN", "/admin/policies");
  await fillPolicy(page, { passcodeLength: 11, passcodeLifetimeMinutes: 30 });
  await savePolicy(page);
  await expect(errorNotice(page)).toHaveText("Please correct the highlighted fields.");
  await expect(page.locator(":focus")).toContainText("Please correct the highlighted fields.");
  const length = policyForm(page).getByLabel("Passcode length");
  const lifetime = policyForm(page).getByLabel("Passcode lifetime");
  await expect(length).toHaveAccessibleDescription(/Passcode length: at most 10 digits\./);
  await expect(lifetime).toHaveAccessibleDescription(/Passcode lifetime: at most 10 minutes\./);
  await expect(length).toHaveAttribute("aria-invalid", "true");
  await expect(length).toHaveValue("11");
  await expect(lifetime).toHaveValue("30");
  expect(await storedPolicy()).toEqual(original);
  expect(await db.auditEvent.count({ where: { action: "policy.updated", actorId: admin.id } })).toBe(0);
});

test("a session older than the step-up window is sent to confirm it's the administrator, and nothing changes", async ({ page }) => {
  const admin = await signInAsStaff(page, "ADMIN", "/admin/policies");
  await db.session.updateMany({ where: { userId: admin.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await fillPolicy(page, { passcodeLength: 7 });
  await savePolicy(page);
  await expect(errorNotice(page)).toContainText("Confirm it's you before making this change.");
  await expect(errorNotice(page).getByRole("link", { name: "Confirm it's you" })).toHaveAttribute("href", "/admin/confirm?returnTo=%2Fadmin%2Fpolicies");
  expect(await storedPolicy()).toEqual(original);
  expect(await db.auditEvent.count({ where: { action: "policy.updated", actorId: admin.id } })).toBe(0);
});

/** The save action as anyone can send it: its id from the build, the form fields React would encode. */
async function sendSaveDirectly(request: APIRequestContext, values: Record<string, string>) {
  const { id } = serverAction("savePolicyAction");
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(`_1_${name}`, value);
  form.append("0", '[{"status":"idle"},"$K1"]');
  return request.post("/admin/policies", { headers: actionHeaders(id), multipart: form, maxRedirects: 0 });
}

test("a helpdesk member gets 404 from the page, and the save sent directly is refused and changes nothing", async ({ page }) => {
  const helpdesk = await signInAsStaff(page, "HELPDESK", "/account");
  const response = await page.goto("/admin/policies");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("form", { name: "Default policy" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Policies" })).toHaveCount(0);

  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...original, passcodeLength: 8 })) {
    if (Array.isArray(value)) continue;
    if (typeof value === "boolean") {
      if (value) values[name] = "on";
    } else values[name] = String(value);
  }
  const answer = await sendSaveDirectly(page.request, values);
  expect(answer.status()).toBeLessThan(500);
  expect(await answer.text()).not.toContain("Saved");
  expect(await storedPolicy()).toEqual(original);
  expect(await db.auditEvent.count({ where: { action: "policy.updated", actorId: helpdesk.id } })).toBe(0);

  // Nor can someone signed in without a staff role, or nobody at all.
  const user = await seedUser({ mfaEnabled: false });
  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  await signIn(other, user.email);
  expect((await other.goto("/admin/policies"))?.status()).toBe(404);
  expect(await (await sendSaveDirectly(other.request, values)).text()).not.toContain("Saved");
  await context.close();
  expect(await storedPolicy()).toEqual(original);
});
