import type { Text } from "@/lib/i18n/text";

/**
 * The only texts a password sign-in may send back through next-auth's `error` (authorize throws an
 * Error with one of these as its message). Fixed codes, so no exception text ever reaches a browser;
 * the form turns them into words with signInErrorMessage (a Text: the form words it in the reader's language).
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
  | { kind: "mismatch"; message: Text }
  | { kind: "wait"; message: Text }
  | { kind: "unverified"; message: Text }
  | { kind: "busy"; message: Text };

/**
 * A wait as the catalogue's WAIT words it ("30 seconds", "2 minutes", "1 hour", rounded up): its unit
 * and amount, so each language says it its own way.
 */
export function waitValues(seconds: number): { unit: "second" | "minute" | "hour"; amount: number } {
  if (seconds < 60) return { unit: "second", amount: seconds };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return { unit: "minute", amount: minutes };
  return { unit: "hour", amount: Math.ceil(minutes / 60) };
}

// Texts built by hand (a type-only import): this module is in the sign-in form's bundle, which must
// not carry the catalogues that lib/i18n/text.ts's translate() reads.
export function signInErrorMessage(error: string | null | undefined): SignInRefusal {
  const wait = /^(account|address)-wait:(\d{1,6})$/.exec(error ?? "");
  if (wait) {
    const values = waitValues(Number(wait[2]));
    // The same words whether or not the account exists: the count runs for any email typed.
    return { kind: "wait", message: { key: wait[1] === "account" ? "signIn.refusal.accountWait" : "signIn.refusal.addressWait", values } };
  }
  if (error === signInErrorCode.emailUnverified) return { kind: "unverified", message: { key: "signIn.refusal.unverified" } };
  return { kind: "mismatch", message: { key: "signIn.refusal.mismatch" } };
}
