import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createPendingDevice } from "@/lib/devices/create-pending-device";
import { exportPublicKey, generateDeviceKeyPair, newInstallationId } from "@/lib/authenticator-protocol/keys";
import { completePairing } from "@/lib/mobile/complete-pairing";
import { startPairing } from "@/lib/mobile/start-pairing";

/** Each unit test seeds its own user and phone, so tests never share state. */
export async function createTestUser() {
  return db.user.create({ data: { email: `mobile-${randomUUID()}@test.local` }, select: { id: true, email: true } });
}

export const newFlowId = () => `flow-${randomUUID()}`;

/** A client address of its own per test, so the per-address pairing limit of one test never touches another. */
export const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

/** A registration waiting for its phone: a pending MOBILE device, the flow registering it, and its pairing key. */
export async function startTestPairing() {
  const user = await createTestUser();
  const device = await createPendingDevice({ userId: user.id, type: "MOBILE", nickname: "My phone" });
  const flowExecutionId = newFlowId();
  const started = await startPairing({ userId: user.id, deviceId: device.id, flowExecutionId });
  return { user, deviceId: device.id, flowExecutionId, started };
}

/** A phone as the app makes one: a non-extractable key pair of the protocol module, and an installation id. */
export async function newPhone() {
  const keyPair = await generateDeviceKeyPair();
  return { keyPair, publicKey: await exportPublicKey(keyPair.publicKey), installationId: newInstallationId() };
}

/** A user with a paired, active phone (paired through the QR secret, as the app does after a scan). */
export async function createPairedPhone() {
  const pairing = await startTestPairing();
  const phone = await newPhone();
  const paired = await completePairing({
    key: pairing.started.qrSecret,
    publicKey: phone.publicKey,
    installationId: phone.installationId,
    meta: { ip: uniqueIp(), userAgent: "test" },
  });
  return { ...pairing, phone, paired };
}
