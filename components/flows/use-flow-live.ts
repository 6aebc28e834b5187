"use client";

import { useEffect } from "react";
import { useFlowListen, useFlowPoll } from "@/components/flows/flow-door";

// Where the stream cannot be opened or keeps failing (a proxy that buffers), a slow poll keeps the page
// moving; the stream, when it works, makes it move within a second.
const FALLBACK_POLL_MS = 5000;

/**
 * While a section waits for something done elsewhere (an emailed link, a phone's approval, a phone
 * pairing), listen on the flow's live channel and ask the flow door for the view whenever the flow
 * changes; a widget session listens too (components/flows/live-channel.ts).
 */
export function useFlowLive(flowId: string) {
  const poll = useFlowPoll();
  const listen = useFlowListen();
  useEffect(() => {
    const fallback = window.setInterval(() => void poll(), FALLBACK_POLL_MS);
    const close = listen(flowId, () => void poll());
    return () => {
      close();
      window.clearInterval(fallback);
    };
  }, [flowId, poll, listen]);
}
