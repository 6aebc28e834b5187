import "server-only";
import { db } from "@/lib/db";
import { forgetSetting, writeSetting } from "@/lib/settings/settings-store";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { BRANDING_KEY, currentBranding } from "@/lib/branding/current-branding";
import { prepareLogo } from "@/lib/branding/prepare-logo";
import { logoPath } from "@/lib/branding/read-logo";
import { brandingSchema, FEATURE_FLAGS, type BrandingDocument, type BrandingDraft } from "@/lib/validations/branding";

/** What a save changed, field by field, for the audit row ("what changed", not the whole document). */
export function brandingChanges(before: BrandingDocument, after: BrandingDocument): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ["companyName", "logoUrl", "logoStyle", "accentColour"] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  for (const flag of FEATURE_FLAGS) {
    if (before.features[flag] !== after.features[flag]) changes[flag] = { from: before.features[flag], to: after.features[flag] };
  }
  return changes;
}

/**
 * Saves the branding and feature flags an administrator entered, with an uploaded logo when one was
 * chosen (it then replaces the logo URL). The logo row, the setting and the audit row are written in
 * one transaction; uploads nothing points at any more are deleted in it, so the table keeps one logo.
 * Every instance reads the new branding from its next request on (lib/settings/settings-store.ts).
 */
export async function updateBranding(options: {
  actorId: string;
  draft: BrandingDraft;
  /** The uploaded file's bytes, unchecked. */
  logo?: Uint8Array;
  meta?: RequestMeta;
}): Promise<{ branding: BrandingDocument; changed: string[] }> {
  const logo = options.logo ? await prepareLogo(options.logo) : null;
  if (!logo && options.draft.logoUrl === "") {
    throw new AppError("VALIDATION", text("admin.branding.correctFields"), { logoUrl: ["Enter the logo's address, or upload an image."] });
  }
  const before = await currentBranding();
  const result = await db.$transaction(async (tx) => {
    const uploaded = logo
      ? await tx.brandingLogo.create({
          data: { contentType: logo.contentType, bytes: logo.bytes, width: logo.width, height: logo.height, uploadedById: options.actorId },
          select: { id: true },
        })
      : null;
    const branding = brandingSchema.parse({ ...options.draft, logoUrl: uploaded ? logoPath(uploaded.id) : options.draft.logoUrl });
    const changes = brandingChanges(before, branding);
    await writeSetting(tx, BRANDING_KEY, branding, options.actorId);
    const keep = branding.logoUrl.startsWith(logoPath("")) ? branding.logoUrl.slice(logoPath("").length) : null;
    await tx.brandingLogo.deleteMany({ where: keep ? { id: { not: keep } } : {} });
    await recordAuditEvent(tx, {
      action: "branding.updated",
      userId: null,
      actorId: options.actorId,
      details: { changes, ...(logo ? { uploadedLogo: { contentType: logo.contentType, width: logo.width, height: logo.height } } : {}) },
      meta: options.meta,
    });
    return { branding, changed: Object.keys(changes) };
  });
  forgetSetting(BRANDING_KEY);
  return result;
}
