"use client";

import { useTranslations } from "use-intl";
import { LinkActions } from "@/components/flows/link-actions";

/** Back and Cancel, the way out of every registration step. */
export function StepButtons({ pending, canCancel, back = true }: { pending: boolean; canCancel: boolean; back?: boolean }) {
  const t = useTranslations("registration");
  return (
    <LinkActions
      pending={pending}
      links={[
        { event: "BACK", label: t("back"), show: back },
        { event: "CANCEL", label: t("cancel"), show: canCancel },
      ]}
    />
  );
}
