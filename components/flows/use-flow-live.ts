"use client";

import { useEffect } from "react";
import { useFlowCanListen, useFlowPoll } from "@/components/flows/flow-door";

// Where EventSource is missing or the stream keeps failing (a proxy that buffers), a slow poll keeps
// the page moving; the stream, when it works, makes it move within a second.
const FALLBACK_POLL_MS = 5000;
// A widget session cannot open the stream (EventSource sends no Authorization header): poll sooner.
const POLL_ONLY_MS = 2000;

/**
 * While a section waits for something done elsewhere (an emailed link, a phone's approval, a phone
 * pairing), listen on the flow's live channel (GET /api/flows/[id]/live) and ask the flow door for
 * the view whenever the flow changes.
 */
export function useFlowLive(flowId: string) {
  const poll = useFlowPoll();
  const canListen = useFlowCanListen();
  useEffect(() => {
    const fallback = window.setInterval(() => void poll(), canListen ? FALLBACK_POLL_MS : POLL_ONLY_MS);
    if (!canListen || typeof EventSource === "undefined") return () => window.clearInterval(fallback);
    const source = new EventSource(`/api/flows/${encodeURIComponent(flowId)}/live`);
    source.addEventListener("changed", () => void poll());
    // Opened late: the change may already have happened.
    source.addEventListener("open", () => void poll());
    return () => {
      source.close();
      window.clearInterval(fallback);
    };
  }, [flowId, poll, canListen]);
}
