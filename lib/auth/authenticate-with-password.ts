import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

/**
 * Checks an email and password and opens a session. Unknown email and wrong password give the same
 * null after the same amount of hashing work (security.md item 24).
 */
export async function authenticateWithPassword(options: { email: string; password: string; meta: RequestMeta }) {
  const user = await db.user.findUnique({ where: { email: options.email } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  if (!user || !ok) {
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
    return null;
  }
  const session = await createSession({ userId: user.id, methods: ["pwd"], meta: options.meta, secondFactorPending: user.mfaEnabled });
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { action: "user.signed_in", userId: user.id, details: { method: "pwd" }, meta: options.meta }),
  );
  return { user, session };
}
