import "server-only";
import { db } from "@/lib/db";

/**
 * A right code proves the person holds the device: its count and the account's start again
 * (security.md item 6). Other devices keep theirs, and any lockout of theirs runs its course.
 */
export async function resetFailedAttempts(options: { userId: string; deviceId?: string }) {
  const { userId, deviceId } = options;
  await db.$transaction([
    ...(deviceId === undefined
      ? []
      : [db.device.updateMany({ where: { id: deviceId, userId }, data: { failedAttempts: 0, lockedUntil: null } })]),
    db.user.updateMany({ where: { id: userId }, data: { failedMfaAttempts: 0 } }),
  ]);
}
