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
export async function callerFor(
  session: (SessionRef & { secondFactorPending?: boolean; user?: { id: string; mfaEnabled: boolean } }) | null,
  options: {
    canSetCookies?: boolean;
    /** Where a replaced session goes instead of a cookie (the widget's session, lib/widget/widget-session.ts). */
    writeSession?: (session: { id: string; userId: string }) => Promise<void>;
  } = {},
): Promise<Caller> {
  return {
    meta: await requestMeta(),
    session: session ? { id: session.id, familyId: session.familyId } : null,
    // Only at sign-in, where nothing in the request changes the account before a machine reads it; a
    // device-management request may turn MFA on and then step up in the same request.
    user: session?.user && session.secondFactorPending ? { id: session.user.id, mfaEnabled: session.user.mfaEnabled } : null,
    writeSessionCookie: options.writeSession ?? (options.canSetCookies ? writeSessionCookie : undefined),
  };
}
