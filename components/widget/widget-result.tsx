"use client";

import { PostResult } from "@/components/widget/post-result";
import { Notice } from "@/components/ui/notice";
import type { ClientFlow } from "@/lib/flows/client-door";

/** A finished widget flow: its JSON result handed to the host page, and a word for the person. */
export function WidgetResult({ flow, parentOrigin }: { flow: ClientFlow; parentOrigin: string }) {
  const result = flow.result!;
  return (
    <>
      <PostResult parentOrigin={parentOrigin} message={{ source: "mfa-widget", type: "result", flowId: flow.id, status: result.status, result: result.output }} />
      {result.status === "success" && result.output.result === "cancelled" ? (
        <Notice tone="info">Cancelled. You can close this window.</Notice>
      ) : result.status === "success" ? (
        <Notice tone="success">All done. You can close this window.</Notice>
      ) : (
        <Notice tone="error">{String(result.output.ciam_errorMessage ?? "Something went wrong.")}</Notice>
      )}
    </>
  );
}
