import "server-only";
import { seal, unseal } from "@/lib/crypto/sealed-secret";

/**
 * A new set of codes as a flow's state keeps them between the step that made them and the person going
 * on: sealed, so the flow's row holds no readable code, and dropped from the state when the person
 * goes on. The database keeps only their hashes.
 */
export function sealRecoveryCodes(codes: string[]): string {
  return seal("recovery-codes", JSON.stringify(codes));
}

export function openRecoveryCodes(sealed: string): string[] | null {
  const opened = unseal("recovery-codes", sealed);
  if (!opened) return null;
  const codes = JSON.parse(opened) as unknown;
  return Array.isArray(codes) && codes.every((c) => typeof c === "string") ? codes : null;
}
