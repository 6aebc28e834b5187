import "server-only";
import { randomBytes } from "node:crypto";
import { canonicalPublicKey, InvalidPublicKeyError } from "@/lib/authenticator-protocol/keys";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { serializeOn } from "@/lib/database/serialize-on";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { describeBrowser } from "@/lib/http/user-agent";
import { text } from "@/lib/i18n/text";
import { notifyAccountChange } from "@/lib/notify/notify-account-change";

export const DISPLAY_NAME_MAX = 60;

/** "Chrome on macOS" from the user agent, else a plain name the person can change. */
export function displayNameFor(userAgent: string | null | undefined): string {
  return describeBrowser(userAgent) ?? "Browser";
}

export type RegisteredDeviceKey = { keyId: string; displayName: string; rememberedUntil: Date | null; removedOthers: number };

/**
 * Register device (seed 002): stores the public half of a key pair the browser made, under a new
 * random keyId, for a user who has just authenticated (the caller's job: a complete session, or an
 * application's own user). With `remember`, the browser skips the second factor until
 * rememberedUntil (DEVICE_KEY_REMEMBER_DAYS). Policies: at most DEVICE_KEYS_PER_USER keys (CONFLICT
 * beyond), and with SINGLE_DEVICE_KEY every other key of the user is removed. Audited and told.
 */
export async function registerDeviceKey(options: {
  userId: string;
  publicKey: unknown;
  remember: boolean;
  displayName?: string | null;
  applicationId?: string | null;
  meta: RequestMeta;
  /**
   * The browser, when the caller is not the browser: an application's server registers over the API,
   * and its own address and user agent (meta, for the audit row) are not the browser's. Unknown parts
   * stay null rather than naming the server as the browser.
   */
  browser?: { ip: string | null; userAgent: string | null };
  now?: Date;
}): Promise<RegisteredDeviceKey> {
  const now = options.now ?? new Date();
  const policy = await devicePolicyFor();
  let publicKey: string;
  try {
    if (typeof options.publicKey !== "string" || options.publicKey.length > 512) throw new InvalidPublicKeyError();
    publicKey = await canonicalPublicKey(options.publicKey);
  } catch (error) {
    if (error instanceof InvalidPublicKeyError) throw new AppError("VALIDATION", "The public key must be an ECDSA P-256 key (SPKI, base64url).", { publicKey: ["Not an ECDSA P-256 public key."] });
    throw error;
  }
  const seenFrom = options.browser ?? { ip: options.meta.ip ?? null, userAgent: options.meta.userAgent ?? null };
  const displayName = (options.displayName?.trim() || displayNameFor(seenFrom.userAgent)).slice(0, DISPLAY_NAME_MAX);
  const keyId = randomBytes(16).toString("base64url");
  const rememberedUntil = options.remember ? new Date(now.getTime() + policy.rememberBrowserDays * 86_400_000) : null;

  const { email, removedOthers } = await db.$transaction(async (tx) => {
    // The count and the single-device sweep read, then write: one registration per user at a time.
    await serializeOn(tx, `user:${options.userId}`);
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { email: true } });
    if (!user) throw new AppError("NOT_FOUND", "User not found.");
    let removedOthers = 0;
    if (policy.singleDeviceKey) {
      ({ count: removedOthers } = await tx.deviceKey.deleteMany({ where: { userId: options.userId } }));
    } else if ((await tx.deviceKey.count({ where: { userId: options.userId } })) >= policy.deviceKeysPerUser) {
      throw new AppError("CONFLICT", `An account can register at most ${policy.deviceKeysPerUser} browsers. Forget one you no longer use first.`);
    }
    await tx.deviceKey.create({
      data: {
        keyId,
        userId: options.userId,
        publicKey,
        displayName,
        userAgent: seenFrom.userAgent?.slice(0, 512) ?? null,
        applicationId: options.applicationId ?? null,
        rememberedUntil,
        createdAt: now,
        lastSeenAt: now,
        lastSeenIp: seenFrom.ip,
      },
    });
    await recordAuditEvent(tx, {
      action: "device_key.registered",
      userId: options.userId,
      applicationId: options.applicationId ?? undefined,
      details: { keyId, displayName, remembered: options.remember, removedOthers },
      meta: options.meta,
    });
    return { email: user.email, removedOthers };
  });
  await notifyAccountChange({
    email,
    action: "device_key.registered",
    deviceLabel: removedOthers > 0 ? text("emails.accountChange.browserReplacing", { name: displayName, count: removedOthers }) : displayName,
    when: now,
  });
  return { keyId, displayName, rememberedUntil, removedOthers };
}
