import { expect, test } from "@playwright/test";
import { enterPassword, passSecondFactor, seedUser } from "../e2e/fixtures/users";
import { screenshot } from "./screenshot";

test("sign in with a password, then a passcode sent to the default device", async ({ page }) => {
  const user = await seedUser({
    name: "Jane Doe",
    devices: [
      { type: "SMS", nickname: "My phone", target: "+12025550143", isDefault: true },
      { type: "EMAIL", nickname: "Work email", target: `jane-${Date.now()}@example.org` },
      { type: "TOTP", nickname: "Authenticator app" },
    ],
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "sign-in");

  await enterPassword(page, user.email);
  await page.waitForURL(/\/sign-in\/verify/);
  await expect(page.getByRole("list", { name: "Your devices" })).toBeVisible();
  await screenshot(page, "second-factor-choice");

  await passSecondFactor(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Jane Doe" })).toBeVisible();
  await screenshot(page, "account");
});
