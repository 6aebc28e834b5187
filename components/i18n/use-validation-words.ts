"use client";

import { useCallback } from "react";
import { useTranslations } from "use-intl";
import { validationMessages } from "@/lib/validations/validation-messages";

type ValidationKey = keyof typeof validationMessages;
const keyOfEnglish = new Map(Object.entries(validationMessages).map(([key, english]) => [english as string, key as ValidationKey]));

/**
 * A browser-side field check's English words (lib/validations/sign-in-fields.ts gives
 * validationMessages') in the page's language: `const word = useValidationWords(); word(errors.email[0])`.
 * Words that are not a field check's are returned as they are.
 */
export function useValidationWords(): (message: string) => string {
  const t = useTranslations("errors");
  return useCallback((message: string) => {
    const key = keyOfEnglish.get(message);
    return key ? t(`validation.${key}`) : message;
  }, [t]);
}
