import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { seedUser, signIn } from "./fixtures/users";
import { readOutbox, waitForMessage } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { addVirtualAuthenticator } from "./fixtures/webauthn";

// Each test its own address: the per-destination send limit would otherwise join the tests up.
let counter = 0;
const existingDevices = () => [{ type: "EMAIL" as const, nickname: "Old email", target: `old-${Date.now()}-${counter++}@example.org`, isDefault: true }];

async function startAdding(page: Page) {
  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByRole("heading", { name: "Add a device" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Kinds of device" })).toBeVisible();
}

async function choose(page: Page, label: string) {
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: new RegExp(`^${label}`) }).click();
}

const codeIn = (body: string) => body.replace(/[, ]/g, "").match(/\d{6}/)?.[0];

test("email: the code sent to the account's address activates the device and tells the user", async ({ page, request }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Email");
  await expect(page.getByText(/We emailed a code to .•••@example\.test/)).toBeVisible();
  const code = await waitForMessage(request, user.email, /is:\s+(\d{6})/);

  await page.getByLabel("Code", { exact: true }).fill("000000" === code ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveValue(/\d{6}/);

  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  await expect(page.getByRole("list", { name: "Devices" })).toContainText(user.email);
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, target: user.email } });
  expect(device.status).toBe("ACTIVE");
  expect(device.type).toBe("EMAIL");
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "device.added", deviceId: device.id } })).toBe(1);
  const mail = await readOutbox(request, user.email);
  expect(mail[0]?.subject).toContain("new sign-in device was added");
  expect(mail[0]?.body).toContain("If it was not you");
});

test("Add device opens on the choice of devices: the page sends what the browser can do with the click, so no second request asks", async ({ page }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  const events: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/api\/flows\/[^/]+\/events$/.test(request.url())) events.push(request.postData() ?? "");
  });
  await startAdding(page);
  expect(events).toHaveLength(1);
  expect(JSON.parse(events[0]!)).toMatchObject({ type: "ADD", webauthn: "true" });
  await expect(page.getByText("Checking what this browser can do…")).toHaveCount(0);
});

test("SMS: an impossible number is refused and nothing is created; a valid one gets a code by text", async ({ page, request }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Text message");
  await expect(page.getByText(/less secure than other ways to sign in/)).toBeVisible();
  // The country picker searches: part of a name, then the arrow keys and Enter, or a calling code.
  const country = page.getByRole("combobox", { name: "Country" });
  await expect(country).toHaveValue("United States (+1)");
  await country.fill("44");
  await expect(page.getByRole("option", { name: "United Kingdom (+44)" })).toBeVisible();
  await country.fill("united st");
  await expect(page.getByRole("option").first()).toHaveText("United States (+1)");
  await country.press("ArrowDown");
  await country.press("Enter");
  await expect(country).toHaveValue("United States (+1)");
  await expect(page.getByRole("listbox")).toBeHidden();
  await page.getByLabel("Phone number").fill("123");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("Enter a valid phone number for the chosen country.")).toBeVisible();
  await expect(page.getByLabel("Phone number")).toHaveValue("123");
  expect(await db.device.count({ where: { userId: user.id, type: "SMS" } })).toBe(0);

  const phone = `+1202555${String(Date.now()).slice(-4)}`;
  await page.getByLabel("Phone number").fill(phone.slice(2));
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(`We texted a code to +1 ••• ••• ${phone.slice(-4)}`)).toBeVisible();
  const text = (await readOutbox(request, phone))[0]!;
  expect(text.channel).toBe("sms");
  expect(text.body).toMatch(/expires in 10 minutes/);
  await page.getByLabel("Code", { exact: true }).fill(codeIn(text.body)!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "SMS" } });
  expect(device.target).toBe(phone);
  expect(device.status).toBe("ACTIVE");
});

test("voice: the code is read out in a call, and a resend kills the old code", async ({ page, request }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Voice call");
  const phone = `+1202555${String(Date.now()).slice(-4)}`;
  await page.getByLabel("Phone number").fill(phone.slice(2));
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  const first = await readOutbox(request, phone);
  expect(first[0]!.channel).toBe("voice");
  const oldCode = codeIn(first[0]!.body)!;

  await page.getByRole("button", { name: "Send a new code" }).click();
  await expect(page.getByRole("status")).toHaveText("We sent you a new code. The previous code no longer works.");
  await expect.poll(async () => (await readOutbox(request, phone)).length).toBe(2);
  const newCode = codeIn((await readOutbox(request, phone))[0]!.body)!;

  if (oldCode !== newCode) {
    await page.getByLabel("Code", { exact: true }).fill(oldCode);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText(/expired or was replaced|not right/)).toBeVisible();
  }
  await page.getByLabel("Code", { exact: true }).fill(newCode);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  expect(await db.device.count({ where: { userId: user.id, type: "VOICE", status: "ACTIVE" } })).toBe(1);
  expect(await db.device.count({ where: { userId: user.id, status: "ACTIVATION_REQUIRED" } })).toBe(0);
});

