import "server-only";
import { db } from "@/lib/db";

export type Ceremony = "registration" | "authentication";

/** How long a ceremony may take; the options' `timeout` says the same to the browser. */
export const CHALLENGE_TTL_SECONDS = 300;

type ChallengeBinding = {
  /** null only for a discoverable passkey sign-in, where the user is not known until the response. */
  userId: string | null;
  flowExecutionId: string;
  ceremony: Ceremony;
};

/**
 * Keeps a challenge the server generated, bound to one user, flow and ceremony, until it expires
 * (security.md item 13). Only the newest challenge of a binding counts: starting again in the same
 * flow voids the previous one, so an old prompt left open elsewhere cannot be completed.
 */
export async function storeChallenge(options: ChallengeBinding & { challenge: string; now?: Date }) {
  const now = options.now ?? new Date();
  const { userId, flowExecutionId, ceremony, challenge } = options;
  await db.$transaction([
    // Expired rows of anyone go too: nothing else cleans this table.
    db.webAuthnChallenge.deleteMany({
      where: { OR: [{ userId, flowExecutionId, ceremony }, { expiresAt: { lte: now } }] },
    }),
    db.webAuthnChallenge.create({
      data: { userId, flowExecutionId, ceremony, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000) },
    }),
  ]);
}

/**
 * The binding's unspent, unexpired challenge, if any. The flow API shows its state on every read (a
 * poll, the check before an action), and a client holds the options it was given: minting a new
 * challenge per read would void the one it is signing. That door shows the live one again instead;
 * it is still spent once, by whichever response comes first, and still expires on time.
 */
export async function liveChallenge(options: ChallengeBinding & { now?: Date }): Promise<string | null> {
  const { userId, flowExecutionId, ceremony } = options;
  const row = await db.webAuthnChallenge.findFirst({
    where: { userId, flowExecutionId, ceremony, expiresAt: { gt: options.now ?? new Date() } },
    select: { challenge: true },
  });
  return row?.challenge ?? null;
}

/**
 * Spends a challenge: true for exactly one caller, and only with the binding it was stored under and
 * before it expires. One conditional DELETE, never read-then-write, so a replayed or parallel response
 * finds nothing left to spend (security.md item 13).
 */
export async function consumeChallenge(options: ChallengeBinding & { challenge: string; now?: Date }): Promise<boolean> {
  const now = options.now ?? new Date();
  const { userId, flowExecutionId, ceremony, challenge } = options;
  // A challenge comes back from the browser; an empty one must not reach the query.
  if (challenge === "") return false;
  const { count } = await db.webAuthnChallenge.deleteMany({
    where: { challenge, userId, flowExecutionId, ceremony, expiresAt: { gt: now } },
  });
  return count === 1;
}
