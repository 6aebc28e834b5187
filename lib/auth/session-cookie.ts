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
  const { name, secure } = sessionCookie();
  const maxAge = config().session.lengthMinutes * 60;
  const value = await encode({ token: { sub: session.userId, sid: session.id }, secret: config().authSecret, maxAge });
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge,
  });
}

/** Removes the session cookie at sign-out; the session row itself is revoked by the caller. */
export async function clearSessionCookie() {
  const { name, secure } = sessionCookie();
  (await cookies()).set(name, "", { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 0 });
}

// next-auth's own naming: the __Secure- prefix whenever the site is served over https.
function sessionCookie() {
  const secure = (process.env.NEXTAUTH_URL ?? config().appUrl).startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}
