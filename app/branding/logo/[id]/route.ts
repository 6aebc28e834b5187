import { readLogo } from "@/lib/branding/read-logo";

/**
 * An uploaded logo (lib/branding/update-branding.ts). Its id changes with every upload, so it is cached
 * for a year. It is served as the image type its bytes were re-encoded as and never sniffed as
 * anything else; opened on its own, it may run and load nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const logo = await readLogo((await params).id);
  if (!logo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.contentType,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
