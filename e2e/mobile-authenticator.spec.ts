import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { decodeQrDataUrl } from "./fixtures/qr";
import { errorNotice } from "./fixtures/ui";
import { enterPassword, seedUser, signIn } from "./fixtures/users";

/**
 * The mobile authenticator end to end (issue 11), as two people's screens: the portal in a desktop
 * browser, and the phone, a second browser context with a phone's screen, running the app at
 * /authenticator with its own key in its own IndexedDB. Nothing here signs for the phone: every
 * pairing and every answer is the app's, made by tapping its buttons.
 */
const { defaultBrowserType: _chromium, ...pixel } = devices["Pixel 7"];

const question = "Which number do you see on the sign-in screen?";
let counter = 0;
/** A first device, so the portal can be reached; each its own address (send limits are per address). */
const emailDevice = () => [{ type: "EMAIL" as const, nickname: "Work email", target: `mobile-${Date.now()}-${counter++}@example.org`, isDefault: true }];

async function openPhone(browser: Browser) {
  const context = await browser.newContext({ ...pixel, baseURL: test.info().project.use.baseURL });
  const phone = await context.newPage();
  await phone.goto("/authenticator");
  await expect(phone.getByRole("heading", { name: "Authenticator", level: 1 })).toBeVisible();
  return phone;
}

/** Add device → Mobile app on the portal: the section that shows the QR code and the typed key. */
async function startPairing(portal: Page) {
  await portal.getByRole("button", { name: "Add device" }).click();
  await portal.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Mobile app/ }).click();
  await expect(portal.getByRole("heading", { name: "Pair your phone" })).toBeVisible();
}

/** The phone pairs by the key typed next to the account's email. */
async function pairByKey(portal: Page, phone: Page, email: string) {
  await startPairing(portal);
  const key = (await portal.getByLabel("Pairing key").textContent())!;
  expect(key).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await phone.getByRole("link", { name: "Pair a new account" }).click();
  await phone.getByLabel("Pairing key").fill(key);
  await phone.getByLabel("Email address").fill(email);
  await phone.getByRole("button", { name: "Pair" }).click();
  await expect(phone.getByRole("status").filter({ hasText: /^Paired with / })).toBeFocused();
}

/** The phone's camera reads the QR code shown on the portal, and the app opens its address. */
async function pairByQr(portal: Page, phone: Page) {
  await startPairing(portal);
  const image = portal.getByRole("img", { name: "QR code that pairs the authenticator app on your phone" });
  const url = decodeQrDataUrl((await image.getAttribute("src"))!);
  expect(new URL(url).pathname).toBe("/authenticator/pair");
  await phone.goto(url);
  await expect(phone.getByRole("status").filter({ hasText: /^Paired with / })).toBeFocused();
}

/** The number the waiting page asks the person to choose on the phone. */
async function numberToChoose(page: Page) {
  await expect(page.getByRole("heading", { name: "Approve on your phone" })).toBeVisible();
  const status = await page.getByRole("status").filter({ hasText: /and choose \d+\.$/ }).textContent();
  return Number(/choose (\d+)\.$/.exec(status!)![1]);
}

/** The phone chosen among the devices the page offers (sign-in or step-up). */
async function choosePhone(page: Page) {
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Mobile app/ }).click();
  return numberToChoose(page);
}

/** Password, then the phone: the number to choose. */
async function signInWithPhone(page: Page, email: string) {
  await enterPassword(page, email);
  return choosePhone(page);
}

/** The request's card on the phone, once the app shows it by itself. */
async function requestCard(phone: Page) {
  const card = phone.getByRole("article", { name: /^Sign-in request from / });
  await expect(card).toHaveCount(1);
  return { card, choices: card.getByRole("group", { name: question }) };
}

/**
 * A signed-in owner at /devices and their phone, paired from the portal by `how`. The portal moves on
 * by itself once the phone has paired: nobody reloads it.
 */
async function ownerWithPairedPhone(page: Page, browser: Browser, how: "key" | "qr") {
  const user = await seedUser({ devices: emailDevice() });
  await signIn(page, user.email, "/devices");
  const phone = await openPhone(browser);
  if (how === "key") await pairByKey(page, phone, user.email);
  else await pairByQr(page, phone);
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "MOBILE" } });
  return { user, phone, device };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test("paired by the typed key: the right number signs in, a wrong number and Deny do not", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { user, phone, device } = await ownerWithPairedPhone(page, browser, "key");
  await expect(page.getByRole("list", { name: "Devices" })).toContainText(/Mobile app · paired \w{3} \d+, \d{4}/);
  expect(device).toMatchObject({ status: "ACTIVE" });
  await signOut(page);

  // A wrong number: the phone says so, and the sign-in page says the sign-in was refused.
  let number = await signInWithPhone(page, user.email);
  let request = await requestCard(phone);
  await expect(request.choices.getByRole("button")).toHaveCount(3);
  const numbers = (await request.choices.getByRole("button").allTextContents()).map(Number);
  expect(numbers).toContain(number);
  await request.choices.getByRole("button", { name: String(numbers.find((n) => n !== number)), exact: true }).click();
  await expect(phone.getByRole("status").filter({ hasText: "That is not the number shown on the sign-in page." })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Sign-in not finished" })).toBeVisible();
  await signOut(page);

  // Deny.
  await signInWithPhone(page, user.email);
  request = await requestCard(phone);
  await request.card.getByRole("button", { name: "Deny" }).click();
  await expect(phone.getByRole("status").filter({ hasText: /^Denied\./ })).toBeFocused();
  await expect(page.getByText("You denied this sign-in on your phone.")).toBeVisible();
  await signOut(page);

  // The right number: the sign-in page continues by itself.
  number = await signInWithPhone(page, user.email);
  request = await requestCard(phone);
  await expect(request.card).toContainText("Chrome");
  await request.choices.getByRole("button", { name: String(number), exact: true }).click();
  await expect(phone.getByRole("status").filter({ hasText: /^Approved\./ })).toBeFocused();
  await expect(page).toHaveURL(/\/account$/);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.authMethods).toBe("pwd,push");
  await phone.context().close();
});

