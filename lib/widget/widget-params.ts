import { z } from "zod";

/**
 * The widget's iframe URL parameters, as widget.js builds them: the host's origin only. The user's
 * email, a widget token and the flow's id never go in the URL (proxies, logs and history keep URLs);
 * they travel by postMessage and in POST bodies (components/widget/widget-launcher.tsx).
 */
export const widgetParams = z.object({
  /** The host page's origin; results are posted only to it, and only if it is allowed to embed us. */
  parentOrigin: z.url().transform((u) => new URL(u).origin),
});

export const WIDGET_FLOWS = ["device-management"] as const;
export type WidgetFlow = (typeof WIDGET_FLOWS)[number];

/** The message the iframe posts to its host when the flow ends. widget.js checks `source`. */
export type WidgetResultMessage = {
  source: "mfa-widget";
  type: "result";
  flowId: string | null;
  status: "success" | "error";
  result: Record<string, unknown>;
};

/**
 * The frame's other messages to its host: `ready` (the handshake: the host answers with `init`), and
 * `resize` (the height of its content, so the iframe grows and shrinks with it).
 */
export type WidgetFrameMessage = { source: "mfa-widget"; type: "ready" } | { source: "mfa-widget"; type: "resize"; height: number };

/** The host's answer to `ready` (public/widget.js): the token its server got, or the username it expects. */
export type WidgetInitMessage = { source: "mfa-widget-host"; type: "init"; token?: string | null; username?: string | null };
