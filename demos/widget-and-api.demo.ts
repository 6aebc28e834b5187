import { expect, test } from "@playwright/test";
import { seedUser, signIn } from "../e2e/fixtures/users";
import { screenshot } from "./screenshot";

test("the device-management widget inside another page", async ({ page }) => {
  const user = await seedUser({
    name: "Jane Doe",
    devices: [
      { type: "SMS", nickname: "My phone", target: "+12025550143", isDefault: true },
      { type: "EMAIL", nickname: "Work email", target: `jane-${Date.now()}@example.org` },
    ],
  });
  await signIn(page, user.email);
  await page.goto("/demo/widget");
  const widget = page.frameLocator('iframe[title="Manage your sign-in devices"]');
  await expect(widget.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await screenshot(page, "widget");
});

test("the flow API's reference, served by the app from its OpenAPI document", async ({ page }) => {
  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "api-reference");
});
