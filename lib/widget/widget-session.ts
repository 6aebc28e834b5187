import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { widgetSessionSignature as signature } from "@/lib/otp/keyed-hash";
import { safeEqual } from "@/lib/auth/tokens";
import { LAST_SEEN_RESOLUTION_MS } from "@/lib/auth/sessions";

/**
 * A widget session: the session a spent widget token opened (./widget-tokens.ts). The iframe keeps
 * its credential in memory and sends it with each request to the flow door
 * (`Authorization: Bearer …`), because no cookie of ours reaches a frame on another site. It is a
 * Session row like any other (its flows belong to its family, a step-up rotates it), marked with the
 * application and host origin it was opened for, and the two kinds never stand in for each other: the
 * cookie's lookup refuses widget sessions (lib/auth/sessions.ts), this one refuses all others.
 *
 * The credential is the row id and an HMAC of it under a key derived from AUTH_SECRET for this use alone (lib/otp/keyed-hash.ts): a row id alone (a cuid, shown in
 * the admin console) is no secret, and a signature needs no column or extra read to check.
 */
const SCHEME = /^Bearer +(\S{1,200})$/i;

export function widgetSessionCredential(session: { id: string }): string {
  return `${session.id}.${signature(session.id)}`;
}

/** The session id in a well-signed credential, else null. */
export function widgetSessionIdOf(authorization: string | null): string | null {
  const credential = SCHEME.exec(authorization?.trim() ?? "")?.[1];
  if (!credential) return null;
  const dot = credential.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = credential.slice(0, dot);
  return safeEqual(credential.slice(dot + 1), signature(id)) ? id : null;
}

/**
 * The live widget session behind a request's credential, with its user, in the shape the flow door
 * reads a cookie's session in; null when the credential is bad, the session is revoked, past its
 * lifetime or idle timeout, or its application was revoked meanwhile.
 */
export async function findLiveWidgetSession(authorization: string | null, nowMs = Date.now()) {
  const id = widgetSessionIdOf(authorization);
  if (!id) return null;
  const row = await db.session.findFirst({
    where: { id, revokedAt: null, widgetOrigin: { not: null }, expiresAt: { gt: new Date(nowMs) } },
    include: { user: { select: { id: true, email: true, name: true, mfaEnabled: true, role: true } } },
  });
  if (!row || !row.widgetApplicationId) return null;
  if (nowMs - row.lastSeenAt.getTime() > config().session.idleMinutes * 60_000) return null;
  const application = await db.apiApplication.findFirst({ where: { id: row.widgetApplicationId, revokedAt: null }, select: { id: true } });
  if (!application) return null;
  if (nowMs - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: row.id, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: new Date(nowMs) } });
  }
  return { ...row, widgetOrigin: row.widgetOrigin!, widgetApplicationId: row.widgetApplicationId };
}
