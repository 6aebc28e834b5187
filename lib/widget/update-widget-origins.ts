import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { requireStaff } from "@/lib/admin/admin-access";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { forgetSetting, writeSetting } from "@/lib/settings/settings-store";
import { MAX_WIDGET_ORIGINS, parseWidgetOrigins, WIDGET_ORIGINS_KEY, widgetAllowedOrigins } from "@/lib/widget/widget-origins";

/**
 * Adds an origin to those allowed to embed the widget (already validated by
 * lib/validations/applications.ts). An administrator's change: fresh authentication, audited.
 */
export async function addWidgetOrigin(options: { origin: string; meta: RequestMeta }): Promise<string[]> {
  return changeWidgetOrigins(options.meta, (origins) => {
    if (origins.includes(options.origin)) throw new AppError("CONFLICT", text("admin.applications.errors.originAllowed", { origin: options.origin }), { origin: ["Already in the list."] });
    if (origins.length >= MAX_WIDGET_ORIGINS) {
      throw new AppError("VALIDATION", text("admin.applications.errors.tooManyOrigins", { max: MAX_WIDGET_ORIGINS }), { origin: [`The list is full (${MAX_WIDGET_ORIGINS}).`] });
    }
    return { origins: [...origins, options.origin], details: { added: options.origin } };
  });
}

/** Removes an origin: host pages there can no longer frame the widget, from the next request on. */
export async function removeWidgetOrigin(options: { origin: string; meta: RequestMeta }): Promise<string[]> {
  return changeWidgetOrigins(options.meta, (origins) => {
    if (!origins.includes(options.origin)) throw new AppError("NOT_FOUND", text("admin.applications.errors.originGone", { origin: options.origin }));
    return { origins: origins.filter((o) => o !== options.origin), details: { removed: options.origin } };
  });
}

/**
 * Read, change and write the list in one transaction that first takes the row's write lock (a no-op
 * update), so two administrators changing it at once both have their change kept: the second reads
 * the first's list instead of overwriting it with an older one. A refusal thrown by `change` rolls the
 * lock's write back.
 */
async function changeWidgetOrigins(
  meta: RequestMeta,
  change: (origins: string[]) => { origins: string[]; details: Record<string, unknown> },
): Promise<string[]> {
  const staff = await requireStaff("applications.manage", { fresh: true });
  // Makes the row from the environment's list if this is the first time anyone reads it.
  await widgetAllowedOrigins();
  const origins = await db.$transaction(async (tx) => {
    await tx.setting.update({ where: { key: WIDGET_ORIGINS_KEY }, data: { updatedById: staff.user.id }, select: { key: true } });
    const row = await tx.setting.findUniqueOrThrow({ where: { key: WIDGET_ORIGINS_KEY }, select: { value: true } });
    const current = parseStoredOrInitial(row.value);
    const next = change(current);
    await writeSetting(tx, WIDGET_ORIGINS_KEY, next.origins, staff.user.id);
    await recordAuditEvent(tx, {
      action: "widget.origins_updated",
      userId: null,
      actorId: staff.user.id,
      details: { ...next.details, origins: next.origins },
      meta,
    });
    return next.origins;
  });
  forgetSetting(WIDGET_ORIGINS_KEY);
  return origins;
}

/** A stored list that no longer parses reads as the environment's, as the settings store reads it. */
function parseStoredOrInitial(text: string): string[] {
  try {
    return parseWidgetOrigins(JSON.parse(text));
  } catch {
    return config().widgetAllowedOrigins;
  }
}
