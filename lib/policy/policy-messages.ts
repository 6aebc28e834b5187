import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { POLICY_NUMBERS } from "@/lib/policy/policy-document";

/**
 * The policy form's refusals, field by field, in the reader's language. The schema
 * (lib/policy/policy-document.ts) words them in English for logs and tests; this words the same
 * issues from the catalogue (admin.policies.errors), with the field's label and unit in `locale`.
 */
export function policyFieldErrors(error: z.ZodError, locale: Locale): Record<string, string[]> {
  const t = translatorFor(locale, "admin");
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string") continue;
    (fieldErrors[field] ??= []).push(issueMessage(field, issue, t));
  }
  return fieldErrors;
}

function issueMessage(field: string, issue: z.core.$ZodIssue, t: ReturnType<typeof translatorFor<"admin">>): string {
  if (Object.hasOwn(POLICY_NUMBERS, field)) {
    const name = field as keyof typeof POLICY_NUMBERS;
    const { min, max, unit } = POLICY_NUMBERS[name];
    const label = t(`policies.fields.${name}.label`);
    const units = t(`policies.units.${unit}`);
    if (issue.code === "too_small") return t("policies.errors.atLeast", { label, min, unit: units });
    if (issue.code === "too_big") return t("policies.errors.atMost", { label, max, unit: units });
    return t("policies.errors.wholeNumber", { unit: units });
  }
  if (field === "allowedDeviceTypes" && issue.code === "too_small") return t("policies.errors.oneType");
  return issue.message;
}
