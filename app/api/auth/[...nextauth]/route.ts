import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { authErrorCode, withFixedAuthErrors } from "@/lib/auth/auth-errors";
import { config } from "@/lib/config";
import { isDatabaseUnavailable, serviceBusyResponse } from "@/lib/database/unavailable";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request, not at import: configuration (and its production checks) is read at run time,
// so a build needs no secrets.
async function handler(request: NextRequest, context: RouteContext) {
  // next-auth v4 reads its own base URL from NEXTAUTH_URL; default it to the app's URL.
  process.env.NEXTAUTH_URL ??= config().appUrl;
  const { nextauth } = await context.params;
  // next-auth's error route copies `?error=` (or the path segment after /error/) into its Location
  // header unencoded: any text could reach the sign-in page, and a CR/LF in it crashes the response.
  if (nextauth[0] === "error") {
    const code = authErrorCode(request.nextUrl.searchParams.get("error") ?? nextauth[1]);
    return Response.redirect(`${config().appUrl}/sign-in?error=${code}`, 302);
  }
  try {
    return await withFixedAuthErrors(await NextAuth(authOptions())(request, { params: { nextauth } }));
  } catch (error) {
    // Reading the session (the jwt and session callbacks) can meet a busy database too.
    if (isDatabaseUnavailable(error)) return serviceBusyResponse();
    // A malformed body (say, invalid JSON) makes next-auth throw before any of our code runs.
    console.error("auth request refused", error);
    return Response.json({ url: `${config().appUrl}/sign-in?error=Default` }, { status: 400 });
  }
}

export { handler as GET, handler as POST };
