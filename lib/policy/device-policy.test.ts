import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/database/database-url";
import { issuePasscode } from "@/lib/otp/issue-passcode";
import { createTestDevice, createTestUser, newFlowId } from "@/lib/otp/test-fixtures";
import { DEFAULT_POLICY_ID, devicePolicyFor, parseStoredPolicy, policyFromEnvironment, policySettingKey } from "@/lib/policy/device-policy";
import { devicePolicySchema } from "@/lib/policy/policy-document";
import { saveDevicePolicy } from "@/lib/policy/save-device-policy";
import { withPolicy } from "@/lib/policy/test-fixtures";
import { eligibleDeviceTypes } from "@/lib/devices/eligible-device-types";
import { forgetAllSettings, forgetSetting } from "@/lib/settings/settings-store";
import { policyFromForm } from "@/lib/validations/policies";

const KEY = policySettingKey(DEFAULT_POLICY_ID);

/** The row as if an operator (or an older version) had written it, and this instance's copy forgotten. */
async function storeRaw(value: string) {
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } });
  forgetAllSettings();
}

async function admin() {
  return db.user.create({ data: { email: `policy-${crypto.randomUUID()}@test.local`, role: "ADMIN" }, select: { id: true } });
}

test("the schema keeps the environment's limits and NIST's ceilings", () => {
  const base = policyFromEnvironment();
  const refused = (changes: Record<string, unknown>) => !devicePolicySchema.safeParse({ ...base, ...changes }).success;
  assert.ok(devicePolicySchema.safeParse(base).success);
  for (const ok of [{ passcodeLength: 6 }, { passcodeLength: 10 }, { passcodeLifetimeMinutes: 10 }, { lockoutThreshold: 50 }, { maxResends: 0 }]) {
    assert.equal(refused(ok), false, JSON.stringify(ok));
  }
  for (const bad of [
    { passcodeLength: 5 },
    { passcodeLength: 11 },
    { passcodeLength: 6.5 },
    // NIST: an out-of-band code lives at most 10 minutes; the lockout comes well before 100 failures.
    { passcodeLifetimeMinutes: 11 },
    { passcodeLifetimeMinutes: 30 },
    { lockoutThreshold: 51 },
    { lockoutThreshold: 2 },
    { passcodeAttempts: 11 },
    { stepUpWindowMinutes: 61 },
    { pushTimeoutSeconds: 14 },
    { rememberBrowserDays: 91 },
    { allowedDeviceTypes: [] },
    { allowedDeviceTypes: ["FAX"] },
    { webauthnUserVerification: "sometimes" },
    { magicLinkEnabled: "yes" },
    { somethingElse: 1 },
  ]) {
    assert.ok(refused(bad), JSON.stringify(bad));
  }
});

test("the form's values are checked by the same schema, field by field, and an empty number is no 0", () => {
  const form = new FormData();
  for (const [name, value] of Object.entries(policyFromEnvironment())) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else if (typeof value === "boolean") {
      if (value) form.set(name, "on");
    } else form.set(name, String(value));
  }
  assert.deepEqual(policyFromForm(form).data, policyFromEnvironment());
  form.set("passcodeLength", "11");
  form.set("passcodeLifetimeMinutes", "30");
  form.set("maxResends", "");
  const parsed = policyFromForm(form);
  assert.equal(parsed.success, false);
  const fields = Object.keys(parsed.error!.flatten().fieldErrors).sort();
  assert.deepEqual(fields, ["maxResends", "passcodeLength", "passcodeLifetimeMinutes"]);
  assert.match(parsed.error!.flatten().fieldErrors.passcodeLength![0]!, /at most 10 digits/);
});

test("the first read makes the default policy from the environment and stores it", async () => {
  await db.setting.deleteMany({ where: { key: KEY } });
  forgetAllSettings();
  const policy = await devicePolicyFor();
  assert.deepEqual(policy, policyFromEnvironment());
  const row = await db.setting.findUniqueOrThrow({ where: { key: KEY } });
  assert.deepEqual(JSON.parse(row.value), policyFromEnvironment());
  // The device limits' own variables still make the default (MAX_DEVICES_PER_USER and the others).
  const fromEnv = policyFromEnvironment({ MAX_DEVICES_PER_USER: "4", WEBAUTHN_USER_VERIFICATION: "required", MFA_ENROLLMENT_SKIPPABLE: "false" });
  assert.deepEqual([fromEnv.maxDevicesPerUser, fromEnv.webauthnUserVerification, fromEnv.enrollmentSkippable], [4, "required", false]);
});

