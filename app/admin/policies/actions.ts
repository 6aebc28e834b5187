"use server";

import { revalidatePath } from "next/cache";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments } from "@/lib/actions/action-arguments";
import { requireStaff } from "@/lib/admin/admin-access";
import { requestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors/app-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { policyFieldErrors } from "@/lib/policy/policy-messages";
import { DEFAULT_POLICY_ID } from "@/lib/policy/device-policy";
import { saveDevicePolicy } from "@/lib/policy/save-device-policy";
import { policyFromForm } from "@/lib/validations/policies";

export type SavePolicyResult = ActionResult & { reauthenticate?: boolean; changed?: number };

/**
 * Saves the default device authentication policy. A public endpoint like every action: the staff
 * member and a fresh second factor are checked here, before the input is even read.
 */
export async function savePolicyAction(_prev: SavePolicyResult, formData: FormData, ...extra: unknown[]): Promise<SavePolicyResult> {
  noArguments(extra);
  const form = formDataArgument(formData);
  const locale = await requestLocale();
  try {
    const staff = await requireStaff("policies.manage", { fresh: true });
    const parsed = policyFromForm(form);
    if (!parsed.success) return { ...invalid(parsed.error, locale), fieldErrors: policyFieldErrors(parsed.error, locale) };
    const { changes } = await saveDevicePolicy({ id: DEFAULT_POLICY_ID, policy: parsed.data, actorId: staff.user.id, meta: await requestMeta() });
    revalidatePath("/admin/policies");
    const changed = Object.keys(changes).length;
    return {
      status: "success",
      changed,
      message: translatorFor(locale, "admin")("policies.saved", { count: changed }),
    };
  } catch (error) {
    const result: SavePolicyResult = failure(error, locale);
    if (error instanceof AppError && error.code === "REAUTH_REQUIRED") result.reauthenticate = true;
    return result;
  }
}
