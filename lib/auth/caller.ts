import "server-only";
import { requestMeta } from "@/lib/auth/request-meta";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import type { SessionRef } from "@/lib/auth/sessions";
import type { Caller } from "@/lib/flows/flow-executions";

/**
 * The caller a page or server action drives flows as: this request and this session. Only a server
 * action's response can carry a cookie, so only there may a step-up hand the browser its new session.
 */
export async function callerFor(session: SessionRef | null, options: { inServerAction?: boolean } = {}): Promise<Caller> {
  return {
    meta: await requestMeta(),
    session: session ? { id: session.id, familyId: session.familyId } : null,
    writeSessionCookie: options.inServerAction ? writeSessionCookie : undefined,
  };
}
