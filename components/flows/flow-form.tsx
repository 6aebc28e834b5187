"use client";

import type { FormEvent, ReactNode } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Notice } from "@/components/ui/notice";
import { useFlowEvent } from "@/components/flows/flow-door";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A form that sends one event to a flow. The clicked button's name="type" value is the event; other
 * inputs are the event's fields, posted as JSON to the flow door. Errors come back per field (for
 * inputs to show) or as one message; the form is never reset, so a refused input keeps what the
 * person typed.
 */
export function FlowForm({
  flowId,
  children,
  label,
  className,
}: {
  flowId: string;
  children: (state: ActionResult, pending: boolean) => ReactNode;
  label?: string;
  className?: string;
}) {
  const { state, pending, send } = useFlowEvent(flowId);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const fields: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget, submitter)) if (typeof value === "string") fields[name] = value;
    void send(fields);
  }
  const hasFieldErrors = state.fieldErrors && Object.values(state.fieldErrors).some((v) => v?.length);
  return (
    <ClientForm onSubmit={onSubmit} aria-label={label} className={className ?? "stack"}>
      {state.status === "error" && state.message && !hasFieldErrors && <Notice tone="error">{state.message}</Notice>}
      {children(state, pending)}
    </ClientForm>
  );
}
