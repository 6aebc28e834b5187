import "server-only";
import { config } from "@/lib/config";
import { devicePolicy } from "@/lib/policy/device-policy";

export type RelyingParty = {
  /**
   * rpID: the domain credentials are scoped to (WEBAUTHN_RP_ID, default APP_URL's hostname). The
   * authenticator signs its hash, so a response made for any other domain fails verification; and a
   * credential only ever works for the rpID it was created for, so changing it orphans every passkey.
   */
  id: string;
  /** Shown by the browser and the authenticator when a credential is created. */
  name: string;
  /** The exact origin (scheme, host, port) the ceremonies must run on (security.md item 14). */
  origin: string;
};

export function relyingParty(): RelyingParty {
  const { webauthn, appOrigin } = config();
  return { id: webauthn.rpId, name: webauthn.rpName, origin: appOrigin };
}

export type UserVerification = "required" | "preferred" | "discouraged";

/**
 * userVerification: whether the authenticator must check that it is the holder (PIN, fingerprint,
 * face), not merely that someone touched it. "required": options ask for it and verification refuses
 * a response without the UV flag. "preferred": asked for, not enforced, and the flag is recorded on
 * the device. "discouraged": not asked for. Options and verification both read it from here, so the
 * two never disagree (security.md item 16).
 */
export function userVerification(): UserVerification {
  return devicePolicy().userVerification;
}

/** Verification enforces the UV flag only when the policy requires it; otherwise it is recorded. */
export const requiresUserVerification = () => userVerification() === "required";
