import { expect, test } from "@playwright/test";
import { seedUser, signIn } from "../e2e/fixtures/users";
import { totpCode } from "../e2e/fixtures/totp";
import { addVirtualAuthenticator } from "../e2e/fixtures/webauthn";
import { screenshot } from "./screenshot";

test("add an authenticator app and a passkey, then manage the list", async ({ page }) => {
  await addVirtualAuthenticator(page, "platform");
  const user = await seedUser({
    name: "Jane Doe",
    devices: [{ type: "SMS", nickname: "My phone", target: "+12025550143", isDefault: true }],
  });
  await signIn(page, user.email, "/devices");
  await expect(page.getByRole("list", { name: "Devices" })).toBeVisible();

  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByRole("list", { name: "Kinds of device" })).toBeVisible();
  await screenshot(page, "add-device");

  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }).click();
  await expect(page.getByRole("img", { name: "QR code to add this account to your authenticator app" })).toBeVisible();
  await screenshot(page, "authenticator-app");
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");

  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Passkey/ }).click();
  await expect(page.getByRole("heading", { name: "Create a passkey" })).toBeVisible();
  await page.getByLabel("Name (optional)").fill("Work laptop");
  await page.getByRole("button", { name: "Create passkey" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  await expect(page.getByRole("list", { name: "Devices" })).toContainText("Work laptop");
  await screenshot(page, "devices");
});
