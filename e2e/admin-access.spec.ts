import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { seedStaff, signInWithTotp } from "./fixtures/staff";
import { enterPassword, seedUser } from "./fixtures/users";

// Issue 13, "Access": only staff reach the console. Everyone else gets 404 from every admin page (not a
// redirect, not a hint) and a refusal from every admin action sent directly; HELPDESK reaches users
// and their devices' block, unblock, unlock and remove, and nothing else.

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/users/{id}", "/admin/policies", "/admin/branding", "/admin/applications", "/admin/audit"];

/** The user page's actions, as app/admin/users/[id]/actions.ts exports them, and the capability each needs. */
const USER_ACTIONS = {
  blockUserDeviceAction: "devices.manage",
  unblockUserDeviceAction: "devices.manage",
  unlockUserDeviceAction: "devices.manage",
  removeUserDeviceAction: "devices.manage",
  lockUserDeviceAction: "users.manage",
  resetUserMfaAction: "users.manage",
  signOutUserEverywhereAction: "users.manage",
} as const;

type Manifest = { node: Record<string, { exportedName: string; filename?: string; workers: Record<string, unknown> }> };

/**
 * Every server action of a page under app/admin, found in the build's manifest as an attacker reading
 * the pages' JavaScript would, with a path that serves it ([id] filled in).
 */
function adminActions(userId: string) {
  const file = join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next-e2e", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  return Object.entries(manifest.node).flatMap(([id, action]) => {
    // Defined under app/admin: the admin pages also serve the app's shared actions (sign out, ...).
    const worker = Object.keys(action.workers).find((w) => w.startsWith("app/admin"));
    if (!worker || !action.filename?.startsWith("app/admin")) return [];
    const path = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "").replace(/\[[^\]]+\]/g, userId);
    return [{ id, name: action.exportedName, path }];
  });
}

/**
 * A call as React sends it for one FormData argument: the fields prefixed with its reference, then the
 * argument list, last (the server decodes the stream in order, so the list must come after its fields).
 * A FormData keeps that order; an object would not (its key "0" would come first).
 */
async function postAction(request: APIRequestContext, action: { id: string; path: string }, fields: Record<string, string>) {
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", '["$K1"]');
  return request.post(action.path, { headers: { "Next-Action": action.id, Accept: "text/x-component" }, multipart, maxRedirects: 0 });
}

async function seedTarget() {
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Target phone", target: `+1555${Math.floor(Math.random() * 1e7)}`, isDefault: true }, { type: "EMAIL", nickname: "Target mail", target: `t-${Date.now()}@example.test` }] });
  return { ...user, device: user.devices[0]! };
}

async function unchanged(user: { id: string }) {
  const [row, devices, audits, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { mfaEnabled: true } }),
    db.device.findMany({ where: { userId: user.id }, orderBy: { id: "asc" }, select: { id: true, status: true, lockedUntil: true } }),
    db.auditEvent.count({ where: { userId: user.id } }),
    db.session.count({ where: { userId: user.id, revokedAt: null } }),
  ]);
  return { row, devices, audits, sessions };
}

async function expectNotFoundEverywhere(page: Page, userId: string) {
  for (const path of ADMIN_PAGES.map((p) => p.replace("{id}", userId))) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(new URL(page.url()).pathname, `${path} must not redirect`).toBe(path);
    await expect(page.getByRole("navigation", { name: "Admin console" })).toHaveCount(0);
  }
}

test("a signed-in user gets 404 from every admin page and a refusal from every admin action sent directly", async ({ page }) => {
  const target = await seedTarget();
  const user = await seedUser({ mfaEnabled: false });
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  await expectNotFoundEverywhere(page, target.id);

  const before = await unchanged(target);
  const actions = adminActions(target.id);
  for (const name of Object.keys(USER_ACTIONS)) expect(actions.map((a) => a.name), `${name} in the build`).toContain(name);
  for (const action of actions) {
    const response = await postAction(page.request, action, { userId: target.id, deviceId: target.device.id, until: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16) });
    expect(response.status(), action.name).toBe(404);
  }
  expect(await unchanged(target)).toEqual(before);
});

