import "server-only";
import { Secret } from "otpauth";
import { TOTP_SECRET_BYTES } from "@/lib/totp/totp-parameters";

/** A new shared secret from the CSPRNG, base32 as authenticator apps and the otpauth:// URI expect. */
export function createTotpSecret(): string {
  return new Secret({ size: TOTP_SECRET_BYTES }).base32;
}
