import "server-only";
import { config } from "@/lib/config";
import { readSetting } from "@/lib/settings/settings-store";
import { isOrigin } from "@/lib/validations/applications";

/**
 * The origins allowed to embed the widget (its CSP frame-ancestors, the parentOrigin the widget page
 * accepts and posts its result to, and the top origins a WebAuthn ceremony in the widget may run
 * under). Kept as a setting the admin console edits (/admin/applications#widget); the first read
 * stores WIDGET_ALLOWED_ORIGINS (or APP_URL) as its starting value, after which the environment
 * variable is no longer read. A change is in force on the next request on every instance
 * (lib/settings/settings-store.ts).
 */
export const WIDGET_ORIGINS_KEY = "widget-origins";

/** frame-ancestors is one header: keep it well under what proxies accept for a header line. */
export const MAX_WIDGET_ORIGINS = 50;

/**
 * The stored list. Each entry must be an origin exactly (`isOrigin`), so nothing else (a space, a `;`)
 * can reach the CSP header. The console's own check for an added origin is stricter
 * (https only, lib/validations/applications.ts); this one also accepts whatever the environment held.
 */
export function parseWidgetOrigins(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length > MAX_WIDGET_ORIGINS) throw new TypeError(`expected at most ${MAX_WIDGET_ORIGINS} origins`);
  return raw.map((entry) => {
    if (typeof entry !== "string" || !isOrigin(entry)) throw new TypeError(`not an origin: ${String(entry).slice(0, 80)}`);
    return entry;
  });
}

export async function widgetAllowedOrigins(): Promise<string[]> {
  return readSetting(WIDGET_ORIGINS_KEY, parseWidgetOrigins, () => config().widgetAllowedOrigins);
}

/** Whether a host page at `origin` may embed the widget: the portal itself, or a listed origin. */
export async function mayEmbedWidget(origin: string): Promise<boolean> {
  return origin === config().appOrigin || (await widgetAllowedOrigins()).includes(origin);
}
