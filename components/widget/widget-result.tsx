"use client";

import { useTranslations } from "use-intl";
import { PostResult } from "@/components/widget/post-result";
import { Notice } from "@/components/ui/notice";
import type { ClientFlow } from "@/lib/flows/client-door";

/** A finished widget flow: its JSON result handed to the host page, and a word for the person. */
export function WidgetResult({ flow, parentOrigin }: { flow: ClientFlow; parentOrigin: string }) {
  const t = useTranslations("widget");
  const result = flow.result!;
  return (
    <>
      <PostResult parentOrigin={parentOrigin} message={{ source: "mfa-widget", type: "result", flowId: flow.id, status: result.status, result: result.output }} />
      {result.status === "success" && result.output.result === "cancelled" ? (
        <Notice tone="info">{t("result.cancelled")}</Notice>
      ) : result.status === "success" ? (
        <Notice tone="success">{t("result.done")}</Notice>
      ) : (
        <Notice tone="error">{String(result.output.ciam_errorMessage ?? t("result.failed"))}</Notice>
      )}
    </>
  );
}
