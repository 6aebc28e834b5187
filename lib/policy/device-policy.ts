import { z } from "zod";

/**
 * The device policy: how many devices a user may have, in all and per type, and how WebAuthn asks for
 * user verification. Read from the environment with defaults; the admin settings page will edit them.
 */
const schema = z.object({
  MAX_DEVICES_PER_USER: z.coerce.number().int().min(1).max(50).default(10),
  MAX_DEVICES_PER_TYPE: z.coerce.number().int().min(1).max(20).default(3),
  WEBAUTHN_USER_VERIFICATION: z.enum(["required", "preferred", "discouraged"]).default("preferred"),
  MFA_ENROLLMENT_SKIPPABLE: z.enum(["true", "false"]).default("true"),
});

export type DevicePolicy = {
  maxDevicesPerUser: number;
  maxDevicesPerType: number;
  userVerification: "required" | "preferred" | "discouraged";
  /** Whether an MFA enrollment may be skipped (the flow API's device.skipEnrollment). */
  enrollmentSkippable: boolean;
};

/** The policies an application may name (deviceAuthenticationPolicy.id); the admin console adds more. */
export const DEFAULT_POLICY_ID = "default";

export function devicePolicy(env: Record<string, string | undefined> = process.env): DevicePolicy {
  const parsed = schema.parse({
    MAX_DEVICES_PER_USER: env.MAX_DEVICES_PER_USER || undefined,
    MAX_DEVICES_PER_TYPE: env.MAX_DEVICES_PER_TYPE || undefined,
    WEBAUTHN_USER_VERIFICATION: env.WEBAUTHN_USER_VERIFICATION || undefined,
    MFA_ENROLLMENT_SKIPPABLE: env.MFA_ENROLLMENT_SKIPPABLE || undefined,
  });
  return {
    maxDevicesPerUser: parsed.MAX_DEVICES_PER_USER,
    maxDevicesPerType: parsed.MAX_DEVICES_PER_TYPE,
    userVerification: parsed.WEBAUTHN_USER_VERIFICATION,
    enrollmentSkippable: parsed.MFA_ENROLLMENT_SKIPPABLE === "true",
  };
}
