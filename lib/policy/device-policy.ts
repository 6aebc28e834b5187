import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { REGISTRABLE_TYPES } from "@/lib/devices/device-eligibility";
import { readSetting } from "@/lib/settings/settings-store";
import { devicePolicySchema, type DevicePolicy } from "@/lib/policy/policy-document";

export type { DevicePolicy } from "@/lib/policy/policy-document";

/** The policies an application may name (deviceAuthenticationPolicy.id). */
export const DEFAULT_POLICY_ID = "default";

export const policySettingKey = (id: string) => `policy:${id}`;

/**
 * The variables that were the policy before it moved into the database. They are still read: they
 * make the `default` policy on the first start, and they apply whenever the stored one does not parse.
 */
const envSchema = z.object({
  MAX_DEVICES_PER_USER: z.coerce.number().int().min(1).max(50).default(10),
  MAX_DEVICES_PER_TYPE: z.coerce.number().int().min(1).max(20).default(3),
  WEBAUTHN_USER_VERIFICATION: z.enum(["required", "preferred", "discouraged"]).default("preferred"),
  MFA_ENROLLMENT_SKIPPABLE: z.enum(["true", "false"]).default("true"),
});

/** Today's environment as a policy document (lib/config.ts and the device limits' own variables). */
export function policyFromEnvironment(env: Record<string, string | undefined> = process.env): DevicePolicy {
  const devices = envSchema.parse({
    MAX_DEVICES_PER_USER: env.MAX_DEVICES_PER_USER || undefined,
    MAX_DEVICES_PER_TYPE: env.MAX_DEVICES_PER_TYPE || undefined,
    WEBAUTHN_USER_VERIFICATION: env.WEBAUTHN_USER_VERIFICATION || undefined,
    MFA_ENROLLMENT_SKIPPABLE: env.MFA_ENROLLMENT_SKIPPABLE || undefined,
  });
  const { otp, lockout, session, magicLinkMinutes, mobile, deviceKeys } = config();
  return devicePolicySchema.parse({
    allowedDeviceTypes: [...REGISTRABLE_TYPES],
    maxDevicesPerUser: devices.MAX_DEVICES_PER_USER,
    maxDevicesPerType: devices.MAX_DEVICES_PER_TYPE,
    enrollmentSkippable: devices.MFA_ENROLLMENT_SKIPPABLE === "true",
    webauthnUserVerification: devices.WEBAUTHN_USER_VERIFICATION,
    passcodeLength: otp.length,
    passcodeLifetimeMinutes: otp.ttlMinutes,
    passcodeAttempts: otp.maxAttempts,
    maxResends: otp.maxResends,
    passcodesPerHour: otp.sendLimitPerHour,
    lockoutThreshold: lockout.threshold,
    lockoutMinutes: lockout.minutes,
    stepUpWindowMinutes: session.reauthWindowMinutes,
    // Both were always on before there was a policy to turn them off.
    magicLinkEnabled: true,
    magicLinkMinutes,
    pushOtpFallback: true,
    pushTimeoutSeconds: mobile.pushTimeoutSeconds,
    rememberBrowserDays: deviceKeys.rememberDays,
    rememberBrowserByDefault: deviceKeys.rememberByDefault,
    knownDevicesOnly: deviceKeys.knownDevicesOnly,
    singleDeviceKey: deviceKeys.singleDevice,
    deviceKeysPerUser: deviceKeys.maxPerUser,
  });
}

/**
 * A stored document, over the environment's values: a field a later version adds takes the
 * environment's value until an administrator saves one, instead of the whole document being refused.
 * A stored value outside the limits (a limit tightened since) throws, and the settings store then
 * applies the environment's values altogether.
 */
export function parseStoredPolicy(raw: unknown): DevicePolicy {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error("a policy is an object");
  const known = Object.fromEntries(Object.entries(raw).filter(([key]) => key in devicePolicySchema.shape));
  return devicePolicySchema.parse({ ...policyFromEnvironment(), ...known });
}

/**
 * The policy a flow applies: stored in the database (lib/settings/settings-store.ts), so a saved
 * change applies to the next flow on every instance, without a restart; cached in the process, so a
 * warm instance reads it without a statement.
 */
export async function devicePolicyFor(id: string = DEFAULT_POLICY_ID): Promise<DevicePolicy> {
  if (id !== DEFAULT_POLICY_ID) throw new Error(`unknown device authentication policy "${id}"`);
  return readSetting(policySettingKey(id), parseStoredPolicy, () => policyFromEnvironment());
}
