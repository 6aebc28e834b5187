import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { config } from "@/lib/config";
import type { RequestMeta } from "@/lib/audit/record-audit-event";

export type AuthMethod = "pwd" | "magic_link" | "otp" | "totp" | "webauthn" | "passkey" | "push" | "mobile_passcode" | "device_key" | "widget_token" | "recovery_code";

/** The session a request acts as: its row id and the family its flows belong to. */
export type SessionRef = { id: string; familyId: string };

/**
 * A new session row; the caller puts its id in next-auth's cookie (a new token at every sign-in).
 * Without `familyId` it is a new sign-in and so a new family; with it, a replacement within one.
 */
export async function createSession(options: {
  userId: string;
  methods: AuthMethod[];
  meta: RequestMeta;
  /** The account has MFA on and only the first factor was given: this session can only finish signing in. */
  secondFactorPending?: boolean;
  familyId?: string;
  /** Carried from the pending session it replaces: which registered browser this sign-in proved (lib/device-keys). */
  browserCheck?: string | null;
  /** This session replaces a pending one whose second factor was just given: the sign-in is now complete. */
  completesSignIn?: boolean;
}, client: Tx | typeof db = db) {
  const now = new Date();
  // A complete session of a new family, or one finishing a pending sign-in, is a sign-in; a step-up's
  // replacement is not. The admin console lists it (lib/admin).
  const signedIn = !options.secondFactorPending && (options.familyId === undefined || options.completesSignIn);
  if (signedIn) await client.user.update({ where: { id: options.userId }, data: { lastSignInAt: now }, select: { id: true } });
  // `client`: a transaction, when the new session must appear together with other writes (a sign-in's
  // redemption revokes the pending session and records the sign-in in the same transaction).
  return client.session.create({
    data: {
      userId: options.userId,
      familyId: options.familyId ?? randomUUID(),
      authMethods: options.methods.join(","),
      secondFactorPending: options.secondFactorPending ?? false,
      browserCheck: options.browserCheck ?? null,
      authenticatedAt: now,
      expiresAt: new Date(now.getTime() + config().session.lengthMinutes * 60_000),
      ip: options.meta.ip ?? null,
      userAgent: options.meta.userAgent ?? null,
      location: options.meta.location ?? null,
    },
  });
}

/** The methods a session has used, with one more. */
export function withMethod(authMethods: string, method: AuthMethod): AuthMethod[] {
  return [...new Set([...authMethods.split(",").filter(Boolean), method])] as AuthMethod[];
}

/**
 * Replaces a live session with a new one of the same family after the user proved who they are again
 * (a step-up or a password re-confirmation): a new token, the old one revoked (security.md item 21).
 * The absolute lifetime still counts from the sign-in. Exactly one of two racing rotations wins; the
 * other gets null, as does a session that is no longer live.
 */
export async function rotateSession(options: { sessionId: string; userId: string; method: AuthMethod; meta: RequestMeta }) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const current = await tx.session.findFirst({
      where: { id: options.sessionId, userId: options.userId, revokedAt: null, secondFactorPending: false, expiresAt: { gt: now } },
    });
    if (!current) return null;
    const { count } = await tx.session.updateMany({ where: { id: current.id, revokedAt: null }, data: { revokedAt: now } });
    if (count !== 1) return null;
    return tx.session.create({
      data: {
        userId: current.userId,
        familyId: current.familyId,
        authMethods: withMethod(current.authMethods, options.method).join(","),
        authenticatedAt: now,
        lastSeenAt: now,
        expiresAt: current.expiresAt,
        ip: options.meta.ip ?? null,
        userAgent: options.meta.userAgent ?? null,
        // A widget session's replacement is still one: usable only by the widget, on its host's origin.
        widgetApplicationId: current.widgetApplicationId,
        widgetOrigin: current.widgetOrigin,
        location: options.meta.location ?? null,
      },
    });
  });
}

/**
 * How stale lastSeenAt may get before a request writes it again. Every signed-in page view reads the
 * session; writing it each time would make every view a write that waits for SQLite's one writer. The
 * idle timeout counts from the last write, so a session ends between `idleMinutes - 1` and
 * `idleMinutes` after its last request: never later than the setting, at most a minute sooner.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

type LiveSessionRow = {
  id: string;
  familyId: string;
  userId: string;
  authMethods: string;
  authenticatedAt: Date;
  secondFactorPending: boolean;
  browserCheck: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userEmail: string;
  userName: string | null;
  userRole: "USER" | "ADMIN" | "HELPDESK";
  userMfaEnabled: boolean;
};

/**
 * The portal session and its user when the session is alive (a widget session is never one, see
 * lib/widget/widget-session.ts): not revoked, within its absolute lifetime and
 * its idle timeout (security.md item 22). Touches lastSeenAt at most once a minute (above).
 *
 * Every signed-in page and action starts here, so it is one statement: the session joined to the
 * fields of its user that pages and actions use (never the password hash). Prisma's `include` would
 * send two, and each model query costs about 0.6 ms of CPU in Prisma's query compiler; this raw,
 * parameterized read costs about 0.25 ms for both (measured on the 100,000-event benchmark database).
 */
export async function findLiveSession(sessionId: string, nowMs = Date.now()) {
  const [row] = await db.$queryRaw<LiveSessionRow[]>`
    SELECT s."id", s."familyId", s."userId", s."authMethods", s."authenticatedAt", s."secondFactorPending", s."browserCheck",
           s."lastSeenAt", s."expiresAt", s."revokedAt",
           u."email" AS "userEmail", u."name" AS "userName", u."mfaEnabled" AS "userMfaEnabled",
           u."role" AS "userRole"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND s."widgetOrigin" IS NULL`;
  if (!row || row.revokedAt) return null;
  const idleLimit = config().session.idleMinutes * 60_000;
  const idle = nowMs - row.lastSeenAt.getTime();
  if (row.expiresAt.getTime() <= nowMs || idle > idleLimit) return null;
  if (idle > LAST_SEEN_RESOLUTION_MS) {
    // Conditional, so of two requests racing past the minute only one writes.
    await db.session.updateMany({ where: { id: row.id, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: new Date(nowMs) } });
  }
  const { userEmail, userName, userMfaEnabled, userRole, ...session } = row;
  return { ...session, user: { id: row.userId, email: userEmail, name: userName, mfaEnabled: Boolean(userMfaEnabled), role: userRole } };
}

export async function revokeSession(sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every live session of a user inside the caller's transaction (a password reset, an
 * administrator's "sign out everywhere", the user's "sign out all others" with `exceptFamilyId`), so
 * the audit row that counts them lands with them. Pending sign-ins are sessions too and end as well.
 * Returns how many ended.
 */
export async function endUserSessions(tx: Tx, options: { userId: string; now: Date; exceptFamilyId?: string }): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId: options.userId, revokedAt: null, expiresAt: { gt: options.now }, ...(options.exceptFamilyId ? { familyId: { not: options.exceptFamilyId } } : {}) },
    data: { revokedAt: options.now },
  });
  return count;
}