test("a stored policy that no longer parses gives way to the environment's values; a missing field takes the environment's", async () => {
  const env = policyFromEnvironment();
  try {
    await storeRaw(JSON.stringify({ ...env, passcodeLength: 11 }));
    assert.deepEqual(await devicePolicyFor(), env);
    await storeRaw("not json");
    assert.deepEqual(await devicePolicyFor(), env);
    const { passcodeLength: _dropped, ...older } = env;
    await storeRaw(JSON.stringify({ ...older, lockoutMinutes: 42 }));
    assert.deepEqual(await devicePolicyFor(), { ...env, lockoutMinutes: 42 });
    assert.throws(() => parseStoredPolicy([1, 2]));
  } finally {
    await storeRaw(JSON.stringify(env));
  }
});

test("a save applies to the next read and the next code, without a restart, and is audited field by field", async () => {
  const actor = await admin();
  const before = await devicePolicyFor();
  try {
    await saveDevicePolicy({ id: DEFAULT_POLICY_ID, policy: { ...before, passcodeLength: 8, lockoutMinutes: 20 }, actorId: actor.id, meta: { ip: "203.0.113.9" } });
    assert.equal((await devicePolicyFor()).passcodeLength, 8);
    const user = await createTestUser();
    const device = await createTestDevice(user.id);
    const issued = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId: newFlowId(), purpose: "enrolment", destination: device.target! });
    assert.match(issued.code, /^\d{8}$/);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "policy.updated", actorId: actor.id } });
    assert.equal(audit.userId, null);
    assert.equal(audit.ip, "203.0.113.9");
    assert.deepEqual(JSON.parse(audit.details!), {
      policy: "default",
      changes: { passcodeLength: { from: before.passcodeLength, to: 8 }, lockoutMinutes: { from: before.lockoutMinutes, to: 20 } },
    });
    // The same values again: nothing changes, nothing is audited.
    await saveDevicePolicy({ id: DEFAULT_POLICY_ID, policy: { ...before, passcodeLength: 8, lockoutMinutes: 20 }, actorId: actor.id, meta: {} });
    assert.equal(await db.auditEvent.count({ where: { action: "policy.updated", actorId: actor.id } }), 1);
  } finally {
    await saveDevicePolicy({ id: DEFAULT_POLICY_ID, policy: before, actorId: actor.id, meta: {} });
  }
  assert.deepEqual(await devicePolicyFor(), before);
});

test("a change written by another instance is read once this instance is told (forgetSetting here, NOTIFY on PostgreSQL)", async () => {
  const before = await devicePolicyFor();
  try {
    // Written behind this instance's back, as another instance's save would be.
    await db.setting.update({ where: { key: KEY }, data: { value: JSON.stringify({ ...before, maxResends: 7 }) } });
    if (databaseKind() === "sqlite") {
      // One instance: the warm copy answers (no statement) until the key is forgotten, as a save does.
      assert.equal((await devicePolicyFor()).maxResends, before.maxResends);
      forgetSetting(KEY);
      assert.equal((await devicePolicyFor()).maxResends, 7);
    } else {
      // Several instances: the save's NOTIFY (sent here by hand) makes the listener forget the key.
      await db.$executeRaw`SELECT pg_notify('settings_changed', ${KEY})`;
      const deadline = Date.now() + 5_000;
      while ((await devicePolicyFor()).maxResends !== 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal((await devicePolicyFor()).maxResends, 7);
    }
  } finally {
    await storeRaw(JSON.stringify(before));
  }
});

test("allowed device types narrow what a user may register; an application's list narrows it further, never widens it", async () => {
  const user = await createTestUser();
  await withPolicy({ allowedDeviceTypes: ["TOTP", "SMS", "PLATFORM"] }, async () => {
    const offered = (await eligibleDeviceTypes({ userId: user.id })).map((e) => e.type);
    assert.deepEqual(offered, ["PLATFORM", "TOTP", "SMS"]);
    const narrowed = (await eligibleDeviceTypes({ userId: user.id, allowedDeviceTypes: ["FIDO2", "EMAIL", "SMS"] })).map((e) => e.type);
    assert.deepEqual(narrowed, ["PLATFORM", "SMS"]);
  });
  assert.ok((await eligibleDeviceTypes({ userId: user.id })).some((e) => e.type === "EMAIL"));
});
