"use client";

import { ClientForm } from "@/components/ui/client-form";
import type { ReactNode } from "react";
import { sendAuthenticationEventAction, sendFlowEventAction } from "@/app/flow/actions";
import { Notice } from "@/components/ui/notice";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A form that sends one event to a flow. The clicked button's name="type" value is the event; other
 * inputs are the event's fields. Errors come back per field (for inputs to show) or as one message.
 */
export function FlowForm({
  flowId,
  children,
  label,
  className,
  signingIn = false,
}: {
  flowId: string;
  /** On the second-factor page, where the session is not complete yet. */
  signingIn?: boolean;
  children: (state: ActionResult, pending: boolean) => ReactNode;
  label?: string;
  className?: string;
}) {
  const { state, pending, onSubmit } = useKeptFormAction(signingIn ? sendAuthenticationEventAction : sendFlowEventAction);
  const hasFieldErrors = state.fieldErrors && Object.values(state.fieldErrors).some((v) => v?.length);
  return (
    <ClientForm onSubmit={onSubmit} aria-label={label} className={className ?? "stack"}>
      <input type="hidden" name="flowId" value={flowId} />
      {state.status === "error" && state.message && !hasFieldErrors && <Notice tone="error">{state.message}</Notice>}
      {children(state, pending)}
    </ClientForm>
  );
}
