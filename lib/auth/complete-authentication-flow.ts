import "server-only";
import { db } from "@/lib/db";
import { createSession, type AuthMethod } from "@/lib/auth/sessions";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

/**
 * Turns a finished Device Authentication flow into a new session, once: the second factor at sign-in,
 * or a step-up. The caller's session must be the flow owner's; it is revoked and replaced, so the token
 * from before the second factor stops working (security.md item 21).
 */
export async function completeAuthenticationFlow(options: { flowId: string; sessionId: string; meta: RequestMeta }) {
  const current = await db.session.findUnique({ where: { id: options.sessionId } });
  if (!current || current.revokedAt) return null;
  const flow = await db.flowExecution.findFirst({
    where: { id: options.flowId, userId: current.userId, kind: "device-authentication", redeemedAt: null },
  });
  const result = flow?.result ? (JSON.parse(flow.result) as { status: string; output: { ciam_subflowResult?: string; ciam_authMethod?: AuthMethod } }) : null;
  if (!flow || result?.status !== "success" || result.output.ciam_subflowResult !== "AUTHENTICATED") return null;

  const { count } = await db.flowExecution.updateMany({ where: { id: flow.id, redeemedAt: null }, data: { redeemedAt: new Date() } });
  if (count !== 1) return null;

  const method = result.output.ciam_authMethod ?? "otp";
  const methods = [...new Set([...current.authMethods.split(",").filter(Boolean), method])] as AuthMethod[];
  const session = await createSession({ userId: current.userId, methods, meta: options.meta });
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
 * Records a step-up on the session that asked for it: a finished Device Authentication flow of the same
 * user, used once, makes the session's authentication fresh for the policy's window.
 */
export async function applyStepUp(options: { flowId: string; sessionId: string | null; meta: RequestMeta }) {
  if (!options.sessionId) return false;
  const session = await db.session.findUnique({ where: { id: options.sessionId } });
  if (!session || session.revokedAt || session.secondFactorPending) return false;
  const flow = await db.flowExecution.findFirst({
    where: { id: options.flowId, userId: session.userId, kind: "device-authentication", redeemedAt: null },
  });
  const result = flow?.result ? (JSON.parse(flow.result) as { status: string; output: { ciam_subflowResult?: string; ciam_authMethod?: string } }) : null;
  if (!flow || result?.status !== "success" || result.output.ciam_subflowResult !== "AUTHENTICATED") return false;
  const { count } = await db.flowExecution.updateMany({ where: { id: flow.id, redeemedAt: null }, data: { redeemedAt: new Date() } });
  if (count !== 1) return false;
  await db.$transaction(async (tx) => {
    await tx.session.update({ where: { id: session.id }, data: { authenticatedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "user.reauthenticated",
      userId: session.userId,
      details: { method: result.output.ciam_authMethod, reason: "step-up" },
      meta: options.meta,
    });
  });
  return true;
}
