"use client";

import { useTranslations } from "use-intl";
import type { Text } from "@/lib/i18n/text";

/** A domain Text (a refusal the sign-in code chose) in the reader's language, from the page's catalogue. */
export function useWord() {
  const t = useTranslations();
  return (message: Text) => t(message.key as never, message.values as never) as string;
}
