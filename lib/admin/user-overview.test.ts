import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getUserOverview } from "@/lib/admin/user-overview";

test("a user's admin overview: masked targets, live sessions only, who acted, and no secret anywhere", async () => {
  const now = new Date();
  const staff = await db.user.create({ data: { email: `staff-${randomUUID()}@test.local`, role: "ADMIN" } });
  const user = await db.user.create({
    data: {
      email: `overview-${randomUUID()}@test.local`,
      passwordHash: "argon2-hash-that-must-not-leak",
      mfaEnabled: true,
      devices: {
        create: [
          { type: "SMS", status: "ACTIVE", nickname: "Phone", target: "+14155550123", isDefault: true, lockedUntil: new Date(now.getTime() + 3_600_000), failedAttempts: 2 },
          { type: "TOTP", status: "BLOCKED", nickname: "App", totpSecret: "SECRETSECRETSECRET", lockedUntil: new Date(now.getTime() - 1000) },
          { type: "SECURITY_KEY", status: "ACTIVE", nickname: "Key", credentialId: `cred-${randomUUID()}`, credentialPublicKey: Buffer.from("public-key-bytes") },
        ],
      },
      deviceKeys: { create: [{ keyId: `k-${randomUUID()}`, publicKey: "spki-public-key-that-must-not-leak", displayName: "Chrome on Linux" }] },
      sessions: {
        create: [
          { familyId: randomUUID(), authMethods: "pwd,totp", expiresAt: new Date(now.getTime() + 3_600_000), userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", ip: "203.0.113.9" },
          { familyId: randomUUID(), authMethods: "pwd", expiresAt: new Date(now.getTime() + 3_600_000), revokedAt: now },
          { familyId: randomUUID(), authMethods: "pwd", expiresAt: new Date(now.getTime() - 1000) },
        ],
      },
    },
  });
  await db.auditEvent.createMany({
    data: [
      { userId: user.id, actorId: user.id, action: "user.signed_in" },
      { userId: user.id, actorId: staff.id, action: "device.blocked" },
      { userId: user.id, action: "user.sign_in_failed" },
    ],
  });
  const overview = await getUserOverview(user.id, now);
  assert.ok(overview);
  const text = JSON.stringify(overview);
  for (const secret of ["argon2-hash-that-must-not-leak", "SECRETSECRETSECRET", "spki-public-key-that-must-not-leak", "+14155550123", "passwordHash", "totpSecret", "credentialPublicKey", "publicKey"]) {
    assert.ok(!text.includes(secret), `${secret} must not be in the overview`);
  }
  const sms = overview.devices.find((d) => d.type === "SMS")!;
  assert.equal(sms.maskedTarget, "+1 ••• ••• 0123");
  assert.ok(sms.lockedUntil && sms.lockedUntil > now);
  assert.equal(sms.failedAttempts, 2);
  assert.equal(overview.devices.find((d) => d.type === "TOTP")!.lockedUntil, null, "a lock in the past is no lock");
  assert.equal(overview.sessions.length, 1, "revoked and expired sessions are not active");
  assert.equal(overview.sessions[0]!.browser, "Chrome on Linux");
  assert.equal(overview.deviceKeys.length, 1);
  assert.deepEqual(overview.events.map((e) => e.by).sort(), ["staff", "unknown", "user"]);
  assert.equal(await getUserOverview(`missing-${randomUUID()}`), null);
});
