import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { readOutbox } from "./fixtures/outbox";
import { seedStaff, signInWithTotp } from "./fixtures/staff";
import { totpCode } from "./fixtures/totp";
import { enterPassword, seedUser } from "./fixtures/users";

// Issue 13, "Users": an administrator finds a user, locks their device until tomorrow (the user's
// sign-in refuses it and says until when), unlocks it, resets MFA (the user is emailed and signs in with
// the password alone) and signs them out everywhere.

const USER_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

async function seedCustomer() {
  const user = await seedUser({ name: "Amy Customer", devices: [{ type: "TOTP", nickname: "Amy's phone app", isDefault: true }] });
  await db.device.updateMany({ where: { userId: user.id }, data: { totpSecret: USER_SECRET } });
  return { ...user, device: user.devices[0]! };
}

async function findUser(page: Page, email: string) {
  // A part of the address, in other case: the search is partial and ignores case.
  const part = email.slice(5, 14).toUpperCase();
  await page.getByLabel("Search users").fill(part);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(part)}`));
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(2)).toHaveText("On");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await row.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { level: 1, name: email })).toBeVisible();
}

async function confirm(page: Page, open: { name: string; device?: string }, yes: string, expected: RegExp) {
  const scope = open.device ? page.getByRole("group", { name: `Actions for ${open.device}` }) : page.getByRole("group", { name: "Account actions" });
  await scope.getByRole("button", { name: open.name, exact: true }).click();
  const panel = page.getByRole("region", { name: "Confirm the change" });
  await expect(panel).toBeFocused();
  await panel.getByRole("button", { name: yes }).click();
  const notice = page.getByRole("status").filter({ hasText: expected });
  await expect(notice).toBeVisible();
  // The answer takes the focus, so a screen reader lands on it.
  await expect(page.locator(".focus-target")).toBeFocused();
}

/** The user's sign-in up to the device choice, in a browser of their own. */
async function chooseDevice(page: Page, email: string) {
  await enterPassword(page, email);
  await page.waitForURL(/\/sign-in\/verify/);
  const choices = page.getByRole("list", { name: "Your devices" });
  await expect(choices.getByRole("button").first()).toBeEnabled();
  await choices.getByRole("button", { name: /Amy's phone app/ }).click();
}

test("an administrator finds a user, locks the device until tomorrow, unlocks it, resets MFA and signs the user out everywhere", async ({ page, browser, request }) => {
  // Three browsers and six changes: more steps than the suite's usual test.
  test.setTimeout(120_000);
  const admin = await seedStaff("ADMIN");
  const amy = await seedCustomer();
  await signInWithTotp(page, admin, "/admin/users");
  await findUser(page, amy.email);

  // Lock until tomorrow: the field offers this time tomorrow (UTC), and the confirmation says what happens.
  await page.getByRole("group", { name: `Actions for Authenticator app "Amy's phone app"` }).getByRole("button", { name: "Lock", exact: true }).click();
  const panel = page.getByRole("region", { name: "Confirm the change" });
  await expect(panel).toContainText(`Lock Authenticator app "Amy's phone app" of ${amy.email} until the time below? Sign-in refuses it until then`);
  const field = panel.getByLabel("Locked until (UTC)");
  const chosen = await field.inputValue();
  expect(Math.abs(new Date(`${chosen}:00Z`).getTime() - (Date.now() + 86_400_000))).toBeLessThan(5 * 60_000);
  await panel.getByRole("button", { name: "Yes, lock it" }).click();
  const shown = `${chosen.replace("T", " ")} UTC`;
  await expect(page.getByRole("status").filter({ hasText: `Device locked until ${shown}.` })).toBeVisible();
  await expect(page.getByRole("row", { name: /Amy's phone app/ })).toContainText(shown);
  const locked = await db.device.findUniqueOrThrow({ where: { id: amy.device.id } });
  expect(locked.lockedUntil?.toISOString()).toBe(new Date(`${chosen}:00Z`).toISOString());
  const lockAudit = await db.auditEvent.findFirstOrThrow({ where: { userId: amy.id, action: "device.locked_by_admin" } });
  expect(lockAudit.actorId).toBe(admin.id);
  await expect.poll(async () => (await readOutbox(request, amy.email)).some((m) => /locked by an administrator/.test(m.subject ?? ""))).toBe(true);

  // The user's sign-in, in another browser: the device is refused, with the time it unlocks.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await chooseDevice(userPage, amy.email);
  await expect(userPage.getByRole("alert").filter({ hasText: "This device is locked" })).toHaveText(`This device is locked until ${shown}. Use another device, or try again after that time.`);
  await expect(userPage.getByLabel("Code", { exact: true })).toHaveCount(0);

  // Unlocked by the administrator: the same sign-in can use it at once.
  await confirm(page, { name: "Unlock", device: `Authenticator app "Amy's phone app"` }, "Yes, unlock it", /Device unlocked\./);
  expect((await db.device.findUniqueOrThrow({ where: { id: amy.device.id } })).lockedUntil).toBeNull();
  await userPage.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Amy's phone app/ }).click();
  await userPage.getByLabel("Code", { exact: true }).fill(totpCode(USER_SECRET));
  await userPage.getByRole("button", { name: "Verify" }).click();
  await expect(userPage).toHaveURL(/\/account$/);

  // Reset MFA: every device goes, MFA off, the user is told by email and signs in with the password alone.
  await page.getByRole("group", { name: "Account actions" }).getByRole("button", { name: "Reset MFA" }).click();
  await expect(panel).toContainText(`Reset MFA for ${amy.email}? Their 1 device is removed and two-step verification turns off. They will be told by email.`);
  await panel.getByRole("button", { name: "Yes, reset MFA" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-step verification reset: 1 device removed" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Two-step verification: Off" })).toBeVisible();
  const after = await db.user.findUniqueOrThrow({ where: { id: amy.id }, include: { devices: true } });
  expect(after.mfaEnabled).toBe(false);
  expect(after.devices).toEqual([]);
  await expect.poll(async () => (await readOutbox(request, amy.email)).some((m) => /reset your two-step verification/.test(m.subject ?? ""))).toBe(true);
  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await enterPassword(second, amy.email);
  await expect(second).toHaveURL(/\/account$/);

  // Sign out everywhere: both of the user's browsers lose their sessions.
  await confirm(page, { name: "Sign out everywhere" }, "Yes, sign them out", /Signed out everywhere: 2 sessions ended\./);
  expect(await db.session.count({ where: { userId: amy.id, revokedAt: null } })).toBe(0);
  for (const p of [userPage, second]) {
    await p.goto("/account");
    await expect(p).toHaveURL(/\/sign-in/);
  }
  const actions = (await db.auditEvent.findMany({ where: { userId: amy.id, actorId: admin.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
  expect(actions).toEqual(["device.locked_by_admin", "device.unlocked", "mfa.reset", "device_key.remembered_forgotten", "user.signed_out_everywhere"].filter((a) => actions.includes(a)));
  expect(actions).toEqual(expect.arrayContaining(["device.locked_by_admin", "device.unlocked", "mfa.reset", "user.signed_out_everywhere"]));
  await userContext.close();
  await secondContext.close();
});

test("a change from a session that signed in too long ago is refused, with a way to confirm it's you", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const amy = await seedCustomer();
  await signInWithTotp(page, admin, `/admin/users/${amy.id}`);
  // Ten minutes ago: past the step-up window, so the change needs the administrator to confirm first.
  await db.session.updateMany({ where: { userId: admin.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.getByRole("group", { name: `Actions for Authenticator app "Amy's phone app"` }).getByRole("button", { name: "Block", exact: true }).click();
  await page.getByRole("region", { name: "Confirm the change" }).getByRole("button", { name: "Yes, block it" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Confirm it's you before making this change." });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole("link", { name: "Confirm it's you" })).toHaveAttribute("href", `/admin/confirm?returnTo=${encodeURIComponent(`/admin/users/${amy.id}`)}`);
  expect((await db.device.findUniqueOrThrow({ where: { id: amy.device.id } })).status).toBe("ACTIVE");
  expect(await db.auditEvent.count({ where: { userId: amy.id, actorId: admin.id } })).toBe(0);
});

test("the list pages through users by keyset, sorts, says when nothing matches, and refuses an edited page link", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const marker = `pg${Date.now().toString(36)}`;
  const emails: string[] = [];
  for (let i = 0; i < 27; i++) {
    const email = `${marker}-${String(i).padStart(2, "0")}@example.test`;
    emails.push(email);
    await db.user.create({ data: { email, name: `Paged ${i}` } });
  }
  await signInWithTotp(page, admin, `/admin/users?q=${marker}&sort=email&dir=desc`);
  const firstColumn = page.getByRole("region", { name: "Users found" }).getByRole("row").locator("td:first-child a");
  await expect(firstColumn).toHaveCount(25);
  await expect(firstColumn.first()).toHaveText(emails[26]!);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(firstColumn).toHaveText([emails[1]!, emails[0]!]);
  await expect(page.getByText("End of the list")).toBeVisible();
  const edited = new URL(page.url());
  edited.searchParams.set("cursor", `${edited.searchParams.get("cursor")}x!`);
  await page.goto(edited.toString());
  await expect(page.getByRole("alert").filter({ hasText: "This page link is not valid." })).toBeVisible();
  await page.goto(`/admin/users?q=${marker}-nobody`);
  await expect(page.getByText(`No users match “${marker}-nobody”.`)).toBeVisible();
});
