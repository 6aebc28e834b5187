import { test } from "node:test";
import assert from "node:assert/strict";
import { Secret, TOTP } from "otpauth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { createTotpSecret } from "@/lib/totp/create-totp-secret";
import { totpQrDataUrl, totpUri } from "@/lib/totp/totp-uri";
import { verifyTotp } from "@/lib/totp/verify-totp";

/** What the user's app shows, computed independently of lib/totp. */
function appCode(secret: string, at: Date) {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at.getTime() });
}

async function setup() {
  const user = await createTestUser();
  const secret = createTotpSecret();
  const device = await createTestDevice(user.id, "TOTP", { totpSecret: secret });
  return { user, secret, device, base: { userId: user.id, deviceId: device.id } };
}

// The middle of a 30-second step, so ±30 s lands in the neighbouring steps.
const NOW = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
const shift = (steps: number) => new Date(NOW.getTime() + steps * 30_000);

test("secrets carry at least 160 random bits, in base32", () => {
  const secrets = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const secret = createTotpSecret();
    assert.match(secret, /^[A-Z2-7]+=*$/);
    assert.ok(Secret.fromBase32(secret).bytes.length * 8 >= 160);
    secrets.add(secret);
  }
  assert.equal(secrets.size, 50);
});

test("the otpauth URI names the issuer and the account, and becomes a QR image", async () => {
  const secret = createTotpSecret();
  const uri = totpUri({ secret, issuer: "Acme & Co", accountName: "amy@example.com" });
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, "otpauth:");
  assert.equal(parsed.host, "totp");
  assert.equal(parsed.searchParams.get("secret"), secret);
  assert.equal(parsed.searchParams.get("issuer"), "Acme & Co");
  assert.equal(parsed.searchParams.get("algorithm"), "SHA1");
  assert.equal(parsed.searchParams.get("digits"), "6");
  assert.equal(parsed.searchParams.get("period"), "30");
  assert.match(decodeURIComponent(parsed.pathname), /^\/Acme & Co:amy@example\.com$/);
  assert.match(await totpQrDataUrl(uri), /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
});

test("the current step is accepted", async () => {
  const { secret, base } = await setup();
  const result = await verifyTotp({ ...base, code: appCode(secret, NOW), now: NOW });
  assert.ok(result.ok);
});

test("one step of drift either way is accepted", async () => {
  for (const drift of [-1, 1]) {
    const { secret, base } = await setup();
    const result = await verifyTotp({ ...base, code: appCode(secret, shift(drift)), now: NOW });
    assert.ok(result.ok, `drift ${drift} refused`);
  }
});

test("two steps of drift either way are refused", async () => {
  for (const drift of [-2, 2]) {
    const { secret, base } = await setup();
    const code = appCode(secret, shift(drift));
    // Skip the one-in-a-million case where that code is also valid now.
    if ([-1, 0, 1].some((d) => appCode(secret, shift(d)) === code)) continue;
    const result = await verifyTotp({ ...base, code, now: NOW });
    assert.equal(result.ok, false, `drift ${drift} accepted`);
    assert.ok(!result.ok && result.reason === "invalid");
  }
});

test("a code is accepted once per step: a replay is refused and audited", async () => {
  const { secret, base, user, device } = await setup();
  const code = appCode(secret, NOW);
  assert.ok((await verifyTotp({ ...base, code, now: NOW })).ok);
  const replay = await verifyTotp({ ...base, code, now: new Date(NOW.getTime() + 5_000) });
  assert.deepEqual(replay, { ok: false, reason: "replayed" });
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, deviceId: device.id, action: "totp.replay_refused" } }), 1);
  // An older step's code, though inside the window, is refused after a newer one was used.
  const older = appCode(secret, shift(-1));
  if (older !== code) assert.equal((await verifyTotp({ ...base, code: older, now: NOW })).ok, false);
  // The next step's code works.
  assert.ok((await verifyTotp({ ...base, code: appCode(secret, shift(1)), now: shift(1) })).ok);
});

test("parallel submissions of one code: exactly one succeeds", async () => {
  const { secret, base } = await setup();
  const code = appCode(secret, NOW);
  const results = await Promise.all(Array.from({ length: 20 }, () => verifyTotp({ ...base, code, now: NOW, policy: { lockoutThreshold: 50 } })));
  assert.equal(results.filter((r) => r.ok).length, 1);
});

test("wrong codes count toward the shared lockout, and a success resets the counts", async () => {
  const { secret, base, user, device } = await setup();
  const policy = { lockoutThreshold: 3, lockoutMinutes: 15 };
  const right = appCode(secret, NOW);
  const wrongCode = ((Number(right) + 500_000) % 1_000_000).toString().padStart(6, "0");
  assert.deepEqual(await verifyTotp({ ...base, code: wrongCode, now: NOW, policy }), { ok: false, reason: "invalid", attemptsLeft: 2 });
  assert.ok((await verifyTotp({ ...base, code: right, now: NOW, policy })).ok);
  const reset = await db.device.findUniqueOrThrow({ where: { id: device.id } });
  assert.equal(reset.failedAttempts, 0);
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedMfaAttempts, 0);

  const later = shift(1);
  for (let i = 0; i < 2; i++) await verifyTotp({ ...base, code: wrongCode, now: later, policy });
  const third = await verifyTotp({ ...base, code: wrongCode, now: later, policy });
  assert.ok(!third.ok && third.reason === "locked");
  assert.deepEqual(third.lockedUntil, new Date(later.getTime() + 15 * 60_000));
  await assert.rejects(
    verifyTotp({ ...base, code: appCode(secret, later), now: later, policy }),
    (e: unknown) => e instanceof AppError && e.code === "LOCKED",
  );
});

test("only the owner's TOTP device can be checked", async () => {
  const { secret, device } = await setup();
  const stranger = await createTestUser();
  await assert.rejects(
    verifyTotp({ userId: stranger.id, deviceId: device.id, code: appCode(secret, NOW), now: NOW }),
    (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND",
  );
  const sms = await createTestDevice(stranger.id, "SMS");
  await assert.rejects(
    verifyTotp({ userId: stranger.id, deviceId: sms.id, code: "123456", now: NOW }),
    (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND",
  );
});
