import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { forgetSetting, writeSetting } from "@/lib/settings/settings-store";
import { parseStoredPolicy, policyFromEnvironment, policySettingKey } from "@/lib/policy/device-policy";
import { changedFields, type DevicePolicy } from "@/lib/policy/policy-document";

/**
 * Saves a device authentication policy an administrator edited, with its "policy.updated" audit row
 * (each changed field, old → new) in the same transaction. Every instance applies it to its next
 * flow (the settings store forgets its copy here and tells the others). Saving the same values again
 * changes nothing and writes no row.
 */
export async function saveDevicePolicy(options: { id: string; policy: DevicePolicy; actorId: string; meta: RequestMeta }) {
  const key = policySettingKey(options.id);
  const changes = await db.$transaction(async (tx) => {
    // The stored row, not this instance's copy: the "from" of each change is what was really in force.
    const row = await tx.setting.findUnique({ where: { key }, select: { value: true } });
    const before = row ? storedOrEnvironment(row.value) : policyFromEnvironment();
    const changes = changedFields(before, options.policy);
    if (Object.keys(changes).length === 0 && row) return changes;
    await writeSetting(tx, key, options.policy, options.actorId);
    await recordAuditEvent(tx, {
      action: "policy.updated",
      userId: null,
      actorId: options.actorId,
      details: { policy: options.id, changes },
      meta: options.meta,
    });
    return changes;
  });
  forgetSetting(key);
  return { changes };
}

function storedOrEnvironment(value: string): DevicePolicy {
  try {
    return parseStoredPolicy(JSON.parse(value));
  } catch {
    return policyFromEnvironment();
  }
}
