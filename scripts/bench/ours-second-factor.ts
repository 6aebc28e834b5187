/**
 * The app's second factor (TOTP) through the flow door, for npm run bench. This is the one module
 * that knows the door's contract (issue 8's new door, app/api/flows/[id]); adjust it here if the
 * contract changes:
 *   GET  /sign-in/verify               the page; the flow's container carries data-flow-id="<id>"
 *   GET  /api/flows/<id>               { status: "success", view: { flow: { view: { section, data } }, subflow } }
 *   POST /api/flows/<id>/events        JSON { type, ...fields }, Origin: the app's origin
 *        → { status: "success", view } or, when the sign-in's second factor succeeds,
 *          { status: "success", redirectTo } with Set-Cookie: the complete session
 *        → 4xx { status: "error", message }
 * A step is every request a browser makes from holding the password-only session to holding the full
 * one: the page, then one event per user action (choose the authenticator app if the page asks which
 * device, then the code). Events a browser's script would send by itself (BROWSER_CAPABILITIES, if the
 * flow waits for it) count too. The section the page opens with is read from the page itself (the view
 * React hydrates from); only if it cannot be found is GET /api/flows/<id> asked, and counted.
 */
import type { Jar, Reply, Requester } from "./http";

export type StepResult = { ok: true; requests: number } | { ok: false; requests: number; error: string };

type Answer = { status?: string; message?: string; redirectTo?: string; view?: { flow?: { view?: { section?: string } }; subflow?: { view?: { section?: string } } | null } };

const sectionOf = (answer: Answer) => answer.view?.subflow?.view?.section ?? answer.view?.flow?.view?.section;

export async function oursSecondFactor(options: { client: Requester; jar: Jar; origin: string; totpDeviceId: string; code: () => string }): Promise<StepResult> {
  const { client, jar, origin } = options;
  let requests = 0;
  const send = async (method: "GET" | "POST", path: string, body?: unknown): Promise<Reply> => {
    requests++;
    if (process.env.BENCH_TRACE) console.error(`  ${method} ${path} ${body ? JSON.stringify(body) : ""}`);
    const headers: Record<string, string> = { Cookie: jar.header(), Accept: method === "GET" && !path.startsWith("/api/") ? "text/html" : "application/json" };
    if (body !== undefined) Object.assign(headers, { "Content-Type": "application/json", Origin: origin });
    return jar.take(await client.request({ method, path, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
  };

  // The sign-in form notes what the browser can do before it posts the password
  // (lib/flows/browser-hint.ts); a browser carries that cookie to the second-factor page.
  jar.set("mfa_browser", "w1p0");
  const page = await send("GET", "/sign-in/verify");
  if (page.status !== 200) return { ok: false, requests, error: `GET /sign-in/verify answered ${page.status}` };
  const flowId = /data-flow-id="([^"]+)"/.exec(page.body)?.[1];
  if (!flowId) return { ok: false, requests, error: "no data-flow-id on /sign-in/verify (the new flow door has not landed on this branch)" };
  let section = /\\?"section\\?":\\?"([A-Z0-9_]+)\\?"/.exec(page.body)?.[1];
  if (!section) {
    const snapshot = await send("GET", `/api/flows/${flowId}`);
    if (snapshot.status !== 200) return { ok: false, requests, error: `GET /api/flows/<id> answered ${snapshot.status}` };
    section = sectionOf(JSON.parse(snapshot.body) as Answer);
  }

  for (let events = 0; events < 6; events++) {
    let event: Record<string, unknown>;
    switch (section) {
      case "GATHER_BROWSER_AND_DEVICES":
        event = { type: "BROWSER_CAPABILITIES", webauthn: true, platformAuthenticator: false };
        break;
      case "DEVICE_SELECTION":
        event = { type: "SELECT_DEVICE", deviceId: options.totpDeviceId };
        break;
      case "AUTHENTICATE_WITH_OTP":
        event = { type: "SUBMIT_OTP", otp: options.code() };
        break;
      default:
        return { ok: false, requests, error: `unexpected section ${section ?? "(none)"}` };
    }
    const reply = await send("POST", `/api/flows/${flowId}/events`, event);
    let answer: Answer;
    try {
      answer = JSON.parse(reply.body) as Answer;
    } catch {
      return { ok: false, requests, error: `${event.type} answered ${reply.status}, not JSON` };
    }
    if (reply.status !== 200 || answer.status !== "success") return { ok: false, requests, error: `${event.type} answered ${reply.status}: ${answer.message ?? ""}` };
    if (answer.redirectTo) {
      return jar.get("next-auth.session-token") ? { ok: true, requests } : { ok: false, requests, error: "redirectTo without a session cookie" };
    }
    section = sectionOf(answer);
  }
  return { ok: false, requests, error: "too many events" };
}
