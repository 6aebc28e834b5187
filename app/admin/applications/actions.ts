"use server";

import { revalidatePath } from "next/cache";
import { failure, invalid, type ActionResult } from "@/lib/actions/action-result";
import { formDataArgument, noArguments } from "@/lib/actions/action-arguments";
import { confirmIdentityPath } from "@/lib/admin/admin-access";
import { requestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { createApplicationAsStaff, revokeApplicationAsStaff, rotateApplicationAsStaff } from "@/lib/applications/staff-applications";
import { addWidgetOrigin, removeWidgetOrigin } from "@/lib/widget/update-widget-origins";
import { applicationIdSchema, createApplicationSchema, widgetOriginFormSchema, widgetOriginRemovalSchema } from "@/lib/validations/applications";

/**
 * The applications page's changes. Public POST endpoints like every action: each checks its
 * arguments' shapes, validates the form, and leaves the staff check (capability, fresh authentication)
 * to the lib/ function it calls.
 */

const PAGE = "/admin/applications";

/** An action's answer; `secret` only right after a create or a rotation, the one time it is shown. */
export type ApplicationsResult = ActionResult & {
  secret?: { name: string; clientId: string; value: string };
  /** Set when the change needs a fresh sign-in: where to confirm it and come back. */
  confirmPath?: string;
};

export async function createApplicationAction(_prev: ApplicationsResult, formData: FormData, ...extra: unknown[]): Promise<ApplicationsResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const parsed = createApplicationSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    const created = await createApplicationAsStaff({ ...parsed.data, meta: await requestMeta() });
    revalidatePath(PAGE);
    return {
      status: "success",
      message: t("applications.done.created", { name: created.name }),
      secret: { name: created.name, clientId: created.clientId, value: created.secret },
    };
  } catch (error) {
    return refused(error, locale);
  }
}

export async function rotateApplicationAction(_prev: ApplicationsResult, formData: FormData, ...extra: unknown[]): Promise<ApplicationsResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const parsed = applicationIdSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    const rotated = await rotateApplicationAsStaff({ clientId: parsed.data.clientId, meta: await requestMeta() });
    revalidatePath(PAGE);
    return {
      status: "success",
      message: t("applications.done.rotated", { name: rotated.name }),
      secret: { name: rotated.name, clientId: rotated.clientId, value: rotated.secret },
    };
  } catch (error) {
    return refused(error, locale);
  }
}

export async function revokeApplicationAction(_prev: ApplicationsResult, formData: FormData, ...extra: unknown[]): Promise<ApplicationsResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const parsed = applicationIdSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    const revoked = await revokeApplicationAsStaff({ clientId: parsed.data.clientId, meta: await requestMeta() });
    revalidatePath(PAGE);
    return { status: "success", message: t(revoked.alreadyRevoked ? "applications.done.alreadyRevoked" : "applications.done.revoked", { name: revoked.name }) };
  } catch (error) {
    return refused(error, locale);
  }
}

export async function addWidgetOriginAction(_prev: ApplicationsResult, formData: FormData, ...extra: unknown[]): Promise<ApplicationsResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const parsed = widgetOriginFormSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    await addWidgetOrigin({ origin: parsed.data.origin, meta: await requestMeta() });
    revalidatePath(PAGE);
    return { status: "success", message: t("applications.done.originAdded", { origin: parsed.data.origin }) };
  } catch (error) {
    return refused(error, locale);
  }
}

export async function removeWidgetOriginAction(_prev: ApplicationsResult, formData: FormData, ...extra: unknown[]): Promise<ApplicationsResult> {
  noArguments(extra);
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const parsed = widgetOriginRemovalSchema.safeParse(Object.fromEntries(formDataArgument(formData)));
  if (!parsed.success) return invalid(parsed.error, locale);
  try {
    await removeWidgetOrigin({ origin: parsed.data.origin, meta: await requestMeta() });
    revalidatePath(PAGE);
    return { status: "success", message: t("applications.done.originRemoved", { origin: parsed.data.origin }) };
  } catch (error) {
    return refused(error, locale);
  }
}

function refused(error: unknown, locale: Locale): ApplicationsResult {
  const result = failure(error, locale);
  return error instanceof AppError && error.code === "REAUTH_REQUIRED" ? { ...result, confirmPath: confirmIdentityPath(PAGE) } : result;
}
