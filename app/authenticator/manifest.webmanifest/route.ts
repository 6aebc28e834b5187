import { currentBranding } from "@/lib/branding/current-branding";

/**
 * The authenticator's web app manifest: what a phone needs to add /authenticator to its home screen
 * and open it as an app of its own (standalone, its own scope), in the company's name.
 */
export async function GET() {
  const { companyName, accentColour } = await currentBranding();
  const manifest = {
    name: `${companyName} Authenticator`,
    short_name: "Authenticator",
    description: `Approve ${companyName} sign-ins and get sign-in codes on this phone.`,
    id: "/authenticator",
    start_url: "/authenticator",
    scope: "/authenticator",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f6f7fb",
    theme_color: accentColour,
    icons: [
      { src: "/authenticator/icons/192", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/authenticator/icons/512", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/authenticator/icons/maskable", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json", "Cache-Control": "public, max-age=3600" },
  });
}
