"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentSession, requireUser } from "@/lib/auth/require-user";
import { AppError } from "@/lib/errors/app-error";
import { assertAuthenticationFlow } from "@/lib/flows/flow-executions";
import { callerFor } from "@/lib/auth/caller";
import { sendFlowEvent } from "@/lib/flows/flow-executions";
import { failure, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments } from "@/lib/actions/action-arguments";

// The envelope; the event itself is parsed by the flow's own schema inside sendFlowEvent.
const envelope = z.object({
  flowId: z.string().min(1).max(64),
  type: z.string().min(1).max(40),
});

/**
 * The one door through which pages and the widget send a user's event to a flow. A server action is a
 * public endpoint: it checks the session itself, and the engine checks the flow belongs to that user.
 */
export async function sendFlowEventAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return sendEvent(formData, { allowPendingSession: false });
}

/**
 * The second-factor page's door: the one place a session that still waits for its second factor may
 * send events, and only to its own Device Authentication flow.
 */
export async function sendAuthenticationEventAction(_prev: ActionResult, formData: FormData, ...extra: unknown[]): Promise<ActionResult> {
  noArguments(extra);
  return sendEvent(formData, { allowPendingSession: true });
}

async function sendEvent(formData: FormData, options: { allowPendingSession: boolean }): Promise<ActionResult> {
  const fields = Object.fromEntries([...formDataArgument(formData).entries()].filter(([key]) => !key.startsWith("$")));
  const parsed = envelope.safeParse(fields);
  if (!parsed.success) return { status: "error", message: "That action is not available here." };
  // Everything but the envelope's flowId is the event; the flow's own schema parses it.
  const event = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== "flowId"));

  let endedInPortal = false;
  try {
    const session = options.allowPendingSession ? await currentSession() : await requireUser();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const caller = await callerFor(session, { inServerAction: true });
    if (options.allowPendingSession) await assertAuthenticationFlow(parsed.data.flowId, session.user.id, caller);
    const snapshot = await sendFlowEvent({ id: parsed.data.flowId, userId: session.user.id, event, caller });
    endedInPortal = Boolean(snapshot.result) && snapshot.door === "portal" && snapshot.kind === "device-management";
  } catch (error) {
    return failure(error);
  }
  // In the portal a finished device flow goes back to the account overview; the widget shows its result.
  if (endedInPortal) redirect("/account");
  refresh();
  return { status: "success" };
}
