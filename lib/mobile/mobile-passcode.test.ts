import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { mobilePasscode } from "@/lib/authenticator-protocol/passcode";
import { blockDevice } from "@/lib/devices/block-device";
import { createTotpSecret } from "@/lib/totp/create-totp-secret";
import { verifyTotp } from "@/lib/totp/verify-totp";
import { verifyMobilePasscode } from "@/lib/mobile/verify-mobile-passcode";
import { createPairedPhone, startTestPairing } from "@/lib/mobile/test-fixtures";

// The middle of a 30-second step, so ±30 s lands in the neighbouring steps.
const NOW = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
const shift = (steps: number) => new Date(NOW.getTime() + steps * 30_000);
const notFound = (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND";

test("the app's passcode (the protocol module's TOTP) is what lib/totp accepts for the seed it was given", async () => {
  const { user, deviceId, paired } = await createPairedPhone();
  const base = { userId: user.id, deviceId };
  for (const drift of [-1, 0, 1]) {
    const code = await mobilePasscode(paired.passcode.seed, shift(drift));
    const result = await verifyMobilePasscode({ ...base, code, now: shift(drift) });
    assert.ok(result.ok, `step ${drift} refused`);
  }
  // The same seed in otpauth (lib/totp's library) gives the same codes, over many steps.
  const { totpFor } = await import("@/lib/totp/totp-parameters");
  for (let i = 0; i < 50; i++) {
    const at = NOW.getTime() + i * 30_000 * 7919;
    assert.equal(await mobilePasscode(paired.passcode.seed, at), totpFor({ secret: paired.passcode.seed }).generate({ timestamp: at }));
  }
});

test("a mobile passcode is accepted once per step, and wrong ones count toward the lockout", async () => {
  const { user, deviceId, paired } = await createPairedPhone();
  const base = { userId: user.id, deviceId };
  const code = await mobilePasscode(paired.passcode.seed, NOW);
  assert.ok((await verifyMobilePasscode({ ...base, code, now: NOW })).ok);
  assert.deepEqual(await verifyMobilePasscode({ ...base, code, now: NOW }), { ok: false, reason: "replayed" });
  const wrong = ((Number(code) + 500_000) % 1_000_000).toString().padStart(6, "0");
  const result = await verifyMobilePasscode({ ...base, code: wrong, now: shift(1), policy: { lockoutThreshold: 5 } });
  assert.equal(result.ok, false);
  assert.ok((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).failedAttempts > 0);
});

test("only the user's active, paired phone is checked as a mobile passcode; a blocked one fails", async () => {
  const pending = await startTestPairing();
  await assert.rejects(verifyMobilePasscode({ userId: pending.user.id, deviceId: pending.deviceId, code: "123456", now: NOW }), notFound);
  const { user, deviceId, paired } = await createPairedPhone();
  const code = await mobilePasscode(paired.passcode.seed, NOW);
  // Not as an authenticator app's code, nor for another user.
  await assert.rejects(verifyTotp({ userId: user.id, deviceId, code, now: NOW }), notFound);
  await assert.rejects(verifyMobilePasscode({ userId: pending.user.id, deviceId, code, now: NOW }), notFound);
  const totp = await db.device.create({ data: { userId: user.id, type: "TOTP", status: "ACTIVE", nickname: "app", totpSecret: createTotpSecret() } });
  await assert.rejects(verifyMobilePasscode({ userId: user.id, deviceId: totp.id, code, now: NOW }), notFound);
  await blockDevice({ userId: user.id, deviceId, meta: {} });
  await assert.rejects(verifyMobilePasscode({ userId: user.id, deviceId, code, now: NOW }), (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN");
});
