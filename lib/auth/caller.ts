import "server-only";
import { requestMeta } from "@/lib/auth/request-meta";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import type { SessionRef } from "@/lib/auth/sessions";
import type { Caller } from "@/lib/flows/flow-executions";

/**
 * The caller a page or the flow door drives flows as: this request and this session. A page's render
 * cannot set a cookie; the flow door's route handlers can, so only there may a step-up or a finished
 * sign-in hand the browser its new session.
 */
export async function callerFor(session: SessionRef | null, options: { canSetCookies?: boolean } = {}): Promise<Caller> {
  return {
    meta: await requestMeta(),
    session: session ? { id: session.id, familyId: session.familyId } : null,
    writeSessionCookie: options.canSetCookies ? writeSessionCookie : undefined,
  };
}
