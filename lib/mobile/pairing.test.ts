import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { toBase64Url } from "@/lib/authenticator-protocol/base64url";
import { exportPublicKey, newInstallationId } from "@/lib/authenticator-protocol/keys";
import { PAIRING_KEY_ALPHABET, PAIRING_KEY_LENGTH, QR_SECRET_BYTES, qrSecretFromUrl } from "@/lib/authenticator-protocol/pairing-key";
import { createPendingDevice } from "@/lib/devices/create-pending-device";
import { completePairing } from "@/lib/mobile/complete-pairing";
import { isMobileAuthError } from "@/lib/mobile/mobile-error";
import { generateQrSecret, generateTypedPairingKey } from "@/lib/mobile/pairing-secrets";
import { pairingStatus } from "@/lib/mobile/pairing-status";
import { startPairing } from "@/lib/mobile/start-pairing";
import { newPhone, startTestPairing, uniqueIp } from "@/lib/mobile/test-fixtures";

const refusedWith = (reason: string) => (e: unknown) => isMobileAuthError(e) && e.reason === reason;

async function pairWith(key: string, options: { account?: string; ip?: string; now?: Date } = {}) {
  const phone = await newPhone();
  const result = await completePairing({
    key,
    ...(options.account === undefined ? {} : { account: options.account }),
    publicKey: phone.publicKey,
    installationId: phone.installationId,
    meta: { ip: options.ip ?? uniqueIp(), userAgent: "phone" },
    ...(options.now ? { now: options.now } : {}),
  });
  return { phone, result };
}

test("the typed key carries at least 40 bits and the QR secret at least 112, from the CSPRNG's uniform draws", () => {
  // Entropy from the generator's alphabet and length: log2(32) = 5 bits per character.
  assert.equal(PAIRING_KEY_ALPHABET.length, 32);
  assert.equal(new Set(PAIRING_KEY_ALPHABET).size, 32);
  assert.ok(PAIRING_KEY_LENGTH * Math.log2(PAIRING_KEY_ALPHABET.length) >= 40);
  assert.ok(QR_SECRET_BYTES * 8 >= 112);
  const keys = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < 500; i++) {
    const key = generateTypedPairingKey();
    assert.equal(key.length, PAIRING_KEY_LENGTH);
    for (const c of key) {
      assert.ok(PAIRING_KEY_ALPHABET.includes(c));
      seen.add(c);
    }
    keys.add(key);
    const secret = generateQrSecret();
    assert.equal(Buffer.from(secret, "base64url").length, QR_SECRET_BYTES);
    assert.equal(Buffer.from(secret, "base64url").toString("base64url"), secret);
  }
  assert.equal(keys.size, 500);
  assert.equal(seen.size, 32, "every character of the alphabet is drawn");
});

test("starting a pairing: a typed key and a QR URL with the secret in its fragment, expiring within 10 minutes, stored only as hashes", async () => {
  const { user, deviceId, flowExecutionId, started } = await startTestPairing();
  assert.match(started.pairingKey, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  assert.equal(started.qrUrl, `http://localhost:3000/authenticator/pair#${started.qrSecret}`);
  assert.equal(qrSecretFromUrl(started.qrUrl), started.qrSecret);
  const ttl = started.expiresAt.getTime() - Date.now();
  assert.ok(ttl > 9 * 60_000 && ttl <= 10 * 60_000);
  const rows = await db.pairingKey.findMany({ where: { userId: user.id } });
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.deviceId, deviceId);
  assert.equal(rows[0]!.flowExecutionId, flowExecutionId);
  const stored = JSON.stringify(rows);
  assert.ok(!stored.includes(started.qrSecret) && !stored.includes(started.pairingKey.replace("-", "")), "a key is stored in the clear");
  assert.deepEqual(await pairingStatus({ userId: user.id, deviceId, flowExecutionId }), { status: "PENDING", expiresAt: started.expiresAt });
});

