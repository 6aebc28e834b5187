import "server-only";
import { config } from "@/lib/config";

/**
 * HAL+JSON (application/hal+json), the flow API's representation: a resource's own members, and
 * `_links` with at least `self`, so a client follows links instead of building URLs. Links are
 * absolute, on APP_URL: behind a balancer or proxy that is the address clients use, whatever the
 * instance heard in its own Host header.
 */
export const HAL_JSON = "application/hal+json";

/** A link; `type` hints the media type to send to it (RFC 8288 / HAL), as flow actions do. */
export type HalLink = { href: string; type?: string };
export type HalLinks = { self: HalLink } & Record<string, HalLink | HalLink[]>;

/** The absolute URL of an API path: apiUrl("/users/abc") → https://accounts.example.com/api/v1/users/abc. */
export function apiUrl(path: string): string {
  return `${config().appUrl}/api/v1${path}`;
}

export function halResponse(body: { _links: HalLinks } & Record<string, unknown>, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "Content-Type": HAL_JSON, "Cache-Control": "no-store", ...init.headers },
  });
}
