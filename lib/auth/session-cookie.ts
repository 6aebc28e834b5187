import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";

/**
 * Hands the browser a replaced session from the flow door's route handlers. next-auth only writes its cookie
 * at sign-in, but a step-up or password re-confirmation also issues a new session (security.md item
 * 21), so this writes the same cookie next-auth would: its name, its options, its encrypted JWT
 * carrying the session row's id (`sid`, read back by the session callback in auth-options.ts).
 */
export async function writeSessionCookie(session: { id: string; userId: string }) {
  const secure = (process.env.NEXTAUTH_URL ?? config().appUrl).startsWith("https://");
  const maxAge = config().session.lengthMinutes * 60;
  const value = await encode({ token: { sub: session.userId, sid: session.id }, secret: config().authSecret, maxAge });
  (await cookies()).set(`${secure ? "__Secure-" : ""}next-auth.session-token`, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge,
  });
}
