import "server-only";
import { config } from "@/lib/config";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

/** safeReturnPath against the app's configured origin: what every server-side redirect goes through. */
export function returnPath(value: unknown, fallback = "/account"): string {
  return safeReturnPath(value, { origin: config().appOrigin, fallback });
}
