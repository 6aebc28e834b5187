import { expect, test, type FrameLocator, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/accessibility";
import { db } from "./fixtures/db";
import { waitForMessage } from "./fixtures/outbox";
import { useExampleShop, WIDGET_TITLE } from "./fixtures/widget-host";
import { totpCode } from "./fixtures/totp";

/**
 * The widget as a customer's own site shows it (issue 14): opened with a widget token on another site
 * (the example host on 127.0.0.1, the portal on localhost), it has no serious accessibility issue in
 * either colour scheme, and a person adds a device with the keyboard alone, from the host page's
 * button to the host hearing "success".
 */
const { shop, customer } = useExampleShop();

// Two scans per screen in each scheme, and ceremonies in a frame: seconds each on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Whether `target` has the keyboard's focus, inside its own frame and with that frame focused. */
const focused = (target: Locator) => target.evaluate((element) => element === element.ownerDocument.activeElement && element.ownerDocument.hasFocus());

/** Presses Tab, as a person would, until `target` has the focus; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, what: string) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < 40 && !(await focused(target)); presses++) await page.keyboard.press("Tab");
  expect(await focused(target), `${what} is reachable with Tab`).toBe(true);
}

test("token mode: the frame scans clean in both schemes, and a device is added with the keyboard alone", async ({ page, request }) => {
  const user = await customer({ devices: true });
  await page.goto(`${shop.host.origin}/`);
  await tabTo(page, page.getByLabel("Customer id"), "the host's customer field");
  await page.keyboard.type(user.externalId);
  await page.keyboard.press("Enter");
  const open = page.getByRole("button", { name: "Manage sign-in devices" });
  await tabTo(page, open, "the host's button");
  await page.keyboard.press("Enter");

  const widget: FrameLocator = page.frameLocator(`iframe[title="${WIDGET_TITLE}"]`);
  await expect(widget.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await expectAccessible(page, "device list in the frame");

  await tabTo(page, widget.getByRole("button", { name: "Add device" }), "Add device");
  await page.keyboard.press("Enter");

  // The step-up: the emailed code, typed into the field that takes the focus, sent with Enter.
  const choices = widget.getByRole("list", { name: "Your devices" });
  const code = widget.getByLabel("Code", { exact: true });
  await expect(choices.or(code)).toBeVisible();
  if (await choices.isVisible()) {
    await tabTo(page, choices.getByRole("button").first(), "the emailed device");
    await page.keyboard.press("Enter");
  }
  await expect(code).toBeFocused();
  await expectAccessible(page, "second step in the frame");
  await page.keyboard.type(await waitForMessage(request, user.inbox, /(\d{6})/));
  await page.keyboard.press("Enter");

  await expect(widget.getByRole("heading", { name: "Add a device" })).toBeVisible();
  await expectAccessible(page, "kinds of device in the frame");
  await tabTo(page, widget.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }), "Authenticator app");
  await page.keyboard.press("Enter");

  // The secret is read off the screen, as a person copies it into their app.
  const secret = (await widget.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  const appCode = widget.getByLabel("Code from the app");
  await tabTo(page, appCode, "the app's code field");
  await page.keyboard.type(totpCode(secret));
  await page.keyboard.press("Enter");
  await expect(widget.getByRole("status")).toHaveText("Your new device is ready to use.");
  expect((await db.device.findFirstOrThrow({ where: { userId: user.id, type: "TOTP" } })).status).toBe("ACTIVE");
  await expectAccessible(page, "device added in the frame");

  await tabTo(page, widget.getByRole("button", { name: "Done" }), "Done");
  await page.keyboard.press("Enter");
  await expect(page.locator("#outcome")).toHaveText("success");
});
