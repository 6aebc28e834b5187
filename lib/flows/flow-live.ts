import "server-only";
import { currentSession } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors/app-error";
import { flowVersion, getFlow } from "@/lib/flows/flow-executions";
import { findLiveWidgetSession } from "@/lib/widget/widget-session";

/**
 * The live channel of a waiting page (architecture.md: pages that wait for something to happen
 * elsewhere listen on a live channel fed from the database). GET /api/flows/[id]/live is a stream of
 * server-sent events: `changed` whenever the flow's row changes, whichever instance changed it; the
 * page then asks the flow door for the view. The database is the only source, so the request that
 * waits and the request that completes may land on different instances. A widget session reads it
 * with its credential in `Authorization` (components/flows/live-channel.ts).
 */
const CHECK_EVERY_MS = 400;
const HEARTBEAT_EVERY_MS = 15_000;
// A waiting page outlives no flow; EventSource reconnects by itself if it is still there.
const MAX_STREAM_MS = 10 * 60_000;

const flowIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

function refusal(status: number, message: string) {
  return Response.json({ status: "error", message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function flowLiveResponse(request: Request, id: string): Promise<Response> {
  if (!flowIdPattern.test(id)) return refusal(404, "Flow not found.");
  // A widget session's frame has no cookie of ours: it sends its credential (as the flow door takes it),
  // and a request that carries one never falls back to the cookie.
  const authorization = request.headers.get("authorization");
  const session = authorization ? await findLiveWidgetSession(authorization) : await currentSession();
  if (!session) return refusal(401, "Your session has ended. Please sign in again.");
  try {
    const flow = await getFlow({ id, userId: session.userId, caller: await callerFor(session) });
    // A session waiting for its second factor hears only of its own sign-in flow (as the flow door).
    if (session.secondFactorPending && (flow.kind !== "device-authentication" || flow.parentId)) return refusal(404, "Flow not found.");
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return refusal(404, "Flow not found.");
    throw error;
  }

  // Read before the stream opens, so a change made once the page is connected is always heard.
  const initial = await flowVersion(id);
  // Nothing left to hear: 204 tells EventSource not to reconnect.
  if (!initial || initial.ended) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      let closed = false;
      let timer: ReturnType<typeof setInterval> | undefined;
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      let limit: ReturnType<typeof setTimeout> | undefined;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        clearInterval(heartbeat);
        clearTimeout(limit);
        controller.close();
      };
      stop = close;
      request.signal.addEventListener("abort", close);
      let known = initial.version;
      let checking = false;
      timer = setInterval(async () => {
        if (checking || closed) return;
        checking = true;
        try {
          const current = await flowVersion(id);
          if (closed) return;
          if (current === null) {
            send("event: gone\ndata: {}\n\n");
            close();
            return;
          }
          if (current.version !== known) {
            known = current.version;
            send("event: changed\ndata: {}\n\n");
          }
          // An ended flow changes no more: nothing left to wait for.
          if (current.ended) close();
        } catch {
          // A busy database: the next check tries again.
        } finally {
          checking = false;
        }
      }, CHECK_EVERY_MS);
      heartbeat = setInterval(() => !closed && send(": ping\n\n"), HEARTBEAT_EVERY_MS);
      limit = setTimeout(close, MAX_STREAM_MS);
      // How long the browser waits before reconnecting after the stream ends.
      send("retry: 1000\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
