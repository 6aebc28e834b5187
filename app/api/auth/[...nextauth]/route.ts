import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { config } from "@/lib/config";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request, not at import: configuration (and its production checks) is read at run time,
// so a build needs no secrets.
async function handler(request: Request, context: RouteContext) {
  // next-auth v4 reads its own base URL from NEXTAUTH_URL; default it to the app's URL.
  process.env.NEXTAUTH_URL ??= config().appUrl;
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
