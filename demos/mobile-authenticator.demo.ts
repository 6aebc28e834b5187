import { devices, expect, test } from "@playwright/test";
import { enterPassword, seedUser, signIn } from "../e2e/fixtures/users";
import { screenshot } from "./screenshot";

const { defaultBrowserType: _chromium, ...pixel } = devices["Pixel 7"];

test("pair the mobile authenticator, then approve a sign-in on the phone by its number", async ({ page, browser }) => {
  const user = await seedUser({ name: "Jane Doe", devices: [{ type: "EMAIL", nickname: "Work email", target: `jane-${Date.now()}@example.org`, isDefault: true }] });
  await signIn(page, user.email, "/devices");

  // The phone: a second browser context with a phone's screen, running the app the portal serves.
  const context = await browser.newContext({ ...pixel, baseURL: test.info().project.use.baseURL });
  const phone = await context.newPage();
  await phone.goto("/authenticator");
  await expect(phone.getByRole("heading", { name: "Authenticator", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Mobile app/ }).click();
  await expect(page.getByRole("heading", { name: "Pair your phone" })).toBeVisible();
  await screenshot(page, "pair-phone");
  const key = (await page.getByLabel("Pairing key").textContent())!;
  await phone.getByRole("link", { name: "Pair a new account" }).click();
  await phone.getByLabel("Pairing key").fill(key);
  await phone.getByLabel("Email address").fill(user.email);
  await phone.getByRole("button", { name: "Pair" }).click();
  await expect(phone.getByRole("status").filter({ hasText: /^Paired with / })).toBeFocused();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await enterPassword(page, user.email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Mobile app/ }).click();
  await expect(page.getByRole("heading", { name: "Approve on your phone" })).toBeVisible();
  const status = await page.getByRole("status").filter({ hasText: /and choose \d+\.$/ }).textContent();
  const number = /choose (\d+)\.$/.exec(status!)![1]!;
  await screenshot(page, "approve-on-phone");

  const card = phone.getByRole("article", { name: /^Sign-in request from / });
  await expect(card).toHaveCount(1);
  await screenshot(phone, "phone-request");
  await card.getByRole("group", { name: "Which number do you see on the sign-in screen?" }).getByRole("button", { name: number, exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await context.close();
});
