import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { recordAuditEvent, signInDetails, type RequestMeta } from "@/lib/audit/record-audit-event";
import { claimAttempt, clearAttempts } from "@/lib/rate-limit/progressive-delay";
import { hitFixedWindow, peekFixedWindow } from "@/lib/rate-limit/fixed-window";
import { limitKey } from "@/lib/rate-limit/keys";

export type PasswordSignIn =
  | { status: "signed-in"; user: { id: string; email: string }; session: { id: string } }
  | { status: "mismatch" }
  | { status: "wait"; limit: "account" | "address"; retryAfterSeconds: number }
  | { status: "unverified" };

/**
 * Checks an email and password and opens a session. Unknown email and wrong password give the same
 * answer after the same amount of hashing work (security.md item 24). Guessing is slowed per account
 * (keyed by the email typed, whether or not an account has it, so a wait reveals nothing) and per
 * client address (item 26). While a wait runs the password is not checked at all: no argon2 work for
 * a guess that could not be accepted anyway.
 */
export async function authenticateWithPassword(options: { email: string; password: string; meta: RequestMeta; now?: Date }): Promise<PasswordSignIn> {
  const now = options.now ?? new Date();
  const limits = config().limits.signIn;
  const addressWindow = { key: limitKey("sign-in:address", options.meta.ip ?? null), limit: limits.failuresPerAddress, windowSeconds: limits.addressWindowSeconds, now };
  const byAddress = await peekFixedWindow(addressWindow);
  if (!byAddress.allowed) return { status: "wait", limit: "address", retryAfterSeconds: byAddress.retryAfterSeconds };
  const accountKey = limitKey("sign-in:account", options.email);
  const byAccount = await claimAttempt({ key: accountKey, policy: limits, now });
  if (!byAccount.allowed) return { status: "wait", limit: "account", retryAfterSeconds: byAccount.retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email: options.email } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  if (!user || !ok) {
    await hitFixedWindow(addressWindow);
    // Audited either way: the same write on both paths keeps "no such account" and "wrong password"
    // alike in time as well as in answer (npm run bench measures the two).
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        action: "user.sign_in_failed",
        userId: user?.id ?? null,
        details: { method: "pwd", reason: user ? "wrong password" : "unknown account" },
        meta: options.meta,
      }),
    );
    return { status: "mismatch" };
  }
  // The right password ends the run of failures even when the address is still unconfirmed.
  await clearAttempts(accountKey);
  if (!user.emailVerifiedAt) {
    // Only someone who knows the password learns that the account waits for confirmation.
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { action: "user.sign_in_failed", userId: user.id, details: { method: "pwd", reason: "email unverified" }, meta: options.meta }),
    );
    return { status: "unverified" };
  }
  // With KNOWN_DEVICES_ONLY every password sign-in waits on the second-factor page until the browser
  // has proved it is registered, even for an account without a second factor (lib/device-keys).
  const secondFactorPending = user.mfaEnabled || (await devicePolicyFor()).knownDevicesOnly;
  const session = await createSession({ userId: user.id, methods: ["pwd"], meta: options.meta, secondFactorPending });
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { action: "user.signed_in", userId: user.id, details: signInDetails("pwd", secondFactorPending), meta: options.meta }),
  );
  return { status: "signed-in", user, session };
}
