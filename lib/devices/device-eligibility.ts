import type { DeviceTypeName } from "@/lib/devices/device-types";
import { isText, text, type Message, type Text } from "@/lib/i18n/text";

/** The types a user can register here, in the order the selection page offers them. */
export const REGISTRABLE_TYPES = ["PLATFORM", "SECURITY_KEY", "MOBILE", "TOTP", "SMS", "VOICE", "EMAIL"] as const satisfies readonly DeviceTypeName[];
export type RegistrableType = (typeof REGISTRABLE_TYPES)[number];

/** The source's `allowedDeviceTypes` names (SMS, EMAIL, FIDO2) and ours, as accepted in input. */
export const ALLOWED_TYPE_NAMES = ["SMS", "EMAIL", "VOICE", "TOTP", "FIDO2", "PLATFORM", "SECURITY_KEY", "MOBILE"] as const;
export type AllowedTypeName = (typeof ALLOWED_TYPE_NAMES)[number];

export type EligibilityInput = {
  /** From the flow input; undefined means every type. "FIDO2" stands for passkeys and security keys. */
  allowedDeviceTypes?: readonly AllowedTypeName[];
  features: { isSmsOTPEnabled: boolean; isEmailOTPEnabled: boolean; isFidoPasskeyEnabled: boolean };
  limits: { maxDevicesPerUser: number; maxDevicesPerType: number };
  /** Types of the user's devices that count toward the limits (active and blocked). */
  existing: readonly DeviceTypeName[];
  /** What the browser said it can do; undefined when not (yet) known, which assumes it can. */
  browser?: { webauthn: boolean; platformAuthenticator: boolean };
};

/** `reason`: a Text (the door words it in the reader's language), or a string from older flows' state. */
export type Eligibility = { type: RegistrableType; available: boolean; reason?: Message };

function allowedByInput(type: RegistrableType, allowed?: readonly AllowedTypeName[]) {
  if (!allowed) return true;
  if (allowed.includes(type)) return true;
  return (type === "PLATFORM" || type === "SECURITY_KEY") && allowed.includes("FIDO2");
}

function enabledByFeatures(type: RegistrableType, features: EligibilityInput["features"]) {
  switch (type) {
    case "SMS":
    case "VOICE":
      return features.isSmsOTPEnabled;
    case "EMAIL":
      return features.isEmailOTPEnabled;
    case "PLATFORM":
    case "SECURITY_KEY":
      return features.isFidoPasskeyEnabled;
    case "TOTP":
    // The authenticator is served by this application itself (/authenticator): nothing to switch on.
    case "MOBILE":
      return true;
  }
}

/**
 * "Gather device types that user can register with" (registration subflow): every type, and for each
 * whether it can be added now and, if not, why. Types switched off by input or feature flags are left
 * out altogether; types the user could have but cannot now (limits, browser) stay, with the reason.
 */
export function deviceEligibility(input: EligibilityInput): Eligibility[] {
  const total = input.existing.length;
  return REGISTRABLE_TYPES.filter((type) => allowedByInput(type, input.allowedDeviceTypes) && enabledByFeatures(type, input.features)).map(
    (type): Eligibility => {
      if (total >= input.limits.maxDevicesPerUser) {
        return { type, available: false, reason: text("devices.limits.userLimit", { max: input.limits.maxDevicesPerUser }) };
      }
      if (input.existing.filter((t) => t === type).length >= input.limits.maxDevicesPerType) {
        return { type, available: false, reason: text("devices.limits.typeLimit", { max: input.limits.maxDevicesPerType }) };
      }
      if (type === "PLATFORM" && input.browser && !input.browser.platformAuthenticator) {
        return { type, available: false, reason: text("devices.limits.noPlatform") };
      }
      if (type === "SECURITY_KEY" && input.browser && !input.browser.webauthn) {
        return { type, available: false, reason: text("devices.limits.noSecurityKey") };
      }
      return { type, available: true };
    },
  );
}

/** Why none of the eligibility's types can be added (lib/devices/eligible-device-types.ts whyNoNewDevice). */
export function noNewDeviceReason(eligibility: { available: boolean; reason?: Message }[], maxDevicesPerUser: number): Text | null {
  if (eligibility.some((e) => e.available)) return null;
  const atUserLimit = eligibility.length > 0 && eligibility.every((e) => isText(e.reason) && e.reason.key === "devices.limits.userLimit");
  if (atUserLimit) return text("devices.limits.atUserLimit", { max: maxDevicesPerUser });
  return text("devices.limits.everyKind");
}
