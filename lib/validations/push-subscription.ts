import { z } from "zod";
import type { AppEnv } from "@/lib/config";

// RFC 8291 keys as a browser's PushSubscription.toJSON() gives them: unpadded base64url. p256dh is an
// uncompressed P-256 point (65 bytes, the first 0x04, hence "B"); auth is 16 random bytes.
const P256DH = /^B[A-Za-z0-9_-]{86}$/;
const AUTH = /^[A-Za-z0-9_-]{22}$/;
const unpadded = (value: string) => value.replace(/=+$/, "");

/**
 * The server posts to whatever endpoint a phone hands it, so in production only https to a named host
 * (push services have names and certificates): no plain http, no IP literal, no localhost, no
 * credentials in the URL. Outside production http and local hosts are allowed, for a local push
 * service standing in for a real one in tests.
 */
function endpointProblem(value: string, appEnv: AppEnv): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the push service's URL.";
  }
  if (url.username || url.password) return "The push service's URL must not carry credentials.";
  if (appEnv !== "production") {
    return url.protocol === "https:" || url.protocol === "http:" ? undefined : "The push service's URL must be http or https.";
  }
  if (url.protocol !== "https:") return "The push service's URL must be https.";
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  // The URL parser has already turned every IPv4 spelling (0x7f.1, 2130706433) into dotted decimal.
  const ipLiteral = host.startsWith("[") || /^[\d.]+$/.test(host);
  if (ipLiteral || !host.includes(".") || host === "localhost" || host.endsWith(".localhost")) {
    return "The push service's URL must name a public host.";
  }
  return undefined;
}

/** A Web Push subscription as the authenticator app sends it; unknown fields are dropped. */
export function pushSubscriptionSchema(appEnv: AppEnv) {
  return z.object({
    endpoint: z
      .string({ error: "Enter the push service's URL." })
      .max(2048, { error: "The push service's URL is too long." })
      .superRefine((value, ctx) => {
        const problem = endpointProblem(value, appEnv);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    expirationTime: z.number().int().nonnegative().nullable().optional().transform((v) => v ?? null),
    keys: z.object({
      p256dh: z.string().transform(unpadded).pipe(z.string().regex(P256DH, { error: "p256dh must be a base64url P-256 public key." })),
      auth: z.string().transform(unpadded).pipe(z.string().regex(AUTH, { error: "auth must be 16 bytes, base64url." })),
    }, { error: "The subscription's keys are missing." }),
  });
}

export type StoredPushSubscription = z.output<ReturnType<typeof pushSubscriptionSchema>>;
