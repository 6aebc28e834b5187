import "server-only";
import { db } from "@/lib/db";

/**
 * The account's highest level of proof, which a step-up must reach (security.md item 8) and which an
 * emailed sign-in link alone never does: with MFA on and at least one active device, a second factor;
 * otherwise the password. A device this browser or this moment cannot use does not lower it: the
 * person is sent to another device or a recovery path, never back to the password alone.
 */
export async function requiresSecondFactor(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { mfaEnabled: true, _count: { select: { devices: { where: { status: "ACTIVE" } } } } },
  });
  return Boolean(user?.mfaEnabled && user._count.devices > 0);
}
