import { expect, test } from "@playwright/test";
import { seedStaff, signInWithTotp } from "../e2e/fixtures/staff";
import { seedUser } from "../e2e/fixtures/users";
import { screenshot } from "./screenshot";

test("the admin console: overview, a user's devices, policies", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const customer = await seedUser({
    name: "Jane Doe",
    devices: [
      { type: "SMS", nickname: "My phone", target: "+12025550143", isDefault: true },
      { type: "TOTP", nickname: "Authenticator app" },
    ],
  });
  await signInWithTotp(page, admin, "/admin");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await screenshot(page, "admin-overview");

  await page.goto(`/admin/users?q=${encodeURIComponent(customer.email)}`);
  await page.getByRole("row", { name: new RegExp(customer.email) }).getByRole("link", { name: customer.email }).click();
  await expect(page.getByRole("heading", { level: 1, name: customer.email })).toBeVisible();
  await screenshot(page, "admin-user");

  await page.goto("/admin/policies");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "admin-policies");
});
