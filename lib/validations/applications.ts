import { z } from "zod";
import { CLIENT_ID_PATTERN } from "@/lib/applications/application-secret";
import { MAX_APPLICATION_NAME_LENGTH, MAX_RATE_LIMIT_PER_MINUTE } from "@/lib/applications/create-application";

/**
 * The admin console's applications page (app/admin/applications): the forms' fields, checked the same
 * way in the action as create-application.ts checks them, so a refusal names the field instead of
 * surfacing as a RangeError.
 */
export const createApplicationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name, such as the site or service that will call the API.")
    .max(MAX_APPLICATION_NAME_LENGTH, `At most ${MAX_APPLICATION_NAME_LENGTH} characters.`)
    // Control characters would let a name break lines in the audit log and the terminal.
    .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), "Only printable characters, on one line."),
  rateLimitPerMinute: z
    .string()
    .trim()
    .refine((text) => text === "" || /^\d{1,7}$/.test(text), "A whole number of requests per minute, or empty for the default.")
    .transform((text) => (text === "" ? null : Number(text)))
    .refine((limit) => limit === null || (limit >= 1 && limit <= MAX_RATE_LIMIT_PER_MINUTE), `From 1 to ${MAX_RATE_LIMIT_PER_MINUTE.toLocaleString("en-US")} requests per minute.`),
});

/** Rotate and revoke name the application by its public client id. */
export const applicationIdSchema = z.object({
  clientId: z.string().regex(CLIENT_ID_PATTERN, "Not an application of this service."),
});

/** Hosts that may embed the widget over plain http: only this machine, for development. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);
/**
 * A host as a CSP host-source can name it (letters, digits, hyphens and dots, after the URL parser's
 * lower-casing and punycode): no wildcard, and no IPv6 literal, which frame-ancestors cannot express.
 */
const HOST_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * An origin allowed to embed the widget: scheme, host and port only, https (or http for localhost and
 * 127.0.0.1). It ends up in the CSP frame-ancestors header and in the list postMessage targets are
 * checked against, so anything more (a path, a query, a wildcard, credentials) is refused rather than
 * cut off: what the administrator typed is what is allowed.
 */
export const widgetOriginSchema = z
  .string()
  .trim()
  .min(1, "Enter an origin, such as https://shop.example.com.")
  .max(200, "At most 200 characters.")
  .transform((text, context) => {
    const refuse = (message: string) => {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s]+\/?$/i.test(text)) {
      return refuse("Enter an origin only: the scheme, the host and a port if any, such as https://shop.example.com (no path, query or user name).");
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return refuse("That is not a web address, such as https://shop.example.com.");
    }
    if (!HOST_PATTERN.test(url.hostname)) return refuse("The host may hold only letters, digits, hyphens and dots (no wildcards).");
    if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
      return refuse("Use https: plain http is allowed only for localhost and 127.0.0.1.");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("Use an https origin, such as https://shop.example.com.");
    return url.origin;
  });

export const widgetOriginFormSchema = z.object({ origin: widgetOriginSchema });

/** Exactly what `new URL(text).origin` gives: nothing that is not an origin (a space, a `;`) passes. */
export function isOrigin(text: string): boolean {
  try {
    const origin = new URL(text).origin;
    return origin !== "null" && origin === text;
  } catch {
    return false;
  }
}

/**
 * Removing names an origin from the list, which may hold what the environment allowed before the
 * console's stricter check (an http intranet host): any origin can be removed.
 */
export const widgetOriginRemovalSchema = z.object({ origin: z.string().max(200).refine(isOrigin, "Not an origin.") });
