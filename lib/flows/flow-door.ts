import "server-only";
import { z } from "zod";
import { currentSession, type SignedIn } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { returnPath } from "@/lib/auth/return-path";
import { config } from "@/lib/config";
import { failure } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { wordMessages, text } from "@/lib/i18n/text";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/database/unavailable";
import { completeSignIn, isNotRedeemed, redeemSignIn, refuseForeignRedemption } from "@/lib/auth/complete-authentication-flow";
import { getFlow, loadSignInFlow, sendFlowEvent, type Caller, type FlowSnapshot } from "@/lib/flows/flow-executions";
import { phoneCountries } from "@/lib/phone/countries";
import type { ClientDoorView, ClientFlow, FlowAnswer } from "@/lib/flows/client-door";
import type { DoorView } from "@/lib/flows/open-flow-for-door";
import { findLiveWidgetSession, widgetSessionCredential } from "@/lib/widget/widget-session";

/**
 * The browser's door to the flows (issue 8): one JSON request per user action, answered with the
 * section to render next, so no page is re-rendered per event. The pages render the first section
 * through the same `clientDoorView`, so what a page shows and what an answer shows are one shape.
 */

const flowIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
// The envelope only; the event itself is parsed by the flow's own schema inside sendFlowEvent.
const envelope = z.object({ type: z.string().min(1).max(40) }).passthrough();
const MAX_BODY_BYTES = 64 * 1024;

export const json = (body: FlowAnswer, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
export const refusal = (status: number, message: string) => json({ status: "error", message }, status);

/** The serialisable view of a flow: no machine state, dates as ISO strings. */
function clientFlow(flow: FlowSnapshot, locale: Locale): ClientFlow {
  const view =
    flow.view.section === "ENTER_PHONE"
      ? // The country picker's list comes with the section, so the phone library stays on the server.
        { ...flow.view, data: { ...flow.view.data, countries: phoneCountries() } }
      : flow.view;
  return {
    id: flow.id,
    kind: flow.kind,
    door: flow.door,
    parentId: flow.parentId,
    expiresAt: flow.expiresAt.toISOString(),
    // A JSON round trip turns the view's dates into the strings an answer would carry.
    // Messages the machines keep as Texts are worded here, in the reader's language.
    view: wordMessages(JSON.parse(JSON.stringify(view)) as ClientFlow["view"], locale),
    result: wordMessages(flow.result, locale),
    expired: flow.expired,
  };
}

export function clientDoorView(door: DoorView, locale: Locale): ClientDoorView {
  return { flow: clientFlow(door.flow, locale), subflow: door.subflow ? clientFlow(door.subflow, locale) : null };
}

/** The door view around a flow the caller just drove: its parent with it when it is a subflow. */
export async function doorViewOf(snapshot: FlowSnapshot, userId: string, caller: Caller): Promise<DoorView> {
  if (snapshot.parentId) return { flow: await getFlow({ id: snapshot.parentId, userId, caller }), subflow: snapshot };
  const subflowId = snapshot.view.data.subflowId;
  return { flow: snapshot, subflow: typeof subflowId === "string" ? await getFlow({ id: subflowId, userId, caller }) : null };
}

/**
 * Cross-site request forgery: the session cookie would ride along on a form or fetch from any site
 * (SameSite=Lax still sends it on some navigations, and sibling subdomains count as same-site), so an
 * event is taken only from our own pages: an Origin that is ours, or, from a browser that sends no
 * Origin, Sec-Fetch-Site "same-origin". A request with neither is refused too.
 */
function fromOurOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) {
    const host = request.headers.get("host");
    const ours = new Set([config().appOrigin]);
    if (host) {
      const scheme = new URL(config().appOrigin).protocol;
      ours.add(`${scheme}//${host}`);
    }
    return ours.has(origin);
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

/** The request's JSON object, or the refusal to answer with: 403, 415 or 400, never a 500. */
export async function readJson(request: Request): Promise<{ body: Record<string, unknown> } | { refused: Response }> {
  if (!fromOurOrigin(request)) return { refused: refusal(403, "This request did not come from this site.") };
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { refused: refusal(415, "Send the event as application/json.") };
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { refused: refusal(400, "The request body is malformed.") };
  }
  if (text.length > MAX_BODY_BYTES) return { refused: refusal(413, "The request is too large.") };
  let body: unknown;
  try {
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { refused: refusal(400, "The request body is not valid JSON.") };
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return { refused: refusal(400, "The request body must be a JSON object.") };
  return { body: body as Record<string, unknown> };
}

const statusFor: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  EXPIRED: 410,
  LOCKED: 423,
  RATE_LIMITED: 429,
  REAUTH_REQUIRED: 403,
};

