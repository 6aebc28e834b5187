import { db } from "@/lib/db";
import { devicePolicyFor, DEFAULT_POLICY_ID } from "@/lib/policy/device-policy";
import { saveDevicePolicy } from "@/lib/policy/save-device-policy";
import type { DevicePolicy } from "@/lib/policy/policy-document";

/**
 * Runs `run` with some of the default policy's values changed, saved as the console saves them, and
 * puts the policy back afterwards. The unit test files run one at a time, so no other test sees it.
 */
export async function withPolicy<T>(changes: Partial<DevicePolicy>, run: () => Promise<T>): Promise<T> {
  const before = await devicePolicyFor();
  const actor = await policyActor();
  await saveDevicePolicy({ id: DEFAULT_POLICY_ID, policy: { ...before, ...changes }, actorId: actor, meta: {} });
  try {
    return await run();
  } finally {
    await saveDevicePolicy({ id: DEFAULT_POLICY_ID, policy: before, actorId: actor, meta: {} });
  }
}

async function policyActor() {
  const email = "policy-test-admin@test.local";
  const admin = await db.user.upsert({ where: { email }, create: { email, role: "ADMIN" }, update: {}, select: { id: true } });
  return admin.id;
}
