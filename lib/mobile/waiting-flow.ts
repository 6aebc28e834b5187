import "server-only";
import { db } from "@/lib/db";

/**
 * Which flow waits for what a phone just did. Pairing keys and push challenges are bound to the flow
 * that made them (security.md item 25); the phone's endpoints use these to tell that flow, and only it.
 */

/** The flow whose pairing key a device was just paired with: its newest used key's. */
export async function flowOfPairedDevice(deviceId: string): Promise<{ flowId: string; userId: string } | null> {
  const key = await db.pairingKey.findFirst({
    where: { deviceId, usedAt: { not: null } },
    orderBy: [{ usedAt: "desc" }, { id: "desc" }],
    select: { flowExecutionId: true, userId: true },
  });
  return key ? { flowId: key.flowExecutionId, userId: key.userId } : null;
}

/** The flow that asked for a push challenge. */
export async function flowOfPushChallenge(challengeId: string): Promise<{ flowId: string; userId: string } | null> {
  const challenge = await db.pushChallenge.findUnique({ where: { id: challengeId }, select: { flowExecutionId: true, userId: true } });
  return challenge ? { flowId: challenge.flowExecutionId, userId: challenge.userId } : null;
}
