import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { actionHeaders, serverAction } from "./fixtures/actions";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";
import { errorNotice } from "./fixtures/ui";
import { seedStaff, signInWithTotp } from "./fixtures/staff";

/**
 * The admin console's applications page (issue 13): an administrator makes, rotates and revokes the
 * flow API's applications and edits the origins allowed to embed the widget; the key shown once works
 * against the API; helpdesk staff get neither the page nor its actions.
 */

// Each test signs a staff member in (password hashing, a second factor) and then makes several changes.
test.describe.configure({ timeout: 90_000 });

const PAGE = "/admin/applications";
// Twice, so that on PostgreSQL each of the two instances behind the balancer answers once.
const EVERY_INSTANCE = 2;

async function signInAdmin(page: Page) {
  const admin = await seedStaff("ADMIN");
  // Through /account: the console answers a session still waiting for its second factor with 404,
  // like anyone else's, rather than sending it on to the second-factor page.
  await signInWithTotp(page, admin, "/account");
  await expect(page.getByRole("heading", { name: "Hello, Ada Admin" })).toBeVisible();
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { name: "Applications", level: 1 })).toBeVisible();
  return admin;
}

async function apiStatus(request: APIRequestContext, secret: string) {
  const statuses = [];
  for (let i = 0; i < EVERY_INSTANCE; i++) statuses.push((await request.get("/api/v1/users?externalId=nobody", { headers: bearer(secret) })).status());
  return statuses;
}

/** React's encoding of an action's (previousState, formData) call, as a page's form sends it. */
function actionForm(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(`_1_${name}`, value);
  data.append("0", '[{"status":"idle"},"$K1"]');
  return data;
}

async function callAction(request: APIRequestContext, name: string, fields: Record<string, string>) {
  const { id, page } = serverAction(name);
  expect(page).toBe(PAGE);
  return request.post(page, { headers: actionHeaders(id), multipart: actionForm(fields), maxRedirects: 0 });
}

test("an administrator creates an application and copies its secret, shown once; it works against the API, and last used shows", async ({ page, context, request, baseURL }) => {
  const admin = await signInAdmin(page);
  const name = `Shop ${randomUUID().slice(0, 8)}`;

  // Bad input is said next to its field, and nothing is made.
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Rate limit (requests per minute)").fill("0");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByText("From 1 to 1,000,000 requests per minute.")).toBeVisible();
  expect(await db.apiApplication.count({ where: { name } })).toBe(0);

  await page.getByLabel("Rate limit (requests per minute)").fill("120");
  await page.getByRole("button", { name: "Create application" }).click();
  const shown = page.getByRole("region", { name: `Secret for ${name}` });
  await expect(shown).toBeFocused();
  await expect(shown).toContainText("It is shown only this once");
  const secret = await shown.getByLabel("Secret").inputValue();
  expect(secret).toMatch(/^mfa_sk_[0-9A-Za-z]{49}$/);

  // The copy button puts exactly the secret on the clipboard.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(shown.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const application = await db.apiApplication.findFirstOrThrow({ where: { name } });
  expect(application).toMatchObject({ rateLimitPerMinute: 120, revokedAt: null, lastUsedAt: null });
  // The application's own row (a confirmation or a secret opens in a row of its own under it).
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText(application.clientId);
  await expect(row).toContainText("120/min");
  await expect(row.getByRole("cell").nth(2)).toHaveText("Never");

  expect(await apiStatus(request, secret)).toEqual(Array(EVERY_INSTANCE).fill(200));

  // Once put away, the secret is nowhere in the page, and a reload shows when it was last used.
  await shown.getByRole("button", { name: "I have stored the secret" }).click();
  await expect(shown).toBeHidden();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.reload();
  expect(await page.content()).not.toContain(secret.slice(7));
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC$/);
  expect((await db.apiApplication.findUniqueOrThrow({ where: { id: application.id } })).lastUsedAt).not.toBeNull();
  const events = await db.auditEvent.findMany({ where: { applicationId: application.id } });
  expect(events.map((e) => [e.action, e.actorId])).toEqual([["application.created", admin.id]]);
  expect(JSON.stringify(events)).not.toContain(secret.slice(7));
});

