import "server-only";
import { redirect } from "next/navigation";
import { findLiveSession } from "@/lib/auth/sessions";
import { readSessionId } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { returnPath } from "@/lib/auth/return-path";

/**
 * The live session behind the request's cookie, with its user, or null. It may still be waiting for
 * its second factor (`secondFactorPending`); requireUser and requireUserPage refuse those.
 */
export async function currentSession() {
  const sid = await readSessionId();
  if (!sid) return null;
  return findLiveSession(sid);
}

export type SignedIn = NonNullable<Awaited<ReturnType<typeof currentSession>>>;

/**
 * For server actions and APIs: a server action is a public POST endpoint, so each one calls this
 * itself instead of trusting the page that rendered its form (conventions.md).
 */
export async function requireUser(): Promise<SignedIn> {
  const session = await currentSession();
  if (!session) throw new AppError("UNAUTHENTICATED", text("errors.session.ended"));
  if (session.secondFactorPending) throw new AppError("UNAUTHENTICATED", text("errors.session.finishSigningIn"));
  return session;
}

/** For pages: send a visitor without a live session to the sign-in page and back here afterwards. */
export async function requireUserPage(to: string): Promise<SignedIn> {
  const returnTo = returnPath(to);
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  // The pre-MFA session reaches nothing but the second-factor page (security.md item 21).
  if (session.secondFactorPending) redirect(`/sign-in/verify?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

/** For the second-factor page: a session that still waits for its second factor. */
export async function requirePendingSession(returnTo: string) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  if (!session.secondFactorPending) redirect(returnPath(returnTo));
  return session;
}
