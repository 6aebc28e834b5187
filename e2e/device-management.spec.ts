import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { seedUser, signIn } from "./fixtures/users";
import { readOutbox } from "./fixtures/outbox";
import { totpCode } from "./fixtures/totp";
import { skipRecoveryCodes } from "./fixtures/recovery-codes";

const threeDevices = [
  { type: "SMS" as const, nickname: "My phone", target: "+12025554567", isDefault: true },
  { type: "EMAIL" as const, nickname: "Work email", target: "jane.doe@example.org" },
  { type: "VOICE" as const, nickname: "Landline", target: "+12025550188" },
];

async function openDevice(page: Page, nickname: string) {
  await page.getByRole("button", { name: new RegExp(`^${nickname},`) }).click();
  await expect(page.getByRole("heading", { name: nickname, level: 1 })).toBeVisible();
}

test("Enable MFA: turning it on goes straight to adding the first device, and it is on only once that device works", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email, "/devices");
  await expect(page.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByRole("heading", { name: "Add a device" })).toBeVisible();
  // Never "on" with no device: leaving the registration comes back to the offer, still off.
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);

  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Authenticator app/ }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  // The first device's recovery codes come first, once.
  await skipRecoveryCodes(page);
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "mfa.enabled" } })).toBe(1);
});

test("Enable MFA: 'Not now' ends the flow and leaves MFA off", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email, "/devices");
  await page.getByRole("button", { name: "Not now" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
});

test("Display User Devices: types, nicknames, masked targets, default badge and status", async ({ page }) => {
  const user = await seedUser({ devices: [...threeDevices.slice(0, 2), { ...threeDevices[2]!, status: "BLOCKED" }] });
  await signIn(page, user.email, "/devices");
  const list = page.getByRole("list", { name: "Devices" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  const phone = list.getByRole("listitem").nth(0);
  await expect(phone).toContainText("My phone");
  await expect(phone).toContainText("Text message · +1 ••• ••• 4567");
  await expect(phone).toContainText("Default");
  await expect(list.getByRole("listitem").nth(1)).toContainText("j•••@example.org");
  await expect(list.getByRole("listitem").nth(2)).toContainText("Blocked");
  await expect(page.getByText("202555")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add device" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("Update Device: rename is validated, saved, audited and notified", async ({ page, request }) => {
  const user = await seedUser({ devices: threeDevices });
  await signIn(page, user.email, "/devices");
  await openDevice(page, "Work email");
  const name = page.getByLabel("Device name");
  await name.fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter a name for the device.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await name.fill("x".repeat(41));
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Use at most 40 characters.")).toBeVisible();
  expect((await db.device.findUniqueOrThrow({ where: { id: user.devices[1]!.id } })).nickname).toBe("Work email");

  await name.fill("Office inbox");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toHaveText('Renamed to "Office inbox".');
  await expect(page.getByRole("list", { name: "Devices" })).toContainText("Office inbox");
  expect((await db.device.findUniqueOrThrow({ where: { id: user.devices[1]!.id } })).nickname).toBe("Office inbox");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device.renamed" } });
  expect(audit.deviceId).toBe(user.devices[1]!.id);
  expect(audit.userAgent).toContain("Chrome");
  const mail = await readOutbox(request, user.email);
  expect(mail[0]?.subject).toContain("renamed");
});

test("Update Device: make default keeps exactly one default", async ({ page }) => {
  const user = await seedUser({ devices: threeDevices });
  await signIn(page, user.email, "/devices");
  await openDevice(page, "Landline");
  await page.getByRole("button", { name: "Make default" }).click();
  await expect(page.getByRole("status")).toHaveText('"Landline" is now your default device.');
  await expect(page.getByRole("list", { name: "Devices" }).getByRole("listitem").first()).toContainText("Landline");
  const defaults = await db.device.findMany({ where: { userId: user.id, isDefault: true } });
  expect(defaults.map((d) => d.nickname)).toEqual(["Landline"]);
});

test("Update Device: block and unblock; a blocked default hands the badge on", async ({ page }) => {
  const user = await seedUser({ devices: threeDevices });
  await signIn(page, user.email, "/devices");
  await openDevice(page, "My phone");
  await page.getByRole("button", { name: "Block" }).click();
  await expect(page.getByRole("status")).toHaveText('"My phone" is blocked.');
  let phone = await db.device.findUniqueOrThrow({ where: { id: user.devices[0]!.id } });
  expect(phone.status).toBe("BLOCKED");
  expect(phone.isDefault).toBe(false);
  expect(await db.device.count({ where: { userId: user.id, isDefault: true } })).toBe(1);

  await openDevice(page, "My phone");
  await page.getByRole("button", { name: "Unblock" }).click();
  await expect(page.getByRole("status")).toHaveText('"My phone" is unblocked.');
  phone = await db.device.findUniqueOrThrow({ where: { id: user.devices[0]!.id } });
  expect(phone.status).toBe("ACTIVE");
});

test("Update Device: remove is confirmed first, and Keep device changes nothing", async ({ page }) => {
  const user = await seedUser({ devices: threeDevices });
  await signIn(page, user.email, "/devices");
  await openDevice(page, "My phone");
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("You will no longer be able to use “My phone” to sign in.")).toBeVisible();
  await page.getByRole("button", { name: "Keep device" }).click();
  expect(await db.device.count({ where: { userId: user.id } })).toBe(3);

  await page.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Yes, remove device" }).click();
  await expect(page.getByRole("status")).toHaveText('"My phone" was removed.');
  await expect(page.getByRole("list", { name: "Devices" }).getByRole("listitem")).toHaveCount(2);
  expect(await db.device.count({ where: { userId: user.id } })).toBe(2);
  expect(await db.device.count({ where: { userId: user.id, isDefault: true } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "device.removed" } })).toBe(1);
});

test("removing the last active device warns, then turns MFA off", async ({ page }) => {
  const user = await seedUser({ devices: [threeDevices[0]!] });
  await signIn(page, user.email, "/devices");
  await openDevice(page, "My phone");
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("This is your last active device.")).toBeVisible();
  await page.getByRole("button", { name: "Remove and turn off two-step verification" }).click();
  await expect(page.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("two-step verification is now off");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "mfa.disabled" } })).toBe(1);
});

