import "server-only";
import { rateLimitSubject } from "@/lib/otp/keyed-hash";

/** The names of the limits, so one limit's counter never stands in for another's. */
export type LimitName =
  | "sign-in:account"
  | "sign-in:address"
  | "sign-up:address"
  | "sign-up:email"
  | "email-link:address"
  | "email-link:email"
  | "password-reset:address"
  | "password-reset:email"
  | "api:application"
  | "pairing:address"
  | "push:account";

/**
 * The RateLimit row's key: the limit's name and a keyed hash of who is counted (an email, a client
 * address, an API application's id or a user's id), so the table holds no plain addresses. A request without a known address shares one
 * counter with every other such request rather than escaping the limit.
 */
export function limitKey(name: LimitName, subject: string | null): string {
  return `${name}:${rateLimitSubject(subject ?? "unknown-address")}`;
}
