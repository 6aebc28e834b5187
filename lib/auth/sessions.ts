import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import type { RequestMeta } from "@/lib/audit/record-audit-event";

export type AuthMethod = "pwd" | "magic_link" | "otp" | "totp" | "webauthn" | "passkey";

/** A new session row; the caller puts its id in next-auth's cookie (a new token at every sign-in). */
export async function createSession(options: {
  userId: string;
  methods: AuthMethod[];
  meta: RequestMeta;
  /** The account has MFA on and only the first factor was given: this session can only finish signing in. */
  secondFactorPending?: boolean;
}) {
  const now = new Date();
  return db.session.create({
    data: {
      userId: options.userId,
      authMethods: options.methods.join(","),
      secondFactorPending: options.secondFactorPending ?? false,
      authenticatedAt: now,
      expiresAt: new Date(now.getTime() + config().session.lengthMinutes * 60_000),
      ip: options.meta.ip ?? null,
      userAgent: options.meta.userAgent ?? null,
    },
  });
}

/**
 * The session and its user when the session is alive: not revoked, within its absolute lifetime and
 * its idle timeout (security.md item 22). Touches lastSeenAt at most once a minute.
 */
export async function findLiveSession(sessionId: string) {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt) return null;
  const now = Date.now();
  const idleLimit = config().session.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimit) return null;
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return session;
}

export async function revokeSession(sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
