import { expect, test, type Page } from "@playwright/test";
import { startWidgetHost } from "../examples/widget-host/server.mjs";
import { db } from "./fixtures/db";
import { bearer, createTestApplication, expectProblem } from "./fixtures/applications";
import { waitForMessage } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { errorNotice } from "./fixtures/ui";
import { crossSiteHostPort } from "./fixtures/server-env";
import { useExampleShop, WIDGET_TITLE } from "./fixtures/widget-host";

/**
 * The widget on a customer's own site: the example host (examples/widget-host/server.mjs) on
 * http://127.0.0.1, another site than the portal's http://localhost, so the portal's SameSite=Lax
 * cookie never reaches the frame. The host's server gets a widget token with its application key;
 * its page opens the widget with it. These tests never sign in to the portal.
 */

const { shop, customer } = useExampleShop();

/** Signs in to the shop (not the portal) and opens the widget from its page. */
async function openWidget(page: Page, origin: string, externalId: string) {
  await page.goto(`${origin}/`);
  await page.getByLabel("Customer id").fill(externalId);
  await page.getByRole("button", { name: "Sign in to Example Shop" }).click();
  await page.getByRole("button", { name: "Manage sign-in devices" }).click();
  return page.frameLocator(`iframe[title="${WIDGET_TITLE}"]`);
}

const outcome = (page: Page) => page.locator("#outcome");
const result = async (page: Page) => JSON.parse((await page.locator("#result").textContent()) ?? "") as Record<string, unknown>;

