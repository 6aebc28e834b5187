import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { devicePolicy } from "@/lib/policy/device-policy";
import { deviceEligibility, type EligibilityInput } from "@/lib/devices/device-eligibility";

/** The eligibility of each type for this user, from their devices, the flags and the policy. */
export async function eligibleDeviceTypes(options: {
  userId: string;
  allowedDeviceTypes?: EligibilityInput["allowedDeviceTypes"];
  browser?: EligibilityInput["browser"];
}) {
  const devices = await db.device.findMany({
    where: { userId: options.userId, status: { in: ["ACTIVE", "BLOCKED"] } },
    select: { type: true },
  });
  return deviceEligibility({
    allowedDeviceTypes: options.allowedDeviceTypes,
    features: config().features,
    limits: devicePolicy(),
    existing: devices.map((d) => d.type),
    browser: options.browser,
  });
}

export async function canAddDevice(options: { userId: string }) {
  return (await eligibleDeviceTypes(options)).some((e) => e.available);
}