test("only the user's own pending MOBILE device gets a pairing key", async () => {
  const { user, deviceId } = await startTestPairing();
  const stranger = await db.user.create({ data: { email: `stranger-${newInstallationId()}@test.local` } });
  const notFound = (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND";
  await assert.rejects(startPairing({ userId: stranger.id, deviceId, flowExecutionId: "f" }), notFound);
  const sms = await createPendingDevice({ userId: user.id, type: "SMS", nickname: "sms", target: "+15555550100" });
  await assert.rejects(startPairing({ userId: user.id, deviceId: sms.id, flowExecutionId: "f" }), notFound);
});

test("pairing by the QR secret stores the public key, activates the device with its audit rows, and hands out the passcode seed", async () => {
  const { user, deviceId, flowExecutionId, started } = await startTestPairing();
  const { phone, result } = await pairWith(started.qrSecret);
  assert.equal(result.deviceId, deviceId);
  assert.equal(result.companyName, "Acme");
  assert.equal(result.account, `m•••@test.local`);
  assert.deepEqual({ ...result.passcode, seed: undefined }, { seed: undefined, algorithm: "SHA1", digits: 6, periodSeconds: 30 });
  assert.match(result.passcode.seed, /^[A-Z2-7]{32}$/, "160 bits, base32");
  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  assert.equal(device.status, "ACTIVE");
  assert.equal(device.publicKey, phone.publicKey);
  assert.equal(device.installationId, phone.installationId);
  assert.equal(device.totpSecret, result.passcode.seed);
  assert.ok(device.pairedAt && device.isDefault);
  assert.ok((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled);
  const actions = (await db.auditEvent.findMany({ where: { userId: user.id }, select: { action: true } })).map((a) => a.action).sort();
  assert.deepEqual(actions, ["device.added", "device.paired", "mfa.enabled"]);
  assert.equal((await pairingStatus({ userId: user.id, deviceId, flowExecutionId })).status, "PAIRED");
  // Another flow of the same user learns nothing from this one's pairing (security.md item 25).
  assert.equal((await pairingStatus({ userId: user.id, deviceId, flowExecutionId: "another-flow" })).status, "EXPIRED");
});

test("the typed key pairs only next to its account's email, in any spelling", async () => {
  const { user, deviceId, started } = await startTestPairing();
  await assert.rejects(pairWith(started.pairingKey), refusedWith("INVALID_REQUEST"));
  const other = await startTestPairing();
  await assert.rejects(pairWith(started.pairingKey, { account: other.user.email }), refusedWith("PAIRING_KEY_UNKNOWN"));
  const typed = ` ${started.pairingKey.toLowerCase().replace("-", " ")} `;
  const { result } = await pairWith(typed, { account: user.email.toUpperCase() });
  assert.equal(result.deviceId, deviceId);
});

test("a pairing key is single use: a second phone presenting it hears PAIRING_KEY_USED, and the refusal is audited", async () => {
  const { user, deviceId, started } = await startTestPairing();
  const first = await pairWith(started.qrSecret);
  await assert.rejects(pairWith(started.qrSecret), refusedWith("PAIRING_KEY_USED"));
  await assert.rejects(pairWith(started.pairingKey, { account: user.email }), refusedWith("PAIRING_KEY_USED"), "the key's typed form is spent too");
  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  assert.equal(device.publicKey, first.phone.publicKey, "the second phone's key did not replace the first's");
  assert.equal(await db.auditEvent.count({ where: { userId: user.id, action: "device.pairing_refused" } }), 2);
});

test("20 phones presenting one key at once: exactly one pairs", async () => {
  const { deviceId, started } = await startTestPairing();
  const ip = uniqueIp();
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => pairWith(started.qrSecret, { ip })));
  const paired = results.filter((r) => r.status === "fulfilled");
  assert.equal(paired.length, 1);
  for (const r of results) if (r.status === "rejected") assert.ok(refusedWith("PAIRING_KEY_USED")(r.reason), String(r.reason));
  const device = await db.device.findUniqueOrThrow({ where: { id: deviceId } });
  assert.equal(device.publicKey, (paired[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof pairWith>>>).value.phone.publicKey);
  assert.equal(await db.auditEvent.count({ where: { deviceId, action: "device.added" } }), 1);
});

test("past its expiry the right key is refused, and a new start voids the earlier key", async () => {
  const { user, deviceId, flowExecutionId, started } = await startTestPairing();
  const later = new Date(started.expiresAt.getTime() + 1000);
  await assert.rejects(pairWith(started.qrSecret, { now: later }), refusedWith("PAIRING_KEY_EXPIRED"));
  assert.equal((await pairingStatus({ userId: user.id, deviceId, flowExecutionId, now: later })).status, "EXPIRED");
  const again = await startPairing({ userId: user.id, deviceId, flowExecutionId });
  await assert.rejects(pairWith(started.qrSecret), refusedWith("PAIRING_KEY_EXPIRED"), "the voided key");
  await assert.rejects(pairWith(started.pairingKey, { account: user.email }), refusedWith("PAIRING_KEY_EXPIRED"));
  assert.equal((await pairWith(again.pairingKey, { account: user.email })).result.deviceId, deviceId);
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).status, "ACTIVE");
});

