import "server-only";
import { db } from "@/lib/db";
import { currentFeatures } from "@/lib/branding/current-branding";
import { devicePolicyFor, type DevicePolicy } from "@/lib/policy/device-policy";
import { deviceEligibility, noNewDeviceReason, type EligibilityInput } from "@/lib/devices/device-eligibility";
import type { Text } from "@/lib/i18n/text";

/** The eligibility of each type for this user, from their devices, the flags, the flow's input and the policy. */
export async function eligibleDeviceTypes(options: {
  userId: string;
  allowedDeviceTypes?: EligibilityInput["allowedDeviceTypes"];
  browser?: EligibilityInput["browser"];
  /** The types of the user's active and blocked devices (what listDevices returns), if already read. */
  existing?: EligibilityInput["existing"];
}) {
  const existing =
    options.existing ??
    (
      await db.device.findMany({
        where: { userId: options.userId, status: { in: ["ACTIVE", "BLOCKED"] } },
        select: { type: true },
      })
    ).map((d) => d.type);
  const policy = await devicePolicyFor();
  return deviceEligibility({
    allowedDeviceTypes: allowedByPolicy(policy, options.allowedDeviceTypes),
    features: await currentFeatures(),
    limits: policy,
    existing,
    browser: options.browser,
  });
}

/**
 * Why this user cannot add a device now, in words for them; null when they can. The per-user limit
 * is named with its number, since removing a device is then the way forward.
 */
export async function whyNoNewDevice(options: { userId: string; existing?: EligibilityInput["existing"] }): Promise<Text | null> {
  const policy = await devicePolicyFor();
  return noNewDeviceReason(await eligibleDeviceTypes(options), policy.maxDevicesPerUser);
}

/**
 * The types the flow's input allows (all when it names none) that the policy allows too: an
 * application can narrow the policy's choice, never widen it. "FIDO2" stands for both WebAuthn types.
 */
function allowedByPolicy(policy: DevicePolicy, fromInput: EligibilityInput["allowedDeviceTypes"]): EligibilityInput["allowedDeviceTypes"] {
  if (!fromInput) return policy.allowedDeviceTypes;
  return policy.allowedDeviceTypes.filter(
    (type) => fromInput.includes(type) || ((type === "PLATFORM" || type === "SECURITY_KEY") && fromInput.includes("FIDO2")),
  );
}
