import "server-only";
import { PayloadError, withinSignatureWindow } from "@/lib/authenticator-protocol/payloads";
import { verifyPayloadSignature } from "@/lib/authenticator-protocol/sign";
import { MobileAuthError } from "@/lib/mobile/mobile-error";

/**
 * Every request a phone signs is checked the same way (security.md item 20): its canonical payload
 * must build from the fields (else INVALID_REQUEST), the device's key must have signed it (else
 * SIGNATURE_INVALID), and it must be recent (else SIGNATURE_EXPIRED), in that order.
 */
export async function verifySignedRequest(options: {
  publicKey: string;
  payload: () => string;
  signature: unknown;
  signedAt: number;
  now: Date;
}): Promise<void> {
  let payload: string;
  try {
    payload = options.payload();
  } catch (error) {
    if (error instanceof PayloadError) throw new MobileAuthError("INVALID_REQUEST");
    throw error;
  }
  if (typeof options.signature !== "string" || !(await verifyPayloadSignature(options.publicKey, payload, options.signature))) {
    throw new MobileAuthError("SIGNATURE_INVALID");
  }
  if (!withinSignatureWindow(options.signedAt, options.now.getTime())) throw new MobileAuthError("SIGNATURE_EXPIRED");
}
