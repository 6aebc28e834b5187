import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors/app-error";
import { text, type Text } from "@/lib/i18n/text";

export const MAX_LOGO_BYTES = 512 * 1024;
/** Larger images are scaled down: a logo is shown a few dozen pixels high. */
const MAX_LOGO_SIDE = 1024;

export type LogoType = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

/**
 * What the first bytes say the file is, whatever its name or the browser's claimed type. SVG is not
 * among them: it is a document that can carry scripts, not merely a picture.
 */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  const starts = (signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  const ascii = (text: string, at = 0) => starts([...text].map((c) => c.charCodeAt(0)), at);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (ascii("GIF87a") || ascii("GIF89a")) return "image/gif";
  if (ascii("RIFF") && ascii("WEBP", 8)) return "image/webp";
  return null;
}

const refuse = (message: Text) => AppError.onField("logo", message);

/**
 * An uploaded logo, checked and drawn again: only PNG, JPEG, WebP or GIF bytes of at most 512 KB are
 * taken, and they are decoded and re-encoded in the same format, so what is stored and served is
 * pixels only (no metadata, comments or anything appended after the image).
 */
export async function prepareLogo(bytes: Uint8Array): Promise<{ contentType: LogoType; bytes: Uint8Array<ArrayBuffer>; width: number; height: number }> {
  if (bytes.length === 0) throw refuse(text("admin.branding.logo.empty"));
  if (bytes.length > MAX_LOGO_BYTES) throw refuse(text("admin.branding.logo.tooLarge", { kb: MAX_LOGO_BYTES / 1024 }));
  const type = sniffLogoType(bytes);
  if (!type) throw refuse(text("admin.branding.logo.notImage"));
  const animated = type === "image/gif" || type === "image/webp";
  try {
    let image = sharp(bytes, { animated, limitInputPixels: 40_000_000, failOn: "error" }).rotate();
    const meta = await sharp(bytes, { animated }).metadata();
    if (meta.format !== type.slice("image/".length)) throw new Error(`decoded as ${meta.format}`);
    const height = meta.pageHeight ?? meta.height;
    if (Math.max(meta.width, height) > MAX_LOGO_SIDE) image = image.resize({ width: MAX_LOGO_SIDE, height: MAX_LOGO_SIDE, fit: "inside" });
    const encoded =
      type === "image/png" ? image.png({ compressionLevel: 9 })
      : type === "image/jpeg" ? image.jpeg({ quality: 90 })
      : type === "image/webp" ? image.webp({ quality: 90 })
      : image.gif();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { contentType: type, bytes: new Uint8Array(data), width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    console.warn("logo upload refused", error instanceof Error ? error.message : error);
    throw refuse(text("admin.branding.logo.unreadable"));
  }
}