test("a host on another site opens the widget with its server's token; the customer steps up and adds a device in the frame; the host gets success", async ({ page, request, baseURL }) => {
  const user = await customer({ devices: true });
  const widget = await openWidget(page, shop.host.origin, user.externalId);
  await expect(widget.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await expect(widget.getByRole("button", { name: /^Inbox,/ })).toBeVisible();

  // Neither the email nor any token is in the frame's address; no portal cookie exists in this browser.
  const iframe = page.locator(`iframe[title="${WIDGET_TITLE}"]`);
  const src = (await iframe.getAttribute("src"))!;
  expect(src).toBe(`${baseURL}/widget/device-management?parentOrigin=${encodeURIComponent(shop.host.origin)}`);
  for (const frame of page.frames()) {
    expect(frame.url()).not.toContain(user.email);
    expect(frame.url()).not.toContain("mfa_wt_");
  }

  // The frame is as tall as its content, whichever section it shows.
  const frameHeight = async () => Math.round((await iframe.boundingBox())!.height);
  const contentHeight = () => widget.locator("main").evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
  const listHeight = await frameHeight();

  // Adding a device needs a fresh second factor: the token stood for the shop's sign-in only.
  await widget.getByRole("button", { name: "Add device" }).click();
  const choices = widget.getByRole("list", { name: "Your devices" });
  const code = widget.getByLabel("Code", { exact: true });
  await expect(choices.or(code)).toBeVisible();
  if (await choices.isVisible()) await choices.getByRole("button").first().click();
  await expect(code).toBeVisible();
  await code.fill(await waitForMessage(request, user.inbox, /(\d{6})/));
  await widget.getByRole("button", { name: "Verify" }).click();

  await expect(widget.getByRole("heading", { name: "Add a device" })).toBeVisible();
  await widget.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }).click();
  const secret = (await widget.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
  expect(await frameHeight()).toBeGreaterThan(listHeight);
  await widget.getByLabel("Code from the app").fill(totpCode(secret));
  await widget.getByRole("button", { name: "Verify" }).click();
  await expect(widget.getByRole("status")).toHaveText("Your new device is ready to use.");
  expect((await db.device.findFirstOrThrow({ where: { userId: user.id, type: "TOTP" } })).status).toBe("ACTIVE");

  await widget.getByRole("button", { name: "Done" }).click();
  await expect(outcome(page)).toHaveText("success");
  expect(await result(page)).toEqual({ result: "success" });

  // The frame ran on a widget session, replaced by the step-up; no cookie of the portal was ever set.
  expect(await page.context().cookies(baseURL!)).toEqual([]);
  const sessions = await db.session.findMany({ where: { userId: user.id } });
  expect(sessions).toHaveLength(2);
  for (const session of sessions) expect(session).toMatchObject({ widgetOrigin: shop.host.origin, widgetApplicationId: shop.application.id });
  expect(sessions.filter((s) => s.revokedAt === null)).toHaveLength(1);
  const audit = await db.auditEvent.findMany({ where: { userId: user.id, action: { startsWith: "widget." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  expect(audit.map((e) => e.action)).toEqual(["widget.token_issued", "widget.opened"]);
});

test("Cancel in the frame reports cancelled to the host, not success", async ({ page }) => {
  const user = await customer({ devices: true });
  const widget = await openWidget(page, shop.host.origin, user.externalId);
  await expect(widget.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await widget.getByRole("button", { name: "Cancel" }).click();
  await expect(outcome(page)).toHaveText("cancelled");
  expect(await result(page)).toEqual({ result: "cancelled" });
  await expect(widget.getByText("Cancelled. You can close this window.")).toBeVisible();
});

test("a token works once: opened again with the same token, the frame refuses it and the host hears the error", async ({ page, request }) => {
  const user = await customer();
  // The host's server side, as the test: one token, handed to the page twice.
  const issued = await request.post("/api/v1/widget-tokens", { headers: bearer(shop.application.secret), data: { userId: user.id, origin: shop.host.origin } });
  expect(issued.status(), await issued.text()).toBe(201);
  const { token, expiresAt, _links } = (await issued.json()) as { token: string; expiresAt: string; _links: Record<string, { href: string }> };
  expect(token).toMatch(/^mfa_wt_/);
  expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3 * 60_000);
  expect(_links.user!.href).toMatch(new RegExp(`/api/v1/users/${user.id}$`));
  await page.route(`${shop.host.origin}/widget-token`, (route) => route.fulfill({ json: { token } }));

  const widget = await openWidget(page, shop.host.origin, user.externalId);
  // MFA off and no device: the widget offers to turn it on, for this user.
  await expect(widget.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();

  await page.getByRole("button", { name: "Manage sign-in devices" }).click();
  await expect(outcome(page)).toHaveText("error");
  expect(await result(page)).toEqual({
    ciam_errorCode: "TOKEN_INVALID",
    ciam_errorMessage: "This widget link has expired or was already used. Reload the page to open it again.",
  });
  await expect(errorNotice(widget)).toContainText("expired or was already used");
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "widget.token_refused" } })).toBe(1);
});

test("tokens only for the application's own users and for allowed origins", async ({ request }) => {
  const user = await customer();
  const other = await createTestApplication();
  await expectProblem(await request.post("/api/v1/widget-tokens", { headers: bearer(other.secret), data: { userId: user.id, origin: shop.host.origin } }), 404, "NOT_FOUND");
  const refused = await expectProblem(
    await request.post("/api/v1/widget-tokens", { headers: bearer(shop.application.secret), data: { userId: user.id, origin: "https://not-allowed.example" } }),
    400,
    "VALIDATION_FAILED",
  );
  expect(refused.errors).toEqual([expect.objectContaining({ field: "origin" })]);
  await expectProblem(await request.post("/api/v1/widget-tokens", { headers: bearer(shop.application.secret), data: { origin: shop.host.origin } }), 400, "VALIDATION_FAILED");
  await expectProblem(await request.post("/api/v1/widget-tokens", { data: { userId: user.id, origin: shop.host.origin } }), 401, "UNAUTHENTICATED");
  expect(await db.widgetToken.count({ where: { userId: user.id } })).toBe(0);
});

test("a page on a site not allowed to embed the widget gets onError, and the frame shows nothing of the portal", async ({ page, baseURL }) => {
  const user = await customer({ devices: true });
  // The shop's page copied to another port: its server still asks for tokens as the allowed origin.
  const copy = await startWidgetHost({ port: crossSiteHostPort(baseURL!) + 1, portalUrl: baseURL!, appSecret: shop.application.secret, origin: shop.host.origin });
  try {
    const elsewhere = `http://127.0.0.1:${crossSiteHostPort(baseURL!) + 1}`;
    await openWidget(page, elsewhere, user.externalId);
    await expect(outcome(page)).toHaveText("error", { timeout: 30_000 });
    expect((await result(page)).ciam_errorCode).toBe("WIDGET_UNAVAILABLE");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  } finally {
    await copy.close();
  }
});
