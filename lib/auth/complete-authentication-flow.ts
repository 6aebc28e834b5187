import "server-only";
import { db } from "@/lib/db";
import { createSession, rotateSession, withMethod, type AuthMethod, type SessionRef } from "@/lib/auth/sessions";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

type AuthenticationOutput = { ciam_subflowResult?: string; ciam_authMethod?: AuthMethod };

/**
 * Marks a finished, successful Device Authentication flow as used, once, for the session family that
 * started it. Any other session (the same user's included) is refused, and the attempt audited: a
 * session that knows only the password must never turn the owner's second factor into its own.
 */
async function redeem(options: { flowId: string; session: SessionRef & { userId: string }; meta: RequestMeta }) {
  const flow = await db.flowExecution.findFirst({
    where: { id: options.flowId, userId: options.session.userId, kind: "device-authentication" },
    select: { id: true, result: true, sessionFamilyId: true, redeemedAt: true },
  });
  if (flow && flow.sessionFamilyId !== options.session.familyId) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        action: "flow.redemption_refused",
        userId: options.session.userId,
        details: { flowExecutionId: flow.id, reason: "another session started this flow" },
        meta: options.meta,
      }),
    );
    return null;
  }
  const result = flow?.result ? (JSON.parse(flow.result) as { status: string; output: AuthenticationOutput }) : null;
  if (!flow || flow.redeemedAt || result?.status !== "success" || result.output.ciam_subflowResult !== "AUTHENTICATED") return null;
  const { count } = await db.flowExecution.updateMany({
    where: { id: flow.id, sessionFamilyId: options.session.familyId, redeemedAt: null },
    data: { redeemedAt: new Date() },
  });
  return count === 1 ? (result.output.ciam_authMethod ?? "otp") : null;
}

/**
 * The second factor at sign-in: turns this session's finished Device Authentication flow into a new,
 * complete session of the same family and revokes the pending one, so the token from before the second
 * factor stops working (security.md item 21).
 */
export async function completeAuthenticationFlow(options: { flowId: string; sessionId: string; meta: RequestMeta }) {
  const current = await db.session.findUnique({ where: { id: options.sessionId } });
  if (!current || current.revokedAt) return null;
  const method = await redeem({ flowId: options.flowId, session: current, meta: options.meta });
  if (!method) return null;

  const session = await createSession({ userId: current.userId, familyId: current.familyId, methods: withMethod(current.authMethods, method), meta: options.meta });
  await db.$transaction(async (tx) => {
    await tx.session.update({ where: { id: current.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: current.secondFactorPending ? "user.signed_in" : "user.reauthenticated",
      userId: current.userId,
      details: { method, secondFactor: true },
      meta: options.meta,
    });
  });
  return { session, userId: current.userId };
}

/**
 * A step-up before a sensitive change: this session's finished Device Authentication subflow, used
 * once, replaces the session with a new, freshly authenticated one of the same family (security.md
 * item 21). Returns the new session, or null when nothing was proved or the session is not live.
 */
export async function applyStepUp(options: { flowId: string; sessionId: string | null; meta: RequestMeta }) {
  if (!options.sessionId) return null;
  const session = await db.session.findUnique({ where: { id: options.sessionId } });
  if (!session || session.revokedAt || session.secondFactorPending) return null;
  const method = await redeem({ flowId: options.flowId, session, meta: options.meta });
  if (!method) return null;
  const renewed = await rotateSession({ sessionId: session.id, userId: session.userId, method, meta: options.meta });
  if (!renewed) return null;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { action: "user.reauthenticated", userId: session.userId, details: { method, reason: "step-up" }, meta: options.meta }),
  );
  return renewed;
}