test("turning MFA off is confirmed in the page: Escape and 'Keep it on' return focus and change nothing; confirming turns it off", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const user = await seedUser({ devices: threeDevices });
  await signIn(page, user.email, "/devices");
  const turnOff = page.getByRole("button", { name: "Turn off two-step verification" });
  const panel = page.getByRole("group", { name: "Turn off two-step verification?" });

  await turnOff.click();
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Signing in will need only your password.");
  await expect(panel.getByRole("button", { name: "Keep it on" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(turnOff).toBeFocused();

  await page.keyboard.press("Enter");
  await panel.getByRole("button", { name: "Keep it on" }).click();
  await expect(turnOff).toBeFocused();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);

  await turnOff.click();
  await panel.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(page.getByRole("heading", { name: "Turn on two-step verification" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Two-step verification is off.");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
  expect(dialogs).toBe(0);
});

test("at the per-user device limit the page says why a device cannot be added instead of offering Add device", async ({ page }) => {
  const kinds = ["SMS", "EMAIL", "VOICE"] as const;
  const devices = Array.from({ length: 10 }, (_, i) => {
    const type = i === 9 ? ("TOTP" as const) : kinds[i % 3]!;
    const target = type === "EMAIL" ? `limit-${i}@example.org` : type === "TOTP" ? undefined : `+1202555${String(1000 + i)}`;
    return { type, nickname: `Device ${i + 1}`, target, isDefault: i === 0 };
  });
  const user = await seedUser({ devices });
  await signIn(page, user.email, "/devices");
  await expect(page.getByRole("list", { name: "Devices" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.getByText("You have 10 devices, the most an account can have. Remove one you no longer use to add another.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add device" })).toHaveCount(0);
});

test("a device id of another user answers 'not found' and changes nothing", async ({ page }) => {
  const victim = await seedUser({ devices: [{ type: "SMS", nickname: "Victim phone", target: "+12025550111", isDefault: true }] });
  const attacker = await seedUser({ devices: threeDevices });
  await signIn(page, attacker.email, "/devices");
  // Point one of the attacker's device buttons at the victim's device, as a forged request would.
  await page.getByRole("button", { name: /^My phone,/ }).evaluate((button, id) => button.setAttribute("value", id), victim.devices[0]!.id);
  await page.getByRole("button", { name: /^My phone,/ }).click();
  await expect(errorNotice(page)).toHaveText("Device not found.");
  await expect(page.getByRole("heading", { name: "Your devices" })).toBeVisible();
  const victimDevice = await db.device.findUniqueOrThrow({ where: { id: victim.devices[0]!.id } });
  expect(victimDevice.nickname).toBe("Victim phone");
  expect(await db.auditEvent.count({ where: { userId: victim.id } })).toBe(0);
});

test("the flow survives a reload", async ({ page }) => {
  const user = await seedUser({ devices: threeDevices });
  await signIn(page, user.email, "/devices");
  await openDevice(page, "Landline");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Landline", level: 1 })).toBeVisible();
});
