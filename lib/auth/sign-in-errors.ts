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

/** Whether a value is one of the codes above (and so may travel in a URL and be shown). */
export function isSignInErrorCode(value: unknown): value is string {
  return typeof value === "string" && (value === signInErrorCode.emailUnverified || /^(account|address)-wait:\d{1,6}$/.test(value));
}

/**
 * What an authorize function throws to refuse with a fixed code; every other exception is logged and
 * answered as a plain refusal (refusingOnError in auth-options.ts).
 */
export class SignInRefused extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "SignInRefused";
  }
}

export type SignInRefusal =
  | { kind: "mismatch"; message: string }
  | { kind: "wait"; message: string }
  | { kind: "unverified"; message: string }
  | { kind: "busy"; message: string };

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
