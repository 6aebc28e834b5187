import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { ApiProblem, problemFromError } from "@/lib/api/problem";
import { AppError } from "@/lib/errors/app-error";
import { createApplication } from "@/lib/applications/create-application";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { listUserDevices } from "@/lib/api/devices/list-user-devices";
import { getUserDevice } from "@/lib/api/devices/get-user-device";
import { APPLICATION_BLOCK_REASON, updateUserDevice } from "@/lib/api/devices/update-user-device";
import { removeUserDevice } from "@/lib/api/devices/remove-user-device";
import { deviceResource } from "@/lib/api/devices/device-resource";
import { updateApiDeviceSchema } from "@/lib/validations/api-devices";

async function application(name = "Shop"): Promise<AuthenticatedApplication> {
  const created = await createApplication({ db, name });
  return { id: created.id, clientId: created.clientId, name: created.name, rateLimitPerMinute: null };
}

const metaOf = (app: AuthenticatedApplication) => ({ ip: "192.0.2.20", userAgent: "shop-backend/1.0", applicationId: app.id });

/** A user the application provisioned, with an SMS default, an email device, a blocked voice device and a pending TOTP. */
async function userOf(app: AuthenticatedApplication) {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const user = await db.user.create({
    data: {
      email: `dev-${randomUUID()}@test.local`,
      mfaEnabled: true,
      applications: { create: { applicationId: app.id } },
      devices: {
        create: [
          { type: "EMAIL", nickname: "Work email", target: "jane.doe@example.org", status: "ACTIVE", createdAt: minutesAgo(9) },
          { type: "SMS", nickname: "My phone", target: "+12025554567", status: "ACTIVE", isDefault: true, createdAt: minutesAgo(8) },
          { type: "VOICE", nickname: "Landline", target: "+12025550188", status: "BLOCKED", createdAt: minutesAgo(7) },
          { type: "TOTP", nickname: "Pending app", totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", status: "ACTIVATION_REQUIRED", createdAt: minutesAgo(6) },
        ],
      },
    },
    include: { devices: { orderBy: { createdAt: "asc" } } },
  });
  const [email, sms, voice, pending] = user.devices as [(typeof user.devices)[0], (typeof user.devices)[0], (typeof user.devices)[0], (typeof user.devices)[0]];
  return { user, email, sms, voice, pending };
}

async function problemOf(promise: Promise<unknown>): Promise<{ code: string; status: number; detail: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiProblem || error instanceof AppError, String(error));
    const response = problemFromError(error);
    const body = (await response.json()) as { code: string; detail: string };
    return { code: body.code, status: response.status, detail: body.detail };
  }
  assert.fail("expected a problem");
}

const input = (fields: Record<string, unknown>) => updateApiDeviceSchema.parse(fields);

test("the list is the portal's: active and blocked devices, default first, targets masked, nothing secret", async () => {
  const shop = await application();
  const { user, sms, email, voice } = await userOf(shop);
  const devices = await listUserDevices({ application: shop, userId: user.id });
  assert.deepEqual(devices.map((d) => d.id), [sms.id, email.id, voice.id]);
  const resources = devices.map((d) => deviceResource(user.id, d));
  assert.deepEqual(resources.map((r) => r.maskedTarget), ["+1 ••• ••• 4567", "j•••@example.org", "+1 ••• ••• 0188"]);
  assert.deepEqual(Object.keys(resources[0]!).sort(), ["_links", "authenticatorName", "createdAt", "id", "isDefault", "lastUsedAt", "lockedUntil", "maskedTarget", "nickname", "passkeyStorage", "status", "type"]);
  assert.doesNotMatch(JSON.stringify(resources), /2025554567|jane\.doe|JBSWY3DP/);
});

test("another application's user, another user's device, a pending device and an unknown id are all 404, and nothing changes", async () => {
  const shop = await application("Shop");
  const blog = await application("Blog");
  const mine = await userOf(shop);
  const other = await userOf(shop);
  const meta = metaOf(blog);

  assert.equal((await problemOf(listUserDevices({ application: blog, userId: mine.user.id }))).status, 404);
  assert.equal((await problemOf(getUserDevice({ application: blog, userId: mine.user.id, deviceId: mine.sms.id }))).detail, "User not found.");
  for (const deviceId of [other.user.devices[0]!.id, mine.pending.id, `no-${randomUUID()}`]) {
    const got = await problemOf(getUserDevice({ application: shop, userId: mine.user.id, deviceId }));
    assert.deepEqual([got.status, got.detail], [404, "Device not found."]);
    assert.equal((await problemOf(updateUserDevice({ application: shop, userId: mine.user.id, deviceId, input: input({ nickname: "x" }), meta }))).status, 404);
    assert.equal((await problemOf(removeUserDevice({ application: shop, userId: mine.user.id, deviceId, meta }))).status, 404);
  }
  assert.equal((await problemOf(removeUserDevice({ application: blog, userId: mine.user.id, deviceId: mine.sms.id, meta }))).status, 404);
  assert.equal(await db.device.count({ where: { userId: { in: [mine.user.id, other.user.id] } } }), 8);
  assert.equal(await db.auditEvent.count({ where: { userId: { in: [mine.user.id, other.user.id] } } }), 0);
});