test("paired by the QR code: a request that times out is sent again, or answered by the passcode the app shows; a step-up is approved on the phone", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { user, phone, device } = await ownerWithPairedPhone(page, browser, "qr");
  await signOut(page);

  // Nobody answers within the request's time (its expiry moved into the past): Mobile App Timed Out.
  const expire = () => db.pushChallenge.updateMany({ where: { deviceId: device.id, status: "PENDING" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await signInWithPhone(page, user.email);
  await requestCard(phone);
  await expire();
  await expect(page.getByRole("heading", { name: "Your phone did not answer in time" })).toBeVisible();
  // The phone drops the expired request.
  await expect(phone.getByRole("article", { name: /^Sign-in request from / })).toHaveCount(0);

  // Retry sends a new request with a new number, which the phone approves.
  await page.getByRole("button", { name: "Retry" }).click();
  const number = await numberToChoose(page);
  let request = await requestCard(phone);
  await request.choices.getByRole("button", { name: String(number), exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  // Timed out again, then the Mobile Passcode Flow with the code read off the phone's screen.
  await signInWithPhone(page, user.email);
  request = await requestCard(phone);
  await expire();
  await expect(page.getByRole("heading", { name: "Your phone did not answer in time" })).toBeVisible();
  await page.getByRole("button", { name: "Enter the code from the app instead" }).click();
  const passcode = phone.getByRole("list", { name: "Accounts" }).getByRole("status", { name: "Mobile passcode" });
  await expect(passcode).toHaveText(/^\d{6}$/);
  await page.getByLabel("Code", { exact: true }).fill((await passcode.textContent())!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.authMethods).toBe("pwd,mobile_passcode");

  // A change in a session older than the step-up window: the phone confirms it like any other device.
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.goto("/devices");
  await page.getByRole("button", { name: /^Work email,/ }).click();
  await page.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Yes, remove device" }).click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  const stepUp = await choosePhone(page);
  request = await requestCard(phone);
  await request.choices.getByRole("button", { name: String(stepUp), exact: true }).click();
  await expect(page.getByRole("status")).toHaveText('"Work email" was removed.');
  expect(await db.device.count({ where: { userId: user.id } })).toBe(1);
  await phone.context().close();
});

test("a blocked phone is not asked and cannot approve; a removed phone shows itself unpaired", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { user, phone, device } = await ownerWithPairedPhone(page, browser, "key");

  // A second browser signs in and waits on the phone; the owner, in the first, blocks it meanwhile.
  const other = await (await browser.newContext()).newPage();
  await signInWithPhone(other, user.email);
  const request = await requestCard(phone);
  const pending = await db.pushChallenge.findFirstOrThrow({ where: { deviceId: device.id, status: "PENDING" } });
  await page.getByRole("button", { name: /^Mobile app,/ }).click();
  await page.getByRole("button", { name: "Block" }).click();
  await expect(page.getByRole("status")).toHaveText('"Mobile app" is blocked.');

  // The phone finds out on its next look: blocked, and the request gone from its screen.
  const account = phone.getByRole("list", { name: "Accounts" }).getByRole("listitem");
  await expect(account).toContainText("This phone is blocked for this account.");
  await expect(request.card).toHaveCount(0);
  expect((await db.pushChallenge.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");

  // The waiting sign-in cannot be finished by it, and a new sign-in does not offer it.
  await db.pushChallenge.updateMany({ where: { id: pending.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await expect(other.getByRole("heading", { name: "Your phone did not answer in time" })).toBeVisible();
  await other.getByRole("button", { name: "Retry" }).click();
  await expect(errorNotice(other)).toContainText("This phone is blocked for the account.");
  await expect(other.getByRole("heading", { name: "Your phone did not answer in time" })).toBeVisible();
  expect(await db.pushChallenge.count({ where: { deviceId: device.id, status: "PENDING" } })).toBe(0);
  await other.context().clearCookies();
  await enterPassword(other, user.email);
  await expect(other.getByLabel("Code", { exact: true }).or(other.getByRole("list", { name: "Your devices" }))).toBeVisible();
  await expect(other.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Mobile app/ })).toHaveCount(0);

  // Unblocked, it is paired again; removed, the app shows the account unpaired and no passcode.
  await page.getByRole("button", { name: /^Mobile app,/ }).click();
  await page.getByRole("button", { name: "Unblock" }).click();
  await expect(page.getByRole("status")).toHaveText('"Mobile app" is unblocked.');
  await expect(account).toContainText("Paired");
  await page.getByRole("button", { name: /^Mobile app,/ }).click();
  await page.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Yes, remove device" }).click();
  await expect(page.getByRole("status")).toHaveText('"Mobile app" was removed.');
  await expect(account).toContainText("This phone is no longer paired with this account");
  await expect(account.getByRole("status", { name: "Mobile passcode" })).toHaveCount(0);
  expect(await db.device.count({ where: { id: device.id } })).toBe(0);
  await phone.context().close();
  await other.context().close();
});
