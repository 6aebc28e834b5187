import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { seedUser, signIn } from "./fixtures/users";
import { crossSiteHostOrigin } from "./fixtures/server-env";

const devices = [
  { type: "SMS" as const, nickname: "My phone", target: "+12025557654", isDefault: true },
  { type: "EMAIL" as const, nickname: "Work email", target: "jane@example.org" },
];

test("the widget runs the device flow in an iframe and hands the success result to the host", async ({ page }) => {
  const user = await seedUser({ devices });
  await signIn(page, user.email);
  await page.goto("/demo/widget");
  const widget = page.frameLocator('iframe[title="Manage your sign-in devices"]');
  await expect(widget.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await expect(widget.getByText("Acme", { exact: true })).toBeVisible();
  await expect(widget.locator('img[src="/logo.svg"]')).toBeVisible();

  await widget.getByRole("button", { name: /^Work email,/ }).click();
  await widget.getByLabel("Device name").fill("Inbox");
  await widget.getByRole("button", { name: "Save name" }).click();
  await expect(widget.getByRole("status")).toHaveText('Renamed to "Inbox".');
  expect((await db.device.findUniqueOrThrow({ where: { id: user.devices[1]!.id } })).nickname).toBe("Inbox");

  await widget.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("widget-outcome")).toHaveText("success");
  expect(JSON.parse((await page.getByTestId("widget-result").textContent()) ?? "")).toEqual({ result: "success" });
});

test("the widget's Enable MFA section works inside the iframe: Cancel on the first device returns to the offer, and Not now ends the flow", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email);
  await page.goto("/demo/widget");
  const widget = page.frameLocator('iframe[title="Manage your sign-in devices"]');
  await widget.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(widget.getByRole("heading", { name: "Add a device" })).toBeVisible();
  await widget.getByRole("button", { name: "Cancel" }).click();
  await expect(widget.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();
  await widget.getByRole("button", { name: "Not now" }).click();
  await expect(page.getByTestId("widget-outcome")).toHaveText("success");
});

test("a widget opened for another user returns the error result to the host", async ({ page }) => {
  const user = await seedUser({ devices });
  await signIn(page, user.email);
  await page.goto("/demo/widget?username=someone-else@example.test");
  await expect(page.getByTestId("widget-outcome")).toHaveText("error");
  expect(JSON.parse((await page.getByTestId("widget-result").textContent()) ?? "")).toEqual({
    ciam_errorCode: "USER_MISMATCH",
    ciam_errorMessage: "This page was opened for a different account than the one signed in.",
  });
});

test("without a session the widget returns SESSION_REQUIRED", async ({ page }) => {
  await page.goto("/demo/widget?username=amy@example.com");
  await expect(page.getByTestId("widget-outcome")).toHaveText("error");
  const result = JSON.parse((await page.getByTestId("widget-result").textContent()) ?? "");
  expect(result.ciam_errorCode).toBe("SESSION_REQUIRED");
});

test("the widget may be framed only by allowed origins and posts only to them", async ({ page, request, baseURL }) => {
  const allowed = await request.get(`/widget/device-management?parentOrigin=${encodeURIComponent(baseURL!)}`, { maxRedirects: 0 });
  expect(allowed.headers()["content-security-policy"]).toBe(`frame-ancestors 'self' ${new URL(baseURL!).origin} ${crossSiteHostOrigin(baseURL!)}`);
  await page.goto("/widget/device-management?parentOrigin=https%3A%2F%2Fevil.example");
  await expect(errorNotice(page)).toHaveText("This page cannot be embedded here. Ask the site owner to allow its origin.");
});
