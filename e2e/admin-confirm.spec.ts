import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { waitForMessage } from "./fixtures/outbox";
import { seedUser, signIn } from "./fixtures/users";

/**
 * "Confirm it's you" for the admin console (lib/flows/re-authentication): the step-up the portal's
 * flows run, on a page of its own, which sends the administrator back where the change was refused.
 */
async function staleAdmin(page: Page, role: "ADMIN" | "HELPDESK" = "ADMIN") {
  const mail = `confirm-${role.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Work mail", target: mail, isDefault: true }] });
  await db.user.update({ where: { id: user.id }, data: { role } });
  await signIn(page, user.email);
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  return { user, mail };
}

async function confirmWithCode(page: Page, mail: string) {
  await expect(page.getByRole("heading", { name: /Confirm it's you|Enter your code/ })).toBeVisible();
  const choices = page.getByRole("list", { name: "Your devices" });
  const code = page.getByLabel("Code", { exact: true });
  await expect(choices.or(code)).toBeVisible();
  if (await choices.isVisible()) await choices.getByRole("button", { name: /Work mail/ }).click();
  const sent = await waitForMessage(page.request, mail, /code to confirm a change[^]*?is:\s+(\d{6})/);
  await code.fill(sent);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("an administrator confirms with their second factor and is sent back, with a new session", async ({ page }) => {
  const { user, mail } = await staleAdmin(page);
  const before = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;

  await page.goto(`/admin/confirm?returnTo=${encodeURIComponent("/admin/users?q=amy")}`);
  await confirmWithCode(page, mail);
  await expect(page).toHaveURL(/\/admin\/users\?q=amy$/);

  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(Date.now() - session.authenticatedAt.getTime()).toBeLessThan(5 * 60_000);
  const after = (await page.context().cookies()).find((c) => c.name === before.name)!;
  expect(after.value).not.toBe(before.value);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.reauthenticated" } });
  expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ reason: "step-up" });
});

test("the way back stays inside the console, whatever the link says", async ({ page, baseURL }) => {
  const { mail } = await staleAdmin(page, "HELPDESK");
  await page.goto(`/admin/confirm?returnTo=${encodeURIComponent("//evil.example/admin")}`);
  await confirmWithCode(page, mail);
  // A helpdesk member's console opens on the user list; an administrator's on the overview.
  await expect(page).toHaveURL(/\/admin(\/users)?$/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("someone without a staff role finds no confirmation page", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email);
  const response = await page.goto("/admin/confirm?returnTo=/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
