import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { createTestApplication, expectProblem } from "./fixtures/applications";
import { totpCode } from "./fixtures/totp";
import { act, advance, e164, expectLinks, freshPhone, passcodeSentTo, provisionUser, startFlow, type Execution } from "./fixtures/api-flows";

/**
 * Device management over the flow API (issue 10, seed 000): the widget's screens as states, for a
 * client that shows its own. Adding a device runs the registration subflow inside the same execution.
 */
const management = (userId: string) => ({ flow: "device-management", input: { user: { id: userId } } });
type Device = { id: string; type: string; nickname: string; status: string; isDefault: boolean };
const devicesOf = (execution: Execution) => execution.devices as Device[];

test("turn MFA on, add an app and a phone through the registration subflow, rename, make default, block, unblock, remove, done", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const started = await startFlow(request, shop.secret, management(user.id));
  expect(started).toMatchObject({ flow: "device-management", status: "MFA_ENABLEMENT_OFFERED" });
  expectLinks(started, ["mfa.enable", "mfa.skip"]);

  // MFA is on only once a device works: mfa.enable goes straight to the registration subflow's states,
  // under the same execution and link, and the first device's activation turns it on.
  const adding = await advance(request, shop.secret, started, "mfa.enable");
  expect(adding).toMatchObject({ id: started.id, flow: "device-management", status: "DEVICE_ENROLLMENT_REQUIRED" });
  expectLinks(adding, ["device.create", "device.skipEnrollment"]);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
  const pending = await advance(request, shop.secret, adding, "device.create", { type: "TOTP" });
  expect(pending).toMatchObject({ id: started.id, status: "ACTIVATION_REQUIRED", device: { type: "TOTP" } });
  const withApp = await advance(request, shop.secret, pending, "device.activate", { otp: totpCode((pending.device as { secret: string }).secret) });
  expect(withApp).toMatchObject({ status: "DEVICE_LIST", notice: expect.stringContaining("ready") });
  expectLinks(withApp, ["device.add", "device.select", "mfa.disable", "flow.complete"]);
  expect(devicesOf(withApp)).toEqual([expect.objectContaining({ type: "TOTP", status: "ACTIVE", isDefault: true })]);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);

  // Skipping the registration comes back to the list, nothing added.
  const skipped = await advance(request, shop.secret, await advance(request, shop.secret, withApp, "device.add"), "device.skipEnrollment");
  expect(skipped.status).toBe("DEVICE_LIST");
  expect(devicesOf(skipped)).toHaveLength(1);

  const phone = freshPhone();
  const smsPending = await advance(request, shop.secret, await advance(request, shop.secret, skipped, "device.add"), "device.create", { type: "SMS", phone });
  const withPhone = await advance(request, shop.secret, smsPending, "device.activate", { otp: await passcodeSentTo(request, e164(phone)) });
  const [app, sms] = devicesOf(withPhone);
  expect([app!.type, sms!.type]).toEqual(["TOTP", "SMS"]);

  // Update Device: the default device has no "make default".
  const appSelected = await advance(request, shop.secret, withPhone, "device.select", { device: { id: app!.id } });
  expect(appSelected).toMatchObject({ status: "DEVICE_SELECTED", device: { id: app!.id, isDefault: true }, lastActiveDevice: false });
  expectLinks(appSelected, ["device.rename", "device.block", "device.remove", "flow.back"]);
  const renamed = await advance(request, shop.secret, appSelected, "device.rename", { nickname: "Work app" });
  expect(devicesOf(renamed)[0]).toMatchObject({ id: app!.id, nickname: "Work app" });

  const smsSelected = await advance(request, shop.secret, renamed, "device.select", { device: { id: sms!.id } });
  expectLinks(smsSelected, ["device.rename", "device.setDefault", "device.block", "device.remove", "flow.back"]);
  const defaulted = await advance(request, shop.secret, smsSelected, "device.setDefault");
  expect(devicesOf(defaulted)[0]).toMatchObject({ id: sms!.id, isDefault: true });

  const blocked = await advance(request, shop.secret, await advance(request, shop.secret, defaulted, "device.select", { device: { id: sms!.id } }), "device.block");
  expect(devicesOf(blocked).find((d) => d.id === sms!.id)).toMatchObject({ status: "BLOCKED", isDefault: false });
  const blockedSelected = await advance(request, shop.secret, blocked, "device.select", { device: { id: sms!.id } });
  expectLinks(blockedSelected, ["device.rename", "device.unblock", "device.remove", "flow.back"]);
  const unblocked = await advance(request, shop.secret, blockedSelected, "device.unblock");
  expect(devicesOf(unblocked).find((d) => d.id === sms!.id)).toMatchObject({ status: "ACTIVE" });

  const back = await advance(request, shop.secret, await advance(request, shop.secret, unblocked, "device.select", { device: { id: sms!.id } }), "flow.back");
  expect(back.status).toBe("DEVICE_LIST");
  const removed = await advance(request, shop.secret, await advance(request, shop.secret, back, "device.select", { device: { id: sms!.id } }), "device.remove");
  expect(devicesOf(removed).map((d) => d.id)).toEqual([app!.id]);
  expect(await db.device.findUnique({ where: { id: sms!.id } })).toBeNull();

  const done = await advance(request, shop.secret, removed, "flow.complete");
  expect(done).toMatchObject({ status: "COMPLETED", result: "DONE", expiresAt: null });
  expectLinks(done, []);

  // Every change is the application's, in the audit log.
  for (const action of ["mfa.enabled", "device.added", "device.renamed", "device.made_default", "device.blocked", "device.unblocked", "device.removed"]) {
    expect(await db.auditEvent.findFirst({ where: { userId: user.id, action, applicationId: shop.id } }), action).not.toBeNull();
  }
});

test("another user's device is 404 in the list's device.select; mfa.skip completes; mfa.disable turns MFA off", async ({ request }) => {
  const shop = await createTestApplication();
  const user = await provisionUser(request, shop.secret);
  const other = await provisionUser(request, shop.secret);
  const skipped = await advance(request, shop.secret, await startFlow(request, shop.secret, management(user.id)), "mfa.skip");
  expect(skipped).toMatchObject({ status: "COMPLETED", result: "DONE" });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);

  // Turning it on and leaving the registration adds nothing and leaves MFA off.
  const offered = await advance(request, shop.secret, await advance(request, shop.secret, await startFlow(request, shop.secret, management(user.id)), "mfa.enable"), "device.skipEnrollment");
  expect(offered.status).toBe("MFA_ENABLEMENT_OFFERED");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);

  // Each user's first device, made through their own flow.
  const withDevice = async (userId: string) => {
    const pending = await advance(request, shop.secret, await advance(request, shop.secret, await startFlow(request, shop.secret, management(userId)), "mfa.enable"), "device.create", { type: "TOTP" });
    return advance(request, shop.secret, pending, "device.activate", { otp: totpCode((pending.device as { secret: string }).secret) });
  };
  const foreignId = devicesOf(await withDevice(other.id))[0]!.id;

  const list = await withDevice(user.id);
  await expectProblem(await act(request, shop.secret, list, "device.select", { device: { id: foreignId } }), 404, "NOT_FOUND");
  const off = await advance(request, shop.secret, list, "mfa.disable");
  expect(off).toMatchObject({ status: "MFA_ENABLEMENT_OFFERED", notice: expect.stringContaining("off") });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
});
