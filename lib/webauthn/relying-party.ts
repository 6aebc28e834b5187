import "server-only";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { currentBranding } from "@/lib/branding/current-branding";
import { AppError } from "@/lib/errors/app-error";

export type RelyingParty = {
  /**
   * rpID: the domain credentials are scoped to (WEBAUTHN_RP_ID, default APP_URL's hostname). The
   * authenticator signs its hash, so a response made for any other domain fails verification; and a
   * credential only ever works for the rpID it was created for, so changing it orphans every passkey.
   */
  id: string;
  /** The exact origin (scheme, host, port) the ceremonies must run on (security.md item 14). */
  origin: string;
};

export function relyingParty(): RelyingParty {
  const { webauthn, appOrigin } = config();
  return { id: webauthn.rpId, origin: appOrigin };
}

/** Shown by the browser and the authenticator when a credential is created: WEBAUTHN_RP_NAME, else the company name. */
export async function relyingPartyName(): Promise<string> {
  return config().webauthn.rpName ?? (await currentBranding()).companyName;
}

/**
 * The origin a ceremony must have run on: ours, unless an API application names another (`origin` in
 * the flow API), which must be one the operator allowed in WEBAUTHN_API_ORIGINS. Never an origin the
 * caller merely asserts: the authenticator signed the origin the browser saw, and it must match this.
 */
export function expectedOrigin(requested?: string): string {
  const rp = relyingParty();
  if (requested === undefined || requested === rp.origin) return rp.origin;
  if (config().webauthn.apiOrigins.includes(requested)) return requested;
  throw new AppError("VALIDATION", "This origin is not allowed for WebAuthn here.", {
    origin: [`Use ${rp.origin}, or ask the operator to add the origin to WEBAUTHN_API_ORIGINS.`],
  });
}

export type UserVerification = "required" | "preferred" | "discouraged";

/**
 * userVerification: whether the authenticator must check that it is the holder (PIN, fingerprint,
 * face), not merely that someone touched it. "required": options ask for it and verification refuses
 * a response without the UV flag. "preferred": asked for, not enforced, and the flag is recorded on
 * the device. "discouraged": not asked for. Options and verification both read it from here, so the
 * two never disagree (security.md item 16).
 */
export async function userVerification(): Promise<UserVerification> {
  return (await devicePolicyFor()).webauthnUserVerification;
}

/** Verification enforces the UV flag only when the policy requires it; otherwise it is recorded. */
export const requiresUserVerification = async () => (await userVerification()) === "required";
