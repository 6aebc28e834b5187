import "server-only";
import { db } from "@/lib/db";

/** Where an uploaded logo is served; the id is new for every upload, so the URL may be cached for good. */
export const logoPath = (id: string) => `/branding/logo/${id}`;

const LOGO_ID = /^[a-z0-9]{20,40}$/;

/** An uploaded logo's bytes and type, or null (unknown id, or not an id at all). */
export async function readLogo(id: string) {
  if (!LOGO_ID.test(id)) return null;
  return db.brandingLogo.findUnique({ where: { id }, select: { contentType: true, bytes: true } });
}
