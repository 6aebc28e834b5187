import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { forgetAllSettings } from "@/lib/settings/settings-store";
import { BRANDING_KEY, brandingFromEnvironment, currentBranding } from "@/lib/branding/current-branding";
import { updateBranding } from "@/lib/branding/update-branding";
import { readLogo } from "@/lib/branding/read-logo";
import type { BrandingDraft } from "@/lib/validations/branding";

const png = () => sharp({ create: { width: 64, height: 32, channels: 4, background: "#0f766e" } }).png().toBuffer();

/** Other tests read the company name ("Acme"): every test here puts the environment's branding back. */
async function restore() {
  await db.setting.deleteMany({ where: { key: BRANDING_KEY } });
  await db.brandingLogo.deleteMany({});
  forgetAllSettings();
}

test("the first read stores the environment's branding, and a save is read back at once, audited with what changed", async (t) => {
  t.after(restore);
  await restore();
  const initial = await currentBranding();
  assert.deepEqual(initial, brandingFromEnvironment());
  assert.ok(await db.setting.findUnique({ where: { key: BRANDING_KEY } }), "the environment's values became the stored row");

  const actorId = `admin-${randomUUID()}`;
  const draft: BrandingDraft = { ...initial, companyName: "Globex", accentColour: "#0f766e", features: { ...initial.features, isSmsOTPEnabled: false } };
  const { changed } = await updateBranding({ actorId, draft });
  assert.deepEqual(changed.sort(), ["accentColour", "companyName", "isSmsOTPEnabled"]);
  const now = await currentBranding();
  assert.equal(now.companyName, "Globex");
  assert.equal(now.features.isSmsOTPEnabled, false);

  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "branding.updated", actorId } });
  assert.equal(audit.userId, null);
  assert.deepEqual(JSON.parse(audit.details!).changes.companyName, { from: initial.companyName, to: "Globex" });
});

test("an uploaded logo replaces the URL, is served from its own row, and the one before it is deleted", async (t) => {
  t.after(restore);
  await restore();
  const draft: BrandingDraft = { ...(await currentBranding()), logoUrl: "" };
  const first = await updateBranding({ actorId: "admin-1", draft, logo: await png() });
  const firstId = first.branding.logoUrl.split("/").pop()!;
  assert.match(first.branding.logoUrl, /^\/branding\/logo\/[a-z0-9]+$/);
  const stored = await readLogo(firstId);
  assert.equal(stored?.contentType, "image/png");
  assert.deepEqual((await sharp(Buffer.from(stored!.bytes)).metadata()).width, 64);

  const second = await updateBranding({ actorId: "admin-1", draft, logo: await png() });
  assert.notEqual(second.branding.logoUrl, first.branding.logoUrl, "a new upload gets a new address, so caches never show the old one");
  assert.equal(await readLogo(firstId), null);
  assert.equal(await db.brandingLogo.count(), 1);

  // Back to a URL: no upload is kept.
  await updateBranding({ actorId: "admin-1", draft: { ...draft, logoUrl: "/logo.svg" } });
  assert.equal(await db.brandingLogo.count(), 0);
  assert.equal(await readLogo("../../etc/passwd"), null);
});

test("a refused upload or a missing logo changes nothing", async (t) => {
  t.after(restore);
  await restore();
  const before = await currentBranding();
  const draft: BrandingDraft = { ...before, companyName: "Not saved", logoUrl: "" };
  await assert.rejects(
    updateBranding({ actorId: "admin-1", draft, logo: Buffer.from("text pretending to be a PNG") }),
    (e: unknown) => e instanceof AppError && e.code === "VALIDATION" && Boolean(e.fieldErrors?.logo),
  );
  await assert.rejects(updateBranding({ actorId: "admin-1", draft }), (e: unknown) => e instanceof AppError && Boolean(e.fieldErrors?.logoUrl));
  forgetAllSettings();
  assert.equal((await currentBranding()).companyName, before.companyName);
  assert.equal(await db.brandingLogo.count(), 0);
});
