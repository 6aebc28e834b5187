"use client";

import { useTranslations } from "use-intl";
import { useFlowLive } from "@/components/flows/use-flow-live";
import { OtherChoices } from "@/components/flows/device-authentication/other-choices";

/**
 * Call magic link authentication: wait while the person opens the emailed link. The flow's live
 * channel says when the link was confirmed (on any instance), and the page moves on by itself.
 */
export function MagicLinkWaitSection({ flowId, actions }: { flowId: string; actions: string[] }) {
  useFlowLive(flowId);
  const t = useTranslations("authentication");
  return (
    <section className="card stack" aria-labelledby="link-heading" aria-busy="true">
      <h1 id="link-heading">{t("magicLinkWait.heading")}</h1>
      <p>{t("magicLinkWait.body")}</p>
      <OtherChoices flowId={flowId} actions={actions} changeLabel={t("choices.deviceInstead")} />
    </section>
  );
}
