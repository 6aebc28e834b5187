import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { malformedRequestReason } from "@/lib/http/malformed-request";

/**
 * Framing policy, decided per request so WIDGET_ALLOWED_ORIGINS can change without a rebuild: the
 * widget's pages may be framed by the configured origins (CSP frame-ancestors), every other page by
 * nobody, which stops clickjacking of the portal.
 */
export async function proxy(request: NextRequest) {
  const malformed = await malformedRequestReason(request);
  if (malformed) return badRequest(malformed);
  const response = NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/widget/")) {
    const origins = appConfig().widgetAllowedOrigins.join(" ");
    response.headers.set("Content-Security-Policy", `frame-ancestors 'self' ${origins}`);
  } else {
    response.headers.set("Content-Security-Policy", "frame-ancestors 'none'");
    response.headers.set("X-Frame-Options", "DENY");
  }
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

function badRequest(message: string) {
  return new NextResponse(`Bad request: ${message}\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
