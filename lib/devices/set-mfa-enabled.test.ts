import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { setMfaEnabled } from "@/lib/devices/set-mfa-enabled";

const meta = {};

test("two-step verification does not turn on without an active device; with one it does, audited once", async () => {
  const user = await db.user.create({ data: { email: `mfa-on-${randomUUID()}@test.local` } });
  await assert.rejects(setMfaEnabled({ userId: user.id, enabled: true, meta }), { code: "CONFLICT" });
  await db.device.create({ data: { userId: user.id, type: "SMS", status: "BLOCKED", nickname: "Blocked phone", target: "+14155550199" } });
  await assert.rejects(setMfaEnabled({ userId: user.id, enabled: true, meta }), { code: "CONFLICT" });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled, false);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "mfa.enabled" } }), 0);

  await db.device.create({ data: { userId: user.id, type: "TOTP", status: "ACTIVE", nickname: "App", totpSecret: "SECRETSECRETSECRET" } });
  await setMfaEnabled({ userId: user.id, enabled: true, meta });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled, true);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "mfa.enabled" } }), 1);
});
