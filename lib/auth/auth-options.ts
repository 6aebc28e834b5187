import "server-only";
import type { NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { consumeMagicLink } from "@/lib/auth/magic-link";
import { SignInRefused, signInErrorCode } from "@/lib/auth/sign-in-errors";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { restoreAccountLanguage } from "@/lib/i18n/account-language";
import { PASSKEY_BINDING_COOKIE } from "@/lib/auth/passkey-binding";
import { verifyAuthentication } from "@/lib/webauthn/verify-authentication";
import { recordAuditEvent, signInDetails } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { magicLinkTokenSchema, signInSchema } from "@/lib/validations/auth";
import { isDatabaseUnavailable } from "@/lib/database/unavailable";
import type { AuthErrorCode } from "@/lib/auth/auth-errors";

type IncomingRequest = { headers?: Record<string, string | string[] | undefined> } | undefined;

function metaOf(req: IncomingRequest) {
  const raw = req?.headers ?? {};
  return metaFromHeaders({
    get: (name) => {
      const v = raw[name.toLowerCase()];
      return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
    },
  });
}

type SignedInUser = { id: string; email: string; sid: string };

/**
 * next-auth v4 turns an exception thrown by `authorize` into `?error=<its message>` on the redirect it
 * sends the browser. Every provider therefore runs through this: a failure is logged here and
 * answered as a plain refusal, which next-auth reports with the fixed code CredentialsSignin. A busy
 * database is the exception: the credentials were never checked, so calling them wrong would send
 * people to reset a password that is fine. It leaves as the fixed code ServiceBusy (auth-errors.ts).
 * A SignInRefused passes through too: its message is one of the fixed codes the form explains.
 */
function refusingOnError(provider: string, authorize: (credentials: unknown, req: IncomingRequest) => Promise<SignedInUser | null>) {
  return async (credentials: unknown, req: unknown): Promise<SignedInUser | null> => {
    try {
      const user = await authorize(credentials, req as IncomingRequest);
      // The language chosen on the account follows the person to this browser, from the second step on.
      if (user) await restoreAccountLanguage(user.id);
      return user;
    } catch (error) {
      if (error instanceof SignInRefused) throw error;
      if (isDatabaseUnavailable(error)) {
        console.warn(`${provider} sign-in: database busy`, error instanceof Error ? error.message : error);
        throw new Error("ServiceBusy" satisfies AuthErrorCode);
      }
      console.error(`${provider} sign-in failed`, error);
      return null;
    }
  };
}

/**
 * next-auth carries our session id in its signed, encrypted cookie; the Session row decides whether
 * the session is alive (lib/auth/sessions.ts). Every sign-in creates a new row, so every sign-in
 * issues a new token (security.md item 21).
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: config().authSecret,
    session: { strategy: "jwt", maxAge: config().session.lengthMinutes * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: refusingOnError("password", async (credentials, req) => {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await authenticateWithPassword({ ...parsed.data, meta: metaOf(req) });
          // next-auth v4 hands a thrown error's message to the form as `error`: only fixed codes go
          // there (lib/auth/sign-in-errors.ts), never an exception's text.
          switch (result.status) {
            case "signed-in":
              return { id: result.user.id, email: result.user.email, sid: result.session.id };
            case "wait":
              throw new SignInRefused(result.limit === "account" ? signInErrorCode.accountWait(result.retryAfterSeconds) : signInErrorCode.addressWait(result.retryAfterSeconds));
            case "unverified":
              throw new SignInRefused(signInErrorCode.emailUnverified);
            default:
              return null;
          }
        }),
      }),
      CredentialsProvider({
        id: "magic-link",
        name: "Email link",
        credentials: { token: { type: "text" } },
        authorize: refusingOnError("magic-link", async (credentials, req) => {
          const parsed = magicLinkTokenSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await consumeMagicLink({ token: parsed.data.token, meta: metaOf(req) });
          return result ? { id: result.user.id, email: result.user.email, sid: result.session.id } : null;
        }),
      }),
      CredentialsProvider({
        id: "passkey",
        name: "Passkey",
        credentials: { response: { type: "text" } },
        // A discoverable passkey verified with user verification is two factors at once: something
        // the user has and something they are or know. Without UV it is only the first factor.
        authorize: refusingOnError("passkey", async (credentials, req) => {
          const parsed = z.object({ response: z.string().min(2).max(20_000) }).safeParse(credentials);
          const binding = (await cookies()).get(PASSKEY_BINDING_COOKIE)?.value;
          if (!parsed.success || !binding) return null;
          const meta = metaOf(req);
          try {
            const verified = await verifyAuthentication({ userId: null, flowExecutionId: binding, response: JSON.parse(parsed.data.response), meta });
            const user = await db.user.findUniqueOrThrow({ where: { id: verified.userId } });
            const session = await createSession({
              userId: user.id,
              methods: ["passkey"],
              meta,
              secondFactorPending: !verified.userVerified && (await requiresSecondFactor(user.id)),
            });
            await db.$transaction((tx) =>
              recordAuditEvent(tx, { action: "user.signed_in", userId: user.id, deviceId: verified.deviceId, details: signInDetails("passkey", session.secondFactorPending), meta }),
            );
            return { id: user.id, email: user.email, sid: session.id };
          } catch (error) {
            if (isDatabaseUnavailable(error)) throw error;
            console.error("passkey sign-in refused", error instanceof Error ? error.message : error);
            return null;
          }
        }),
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth redirects to (sign-in, sign-out, errors) passes the same rule as our
      // own redirects: a path on this site, normalized; anything else goes to the account page.
      async redirect({ url }) {
        const origin = config().appOrigin;
        return `${origin}${safeReturnPath(url, { origin })}`;
      },
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      async session({ session, token }) {
        return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (token && typeof token.sid === "string") await revokeSession(token.sid);
      },
    },
  };
}
