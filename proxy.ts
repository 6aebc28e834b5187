import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { malformedRequestReason } from "@/lib/http/malformed-request";

/**
 * Runs only where it has work (see `config.matcher`), because a proxy pass costs every request it
 * matches 2–4 ms of CPU, as much as rendering a small page (issue 8's bench):
 *  - the widget's pages, whose framing policy is decided per request so WIDGET_ALLOWED_ORIGINS can
 *    change without a rebuild: they may be framed by the configured origins (CSP frame-ancestors);
 *  - server action posts, whose bodies Next would 500 on when malformed (security.md item 29).
 * Every other page's headers (framed by nobody, which stops clickjacking of the portal) are static and
 * come from next.config.js. A path that does not decode never gets this far: server.mjs answers 400.
 */
export async function proxy(request: NextRequest) {
  const malformed = await malformedRequestReason(request);
  if (malformed) return badRequest(malformed);
  const response = NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/widget/")) {
    const origins = appConfig().widgetAllowedOrigins.join(" ");
    response.headers.set("Content-Security-Policy", `frame-ancestors 'self' ${origins}`);
  }
  return response;
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
