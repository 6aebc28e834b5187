import "server-only";
import { db } from "@/lib/db";
import { currentFeatures } from "@/lib/branding/current-branding";
import { devicePolicy } from "@/lib/policy/device-policy";
import { deviceEligibility, type EligibilityInput } from "@/lib/devices/device-eligibility";

/** The eligibility of each type for this user, from their devices, the flags and the policy. */
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
  return deviceEligibility({
    allowedDeviceTypes: options.allowedDeviceTypes,
    features: await currentFeatures(),
    limits: devicePolicy(),
    existing,
    browser: options.browser,
  });
}

export async function canAddDevice(options: { userId: string; existing?: EligibilityInput["existing"] }) {
  return (await eligibleDeviceTypes(options)).some((e) => e.available);
}