test("an unknown key, a key of no possible shape, and a key of a removed device are PAIRING_KEY_UNKNOWN", async () => {
  await assert.rejects(pairWith(generateQrSecret()), refusedWith("PAIRING_KEY_UNKNOWN"));
  await assert.rejects(pairWith(generateTypedPairingKey(), { account: "nobody@test.local" }), refusedWith("PAIRING_KEY_UNKNOWN"));
  await assert.rejects(pairWith("hello"), refusedWith("PAIRING_KEY_UNKNOWN"));
  const { user, deviceId, started } = await startTestPairing();
  await db.device.delete({ where: { id: deviceId } });
  assert.equal(await db.pairingKey.count({ where: { userId: user.id } }), 0, "the key goes with its device");
  await assert.rejects(pairWith(started.qrSecret), refusedWith("PAIRING_KEY_UNKNOWN"));
});

test("the phone's key must be an ECDSA P-256 public key, and a refused one does not spend the pairing key", async () => {
  const { started, deviceId } = await startTestPairing();
  const p384 = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, true, ["sign"]);
  for (const publicKey of ["", "garbage", toBase64Url(await crypto.subtle.exportKey("spki", p384.publicKey))]) {
    await assert.rejects(
      completePairing({ key: started.qrSecret, publicKey, installationId: newInstallationId(), meta: { ip: uniqueIp() } }),
      refusedWith("INVALID_PUBLIC_KEY"),
    );
  }
  await assert.rejects(
    completePairing({ key: started.qrSecret, publicKey: (await newPhone()).publicKey, installationId: "x", meta: { ip: uniqueIp() } }),
    refusedWith("INVALID_REQUEST"),
  );
  assert.equal((await pairWith(started.qrSecret)).result.deviceId, deviceId);
});

test("wrong keys are limited per client address (20 an hour by default); a pairing that succeeds is not counted", async () => {
  const ip = uniqueIp();
  const ok = await startTestPairing();
  assert.equal((await pairWith(ok.started.qrSecret, { ip })).result.deviceId, ok.deviceId);
  const guesses = await Promise.allSettled(Array.from({ length: 25 }, () => pairWith(generateQrSecret(), { ip })));
  const reasons = guesses.map((g) => (g.status === "rejected" && isMobileAuthError(g.reason) ? g.reason.reason : "?"));
  assert.equal(reasons.filter((r) => r === "PAIRING_KEY_UNKNOWN").length, 20);
  assert.equal(reasons.filter((r) => r === "PAIRING_RATE_LIMITED").length, 5);
  // Even the right key waits now, from this address; another address is not held up.
  const next = await startTestPairing();
  await assert.rejects(pairWith(next.started.qrSecret, { ip }), (e: unknown) => refusedWith("PAIRING_RATE_LIMITED")(e) && (e as AppError).retryAfterSeconds! > 0);
  assert.equal((await pairWith(next.started.qrSecret)).result.deviceId, next.deviceId);
  const keys = (await db.rateLimit.findMany({ where: { key: { startsWith: "pairing:address:" } }, select: { key: true } })).map((r) => r.key).join();
  assert.ok(!keys.includes(ip), "the address is stored in the clear");
});

test("only the public key is stored: no private key material anywhere", async () => {
  // An extractable key pair, unlike the app's, so the test can look for its private half.
  const keyPair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const privateJwk = await crypto.subtle.exportKey("jwk", keyPair.privateKey);
  const pkcs8 = toBase64Url(await crypto.subtle.exportKey("pkcs8", keyPair.privateKey));
  const { user, deviceId, started } = await startTestPairing();
  const publicKey = await exportPublicKey(keyPair.publicKey);
  await completePairing({ key: started.qrSecret, publicKey, installationId: newInstallationId(), meta: { ip: uniqueIp() } });
  const everything = JSON.stringify([
    await db.device.findMany({ where: { userId: user.id } }),
    await db.pairingKey.findMany({ where: { userId: user.id } }),
    await db.auditEvent.findMany({ where: { userId: user.id } }),
  ]);
  assert.ok(everything.includes(publicKey));
  assert.ok(!everything.includes(privateJwk.d!), "the private scalar is stored");
  assert.ok(!everything.includes(pkcs8.slice(0, 60)), "the private key is stored");
  assert.equal((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).publicKey, publicKey);
});
