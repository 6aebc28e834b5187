import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { consumeMagicLink } from "@/lib/auth/magic-link";
import { signInErrorCode } from "@/lib/auth/sign-in-errors";
import { createSession, findLiveSession, revokeSession } from "@/lib/auth/sessions";
import { completeAuthenticationFlow } from "@/lib/auth/complete-authentication-flow";
import { PASSKEY_BINDING_COOKIE } from "@/lib/auth/passkey-binding";
import { verifyAuthentication } from "@/lib/webauthn/verify-authentication";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { magicLinkTokenSchema, signInSchema } from "@/lib/validations/auth";

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
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          let result: Awaited<ReturnType<typeof authenticateWithPassword>>;
          try {
            result = await authenticateWithPassword({ ...parsed.data, meta: metaOf(req as IncomingRequest) });
          } catch (error) {
            // Anything thrown here would reach the browser as text; log it and answer like a refusal.
            console.error("password sign-in failed", error);
            return null;
          }
          // next-auth v4 hands a thrown error's message to the form as `error`: only fixed codes go
          // there (lib/auth/sign-in-errors.ts), never an exception's text.
          switch (result.status) {
            case "signed-in":
              return { id: result.user.id, email: result.user.email, sid: result.session.id };
            case "wait":
              throw new Error(result.limit === "account" ? signInErrorCode.accountWait(result.retryAfterSeconds) : signInErrorCode.addressWait(result.retryAfterSeconds));
            case "unverified":
              throw new Error(signInErrorCode.emailUnverified);
            default:
              return null;
          }
        },
      }),
      CredentialsProvider({
        id: "magic-link",
        name: "Email link",
        credentials: { token: { type: "text" } },
        async authorize(credentials, req) {
          const parsed = magicLinkTokenSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await consumeMagicLink({ token: parsed.data.token, meta: metaOf(req as IncomingRequest) });
          return result ? { id: result.user.id, email: result.user.email, sid: result.session.id } : null;
        },
      }),
      CredentialsProvider({
        id: "second-factor",
        name: "Second factor",
        credentials: { flowId: { type: "text" } },
        // Exchanges a finished Device Authentication flow for a new, complete session. The caller's
        // own cookie must name the flow owner's session, so a flow id alone is worth nothing.
        async authorize(credentials, req) {
          const parsed = z.object({ flowId: z.string().min(1).max(64) }).safeParse(credentials);
          if (!parsed.success) return null;
          const sid = ((await getServerSession(authOptions())) as { sid?: string } | null)?.sid;
          const current = sid ? await findLiveSession(sid) : null;
          if (!current) return null;
          const done = await completeAuthenticationFlow({ flowId: parsed.data.flowId, sessionId: current.id, meta: metaOf(req as IncomingRequest) });
          return done ? { id: done.userId, email: current.user.email, sid: done.session.id } : null;
        },
      }),
      CredentialsProvider({
        id: "passkey",
        name: "Passkey",
        credentials: { response: { type: "text" } },
        // A discoverable passkey verified with user verification is two factors at once: something
        // the user has and something they are or know. Without UV it is only the first factor.
        async authorize(credentials, req) {
          const parsed = z.object({ response: z.string().min(2).max(20_000) }).safeParse(credentials);
          const binding = (await cookies()).get(PASSKEY_BINDING_COOKIE)?.value;
          if (!parsed.success || !binding) return null;
          const meta = metaOf(req as IncomingRequest);
          try {
            const verified = await verifyAuthentication({ userId: null, flowExecutionId: binding, response: JSON.parse(parsed.data.response), meta });
            const user = await db.user.findUniqueOrThrow({ where: { id: verified.userId } });
            const session = await createSession({
              userId: user.id,
              methods: ["passkey"],
              meta,
              secondFactorPending: user.mfaEnabled && !verified.userVerified,
            });
            await db.$transaction((tx) => recordAuditEvent(tx, { action: "user.signed_in", userId: user.id, deviceId: verified.deviceId, details: { method: "passkey" }, meta }));
            return { id: user.id, email: user.email, sid: session.id };
          } catch (error) {
            console.error("passkey sign-in refused", error instanceof Error ? error.message : error);
            return null;
          }
        },
      }),
    ],
    callbacks: {
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
