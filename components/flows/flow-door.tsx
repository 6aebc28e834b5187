"use client";

import { createContext, useCallback, useContext, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * How a section sends its user's event: one JSON POST to the flow door (app/api/flows/[id]/events),
 * whose answer the flow host puts on screen. `send` resolves with the answer for the form that sent it
 * (its errors), or never, when the answer navigates away.
 */
export type FlowDoor = {
  send(flowId: string, fields: Record<string, string>): Promise<ActionResult>;
  /** Asks the door for the flow's current view (a section that waits for something elsewhere). */
  poll(): Promise<void>;
  /** Opens the flow's live channel (components/flows/live-channel.ts) with this door's session; returns its close. */
  listen(flowId: string, onChange: () => void): () => void;
};

export const FlowDoorContext = createContext<FlowDoor | null>(null);

function useFlowDoor(): FlowDoor {
  const door = useContext(FlowDoorContext);
  if (!door) throw new Error("A flow section must be rendered inside a FlowHost");
  return door;
}

/** The poll of the flow host around this section. */
export function useFlowPoll() {
  return useFlowDoor().poll;
}

/** The live channel of this flow host's session. */
export function useFlowListen() {
  return useFlowDoor().listen;
}

/**
 * One section's sender: what its last event got back and whether one is on its way. A second event
 * while one is pending is dropped, so a double click sends once.
 */
export function useFlowEvent(flowId: string) {
  const door = useFlowDoor();
  const [state, setState] = useState<ActionResult>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const send = useCallback(
    async (fields: Record<string, string>) => {
      if (busy.current) return;
      busy.current = true;
      setPending(true);
      try {
        setState(await door.send(flowId, fields));
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [door, flowId],
  );
  return { state, pending, send };
}
