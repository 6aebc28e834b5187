import { z } from "zod";
import { REGISTRABLE_TYPES, type RegistrableType } from "@/lib/devices/device-eligibility";

/**
 * The device authentication policy (seed 003): every rule a flow applies to devices, passcodes,
 * lockout, step-up, sign-in links, push and remembered browsers, as one document an administrator
 * edits in /admin/policies. The limits are the environment's (lib/config.ts), and NIST's ceilings stay
 * ceilings: a passcode lives at most 10 minutes, a lockout comes after at most 50 failures (well under
 * NIST's 100), so a value beyond them is refused, never clamped.
 *
 * No "server-only": the console's form reads the fields' labels, units and limits from here too.
 */
type NumberField = { kind: "number"; label: string; unit: string; min: number; max: number; hint?: string };
type BooleanField = { kind: "boolean"; label: string; hint?: string };

export const POLICY_NUMBERS = {
  maxDevicesPerUser: { kind: "number", label: "Devices per user", unit: "devices", min: 1, max: 50 },
  maxDevicesPerType: { kind: "number", label: "Devices of one type per user", unit: "devices", min: 1, max: 20 },
  passcodeLength: { kind: "number", label: "Passcode length", unit: "digits", min: 6, max: 10, hint: "NIST asks for at least 6." },
  passcodeLifetimeMinutes: {
    kind: "number",
    label: "Passcode lifetime",
    unit: "minutes",
    min: 1,
    max: 10,
    hint: "NIST allows an emailed or texted code at most 10 minutes.",
  },
  passcodeAttempts: { kind: "number", label: "Wrong guesses one passcode survives", unit: "attempts", min: 1, max: 10 },
  maxResends: { kind: "number", label: "Resends per flow", unit: "resends", min: 0, max: 10 },
  passcodesPerHour: { kind: "number", label: "Passcodes sent per hour, per account and per destination", unit: "passcodes", min: 1, max: 100 },
  lockoutThreshold: {
    kind: "number",
    label: "Failed attempts before the devices lock",
    unit: "attempts",
    min: 3,
    max: 50,
    hint: "Per device and per account; NIST's ceiling is 100.",
  },
  lockoutMinutes: { kind: "number", label: "Lockout duration", unit: "minutes", min: 1, max: 60 * 24 },
  stepUpWindowMinutes: {
    kind: "number",
    label: "Step-up window",
    unit: "minutes",
    min: 1,
    max: 60,
    hint: "How recent a sign-in or step-up must be before a sensitive change.",
  },
  magicLinkMinutes: { kind: "number", label: "Sign-in link lifetime", unit: "minutes", min: 1, max: 60 },
  pushTimeoutSeconds: { kind: "number", label: "Push timeout", unit: "seconds", min: 15, max: 600 },
  rememberBrowserDays: { kind: "number", label: "Remembered-browser window", unit: "days", min: 1, max: 90 },
  deviceKeysPerUser: { kind: "number", label: "Registered browsers per user", unit: "browsers", min: 1, max: 100 },
} as const satisfies Record<string, NumberField>;

export const POLICY_FLAGS = {
  enrollmentSkippable: { kind: "boolean", label: "Users may skip enrolling a device" },
  magicLinkEnabled: { kind: "boolean", label: "Offer an emailed sign-in link", hint: "On the sign-in page, and as a second step's alternative." },
  pushOtpFallback: { kind: "boolean", label: "Offer the phone's passcode when a push times out" },
  rememberBrowserByDefault: { kind: "boolean", label: "“Remember this browser” is ticked by default" },
  knownDevicesOnly: { kind: "boolean", label: "Sign-in only from registered browsers" },
  singleDeviceKey: { kind: "boolean", label: "One registered browser per user", hint: "Registering a browser forgets the user's others." },
} as const satisfies Record<string, BooleanField>;

export const USER_VERIFICATION = ["required", "preferred", "discouraged"] as const;
export type UserVerification = (typeof USER_VERIFICATION)[number];

type NumberName = keyof typeof POLICY_NUMBERS;
type FlagName = keyof typeof POLICY_FLAGS;
export type PolicyFieldName = NumberName | FlagName | "allowedDeviceTypes" | "webauthnUserVerification";

const number = (name: NumberName) => {
  const { label, unit, min, max } = POLICY_NUMBERS[name];
  return z
    .number({ error: `Enter a whole number of ${unit}.` })
    .int({ error: `Enter a whole number of ${unit}.` })
    .min(min, { error: `${label}: at least ${min} ${unit}.` })
    .max(max, { error: `${label}: at most ${max} ${unit}.` });
};

export const devicePolicySchema = z.strictObject({
  allowedDeviceTypes: z
    .array(z.enum(REGISTRABLE_TYPES))
    .min(1, { error: "Allow at least one device type." })
    .transform((types) => REGISTRABLE_TYPES.filter((t) => types.includes(t))),
  maxDevicesPerUser: number("maxDevicesPerUser"),
  maxDevicesPerType: number("maxDevicesPerType"),
  enrollmentSkippable: z.boolean(),
  webauthnUserVerification: z.enum(USER_VERIFICATION),
  passcodeLength: number("passcodeLength"),
  passcodeLifetimeMinutes: number("passcodeLifetimeMinutes"),
  passcodeAttempts: number("passcodeAttempts"),
  maxResends: number("maxResends"),
  passcodesPerHour: number("passcodesPerHour"),
  lockoutThreshold: number("lockoutThreshold"),
  lockoutMinutes: number("lockoutMinutes"),
  stepUpWindowMinutes: number("stepUpWindowMinutes"),
  magicLinkEnabled: z.boolean(),
  magicLinkMinutes: number("magicLinkMinutes"),
  pushOtpFallback: z.boolean(),
  pushTimeoutSeconds: number("pushTimeoutSeconds"),
  rememberBrowserDays: number("rememberBrowserDays"),
  rememberBrowserByDefault: z.boolean(),
  knownDevicesOnly: z.boolean(),
  singleDeviceKey: z.boolean(),
  deviceKeysPerUser: number("deviceKeysPerUser"),
});

export type DevicePolicy = z.output<typeof devicePolicySchema>;

/** The console's sections, in the order the form shows them; every field is in exactly one. */
export const POLICY_SECTIONS: { title: string; fields: PolicyFieldName[] }[] = [
  { title: "Devices", fields: ["allowedDeviceTypes", "maxDevicesPerUser", "maxDevicesPerType", "enrollmentSkippable", "webauthnUserVerification"] },
  { title: "Passcodes", fields: ["passcodeLength", "passcodeLifetimeMinutes", "passcodeAttempts", "maxResends", "passcodesPerHour"] },
  { title: "Lockout", fields: ["lockoutThreshold", "lockoutMinutes"] },
  { title: "Step-up", fields: ["stepUpWindowMinutes"] },
  { title: "Sign-in links and push", fields: ["magicLinkEnabled", "magicLinkMinutes", "pushOtpFallback", "pushTimeoutSeconds"] },
  {
    title: "Remembered browsers",
    fields: ["rememberBrowserDays", "rememberBrowserByDefault", "knownDevicesOnly", "singleDeviceKey", "deviceKeysPerUser"],
  },
];

/** The fields whose values differ, each as { from, to }: the details of the "policy.updated" audit row. */
export function changedFields(before: DevicePolicy, after: DevicePolicy): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof DevicePolicy)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