test("an administrator rotates an application's secret and then revokes it, each confirmed first; the API follows each step", async ({ page, request }) => {
  // Made as `npm run app:create` makes one, and in use.
  const { name, secret, id } = await createTestApplication({ name: `Rotating ${randomUUID().slice(0, 8)}` });
  expect(await apiStatus(request, secret)).toEqual(Array(EVERY_INSTANCE).fill(200));
  const admin = await signInAdmin(page);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row.getByRole("cell").nth(2)).toHaveText(/ UTC$/);

  // Rotate: confirmed in the page first; Cancel changes nothing.
  await row.getByRole("button", { name: `Rotate secret of ${name}` }).click();
  const rotateConfirm = page.getByRole("group").filter({ hasText: `Rotate the secret of “${name}”?` });
  await expect(rotateConfirm).toBeFocused();
  await expect(rotateConfirm).toContainText("The current secret stops working at once");
  await rotateConfirm.getByRole("button", { name: "Cancel" }).click();
  await expect(rotateConfirm).toBeHidden();
  await expect(row.getByRole("button", { name: `Rotate secret of ${name}` })).toBeFocused();
  expect(await apiStatus(request, secret)).toEqual(Array(EVERY_INSTANCE).fill(200));

  await row.getByRole("button", { name: `Rotate secret of ${name}` }).click();
  await rotateConfirm.getByRole("button", { name: "Rotate the secret" }).click();
  const rotated = page.getByRole("region", { name: `Secret for ${name}` });
  await expect(rotated).toBeFocused();
  const newSecret = await rotated.getByLabel("Secret").inputValue();
  expect(newSecret).toMatch(/^mfa_sk_/);
  expect(newSecret).not.toBe(secret);
  for (let i = 0; i < EVERY_INSTANCE; i++) {
    await expectProblem(await request.get("/api/v1/users?externalId=nobody", { headers: bearer(secret) }), 401, "INVALID_CREDENTIALS");
  }
  expect(await apiStatus(request, newSecret)).toEqual(Array(EVERY_INSTANCE).fill(200));
  await rotated.getByRole("button", { name: "I have stored the secret" }).click();

  // Revoke: confirmed, then the new secret is refused too, and the row says so.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const revokeConfirm = page.getByRole("group").filter({ hasText: `Revoke “${name}”?` });
  await expect(revokeConfirm).toBeFocused();
  await expect(revokeConfirm).toContainText("Its secret stops working at once and cannot be restored.");
  await revokeConfirm.getByRole("button", { name: "Revoke the application" }).click();
  const revoked = page.getByRole("status").filter({ hasText: `Revoked "${name}". Its secret no longer works.` });
  await expect(revoked).toBeVisible();
  await expect(revoked.locator("xpath=..")).toBeFocused();
  await expect(row.getByText(/^Revoked /)).toBeVisible();
  await expect(row.getByRole("button")).toHaveCount(0);
  for (let i = 0; i < EVERY_INSTANCE; i++) {
    await expectProblem(await request.get("/api/v1/users?externalId=nobody", { headers: bearer(newSecret) }), 401, "INVALID_CREDENTIALS");
  }

  const events = await db.auditEvent.findMany({ where: { applicationId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  expect(events.map((e) => [e.action, e.actorId])).toEqual([
    ["application.created", null],
    ["application.rotated", admin.id],
    ["application.revoked", admin.id],
  ]);
  expect(JSON.stringify(events)).not.toContain(secret.slice(7));
  expect(JSON.stringify(events)).not.toContain(newSecret.slice(7));
});

/**
 * A customer's site: a page on this machine's loopback address (a host of its own, so another origin
 * than the portal's `localhost`) that embeds the widget with /widget.js and prints what it hands back.
 * Served by a real server: a page the browser cannot place on an address (a routed one) counts as a
 * public site, which Chromium keeps from reaching the loopback portal at all.
 */
async function startHostSite(port: number, portal: string) {
  const body = `<!doctype html><title>Host</title><p id="outcome">waiting</p><div id="widget"></div>
<script src="${portal}/widget.js"></script>
<script>MfaWidget.open({ container: "#widget", username: "someone@example.test",
  onSuccess: function (r) { document.getElementById("outcome").textContent = "success " + JSON.stringify(r); },
  onError: function (r) { document.getElementById("outcome").textContent = "error " + r.ciam_errorCode; } });</script>`;
  const server = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body));
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an added widget origin may frame the widget and gets its result; once removed it is refused again", async ({ page, browser, request, baseURL }) => {
  // The last port of this run's range (playwright.config.ts uses the first three).
  const site = await startHostSite(Number(new URL(baseURL!).port) + 7, baseURL!);
  const origin = site.origin;
  const before = await db.setting.findUnique({ where: { key: "widget-origins" } });
  const widgetUrl = `/widget/device-management?parentOrigin=${encodeURIComponent(origin)}`;
  const framingPolicy = async () => (await request.get(widgetUrl, { maxRedirects: 0 })).headers()["content-security-policy"];
  try {
    expect(await framingPolicy()).not.toContain(origin);
    await signInAdmin(page);
    const widget = page.getByRole("region", { name: "Widget origins" });
    const origins = page.getByRole("list", { name: "Allowed origins" });

    // A path, plain http to another host and a wildcard are refused next to the field.
    for (const [typed, message] of [
      [`${origin}/shop`, "Enter an origin only"],
      ["http://shop.example.com", "Use https: plain http is allowed only for localhost and 127.0.0.1."],
      ["https://*.example.com", "no wildcards"],
    ] as const) {
      await widget.getByRole("textbox", { name: "Origin", exact: true }).fill(typed);
      await widget.getByRole("button", { name: "Add origin" }).click();
      await expect(widget.locator(".field-error")).toContainText(message);
    }
    await widget.getByRole("textbox", { name: "Origin", exact: true }).fill(`${origin}/`);
    await widget.getByRole("button", { name: "Add origin" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${origin} may now embed the widget.` })).toBeVisible();
    await expect(origins.getByRole("listitem").filter({ hasText: origin })).toHaveCount(1);

    // Every instance frames it from the next request on: the policy lists it, and a page there gets the result.
    for (let i = 0; i < EVERY_INSTANCE; i++) expect(await framingPolicy()).toMatch(new RegExp(`^frame-ancestors 'self' .*${origin.replace(/\./g, "\\.")}(\\s|$)`));
    const host = await browser.newPage();
    await host.goto(`${origin}/host`);
    // No portal session reaches a cross-site frame: the widget answers, to this host, that it needs one.
    await expect(host.locator("#outcome")).toHaveText("error SESSION_REQUIRED");

    // Remove: confirmed in the page first.
    await origins.getByRole("button", { name: `Remove ${origin}` }).click();
    const confirm = page.getByRole("group", { name: `Remove ${origin}` });
    await expect(confirm).toBeFocused();
    await expect(confirm).toContainText("Pages there can no longer show the widget");
    await confirm.getByRole("button", { name: "Remove the origin" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${origin} can no longer embed the widget.` })).toBeVisible();
    await expect(origins.getByRole("listitem").filter({ hasText: origin })).toHaveCount(0);

    for (let i = 0; i < EVERY_INSTANCE; i++) expect(await framingPolicy()).not.toContain(origin);
    const refused = await request.get(widgetUrl);
    expect(await refused.text()).toContain("This page cannot be embedded here.");
    // The browser refuses to frame it now: the frame shows the browser's error page, never the widget,
    // and widget.js, which never hears the frame say it is ready, tells the host's onError.
    const hostAgain = await browser.newPage();
    await hostAgain.goto(`${origin}/host`);
    await expect.poll(() => hostAgain.frames().map((f) => f.url())).toContainEqual(expect.stringMatching(/^chrome-error:/));
    await expect(hostAgain.locator("#outcome")).toHaveText("error WIDGET_UNAVAILABLE", { timeout: 30_000 });

    const audits = await db.auditEvent.findMany({ where: { action: "widget.origins_updated", details: { contains: origin } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audits.map((a) => Object.keys(JSON.parse(a.details!))[0])).toEqual(["added", "removed"]);
  } finally {
    await site.close();
    // e2e/widget.spec.ts reads the origins too: whatever happened above, leave the list as it was.
    const after = await db.setting.findUnique({ where: { key: "widget-origins" } });
    if (before && after && after.value !== before.value) await db.setting.update({ where: { key: "widget-origins" }, data: { value: before.value } });
  }
});

