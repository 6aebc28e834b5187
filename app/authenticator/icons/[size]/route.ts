import sharp from "sharp";

/**
 * The authenticator's home-screen icons, drawn here from one SVG (no image files to keep in step):
 * 192 and 512 pixels, and a maskable one whose mark sits inside the safe circle Android crops to.
 */
const SIZES: Record<string, { size: number; maskable: boolean }> = {
  "192": { size: 192, maskable: false },
  "512": { size: 512, maskable: false },
  maskable: { size: 512, maskable: true },
};

function svg(maskable: boolean) {
  // Maskable: full-bleed background, the mark within the central 80 %.
  const mark = maskable ? 'transform="translate(6.4 6.4) scale(0.6)"' : 'transform="translate(3.2 3.2) scale(0.8)"';
  const background = maskable ? '<rect width="32" height="32" fill="#4f46e5"/>' : '<rect x="1" y="1" width="30" height="30" rx="7" fill="#4f46e5"/>';
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${background}
  <g ${mark}><path d="M11 9.5 h10 a2 2 0 0 1 2 2 v13 a2 2 0 0 1 -2 2 h-10 a2 2 0 0 1 -2 -2 v-13 a2 2 0 0 1 2 -2 z" fill="none" stroke="#fff" stroke-width="2"/>
  <path d="M12.5 17.5 l2.5 2.5 l4.5 -5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`);
}

export async function GET(_request: Request, { params }: { params: Promise<{ size: string }> }) {
  const icon = SIZES[(await params).size];
  if (!icon) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const png = await sharp(svg(icon.maskable), { density: 384 }).resize(icon.size, icon.size).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" } });
}