/** An error as the actions answered it (same messages, lib/actions/action-result.ts), with its status. */
export function errorAnswer(error: unknown, locale: Locale): Response {
  const answer = failure(error, locale);
  const body: FlowAnswer = { status: "error", message: answer.message ?? "Something went wrong.", ...(answer.fieldErrors ? { fieldErrors: answer.fieldErrors } : {}) };
  if (error instanceof AppError) return json(body, statusFor[error.code] ?? 400);
  if (isDatabaseUnavailable(error)) return json(body, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  return json(body, 500);
}

/**
 * The request's session: the widget's (its credential in `Authorization`, since no cookie of ours
 * reaches a frame on another site) when the request carries one, else the cookie's. A request with
 * a credential never falls back to the cookie, so a dead widget session is "ended", not someone else.
 */
async function signedIn(request: Request): Promise<{ session: SignedIn; widget: boolean }> {
  const authorization = request.headers.get("authorization");
  const session = authorization ? await findLiveWidgetSession(authorization) : await currentSession();
  if (!session) throw new AppError("UNAUTHENTICATED", text("errors.session.ended"));
  return { session, widget: authorization !== null };
}

/**
 * The caller for a request's session. A widget session's replacement (a step-up) goes back in the
 * answer (`renewed`), for the iframe to send from then on, instead of into a cookie.
 */
async function callerOf(found: { session: SignedIn; widget: boolean }, renewed: { credential?: string }) {
  if (!found.widget) return callerFor(found.session, { canSetCookies: true });
  return callerFor(found.session, {
    writeSession: async (session) => {
      renewed.credential = widgetSessionCredential(session);
    },
  });
}

/** Did this event just finish the sign-in's second factor? */
function authenticated(snapshot: { kind: string; parentId: string | null; result: FlowSnapshot["result"] }) {
  return (
    snapshot.kind === "device-authentication" &&
    !snapshot.parentId &&
    snapshot.result?.status === "success" &&
    snapshot.result.output.ciam_subflowResult === "AUTHENTICATED"
  );
}

/**
 * Where a finished sign-in goes: its return path, except after a recovery code, which goes to the
 * device list to replace what was lost (issue 14); the page explains with the codes left.
 */
function afterSignIn(flow: { result: FlowSnapshot["result"] }, returnTo: string) {
  return flow.result?.output.ciam_authMethod === "recovery_code" ? "/devices?recovered=1" : returnTo;
}

/**
 * POST /api/flows/[id]/events: `{ "type": EVENT, ...fields }`. A session still waiting for its second
 * factor may send only to its own Device Authentication flow; any other needs a complete session; the
 * engine finds the flow only by its owner (user and session family). The event that finishes the
 * sign-in's second factor also redeems it, in this request: the answer carries the complete session's
 * cookie and where to go.
 */
export async function flowEventResponse(request: Request, id: string): Promise<Response> {
  const read = await readJson(request);
  if ("refused" in read) return read.refused;
  const parsed = envelope.safeParse(read.body);
  if (!parsed.success) return refusal(400, "That action is not available here.");
  if (!flowIdSchema.safeParse(id).success) return refusal(404, "Flow not found.");
  const returnTo = returnPath(new URL(request.url).searchParams.get("callbackUrl"));
  const locale = await requestLocale();
  try {
    const found = await signedIn(request);
    const { session } = found;
    const renewed: { credential?: string } = {};
    const caller = await callerOf(found, renewed);
    const pending = session.secondFactorPending;
    // The event that finishes the sign-in's second factor redeems it in the transaction that saves it.
    let completed: { id: string; userId: string } | null = null;
    const snapshot = await sendFlowEvent({
      id,
      userId: session.userId,
      event: parsed.data,
      caller,
      kind: pending ? "device-authentication" : undefined,
      onFinished: pending
        ? async (tx, flow) => {
            if (authenticated(flow)) completed = await redeemSignIn(tx, { flow, session, meta: caller.meta });
          }
        : undefined,
    }).catch((error: unknown) => {
      // A session revoked meanwhile (signed out in another tab): nothing was saved.
      if (isNotRedeemed(error)) throw new AppError("CONFLICT", text("errors.session.notFinished"));
      throw error;
    });
    if (completed) {
      await caller.writeSessionCookie!(completed);
      return json({ status: "success", redirectTo: afterSignIn(snapshot, returnTo) });
    }
    // In the portal a finished device flow goes back to the account overview; the widget shows its result.
    if (snapshot.result && snapshot.door === "portal" && snapshot.kind === "device-management") {
      return json({ status: "success", redirectTo: "/account" });
    }
    // "Confirm it's you" done: back to the page whose change asked for it, now with a fresh session.
    if (snapshot.result && snapshot.kind === "re-authentication") return json({ status: "success", redirectTo: returnTo });
    const view = clientDoorView(await doorViewOf(snapshot, session.userId, caller), locale);
    return json({ status: "success", view, ...(renewed.credential ? { widgetSession: renewed.credential } : {}) });
  } catch (error) {
    return errorAnswer(error, locale);
  }
}

/**
 * POST /api/flows/[id]/sign-in: redeems this session's finished second factor that no event of its own
 * redeemed: one confirmed by an emailed link in another tab, or a page reloaded at the wrong moment.
 * Another session's flow, the same user's included, is refused and audited.
 */
export async function signInResponse(request: Request, id: string): Promise<Response> {
  const read = await readJson(request);
  if ("refused" in read) return read.refused;
  if (!flowIdSchema.safeParse(id).success) return refusal(404, "Flow not found.");
  const returnTo = returnPath(new URL(request.url).searchParams.get("callbackUrl"));
  const locale = await requestLocale();
  try {
    const { session, widget } = await signedIn(request);
    if (widget) return refusal(404, "Flow not found.");
    if (!session.secondFactorPending) return json({ status: "success", redirectTo: returnTo });
    const caller = await callerFor(session, { canSetCookies: true });
    const flow = await loadSignInFlow({ id, userId: session.userId });
    if (flow && flow.sessionFamilyId !== session.familyId) {
      await refuseForeignRedemption({ flowId: flow.id, userId: session.userId, meta: caller.meta });
      return refusal(404, "Flow not found.");
    }
    if (!flow) return refusal(404, "Flow not found.");
    if (!authenticated(flow)) return refusal(409, "This sign-in is not confirmed yet.");
    const done = await completeSignIn({ flow, session, meta: caller.meta });
    if (!done) return refusal(409, "We could not finish signing you in. Sign out and sign in again.");
    await caller.writeSessionCookie!(done);
    return json({ status: "success", redirectTo: afterSignIn(flow, returnTo) });
  } catch (error) {
    return errorAnswer(error, locale);
  }
}

/** GET /api/flows/[id]: the current view for its owner (404 for anyone else), for polling sections. */
export async function flowViewResponse(request: Request, id: string): Promise<Response> {
  if (!flowIdSchema.safeParse(id).success) return refusal(404, "Flow not found.");
  const locale = await requestLocale();
  try {
    const { session } = await signedIn(request);
    const caller = await callerFor(session);
    const flow = await getFlow({ id, userId: session.userId, caller });
    // A session waiting for its second factor sees only its own sign-in flow.
    if (session.secondFactorPending && (flow.kind !== "device-authentication" || flow.parentId)) throw new AppError("NOT_FOUND", "Flow not found.");
    return json({ status: "success", view: clientDoorView(await doorViewOf(flow, session.userId, caller), locale) });
  } catch (error) {
    return errorAnswer(error, locale);
  }
}
