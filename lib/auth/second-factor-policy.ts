import "server-only";
import { db } from "@/lib/db";

/**
 * The account's highest level of proof, which a step-up must reach (security.md item 8) and which an
 * emailed sign-in link alone never does: with MFA on and at least one active device, a second factor;
 * otherwise the password. A device this browser or this moment cannot use does not lower it: the
 * person is sent to another device or a recovery path, never back to the password alone.
 */
export async function requiresSecondFactor(userId: string) {
  // One active device of this user whose account has MFA on: a lookup through the (userId) index and
  // the user's row. A `_count` of the user's devices would be computed by grouping every device of
  // every account, on each sign-in.
  const device = await db.device.findFirst({
    where: { userId, status: "ACTIVE", user: { mfaEnabled: true } },
    select: { id: true },
  });
  return device !== null;
}
