import { z } from "zod";

/** The widget's iframe URL parameters, as widget.js builds them. */
export const widgetParams = z.object({
  /** The host page's origin; results are posted only to it, and only if it is allowed to embed us. */
  parentOrigin: z.url().transform((u) => new URL(u).origin),
  username: z.string().trim().max(200).optional(),
  flowId: z.string().min(1).max(64).optional(),
});

export const WIDGET_FLOWS = ["device-management"] as const;
export type WidgetFlow = (typeof WIDGET_FLOWS)[number];

/** The message the iframe posts to its host when the flow ends. widget.js checks `source`. */
export type WidgetResultMessage = {
  source: "mfa-widget";
  flowId: string;
  status: "success" | "error";
  result: Record<string, unknown>;
};
