"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * useActionState without React 19's automatic form reset: a form whose input was refused keeps what
 * the person typed ("bad input gets a clear error and loses nothing"). The clicked button's name and
 * value go with the data, as in a native submit.
 */
export function useKeptFormAction(action: (prev: ActionResult, data: FormData) => Promise<ActionResult>) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionResult);
  const [, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }
  return { state, pending, onSubmit };
}
