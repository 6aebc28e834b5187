import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { consumeMagicLink } from "@/lib/auth/magic-link";
import { revokeSession } from "@/lib/auth/sessions";
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
          const result = await authenticateWithPassword({ ...parsed.data, meta: metaOf(req as IncomingRequest) });
          return result ? { id: result.user.id, email: result.user.email, sid: result.session.id } : null;
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
