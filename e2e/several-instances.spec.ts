import { expect, test, type Page, type Request } from "@playwright/test";
import { db } from "./fixtures/db";
import { readOutbox, waitForMessage } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { enterPassword, seedUser } from "./fixtures/users";

/**
 * Two app instances on one PostgreSQL database behind the balancer (playwright.config.ts with
 * E2E_DATABASE=postgresql; scripts/e2e-balancer.mjs). Here a person's requests are sent to the
 * instances in turn on purpose, or waiting happens on one instance and completing on the other: flow
 * state, passcodes, attempts, challenges and sessions live in the database, never in one process.
 */

/** The balancer's names for the two instances, in turn. */
const instanceFor = (turn: number) => (turn % 2 === 0 ? "a" : "b");
const phone = () => `+1555${Math.floor(Math.random() * 1e7).toString().padStart(7, "0")}`;

/**
 * Sends each of the page's own requests (pages, flow events, API calls; not the build's static files)
 * to the other instance than the one before, and records which instance answered which request.
 */
async function alternateInstances(page: Page) {
  let next = 0;
  const answered: { what: string; instance: string }[] = [];
  await page.route("**/*", (route) => {
    const request = route.request();
    if (new URL(request.url()).pathname.startsWith("/_next/static/")) return route.continue();
    const instance = instanceFor(next++);
    return route.continue({ headers: { ...request.headers(), "x-e2e-instance": instance } });
  });
  page.on("response", (response) => {
    const instance = response.headers()["x-e2e-instance"];
    if (instance && !response.url().includes("/_next/static/")) answered.push({ what: describe(response.request()), instance });
  });
  return answered;
}

const describe = (request: Request) => `${request.method()} ${new URL(request.url()).pathname}`;
const servedBy = (answered: { what: string; instance: string }[], what: RegExp) =>
  new Set(answered.filter((a) => what.test(a.what)).map((a) => a.instance));

test("a sign-in with a second factor and a registration, each request on the other instance than the last", async ({ page }) => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const user = await seedUser({ devices: [{ type: "TOTP", nickname: "Authenticator", isDefault: true }] });
  await db.device.updateMany({ where: { userId: user.id }, data: { totpSecret: secret } });
  const answered = await alternateInstances(page);

  // Password on one instance, the second-factor page and its events on both.
  await enterPassword(page, user.email, "/devices");
  await page.waitForURL(/\/sign-in\/verify/);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button").first().click();
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  expect(servedBy(answered, /^(GET|POST) \/(sign-in|api\/flows|api\/auth)/)).toEqual(new Set(["a", "b"]));

  // A registration: the flow started by one instance, its secret checked by the other.
  answered.length = 0;
  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }).click();
  const added = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(added));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  expect(servedBy(answered, /^POST \/api\/flows\//)).toEqual(new Set(["a", "b"]));
  expect(await db.device.count({ where: { userId: user.id, type: "TOTP", status: "ACTIVE" } })).toBe(2);
});

test("the sign-in page waits on one instance for an emailed link confirmed on the other", async ({ browser }) => {
  const user = await seedUser({ devices: [] });
  const waiting = await browser.newContext({ extraHTTPHeaders: { "x-e2e-instance": "a" } });
  const page = await waiting.newPage();
  const instances = new Set<string>();
  page.on("response", (r) => {
    const instance = r.headers()["x-e2e-instance"];
    if (instance) instances.add(instance);
  });
  await enterPassword(page, user.email);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = await waitForMessage(page.request, user.email, /(https?:\/\/\S+\/magic-link\?token=\S+)/);

  // The email is opened elsewhere, and its confirmation is handled by the other instance.
  const mailbox = await browser.newContext({ extraHTTPHeaders: { "x-e2e-instance": "b" } });
  const mail = await mailbox.newPage();
  await mail.goto(link);
  const confirm = mail.waitForResponse((r) => r.request().method() === "POST");
  await mail.getByRole("button", { name: "Yes, it's me" }).click();
  expect((await confirm).headers()["x-e2e-instance"]).toBe("b");
  await expect(mail.getByRole("status")).toContainText("Confirmed");

  // The waiting page, which only ever spoke to instance a, notices and signs in.
  await expect(page).toHaveURL(/\/account$/, { timeout: 15_000 });
  expect(instances).toEqual(new Set(["a"]));
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
  expect(session.authMethods).toBe("pwd,magic_link");
  await waiting.close();
  await mailbox.close();
});

test("20 parallel submissions of one passcode, split across both instances: exactly one signs in", async ({ page, baseURL }) => {
  const target = phone();
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Phone", target, isDefault: true }] });
  await enterPassword(page, user.email);
  await page.waitForURL(/\/sign-in\/verify/);
  const choices = page.getByRole("list", { name: "Your devices" });
  const codeField = page.getByLabel("Code", { exact: true });
  await expect(choices.or(codeField)).toBeVisible();
  if (await choices.isVisible()) await choices.getByRole("button").first().click();
  await expect(codeField).toBeVisible();
  await expect.poll(async () => (await readOutbox(page.request, target)).length).toBe(1);
  const code = (await readOutbox(page.request, target))[0]!.body.replace(/[, ]/g, "").match(/\d{6}/)![0];
  const flowId = await page.locator("[data-flow-id]").getAttribute("data-flow-id");

  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      page.request.post(`/api/flows/${flowId}/events?callbackUrl=%2Faccount`, {
        headers: { "Content-Type": "application/json", Origin: baseURL!, "x-e2e-instance": instanceFor(i) },
        data: JSON.stringify({ type: "SUBMIT_OTP", otp: code }),
      }),
    ),
  );
  const bodies = await Promise.all(answers.map(async (a) => ({ status: a.status(), instance: a.headers()["x-e2e-instance"], body: (await a.json()) as { redirectTo?: string } })));
  expect(new Set(bodies.map((b) => b.instance))).toEqual(new Set(["a", "b"]));
  // No answer is a server error; exactly one carries the way on to the account.
  expect(bodies.filter((b) => b.status >= 500)).toEqual([]);
  expect(bodies.filter((b) => b.body.redirectTo === "/account")).toHaveLength(1);

  // One complete session, and the passcode used once.
  expect(await db.session.count({ where: { userId: user.id, revokedAt: null, secondFactorPending: false } })).toBe(1);
  expect(await db.passcode.count({ where: { userId: user.id, consumedAt: { not: null } } })).toBe(1);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
});