test("rename, default and unblock in one request go through the portal's use-cases: audited for the application, emailed to the user", async () => {
  const shop = await application();
  const { user, voice, sms } = await userOf(shop);
  const meta = metaOf(shop);
  const updated = await updateUserDevice({ application: shop, userId: user.id, deviceId: voice.id, input: input({ status: "ACTIVE", default: true, nickname: " Desk phone " }), meta });
  assert.deepEqual([updated.status, updated.isDefault, updated.nickname], ["ACTIVE", true, "Desk phone"]);
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: sms.id } })).isDefault, false, "one default");

  const audit = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  assert.deepEqual(audit.map((a) => a.action).sort(), ["device.made_default", "device.renamed", "device.unblocked"]);
  for (const row of audit) {
    assert.deepEqual([row.applicationId, row.actorId, row.deviceId, row.ip, row.userAgent], [shop.id, null, voice.id, "192.0.2.20", "shop-backend/1.0"]);
  }
  const mail = await db.outboxMessage.findMany({ where: { to: user.email } });
  assert.deepEqual(mail.map((m) => m.subject!.replace(/^.*: /, "")).sort(), [
    "one of your sign-in devices was renamed",
    "one of your sign-in devices was unblocked",
    "your default sign-in device changed",
  ]);

  // The same request again changes nothing: no audit row, no email.
  await updateUserDevice({ application: shop, userId: user.id, deviceId: voice.id, input: input({ status: "ACTIVE", default: true, nickname: "Desk phone" }), meta });
  assert.equal(await db.auditEvent.count({ where: { userId: user.id } }), 3);
  assert.equal(await db.outboxMessage.count({ where: { to: user.email } }), 3);
});

test("blocking the default hands the badge on and records that the application blocked it; re-blocking keeps another reason", async () => {
  const shop = await application();
  const { user, sms, email } = await userOf(shop);
  const meta = metaOf(shop);
  const blocked = await updateUserDevice({ application: shop, userId: user.id, deviceId: sms.id, input: input({ status: "BLOCKED" }), meta });
  assert.deepEqual([blocked.status, blocked.isDefault], ["BLOCKED", false]);
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: email.id } })).isDefault, true, "the oldest active device takes the badge");
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: sms.id } })).blockedReason, APPLICATION_BLOCK_REASON);
  const row = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "device.blocked" } });
  assert.equal(JSON.parse(row.details!).reason, APPLICATION_BLOCK_REASON);

  await db.device.update({ where: { id: sms.id }, data: { blockedReason: "clone_suspected" } });
  await updateUserDevice({ application: shop, userId: user.id, deviceId: sms.id, input: input({ status: "BLOCKED" }), meta });
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: sms.id } })).blockedReason, "clone_suspected");
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.blocked" } }), 1);
});

test("a blocked device cannot be made the default: the domain's 409, and the rename asked for with it is not made", async () => {
  const shop = await application();
  const { user, voice } = await userOf(shop);
  const refused = await problemOf(updateUserDevice({ application: shop, userId: user.id, deviceId: voice.id, input: input({ default: true, nickname: "New name" }), meta: metaOf(shop) }));
  assert.deepEqual([refused.status, refused.code, refused.detail], [409, "CONFLICT", "Only an active device can be your default."]);
  const after = await db.device.findUniqueOrThrow({ where: { id: voice.id } });
  assert.deepEqual([after.nickname, after.isDefault, after.status], ["Landline", false, "BLOCKED"]);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id } }), 0);
});

test("removing devices: the default moves on, and removing the last active one turns MFA off, audited for the application", async () => {
  const shop = await application();
  const { user, sms, email, voice } = await userOf(shop);
  const meta = metaOf(shop);
  assert.deepEqual(await removeUserDevice({ application: shop, userId: user.id, deviceId: sms.id, meta }), { mfaTurnedOff: false });
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: email.id } })).isDefault, true);
  assert.deepEqual(await removeUserDevice({ application: shop, userId: user.id, deviceId: email.id, meta }), { mfaTurnedOff: true });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled, false);
  const off = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "mfa.disabled" } });
  assert.deepEqual([off.applicationId, off.actorId], [shop.id, null]);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.removed", applicationId: shop.id } }), 2);
  // The blocked one is still listed, and removable.
  assert.deepEqual((await listUserDevices({ application: shop, userId: user.id })).map((d) => d.id), [voice.id]);
  await removeUserDevice({ application: shop, userId: user.id, deviceId: voice.id, meta });
  assert.deepEqual(await listUserDevices({ application: shop, userId: user.id }), []);
});
