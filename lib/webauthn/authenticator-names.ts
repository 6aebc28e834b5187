/**
 * Names for well-known authenticators, keyed by AAGUID, so a new passkey gets a nickname people
 * recognise ("iCloud Keychain") instead of a generic one. Pure. Values come from the community list
 * github.com/passkeydeveloper/passkey-authenticator-aaguids and the FIDO Metadata Service; only a few
 * common ones are kept here, and anything else falls back to the device type's name.
 */
import type { WebAuthnDeviceType } from "@/lib/webauthn/credential-data";

/** Authenticators that do not identify themselves (and most under attestation "none") send this. */
export const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

export const defaultAuthenticatorName: Record<WebAuthnDeviceType, string> = {
  PLATFORM: "Passkey",
  SECURITY_KEY: "Security key",
};

const names: Record<string, string> = {
  // Platform and browser passkey providers.
  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "iCloud Keychain",
  "dd4ec289-e01d-41c9-bb89-70fa845d4bf2": "iCloud Keychain (Managed)",
  "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
  "adce0002-35bc-c60a-648b-0b25f1f05503": "Chrome on Mac",
  "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
  "9ddd1817-af5a-4672-a2b9-3e3dd95000a9": "Windows Hello",
  "6028b017-b1d4-4c02-b4b3-afcdafc96bb2": "Windows Hello",
  "53414d53-554e-4700-0000-000000000000": "Samsung Pass",
  // Password managers.
  "bada5566-a7aa-401f-bd96-45619a55120d": "1Password",
  "d548826e-79b4-db40-a3d8-11116f7e8349": "Bitwarden",
  "531126d6-e717-415c-9320-3d9aa6981239": "Dashlane",
  // Security keys (YubiKey 5 series, by firmware generation).
  "cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
  "ee882879-721c-4913-9775-3dfcce97072a": "YubiKey 5 Series",
  "19083c3d-8383-4b18-bc03-8f1c9ab2fd1b": "YubiKey 5 Series",
  "fa2b99dc-9e39-4257-8f92-4a30d23c4118": "YubiKey 5 Series with NFC",
  "2fc0579f-8113-47ea-b116-bb5a8db9202a": "YubiKey 5 Series with NFC",
  "a25342c0-3cdc-4414-8e46-f4807fca511c": "YubiKey 5 Series with NFC",
  "c5ef55ff-ad9a-4b9f-b580-adebafe026d0": "YubiKey 5 Series with Lightning",
};

/** The authenticator's name from its AAGUID, or the device type's name when it is unknown or zero. */
export function authenticatorName(aaguid: string | null | undefined, type: WebAuthnDeviceType): string {
  const key = (aaguid ?? "").trim().toLowerCase();
  return names[key] ?? defaultAuthenticatorName[type];
}
