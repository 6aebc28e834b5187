import { DEVICE_KEY_SCRIPT } from "@/lib/device-keys/device-key-script.bundle";

/**
 * GET /device-key.js: the browser half of "is this a known device" for a customer's own page (README,
 * "Device keys over the API"). A classic script defining `MfaDeviceKey`, so a plain cross-origin
 * <script src> loads it without CORS; Cross-Origin-Resource-Policy lets pages that isolate themselves
 * (COEP) load it too. It changes only with a release, so caches may keep it for an hour.
 */
export function GET(): Response {
  return new Response(DEVICE_KEY_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
