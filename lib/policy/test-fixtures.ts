import { db } from "@/lib/db";
import { captureSql } from "@/lib/database/query-plan";
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

/**
 * Waits until reading the policy costs this process no statement, for tests that count a request's
 * statements: on PostgreSQL the cache is trusted only once the settings listener is connected, which
 * a loaded machine may take a moment to do after the first read.
 */
export async function warmPolicyCache() {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { statements } = await captureSql(() => devicePolicyFor());
    if (statements.length === 0) return;
    if (Date.now() > deadline) throw new Error("the policy is still read from the database on every call");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
