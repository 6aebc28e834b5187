import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { recordAttempt } from "@/lib/otp/record-attempt";
import { recordFailedAttempt } from "@/lib/otp/record-failed-attempt";
import {
  newRecoveryCodeSet,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODES_PER_SET,
} from "@/lib/recovery-codes/recovery-code-format";
import { issueRecoveryCodesForFirstDevice, replaceRecoveryCodes } from "@/lib/recovery-codes/replace-recovery-codes";
import { redeemRecoveryCode } from "@/lib/recovery-codes/redeem-recovery-code";
import { recoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { openRecoveryCodes, sealRecoveryCodes } from "@/lib/recovery-codes/sealed-recovery-codes";

const policy = { lockoutThreshold: 5, lockoutMinutes: 15 };

test("a set is ten distinct codes from the unambiguous alphabet, grouped 5-5", () => {
  const codes = newRecoveryCodeSet();
  assert.equal(codes.length, RECOVERY_CODES_PER_SET);
  assert.equal(new Set(codes).size, RECOVERY_CODES_PER_SET);
  for (const code of codes) assert.match(code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
  for (const ambiguous of "01OIL") assert.ok(!RECOVERY_CODE_ALPHABET.includes(ambiguous));
  // ~49.5 bits per code.
  assert.ok(Math.log2(RECOVERY_CODE_ALPHABET.length) * 10 > 49);
});

test("typed codes are read without case, spaces or dashes; what cannot be a code is null", () => {
  assert.equal(normalizeRecoveryCode(" abcde fghjk "), "ABCDEFGHJK");
  assert.equal(normalizeRecoveryCode("ABCDE-FGHJK"), "ABCDEFGHJK");
  assert.equal(normalizeRecoveryCode("ABCDE-FGHJ"), null);
  assert.equal(normalizeRecoveryCode("ABCDE-FGHJ0"), null);
  assert.equal(normalizeRecoveryCode("OOOOO-IIIII"), null);
});

test("codes are stored only as keyed hashes; the sealed copy for the page opens only here", async () => {
  const user = await createTestUser();
  const codes = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const rows = await db.recoveryCode.findMany({ where: { set: { userId: user.id } } });
  assert.equal(rows.length, 10);
  for (const row of rows) {
    assert.ok(!codes.some((c) => row.codeHash.includes(c) || row.codeHash.includes(c.replace("-", ""))));
    assert.match(row.codeHash, /^[A-Za-z0-9_-]{43}$/);
  }
  const sealed = sealRecoveryCodes(codes);
  assert.ok(!codes.some((c) => sealed.includes(c)));
  assert.deepEqual(openRecoveryCodes(sealed), codes);
  assert.equal(openRecoveryCodes(sealed.slice(0, -2) + "xx"), null);
  // Made on demand: audited and told to the owner.
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "recovery_codes.generated" } }), 1);
  const mail = await db.outboxMessage.findFirst({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
  assert.match(mail?.subject ?? "", /new recovery codes/);
});

test("a right code signs in once: it is used up, the counts reset, the owner is told how many are left", async () => {
  const user = await createTestUser();
  const [first, second] = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  await db.user.update({ where: { id: user.id }, data: { failedMfaAttempts: 2 } });
  const ok = await redeemRecoveryCode({ userId: user.id, code: first!.toLowerCase().replace("-", " "), policy });
  assert.deepEqual(ok, { ok: true, left: 9 });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts, 0);
  assert.equal((await recoveryCodeStatus({ userId: user.id })).left, 9);
  const used = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "recovery_code.used" } });
  assert.deepEqual(JSON.parse(used.details!), { left: 9 });
  const mail = await db.outboxMessage.findFirst({ where: { to: user.email, subject: { contains: "recovery code was used" } } });
  assert.match(mail?.body ?? "", /You have 9 recovery codes left/);

  const again = await redeemRecoveryCode({ userId: user.id, code: first!, policy });
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.reason, "already_used");
  assert.deepEqual(await redeemRecoveryCode({ userId: user.id, code: second!, policy }), { ok: true, left: 8 });
});

test("20 parallel uses of one code: exactly one succeeds", async () => {
  const user = await createTestUser();
  const [code] = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const results = await Promise.all(Array.from({ length: 20 }, () => redeemRecoveryCode({ userId: user.id, code: code!, policy: { lockoutThreshold: 50 } })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "already_used"));
  assert.equal(await db.recoveryCode.count({ where: { set: { userId: user.id }, usedAt: { not: null } } }), 1);
});

test("20 parallel wrong codes raise the account's count by 20 and lock the codes at the threshold", async () => {
  const user = await createTestUser();
  await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const wrong = newRecoveryCodeSet(20);
  const results = await Promise.all(wrong.map((code) => redeemRecoveryCode({ userId: user.id, code, policy: { lockoutThreshold: 50 } })));
  assert.ok(results.every((r) => !r.ok && r.reason === "invalid"));
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts, 20);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "recovery_code.failed" } }), 20);
});

