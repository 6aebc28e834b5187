"use server";

import { revalidatePath } from "next/cache";
import { requireStaff, confirmIdentityPath } from "@/lib/admin/admin-access";
import { formDataArgument } from "@/lib/actions/action-arguments";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { requestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors/app-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translate } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";
import { updateBranding } from "@/lib/branding/update-branding";
import { brandingFormSchema, type BrandingDocument } from "@/lib/validations/branding";

export type BrandingActionResult = ActionResult & {
  /** The branding as saved (an upload's address in place of the URL typed), for the form to show. */
  saved?: BrandingDocument;
  /** Set when the change needs a fresh second factor first: where to confirm it and come back. */
  confirmPath?: string;
};

// Next refuses larger action bodies itself; the logo's own limit (512 KB) is checked with a message.
const MAX_UPLOAD_BYTES = 1024 * 1024;

export async function saveBrandingAction(_prev: BrandingActionResult, data: FormData): Promise<BrandingActionResult> {
  const form = formDataArgument(data, { files: { logo: MAX_UPLOAD_BYTES } });
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  try {
    const staff = await requireStaff("branding.manage", { fresh: true });
    const parsed = brandingFormSchema.safeParse(textFields(form));
    if (!parsed.success) return invalid(parsed.error, locale);
    const file = form.get("logo");
    // A file input left empty still sends a part, with no bytes (and, through React's encoding, a name).
    const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
    const { branding, changed } = await updateBranding({ actorId: staff.user.id, draft: parsed.data, logo, meta: await requestMeta() });
    revalidatePath("/", "layout");
    const message = changed.length === 0 ? t("branding.unchanged") : t("branding.saved");
    return { status: "success", message, saved: branding };
  } catch (error) {
    if (error instanceof AppError && error.code === "REAUTH_REQUIRED") {
      return { status: "error", message: error.text ? translate(locale, error.text) : error.message, confirmPath: confirmIdentityPath("/admin/branding") };
    }
    if (error instanceof AppError && error.code === "VALIDATION") {
      const { fieldErrors } = failure(error, locale);
      return { status: "error", message: t("branding.correctFields"), fieldErrors };
    }
    return failure(error, locale);
  }
}

function textFields(form: FormData) {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  return fields;
}
