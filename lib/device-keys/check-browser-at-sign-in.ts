import "server-only";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { replaceSession } from "@/lib/auth/complete-authentication-flow";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { db } from "@/lib/db";
import { issueDeviceKeyChallenge, verifyDeviceKey, type DeviceKeyVerdict } from "@/lib/device-keys/challenges";
import { text, type Text } from "@/lib/i18n/text";

/** A session between its first factor and the end of sign-in, as findLiveSession reads it. */
export type PendingSession = { id: string; userId: string; familyId: string; authMethods: string; secondFactorPending: boolean; browserCheck?: string | null };

/** The browser proves itself against a nonce that only this sign-in (its session family) can answer. */
export function browserCheckNonce(session: PendingSession) {
  return issueDeviceKeyChallenge({ userId: session.userId, owner: { sessionFamilyId: session.familyId } });
}

export const UNKNOWN_BROWSER_MESSAGE = text("authentication.browserCheck.unknownBrowser");

export type BrowserCheckOutcome =
  /** A remembered browser (or, with KNOWN_DEVICES_ONLY, a known one of an account without a second factor): signed in. */
  | { status: "signed-in"; session: { id: string; expiresAt: Date } }
  /** Go on to the second factor; `forgetLocalKey` when the browser's key is not this account's any more. */
  | { status: "second-factor"; forgetLocalKey: boolean }
  /** KNOWN_DEVICES_ONLY and not a known browser: the sign-in ends here. */
  | { status: "refused"; message: Text };

/**
 * Between the first factor and the second: what this browser's device key (if any) proves.
 * - known and remembered (within DEVICE_KEY_REMEMBER_DAYS, not blocked): the second factor is skipped,
 *   never the first; the pending session is replaced by a complete one ("pwd,device_key").
 * - with KNOWN_DEVICES_ONLY, a browser that proves nothing is refused after the password, audited, and
 *   its pending session ended; a known one goes on to the second factor (or is signed in, when the
 *   account has none).
 * - otherwise the second factor, as without device keys.
 * The answer is kept on the session (browserCheck), so the page asks once per sign-in.
 */
export async function checkBrowserAtSignIn(options: {
  session: PendingSession;
  proof: { keyId: unknown; nonce: unknown; signature: unknown } | null;
  meta: RequestMeta;
}): Promise<BrowserCheckOutcome> {
  const { session, meta } = options;
  if (!session.secondFactorPending) return { status: "second-factor", forgetLocalKey: false };
  const verdict: DeviceKeyVerdict = options.proof
    ? await verifyDeviceKey({ userId: session.userId, ...options.proof, owner: { sessionFamilyId: session.familyId }, meta })
    : { known: false, reason: "UNKNOWN_KEY" };
  const knownOnly = (await devicePolicyFor()).knownDevicesOnly;

  if (verdict.known && (verdict.remembered || (knownOnly && !(await requiresSecondFactor(session.userId))))) {
    const details = { keyId: verdict.keyId, remembered: verdict.remembered, secondFactor: false };
    const created = await db.$transaction((tx) => replaceSession(tx, { session, method: "device_key", meta, details }));
    if (created) return { status: "signed-in", session: created };
    return { status: "second-factor", forgetLocalKey: false };
  }

  if (knownOnly && !verdict.known) {
    await db.$transaction(async (tx) => {
      await tx.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: new Date(), browserCheck: "none" } });
      await recordAuditEvent(tx, {
        action: "user.unknown_browser_refused",
        userId: session.userId,
        details: { reason: verdict.reason, keyId: typeof options.proof?.keyId === "string" ? options.proof.keyId.slice(0, 128) : null },
        meta,
      });
    });
    return { status: "refused", message: UNKNOWN_BROWSER_MESSAGE };
  }

  await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { browserCheck: verdict.known ? verdict.keyId : "none" } });
  return { status: "second-factor", forgetLocalKey: !verdict.known && verdict.reason === "UNKNOWN_KEY" && options.proof !== null };
}

/**
 * "Remember this browser", ticked on the second-factor page, once the sign-in is complete: the key this
 * browser proved during this sign-in is remembered again for the window; otherwise a new key is
 * registered (the caller passes its public key). `provedKeyId` is the pending session's browserCheck.
 */
export async function rememberedAgain(options: { userId: string; provedKeyId: string | null; now?: Date }): Promise<{ keyId: string; rememberedUntil: Date } | null> {
  if (!options.provedKeyId || options.provedKeyId === "none") return null;
  const now = options.now ?? new Date();
  const rememberedUntil = new Date(now.getTime() + (await devicePolicyFor()).rememberBrowserDays * 86_400_000);
  const { count } = await db.deviceKey.updateMany({ where: { userId: options.userId, keyId: options.provedKeyId, status: "ACTIVE" }, data: { rememberedUntil } });
  return count === 1 ? { keyId: options.provedKeyId, rememberedUntil } : null;
}
