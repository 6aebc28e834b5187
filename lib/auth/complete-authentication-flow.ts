import "server-only";
import { db, type Tx } from "@/lib/db";
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
    await refuseForeignRedemption({ flowId: flow.id, userId: options.session.userId, meta: options.meta });
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

const NOT_REDEEMED = Symbol("not redeemed");

/** Another session's attempt to redeem a flow it did not start: refused, and audited. */
export async function refuseForeignRedemption(options: { flowId: string; userId: string; meta: RequestMeta }) {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "flow.redemption_refused",
      userId: options.userId,
      details: { flowExecutionId: options.flowId, reason: "another session started this flow" },
      meta: options.meta,
    }),
  );
}

/**
 * The second factor at sign-in: turns this session's finished Device Authentication flow into a new,
 * complete session of the same family and revokes the pending one, so the token from before the second
 * factor stops working (security.md item 21). The caller passes what it already holds (the flow it just
 * finished or loaded, the live session it checked), so nothing is read again: one transaction whose
 * conditional updates are the checks. The flow is marked used once, only for its own family; the
 * pending session is revoked only if still live; either failing rolls everything back.
 */
export type SignInRedemption = {
  flow: { id: string; result: { status: string; output: Record<string, unknown> } | null };
  session: { id: string; userId: string; familyId: string; authMethods: string; secondFactorPending: boolean; browserCheck?: string | null };
  meta: RequestMeta;
};

export async function completeSignIn(options: SignInRedemption) {
  try {
    return await db.$transaction((tx) => redeemSignIn(tx, options));
  } catch (error) {
    if (error === NOT_REDEEMED) return null;
    throw error;
  }
}

/**
 * completeSignIn's writes inside a transaction the caller holds (the flow door's, which also saves the
 * event that finished the flow). Throws NOT_REDEEMED, rolling the transaction back, when the flow is
 * not this family's to redeem or the pending session is no longer live; see isNotRedeemed.
 */
export async function redeemSignIn(tx: Tx, { flow, session, meta }: SignInRedemption) {
  const output = flow.result?.output as AuthenticationOutput | undefined;
  if (flow.result?.status !== "success" || output?.ciam_subflowResult !== "AUTHENTICATED") throw NOT_REDEEMED;
  const method = output.ciam_authMethod ?? "otp";
  const now = new Date();
  const redeemed = await tx.flowExecution.updateMany({
    where: { id: flow.id, userId: session.userId, sessionFamilyId: session.familyId, kind: "device-authentication", redeemedAt: null, endedAt: { not: null } },
    data: { redeemedAt: now },
  });
  if (redeemed.count !== 1) throw NOT_REDEEMED;
  const created = await replaceSession(tx, { session, method, meta, details: { secondFactor: true }, now });
  if (!created) throw NOT_REDEEMED;
  return created;
}

/**
 * How every sign-in (and a re-authentication on this page) finishes, whatever proved it: the session is
 * revoked, if still live, and replaced by a new one of the same family with `method` added, so the
 * token from before stops working (security.md item 21), and the sign-in is audited. Inside the
 * caller's transaction; null, having written nothing, when the session was no longer live.
 */
export async function replaceSession(
  tx: Tx,
  options: { session: SignInRedemption["session"]; method: AuthMethod; meta: RequestMeta; details: Record<string, unknown>; now?: Date },
) {
  const { session, method, meta } = options;
  const revoked = await tx.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: options.now ?? new Date() } });
  if (revoked.count !== 1) return null;
  // The browser this sign-in proved stays known to the complete session, for "Remember this browser".
  const created = await createSession(
    {
      userId: session.userId,
      familyId: session.familyId,
      methods: withMethod(session.authMethods, method),
      meta,
      browserCheck: session.browserCheck,
      completesSignIn: session.secondFactorPending,
    },
    tx,
  );
  await recordAuditEvent(tx, {
    action: session.secondFactorPending ? "user.signed_in" : "user.reauthenticated",
    userId: session.userId,
    details: { method, ...options.details },
    meta,
  });
  return created;
}

/** A redemption refused by redeemSignIn (nothing was written). */
export function isNotRedeemed(error: unknown) {
  return error === NOT_REDEEMED;
}

/**
 * completeSignIn for a caller that holds only the ids: reads the session and the flow first, and
 * refuses (and audits) a flow another session family started.
 */
export async function completeAuthenticationFlow(options: { flowId: string; sessionId: string; meta: RequestMeta }) {
  const current = await db.session.findUnique({ where: { id: options.sessionId } });
  if (!current || current.revokedAt) return null;
  const flow = await db.flowExecution.findFirst({
    where: { id: options.flowId, userId: current.userId, kind: "device-authentication" },
    select: { id: true, result: true, sessionFamilyId: true },
  });
  if (!flow) return null;
  if (flow.sessionFamilyId !== current.familyId) {
    await refuseForeignRedemption({ flowId: flow.id, userId: current.userId, meta: options.meta });
    return null;
  }
  const session = await completeSignIn({ flow: { id: flow.id, result: flow.result ? JSON.parse(flow.result) : null }, session: current, meta: options.meta });
  return session ? { session, userId: current.userId } : null;
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