test("an anonymous visitor gets 404 from every admin page and every admin action", async ({ page }) => {
  const target = await seedTarget();
  await expectNotFoundEverywhere(page, target.id);
  const before = await unchanged(target);
  for (const action of adminActions(target.id)) {
    const response = await postAction(page.request, action, { userId: target.id, deviceId: target.device.id });
    expect(response.status(), action.name).toBe(404);
  }
  expect(await unchanged(target)).toEqual(before);
});

test("HELPDESK blocks, unblocks, unlocks and removes a device, but gets 404 on policies and a refusal for the rest", async ({ page }) => {
  const helpdesk = await seedStaff("HELPDESK");
  const target = await seedTarget();
  // A lockout by wrong codes, for helpdesk to clear.
  await db.device.update({ where: { id: target.device.id }, data: { failedAttempts: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) } });
  await signInWithTotp(page, helpdesk, `/admin/users/${target.id}`);

  // The console's nav names only what helpdesk may open; the user's page offers only device actions.
  const nav = page.getByRole("navigation", { name: "Admin console" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Policies" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Account actions" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reset MFA" })).toHaveCount(0);
  const actionsFor = page.getByRole("group", { name: `Actions for Text message "Target phone"` });
  await expect(actionsFor.getByRole("button", { name: "Lock", exact: true })).toHaveCount(0);

  const act = async (button: string, yes: string, answer: string) => {
    await actionsFor.getByRole("button", { name: button, exact: true }).click();
    await page.getByRole("region", { name: "Confirm the change" }).getByRole("button", { name: yes }).click();
    await expect(page.getByRole("status").filter({ hasText: answer })).toBeVisible();
  };
  await act("Unlock", "Yes, unlock it", "Device unlocked.");
  await act("Block", "Yes, block it", "Device blocked.");
  expect((await db.device.findUniqueOrThrow({ where: { id: target.device.id } })).status).toBe("BLOCKED");
  await act("Unblock", "Yes, unblock it", "Device unblocked.");
  await act("Remove", "Yes, remove it", "Device removed.");
  expect(await db.device.count({ where: { id: target.device.id } })).toBe(0);
  const audited = await db.auditEvent.findMany({ where: { userId: target.id, actorId: helpdesk.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
  expect(audited.map((a) => a.action)).toEqual(["device.unlocked", "device.blocked", "device.unblocked", "device.removed"]);

  for (const path of ["/admin/policies", "/admin/branding", "/admin/applications", "/admin/audit"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }

  // What helpdesk may not do is refused by the server too, sent directly; what it may do goes through
  // the same way (so the refusals are not a malformed call).
  const other = target.devices[1]!;
  const before = await unchanged(target);
  const actions = adminActions(target.id);
  for (const [name, capability] of Object.entries(USER_ACTIONS)) {
    if (capability !== "users.manage") continue;
    const action = actions.find((a) => a.name === name)!;
    const response = await postAction(page.request, action, { userId: target.id, deviceId: other.id, until: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16) });
    expect(response.status(), name).toBe(404);
  }
  expect(await unchanged(target)).toEqual(before);
  const block = actions.find((a) => a.name === "blockUserDeviceAction")!;
  const allowed = await postAction(page.request, block, { userId: target.id, deviceId: other.id });
  expect(allowed.status()).toBe(200);
  expect(await allowed.text()).toContain("Device blocked.");
  expect((await db.device.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("BLOCKED");
  // A device id of another user is not found through this user's page, and changes nothing.
  const stranger = await seedTarget();
  const foreign = await postAction(page.request, actions.find((a) => a.name === "unblockUserDeviceAction")!, { userId: target.id, deviceId: stranger.device.id });
  expect(await foreign.text()).toContain("Device not found.");
  expect((await db.device.findUniqueOrThrow({ where: { id: stranger.device.id } })).status).toBe("ACTIVE");
});
