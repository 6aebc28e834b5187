"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/require-user";
import { requestMeta } from "@/lib/auth/request-meta";
import { sendFlowEvent } from "@/lib/flows/flow-executions";
import { failure, type ActionResult } from "@/lib/actions/action-result";

// The envelope; the event itself is parsed by the flow's own schema inside sendFlowEvent.
const envelope = z.object({
  flowId: z.string().min(1).max(64),
  type: z.string().min(1).max(40),
});

/**
 * The one door through which pages and the widget send a user's event to a flow. A server action is a
 * public endpoint: it checks the session itself, and the engine checks the flow belongs to that user.
 */
export async function sendFlowEventAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const fields = Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$")));
  const parsed = envelope.safeParse(fields);
  if (!parsed.success) return { status: "error", message: "That action is not available here." };
  // Everything but the envelope's flowId is the event; the flow's own schema parses it.
  const event = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== "flowId"));

  let endedInPortal = false;
  try {
    const session = await requireUser();
    const snapshot = await sendFlowEvent({
      id: parsed.data.flowId,
      userId: session.user.id,
      event,
      caller: { meta: await requestMeta(), sessionId: session.id },
    });
    endedInPortal = Boolean(snapshot.result) && snapshot.door === "portal";
  } catch (error) {
    return failure(error);
  }
  // In the portal a finished device flow goes back to the account overview; the widget shows its result.
  if (endedInPortal) redirect("/account");
  refresh();
  return { status: "success" };
}
