import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { describeWait } from "@/lib/rate-limit/describe-wait";
import { hitFixedWindow } from "@/lib/rate-limit/fixed-window";
import { limitKey } from "@/lib/rate-limit/keys";

/**
 * Counts one request that makes us send an email (sign-up, sign-in link, new confirmation link) per
 * client address and per email address, and refuses it with a wait once either limit is reached. The
 * email's counter runs whether or not an account exists, so a refusal says nothing about accounts.
 */
export async function limitEmailRequest(options: { kind: "sign-up" | "email-link"; email: string; ip: string | null; now?: Date }) {
  const settings = options.kind === "sign-up" ? config().limits.signUp : config().limits.emailLink;
  const byAddress = await hitFixedWindow({
    key: limitKey(`${options.kind}:address`, options.ip),
    limit: settings.perAddress,
    windowSeconds: settings.windowSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!byAddress.allowed) {
    throw new AppError("RATE_LIMITED", `Too many requests from your network. Try again in ${describeWait(byAddress.retryAfterSeconds)}.`);
  }
  const byEmail = await hitFixedWindow({
    key: limitKey(`${options.kind}:email`, options.email),
    limit: settings.perEmail,
    windowSeconds: settings.windowSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!byEmail.allowed) {
    throw new AppError("RATE_LIMITED", `Too many requests for this email address. Try again in ${describeWait(byEmail.retryAfterSeconds)}.`);
  }
}
