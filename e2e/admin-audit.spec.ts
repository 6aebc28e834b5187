import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { seedUser, signIn } from "./fixtures/users";
import { seedStaff, signInWithTotp } from "./fixtures/staff";
import { csvObjects } from "./fixtures/csv";

/** A downloaded file's text, from a click on the link named `name`. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { name: file.suggestedFilename(), text: (await readFile((await file.path())!)).toString("utf8") };
}

test("an administrator filters the audit log by user and action, pages through it and exports it", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const customer = await seedUser({ devices: [{ type: "SMS", nickname: "=HYPERLINK(\"http://evil.example\",\"x\")", target: `+1555${Date.now() % 1e7}` }] });
  const [device] = customer.devices;
  const base = Date.now() - 60 * 60_000;
  // The customer's history: a device blocked by the administrator among other events.
  await db.auditEvent.create({ data: { action: "otp.sent", userId: customer.id, actorId: customer.id, deviceId: device!.id, ip: "192.0.2.10", createdAt: new Date(base) } });
  await db.auditEvent.create({
    data: { action: "device.blocked", userId: customer.id, actorId: admin.id, deviceId: device!.id, ip: "192.0.2.11", details: JSON.stringify({ reason: "lost phone" }), createdAt: new Date(base + 1000) },
  });
  for (let i = 0; i < 55; i++) {
    await db.auditEvent.create({ data: { action: "user.signed_in", userId: customer.id, actorId: customer.id, ip: "192.0.2.12", createdAt: new Date(base + 2000 + i * 1000) } });
  }

  await signInWithTotp(page, admin, "/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  // By user only: 57 events, a page of 50 and a next page of 7.
  await page.getByLabel("User").fill(customer.email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.locator("#audit-results")).toBeFocused();
  const rows = page.getByRole("region", { name: "Audit events" }).getByRole("row");
  await expect(rows).toHaveCount(51);
  await expect(page.getByRole("status").filter({ hasText: "Showing 50 events" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Newer events/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Older events/ }).click();
  await expect(rows).toHaveCount(8);
  await expect(rows.last()).toContainText("Verification code sent");
  await expect(page.getByRole("link", { name: /Older events/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Newer events/ }).click();
  await expect(rows).toHaveCount(51);
  await expect(page.getByRole("link", { name: /Newer events/ })).toHaveCount(0);

  // By user and action: the one row, with who did it, to which device, from where.
  await page.getByLabel("Action").selectOption({ label: "Device blocked" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=device\.blocked/);
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  await expect(row).toContainText("Device blocked");
  await expect(row).toContainText(customer.email);
  await expect(row).toContainText(admin.email);
  await expect(row).toContainText('=HYPERLINK("http://evil.example","x") (Text message)');
  await expect(row).toContainText("192.0.2.11");
  await expect(row).toContainText("reason: lost phone");

  // The exports keep the filters: the same one row.
  const csv = await download(page, "Export CSV");
  expect(csv.name).toMatch(/^audit-log-.*\.csv$/);
  const records = csvObjects(csv.text);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ action: "device.blocked", userEmail: customer.email, actorEmail: admin.email, ip: "192.0.2.11" });
  expect(records[0]!.deviceNickname, "a formula in a cell is written as text").toBe("'=HYPERLINK(\"http://evil.example\",\"x\")");
  expect(JSON.parse(records[0]!.details!)).toEqual({ reason: "lost phone" });

  const json = await download(page, "Export JSON");
  expect(json.name).toMatch(/^audit-log-.*\.json$/);
  const events = JSON.parse(json.text) as Record<string, unknown>[];
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ action: "device.blocked", actorEmail: admin.email, deviceNickname: '=HYPERLINK("http://evil.example","x")', details: { reason: "lost phone" } });

  // Both exports are in the log, with the administrator as actor.
  const exported = await db.auditEvent.findMany({ where: { actorId: admin.id, action: "audit.exported" }, orderBy: { createdAt: "asc" } });
  expect(exported.map((e) => JSON.parse(e.details!).format)).toEqual(["csv", "json"]);

  // Everything of the customer's, unfiltered by action, streamed: all 57 rows, newest first.
  const all = await page.request.get(`/admin/audit/export?format=csv&user=${encodeURIComponent(customer.id)}`);
  expect(all.status()).toBe(200);
  expect(all.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log-.*\.csv"$/);
  const allRecords = csvObjects(await all.text());
  expect(allRecords).toHaveLength(57);
  expect(allRecords.at(-1)!.action).toBe("otp.sent");

  // What the form never sends is answered with a sentence, not an error page.
  await page.goto("/admin/audit?cursor=bm90LWEtY3Vyc29y");
  await expect(page.getByRole("alert").filter({ hasText: "This page link is not valid" })).toBeVisible();
  await page.goto("/admin/audit?from=2026-02-30");
  await expect(page.getByRole("alert").filter({ hasText: "YYYY-MM-DD" })).toBeVisible();
  const bad = await page.request.get("/admin/audit/export?format=csv&action=user.exploded");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Choose an action from the list.");
  expect((await page.request.get("/admin/audit/export?format=xml")).status()).toBe(400);
});

test("the overview shows MFA adoption, devices by type and 30 days of sign-ins as charts", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const before = await db.auditEvent.count({ where: { userId: admin.id, action: "user.signed_in" } });
  await signInWithTotp(page, admin, "/admin");
  // Two rows for one sign-in: the password's (a second factor to come) and the code's.
  expect(await db.auditEvent.count({ where: { userId: admin.id, action: "user.signed_in" } })).toBe(before + 2);

  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const [total, withMfa] = await Promise.all([db.user.count(), db.user.count({ where: { mfaEnabled: true } })]);
  const adoption = page.getByRole("img", { name: "Users with MFA on" });
  await expect(adoption).toBeVisible();
  await expect(adoption).toHaveAccessibleDescription(`${Math.round((withMfa / total) * 100)}%: ${withMfa} of ${total} users with MFA on.`);

  const activeTotp = await db.device.count({ where: { type: "TOTP", status: "ACTIVE" } });
  const devices = page.getByRole("img", { name: "Active devices by type" });
  await expect(devices).toBeVisible();
  await expect(devices).toHaveAccessibleDescription(new RegExp(`Authenticator app ${activeTotp}\\b`));

  for (const name of ["Sign-ins per day", "Failed second factors per day", "Lockouts per day"]) {
    await expect(page.getByRole("img", { name })).toBeVisible();
  }
  // The numbers behind the sign-ins chart: today has at least this administrator's sign-in.
  const signIns = page.getByRole("figure", { name: /Sign-ins per day/ });
  await signIns.getByText("The numbers").click();
  const today = signIns.getByRole("row").last();
  await expect(today).toBeVisible();
  expect(Number(await today.getByRole("cell").textContent())).toBeGreaterThanOrEqual(1);
  await expect(signIns.getByRole("row")).toHaveCount(31);
});

test("a user and a helpdesk member find no audit log, overview or export", async ({ browser }) => {
  const user = await seedUser({ mfaEnabled: false });
  const helpdesk = await seedStaff("HELPDESK");

  const userPage = await browser.newPage();
  await signIn(userPage, user.email);
  for (const path of ["/admin", "/admin/audit", "/admin/audit?user=x", "/admin/audit/export?format=csv", "/admin/audit/export?format=json"]) {
    expect((await userPage.request.get(path)).status(), path).toBe(404);
  }
  const shown = await userPage.goto("/admin/audit");
  expect(shown?.status()).toBe(404);
  await expect(userPage.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
  await userPage.close();

  const helpdeskPage = await browser.newPage();
  await signInWithTotp(helpdeskPage, helpdesk, "/account");
  for (const path of ["/admin/audit", "/admin/audit/export?format=csv", "/admin/audit/export?format=json&user=x"]) {
    expect((await helpdeskPage.request.get(path)).status(), path).toBe(404);
  }
  // The overview is the administrators'; helpdesk staff are sent on to their part of the console.
  const overview = await helpdeskPage.request.get("/admin", { maxRedirects: 0 });
  expect(overview.status()).toBe(307);
  expect(overview.headers().location).toMatch(/\/admin\/users$/);
  await helpdeskPage.close();

  expect(await db.auditEvent.count({ where: { actorId: { in: [user.id, helpdesk.id] }, action: "audit.exported" } })).toBe(0);
});