test("a change needs a recent sign-in: an old session is sent to confirm it and nothing changes", async ({ page }) => {
  const admin = await signInAdmin(page);
  const name = `Stale ${randomUUID().slice(0, 8)}`;
  await db.session.updateMany({ where: { userId: admin.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create application" }).click();
  const notice = errorNotice(page);
  await expect(notice).toContainText("Confirm it's you before making this change.");
  await expect(notice.getByRole("link", { name: "Confirm it's you" })).toHaveAttribute("href", `/admin/confirm?returnTo=${encodeURIComponent(PAGE)}`);
  expect(await db.apiApplication.count({ where: { name } })).toBe(0);
});

test("helpdesk staff get a 404 for the page and a refusal from every action sent directly; an administrator's same call works", async ({ page, browser }) => {
  const helpdesk = await seedStaff("HELPDESK");
  await signInWithTotp(page, helpdesk, "/account");
  await expect(page.getByRole("heading", { name: "Hello, Hal Helpdesk" })).toBeVisible();
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const target = await createTestApplication();
  const origin = `https://helpdesk-${randomUUID().slice(0, 8)}.example`;
  const name = `Helpdesk ${randomUUID().slice(0, 8)}`;
  const calls: Array<[string, Record<string, string>]> = [
    ["createApplicationAction", { name, rateLimitPerMinute: "" }],
    ["rotateApplicationAction", { clientId: target.clientId }],
    ["revokeApplicationAction", { clientId: target.clientId }],
    ["addWidgetOriginAction", { origin }],
    // Not in the list: an action that skipped the staff check would answer "not in the list" instead.
    ["removeWidgetOriginAction", { origin }],
  ];
  const targetBefore = await db.apiApplication.findUniqueOrThrow({ where: { id: target.id } });
  const originsBefore = (await db.setting.findUnique({ where: { key: "widget-origins" } }))?.value;
  for (const [action, fields] of calls) {
    const answer = await callAction(page.request, action, fields);
    expect(answer.status(), action).toBeLessThan(500);
    expect(await answer.text(), action).toContain("Not found.");
  }
  expect(await db.apiApplication.count({ where: { name } })).toBe(0);
  expect(await db.apiApplication.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ secretHash: targetBefore.secretHash, revokedAt: null });
  expect(await apiStatus(page.request, target.secret)).toEqual(Array(EVERY_INSTANCE).fill(200));
  expect((await db.setting.findUnique({ where: { key: "widget-origins" } }))?.value).toBe(originsBefore);
  expect(await db.auditEvent.count({ where: { actorId: helpdesk.id, action: { in: ["application.created", "application.rotated", "application.revoked", "widget.origins_updated"] } } })).toBe(0);

  // The control: the very same request from an administrator's fresh session makes the application.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInAdmin(adminPage);
  const made = await callAction(adminPage.request, "createApplicationAction", { name, rateLimitPerMinute: "" });
  expect(made.status()).toBe(200);
  expect(await made.text()).toContain(`Created \\"${name}\\".`);
  expect(await db.apiApplication.count({ where: { name } })).toBe(1);
  await adminContext.close();
});
