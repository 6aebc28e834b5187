import "server-only";
import { db } from "@/lib/db";
import type { PushChallengeStatus } from "@/lib/generated/prisma/client";

export type PushChallengeState = {
  id: string;
  deviceId: string;
  /** The number the sign-in page shows while the challenge is pending. */
  number: number;
  status: PushChallengeStatus;
  expiresAt: Date;
  decidedAt: Date | null;
};

/**
 * The newest push challenge of a flow, for the flow to poll (or a live channel to re-read): PENDING,
 * APPROVED, DENIED, EXPIRED or CANCELED. A pending one past its time is turned into EXPIRED here, by a
 * conditional UPDATE, so an approval that races the timeout either lands before it or not at all.
 * Bound to the flow and its user (security.md item 25); null when the flow has sent none.
 */
export async function pushChallengeStatus(options: { flowExecutionId: string; userId: string; now?: Date }): Promise<PushChallengeState | null> {
  const now = options.now ?? new Date();
  const select = { id: true, deviceId: true, number: true, status: true, expiresAt: true, decidedAt: true } as const;
  const challenge = await db.pushChallenge.findFirst({
    where: { flowExecutionId: options.flowExecutionId, userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
  });
  if (!challenge || challenge.status !== "PENDING" || challenge.expiresAt > now) return challenge;
  await db.pushChallenge.updateMany({ where: { id: challenge.id, status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
  return db.pushChallenge.findUnique({ where: { id: challenge.id }, select });
}
