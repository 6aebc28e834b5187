import { randomInt } from "node:crypto";

/**
 * What a recovery code looks like (issue 14). Pure, so the page that shows codes and the form that
 * takes one agree with the server.
 *
 * The alphabet leaves out 0/O, 1/I/L: a code read off paper or typed from a photo cannot be misread
 * between them. 31 symbols, 10 to a code: 31^10 ≈ 2^49.5 values, far beyond what the lockout lets
 * anyone try online, and grouped 5-5 for reading aloud or typing.
 */
export const RECOVERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECOVERY_CODE_LENGTH = 10;
export const RECOVERY_CODES_PER_SET = 10;
/** Below this many unused codes the portal warns that the set is running out. */
export const RECOVERY_CODES_LOW = 3;

/** One code from the CSPRNG, uniform over the alphabet, as people read it: "ABCDE-FGHJK". */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return formatRecoveryCode(code);
}

/** A set of distinct codes (a repeat among ten ~49-bit codes is all but impossible, but cheap to rule out). */
export function newRecoveryCodeSet(count = RECOVERY_CODES_PER_SET): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

export function formatRecoveryCode(normalized: string): string {
  return `${normalized.slice(0, 5)}-${normalized.slice(5)}`;
}

/**
 * A typed code as stored (before hashing): upper case, without the spaces and dashes people type or
 * paste around it. Null when it cannot be a code at all (wrong length, a letter not in the alphabet):
 * a typing slip, which spends no attempt.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.trim().replace(/[\s-]+/g, "").toUpperCase();
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  for (const c of code) if (!RECOVERY_CODE_ALPHABET.includes(c)) return null;
  return code;
}
