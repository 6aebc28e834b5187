import { describeWait } from "@/lib/rate-limit/describe-wait";

/**
 * The only texts a password sign-in may send back through next-auth's `error` (authorize throws an
 * Error with one of these as its message). Fixed codes, so no exception text ever reaches a browser;
 * the form turns them into words with signInErrorMessage.
 */
export const signInErrorCode = {
  accountWait: (seconds: number) => `account-wait:${Math.ceil(seconds)}`,
  addressWait: (seconds: number) => `address-wait:${Math.ceil(seconds)}`,
  emailUnverified: "email-unverified",
} as const;

export type SignInRefusal =
  | { kind: "mismatch"; message: string }
  | { kind: "wait"; message: string }
  | { kind: "unverified"; message: string };

export function signInErrorMessage(error: string | null | undefined): SignInRefusal {
  const wait = /^(account|address)-wait:(\d{1,6})$/.exec(error ?? "");
  if (wait) {
    const seconds = Number(wait[2]);
    // The same words whether or not the account exists: the count runs for any email typed.
    return wait[1] === "account"
      ? { kind: "wait", message: `Too many failed sign-ins for this email. Wait ${describeWait(seconds)}, then try again.` }
      : { kind: "wait", message: `Too many failed sign-ins from your network. Wait ${describeWait(seconds)}, then try again.` };
  }
  if (error === signInErrorCode.emailUnverified) {
    return {
      kind: "unverified",
      message: "Confirm your email address before you sign in: open the link we emailed you when you signed up.",
    };
  }
  return { kind: "mismatch", message: "That email and password do not match an account. Check them and try again." };
}
