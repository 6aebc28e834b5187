import { NextResponse, type NextRequest } from "next/server";
import { malformedRequestReason } from "@/lib/http/malformed-request";
import { widgetAllowedOrigins } from "@/lib/widget/widget-origins";

/**
 * Runs only where it has work (see `config.matcher`), because a proxy pass costs every request it
 * matches 2–4 ms of CPU, as much as rendering a small page (issue 8's bench):
 *  - the widget's pages, whose framing policy is decided per request so the allowed origins can change
 *    in the admin console without a restart: they may be framed by those origins (CSP frame-ancestors,
 *    from the settings store's cached copy, so no statement per request);
 *  - server action posts, whose bodies Next would 500 on when malformed (security.md item 29).
 * Every other page's headers (framed by nobody, which stops clickjacking of the portal) are static and
 * come from next.config.js. A path that does not decode never gets this far: server.mjs answers 400.
 */
export async function proxy(request: NextRequest) {
  const malformed = await malformedRequestReason(request);
  if (malformed) return badRequest(malformed);
  const response = NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/widget/")) {
    response.headers.set("Content-Security-Policy", `frame-ancestors 'self' ${await framingOrigins()}`.trim());
  }
  return response;
}

/** The allowed origins, or none when the database cannot say (framed by nobody else is the safe answer). */
async function framingOrigins(): Promise<string> {
  try {
    return (await widgetAllowedOrigins()).join(" ");
  } catch (error) {
    console.warn("widget origins unavailable; the widget may be framed by the portal only", error instanceof Error ? error.message : error);
    return "";
  }
}

function badRequest(message: string) {
  return new NextResponse(`Bad request: ${message}\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

export const config = {
  matcher: [
    "/widget/:path*",
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