test("resends beyond the limit end the registration in Return error", async ({ page }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Email");
  for (let i = 3; i >= 1; i--) {
    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect(page.getByRole("status")).toHaveText("We sent you a new code. The previous code no longer works.");
  }
  await expect(page.getByRole("button", { name: "Send a new code" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  expect(await db.device.count({ where: { userId: user.id, status: "ACTIVATION_REQUIRED" } })).toBe(1);
});

test("authenticator app: a code computed from the secret on the page activates it", async ({ page }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Authenticator app");
  await expect(page.getByRole("img", { name: "QR code to add this account to your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret.length).toBeGreaterThanOrEqual(32);

  await page.getByLabel("Code from the app").fill(totpCode(secret, Date.now() - 120_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();

  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "TOTP" } });
  expect(device.status).toBe("ACTIVE");
  expect(device.totpSecret).toBe(secret);
});

test("passkey: registered through the platform authenticator and named", async ({ page }) => {
  const authenticator = await addVirtualAuthenticator(page, "platform");
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Passkey");
  await expect(page.getByRole("heading", { name: "Create a passkey" })).toBeVisible();
  await page.getByLabel("Name (optional)").fill("Work laptop");
  await page.getByRole("button", { name: "Create passkey" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "PLATFORM" } });
  expect(device.nickname).toBe("Work laptop");
  expect(device.status).toBe("ACTIVE");
  const [credential] = await authenticator.credentials();
  expect(device.credentialId).toBe(credential!.credentialId.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  expect(device.userVerified).toBe(true);
});

test("security key: registered through a roaming authenticator; the same key cannot be added twice", async ({ page }) => {
  await addVirtualAuthenticator(page, "security-key");
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Security key");
  await page.getByRole("button", { name: "Register security key" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  const device = await db.device.findFirstOrThrow({ where: { userId: user.id, type: "SECURITY_KEY" } });
  expect(device.nickname).toBe("Security key");
  expect(device.signCount).toBeGreaterThanOrEqual(0);

  await startAdding(page);
  await choose(page, "Security key");
  await page.getByRole("button", { name: "Register security key" }).click();
  await expect(errorNotice(page)).toHaveText("This device is already registered to your account.");
  expect(await db.device.count({ where: { userId: user.id, type: "SECURITY_KEY" } })).toBe(1);
});

test("'Use a password instead' and Cancel return to the device list without adding anything", async ({ page }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await page.getByRole("button", { name: "Use a password instead" }).click();
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await startAdding(page);
  await choose(page, "Text message");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  expect(await db.device.count({ where: { userId: user.id } })).toBe(1);
});

test("a sign-in older than the window steps up with the second factor before a device is added", async ({ page, request }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await db.session.updateMany({ where: { userId: user.id }, data: { authenticatedAt: new Date(Date.now() - 10 * 60_000) } });
  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  const code = await waitForMessage(request, user.devices[0]!.target!, /code to confirm a change[^]*?is:\s+(\d{6})/);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("list", { name: "Kinds of device" })).toBeVisible();
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "user.reauthenticated" } })).toBe(1);
});

test("too many wrong codes end the registration in Return error, shown on the device list", async ({ page }) => {
  const user = await seedUser({ devices: existingDevices() });
  await signIn(page, user.email, "/devices");
  await startAdding(page);
  await choose(page, "Email");
  const list = page.getByRole("heading", { name: "Your devices" });
  const code = page.getByLabel("Code", { exact: true });
  const attemptsLeft = page.getByText(/not right/);
  for (let i = 0; i < 8; i++) {
    await expect(code.or(list)).toBeVisible();
    if (await list.isVisible()) break;
    await code.fill(`00000${i}`);
    await page.getByRole("button", { name: "Verify" }).click();
    // Each wrong answer is announced; wait for it (or for the flow to end) before the next try.
    await expect(attemptsLeft.or(list)).toBeVisible();
    await expect(page.getByRole("button", { name: "Verify" }).or(list)).toBeEnabled();
  }
  await expect(list).toBeVisible();
  await expect(errorNotice(page)).toContainText("too many wrong attempts");
  expect(await db.device.count({ where: { userId: user.id, type: "EMAIL", status: "ACTIVE" } })).toBe(1);
});
