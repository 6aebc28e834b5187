import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { config } from "@/lib/config";

const SESSION_COOKIE = "next-auth.session-token";

/** next-auth's session cookie name: the `__Secure-` one when the site is served over HTTPS. */
function sessionCookieName() {
  const secure = (process.env.NEXTAUTH_URL ?? config().appUrl).startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}${SESSION_COOKIE}`, secure };
}

/**
 * Hands the browser a replaced session from the flow door's route handlers. next-auth only writes its cookie
 * at sign-in, but a step-up or password re-confirmation also issues a new session (security.md item
 * 21), so this writes the same cookie next-auth would: its name, its options, its encrypted JWT
 * carrying the session row's id (`sid`, read back by the session callback in auth-options.ts).
 */
export async function writeSessionCookie(session: { id: string; userId: string }) {
  const { name, secure } = sessionCookieName();
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

/**
 * The session row id in the request's cookie, or null. This is what getServerSession found, read
 * directly: getServerSession also runs next-auth's whole session endpoint, which decrypts the token,
 * then re-encrypts it with a new expiry for a cookie a page render cannot set (two key derivations and
 * two JWE operations per page view for nothing). The Session row, not the cookie, decides whether the
 * session is alive (lib/auth/sessions.ts); decode() still refuses a token that is forged or past its
 * `exp`. Both cookie names are tried, so a cookie next-auth set under the other one is still read.
 */
export async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  const { name } = sessionCookieName();
  const token = jar.get(name)?.value ?? jar.get(name.startsWith("__Secure-") ? SESSION_COOKIE : `__Secure-${SESSION_COOKIE}`)?.value;
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: config().authSecret });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

/** Removes the session cookie at sign-out; the session row itself is revoked by the caller. */
export async function clearSessionCookie() {
  const { name, secure } = sessionCookieName();
  (await cookies()).set(name, "", { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 0 });
}
