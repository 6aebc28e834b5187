import "server-only";
import crypto from "node:crypto";

/**
 * A numeric code from the CSPRNG, uniform over all `length`-digit strings (leading zeros included).
 * Called through the module object so a test can watch the call.
 */
export function generatePasscode(length: number): string {
  if (!Number.isInteger(length) || length < 6 || length > 10) throw new RangeError("Passcode length must be 6 to 10 digits.");
  // randomInt is unbiased and its exclusive bound must stay below 2^48; 10^10 does.
  return crypto.randomInt(0, 10 ** length).toString().padStart(length, "0");
}

/** People paste codes with spaces or dashes ("123 456", "123-456") and phones may capitalise. */
export function normalizePasscode(input: string): string {
  return input.trim().replace(/[\s-]+/g, "").toLowerCase();
}
