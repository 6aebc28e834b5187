import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { describeWait } from "@/lib/rate-limit/describe-wait";
import { hitFixedWindow, type LimitVerdict } from "@/lib/rate-limit/fixed-window";
import { limitKey } from "@/lib/rate-limit/keys";

/**
 * Counts one request that makes us send an email (sign-up, sign-in link, new confirmation link,
 * password reset; a password reset counts apart, with the emailed links' numbers) per
 * client address and per email address, and refuses it with a wait once either limit is reached. The
 * email's counter runs whether or not an account exists, so a refusal says nothing about accounts.
 */
export async function limitEmailRequest(options: { kind: "sign-up" | "email-link" | "password-reset"; email: string; ip: string | null; now?: Date }) {
  const settings = options.kind === "sign-up" ? config().limits.signUp : config().limits.emailLink;
  const byAddress = await hitFixedWindow({
    key: limitKey(`${options.kind}:address`, options.ip),
    limit: settings.perAddress,
    windowSeconds: settings.windowSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!byAddress.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many requests from your network. Try again in ${describeWait(byAddress.retryAfterSeconds)}.`,
      undefined,
      byAddress.retryAfterSeconds,
    );
  }
  const byEmail = await hitFixedWindow({
    key: limitKey(`${options.kind}:email`, options.email),
    limit: settings.perEmail,
    windowSeconds: settings.windowSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!byEmail.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many requests for this email address. Try again in ${describeWait(byEmail.retryAfterSeconds)}.`,
      undefined,
      byEmail.retryAfterSeconds,
    );
  }
}

/**
 * One request of an API application (/api/v1), counted per application in fixed one-minute windows:
 * its own limit when app:create gave it one, else API_RATE_LIMIT_PER_MINUTE. Counted in the database
 * like the others, so every instance behind a balancer shares the one count. The caller answers a
 * refusal 429 with Retry-After.
 */
export async function limitApplicationRequests(options: { applicationId: string; limitPerMinute: number | null; now?: Date }): Promise<LimitVerdict> {
  return hitFixedWindow({
    key: limitKey("api:application", options.applicationId),
    limit: options.limitPerMinute ?? config().limits.api.perMinute,
    windowSeconds: config().limits.api.windowSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
}
