/**
 * The flow's live channel (GET /api/flows/[id]/live, lib/flows/flow-live.ts): `onChange` runs when the
 * stream opens (a change may have come first) and whenever the flow changes. A page on a portal
 * session opens it with EventSource, which carries the cookie. A widget session has no cookie in the
 * frame, and EventSource cannot send its credential, so it reads the same stream through fetch with
 * an Authorization header, reconnecting as EventSource would. Returns the function that closes it.
 */
const RECONNECT_MS = 3000;

export function openLiveChannel(flowId: string, authorization: Record<string, string>, onChange: () => void): () => void {
  const url = `/api/flows/${encodeURIComponent(flowId)}/live`;
  if (!authorization.Authorization) {
    if (typeof EventSource === "undefined") return () => {};
    const source = new EventSource(url);
    source.addEventListener("changed", onChange);
    source.addEventListener("open", onChange);
    return () => source.close();
  }

  const aborted = new AbortController();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "text/event-stream", ...authorization }, cache: "no-store", signal: aborted.signal });
      // 204: the flow has ended, nothing left to hear; any other refusal is not retried either.
      if (response.status !== 200 || !response.body) return;
      onChange();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        // Server-sent events end with a blank line; only the event's name matters here.
        const events = buffered.split("\n\n");
        buffered = events.pop() ?? "";
        for (const event of events) {
          if (/^event: changed$/m.test(event)) onChange();
          if (/^event: gone$/m.test(event)) return;
        }
      }
    } catch {
      if (aborted.signal.aborted) return;
    }
    // The stream ends after a while (or the network dropped it): reconnect, as EventSource does.
    if (!aborted.signal.aborted) retry = setTimeout(() => void connect(), RECONNECT_MS);
  };
  void connect();
  return () => {
    aborted.abort();
    clearTimeout(retry);
  };
}