test("wrong codes lock the recovery codes at the policy's threshold: then even a right one is refused until the lock ends", async () => {
  const user = await createTestUser();
  const [code] = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const now = new Date();
  const results = [];
  for (const wrong of newRecoveryCodeSet(5)) results.push(await redeemRecoveryCode({ userId: user.id, code: wrong, policy, now }));
  assert.deepEqual(
    results.slice(0, 4).map((r) => !r.ok && r.reason),
    ["invalid", "invalid", "invalid", "invalid"],
  );
  const last = results[4]!;
  assert.equal(!last.ok && last.reason, "locked");
  const locked = await redeemRecoveryCode({ userId: user.id, code: code!, policy, now });
  assert.equal(!locked.ok && locked.reason, "locked");
  assert.equal(await db.recoveryCode.count({ where: { set: { userId: user.id }, usedAt: { not: null } } }), 0);
  assert.ok((await recoveryCodeStatus({ userId: user.id, now })).lockedUntil);
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "recovery_codes.locked" } }) >= 1, true);
  // After the lock, the right code works and clears it.
  const later = new Date(now.getTime() + 16 * 60_000);
  assert.deepEqual(await redeemRecoveryCode({ userId: user.id, code: code!, policy, now: later }), { ok: true, left: 9 });
  assert.equal((await recoveryCodeStatus({ userId: user.id, now: later })).lockedUntil, null);
});

test("guessing cannot move on from the devices to the codes: an account lockout locks them too", async () => {
  const user = await createTestUser();
  const device = await createTestDevice(user.id, "SMS");
  const [code] = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const now = new Date();
  for (let i = 0; i < 5; i++) {
    const attempt = await recordAttempt({ userId: user.id, deviceId: device.id, now, policy });
    if (attempt.ok) await recordFailedAttempt({ userId: user.id, deviceId: device.id, method: "otp", reason: "wrong_code", deviceLockedUntil: attempt.lockedUntil, now, policy });
  }
  const refused = await redeemRecoveryCode({ userId: user.id, code: code!, policy, now });
  assert.equal(!refused.ok && refused.reason, "locked");
});

test("typing slips spend no attempt; an account without codes is told so", async () => {
  const user = await createTestUser();
  assert.deepEqual(await redeemRecoveryCode({ userId: user.id, code: "ABCDE-FGHJK", policy }), { ok: false, reason: "none" });
  await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  assert.deepEqual(await redeemRecoveryCode({ userId: user.id, code: "123", policy }), { ok: false, reason: "invalid" });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts, 0);
});

test("a new set voids the old one at once; parallel regenerations leave exactly one set", async () => {
  const user = await createTestUser();
  const old = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const fresh = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  const refused = await redeemRecoveryCode({ userId: user.id, code: old[0]!, policy });
  assert.equal(!refused.ok && refused.reason, "invalid");
  assert.deepEqual(await redeemRecoveryCode({ userId: user.id, code: fresh[0]!, policy }), { ok: true, left: 9 });

  const sets = await Promise.all(Array.from({ length: 5 }, () => replaceRecoveryCodes({ userId: user.id, reason: "regenerated" })));
  assert.equal(await db.recoveryCodeSet.count({ where: { userId: user.id } }), 1);
  assert.equal(await db.recoveryCode.count({ where: { set: { userId: user.id } } }), 10);
  // Only the set that committed last works.
  const working = [];
  for (const set of sets) working.push((await redeemRecoveryCode({ userId: user.id, code: set[1]!, policy: { lockoutThreshold: 50 } })).ok);
  assert.equal(working.filter(Boolean).length, 1);
});

test("the first device brings codes; a second device does not", async () => {
  const user = await createTestUser();
  await createTestDevice(user.id, "SMS");
  const first = await issueRecoveryCodesForFirstDevice({ userId: user.id });
  assert.equal(first?.length, 10);
  const generated = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "recovery_codes.generated" } });
  assert.equal(JSON.parse(generated.details!).reason, "first-device");
  await createTestDevice(user.id, "EMAIL");
  assert.equal(await issueRecoveryCodesForFirstDevice({ userId: user.id }), null);
  const status = await recoveryCodeStatus({ userId: user.id });
  assert.equal(status.left, 10);
  assert.equal(status.low, false);
});

test("the status warns below three unused codes", async () => {
  const user = await createTestUser();
  assert.deepEqual(await recoveryCodeStatus({ userId: user.id }), { left: 0, total: 10, createdAt: null, low: false, lockedUntil: null });
  const codes = await replaceRecoveryCodes({ userId: user.id, reason: "regenerated" });
  for (const code of codes.slice(0, 7)) assert.equal((await redeemRecoveryCode({ userId: user.id, code, policy })).ok, true);
  assert.equal((await recoveryCodeStatus({ userId: user.id })).low, false);
  await redeemRecoveryCode({ userId: user.id, code: codes[7]!, policy });
  assert.deepEqual({ ...(await recoveryCodeStatus({ userId: user.id })), createdAt: null }, { left: 2, total: 10, createdAt: null, low: true, lockedUntil: null });
});
