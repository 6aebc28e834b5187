import "server-only";
import { db } from "@/lib/db";

/**
 * Withdraws a flow's pending push (the person chose another device or left), so the phone stops
 * listing it and an approval arriving late finds nothing to approve. Returns how many were withdrawn.
 */
export async function cancelPushChallenge(options: { flowExecutionId: string; userId: string; now?: Date }): Promise<number> {
  const { count } = await db.pushChallenge.updateMany({
    where: { flowExecutionId: options.flowExecutionId, userId: options.userId, status: "PENDING" },
    data: { status: "CANCELED", decidedAt: options.now ?? new Date() },
  });
  return count;
}
