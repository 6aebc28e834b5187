import { validationMessages } from "@/lib/validations/validation-messages";

/**
 * The sign-in form's check in the browser, without zod: zod's runtime is 17–31 kB gzip of first-load
 * JS on /sign-in, more than the rest of the page's own code. The server still parses the same fields
 * with `signInSchema` (lib/validations/auth.ts), which takes its messages from here, so both say the
 * same words; this check only saves a round trip for the obvious mistakes.
 */
export const signInMessages = {
  email: validationMessages.email,
  password: validationMessages.password,
  passwordTooLong: validationMessages.max128,
} as const;

export type SignInFields = { email: string; password: string };

// Deliberately loose (something@something.tld): anything stricter is the server's schema's job.
const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkSignInFields(data: FormData): { fields: SignInFields } | { errors: Record<string, string[]> } {
  const email = String(data.get("email") ?? "").trim().toLowerCase();
  const password = String(data.get("password") ?? "");
  const errors: Record<string, string[]> = {};
  if (!looksLikeEmail.test(email) || email.length > 254) errors.email = [signInMessages.email];
  if (password.length === 0) errors.password = [signInMessages.password];
  else if (password.length > 128) errors.password = [signInMessages.passwordTooLong];
  return Object.keys(errors).length > 0 ? { errors } : { fields: { email, password } };
}

/** The identifier step: only the email, checked as loosely as above; the password step checks both. */
export function checkEmailField(value: FormDataEntryValue | null): { email: string } | { error: string } {
  const email = String(value ?? "").trim().toLowerCase();
  return looksLikeEmail.test(email) && email.length <= 254 ? { email } : { error: signInMessages.email };
}
