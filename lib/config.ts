import { z } from "zod";
import { parseTrustedProxies } from "@/lib/net/client-address";

/**
 * Every setting the app reads from the environment, with its default. `.env.example` lists the same
 * names; keep the two in step. Parsed once, so a bad value fails at start-up with the variable's name.
 */
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes"].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().transform((v) => v ?? fallback);

const schema = z.object({
  APP_ENV: z.enum(["development", "test", "production"]).optional(),
  NODE_ENV: z.string().optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),

  // Branding (ciam_companyName, ciam_logoUrl, ciam_logoStyle in the source flows).
  COMPANY_NAME: z.string().min(1).max(80).default("Acme"),
  LOGO_URL: z.string().min(1).default("/logo.svg"),
  LOGO_STYLE: z.string().default("height: 32px; width: auto;"),

  // Sessions (ciam_sessionLengthInMinute).
  SESSION_LENGTH_MINUTES: int(60, 5, 60 * 24 * 30),
  SESSION_IDLE_MINUTES: int(30, 1, 60 * 24),
  /** How recent the last sign-in or step-up must be before a sensitive change (security.md item 8). */
  REAUTH_WINDOW_MINUTES: int(5, 1, 60),

  // Feature flags (isSmsOTPEnabled, isEmailOTPEnabled, isFidoPasskeyEnabled).
  SMS_OTP_ENABLED: flag(true),
  EMAIL_OTP_ENABLED: flag(true),
  FIDO_PASSKEY_ENABLED: flag(true),

  MAGIC_LINK_MINUTES: int(15, 1, 60),
  /** How long the link that confirms a new account's email address works. */
  EMAIL_VERIFICATION_MINUTES: int(60, 5, 60 * 24),
  /** How long a "forgot password" link works: short, since whoever holds it can set the password. */
  PASSWORD_RESET_MINUTES: int(30, 5, 60),

  // Guessing and flooding (security.md item 26). Counted in the database (lib/rate-limit).
  /** Wrong passwords per account (by email, whether or not it exists) before waits begin. */
  SIGN_IN_FREE_FAILURES: int(10, 1, 100),
  /** The first wait after the free failures; each further failure doubles it, up to the maximum. */
  SIGN_IN_FIRST_DELAY_SECONDS: int(30, 1, 3600),
  SIGN_IN_MAX_DELAY_SECONDS: int(900, 1, 24 * 3600),
  /** Wrong passwords per client address per window, across accounts. */
  SIGN_IN_FAILURES_PER_ADDRESS: int(100, 1, 1_000_000),
  SIGN_IN_ADDRESS_WINDOW_MINUTES: int(15, 1, 24 * 60),
  /** Sign-up attempts per hour, per client address and per email address. */
  SIGN_UP_LIMIT_PER_ADDRESS_PER_HOUR: int(20, 1, 1_000_000),
  SIGN_UP_LIMIT_PER_EMAIL_PER_HOUR: int(3, 1, 1000),
  /** Emailed links (sign-in links, new confirmation links, password resets) per hour, per client address and per email; each kind counts apart. */
  EMAIL_LINK_LIMIT_PER_ADDRESS_PER_HOUR: int(30, 1, 1_000_000),
  EMAIL_LINK_LIMIT_PER_EMAIL_PER_HOUR: int(5, 1, 1000),
  /**
   * Requests per minute per API application (/api/v1), for applications created without a limit of
   * their own (`npm run app:create -- --rate-limit N`). 600 is 10 a second on average: several
   * hundred sign-ins a minute, each a handful of flow requests.
   */
  API_RATE_LIMIT_PER_MINUTE: int(600, 1, 1_000_000),
  /** A flow started over the API expires after this many minutes without an action. */
  API_FLOW_IDLE_MINUTES: int(10, 1, 24 * 60),

  /** Space- or comma-separated origins allowed to embed the widget (CSP frame-ancestors). */
  WIDGET_ALLOWED_ORIGINS: z.string().optional(),

  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, space- or comma-separated).
   * Empty by default: the client address is then the TCP peer's, which no client can forge.
   */
  TRUSTED_PROXIES: z.string().optional(),
  /**
   * Request headers, space- or comma-separated, in which the trusted proxy or CDN in front of the app
   * says where the client is (Cloudflare: "cf-ipcity cf-ipcountry"; CloudFront:
   * "cloudfront-viewer-city cloudfront-viewer-country"). Their values, joined, are the approximate
   * place "Your sessions" shows. Read only from requests that came through TRUSTED_PROXIES.
   */
  IP_LOCATION_HEADERS: z.string().optional(),

  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default("Acme Accounts <no-reply@localhost>"),
  OUTBOX_ENABLED: flag(false),
  /**
   * Who runs this server, sent to push services in every VAPID token (RFC 8292 "sub") so they can
   * reach the operator: a mailto: address or an https: URL. Default: EMAIL_FROM's address.
   */
  VAPID_SUBJECT: z
    .string()
    .trim()
    .refine(isVapidSubject, { error: "a mailto: address or an https: URL" })
    .optional(),

  // One-time passcodes and lockout (security.md items 1-7).
  OTP_LENGTH: int(6, 6, 10),
  /** NIST caps out-of-band codes at 10 minutes, so a longer value is refused rather than clamped. */
  OTP_TTL_MINUTES: int(10, 1, 10),
  /** Wrong guesses one code survives before it is spent and a new one must be sent. */
  OTP_MAX_ATTEMPTS: int(5, 1, 10),
  /** Failed second-factor attempts, per device and per account, before the devices lock; well under NIST's 100. */
  MFA_LOCKOUT_THRESHOLD: int(10, 3, 50),
  MFA_LOCKOUT_MINUTES: int(15, 1, 60 * 24),
  /** Default for a flow's `maxResend`. */
  OTP_MAX_RESENDS: int(3, 0, 10),
  /** Codes sent per hour, counted per account and, across accounts, per phone number or email. */
  OTP_SEND_LIMIT_PER_HOUR: int(10, 1, 100),

  // SMS and voice over a hosted REST API (Accounts/{sid}/Messages.json and Calls.json); unset means outbox only.
  SMS_API_BASE_URL: z.url().or(z.literal("")).optional(),
  SMS_ACCOUNT_SID: z.string().optional(),
  SMS_AUTH_TOKEN: z.string().optional(),
  /** Sender: an E.164 number or an alphanumeric sender id the provider allows. */
  SMS_FROM: z.string().optional(),

  // WebAuthn relying party (passkeys and security keys, security.md item 14).
  /**
   * The domain every passkey and security key is bound to: APP_URL's hostname (the default) or a
   * registrable suffix of it, e.g. "example.com" for https://accounts.example.com. Changing it later
   * makes every registered credential unusable, so choose it once.
   */
  WEBAUTHN_RP_ID: z.string().trim().toLowerCase().min(1).optional(),
  /** The name authenticators show when a passkey is created. Default: the company name (admin console > Branding). */
  WEBAUTHN_RP_NAME: z.string().trim().min(1).max(80).optional(),
  /**
   * Other origins an application may run WebAuthn ceremonies on and name as `origin` in the flow API
   * (space- or comma-separated), e.g. its own sign-in at https://shop.example.com. Each must be within
   * the RP ID's domain; APP_URL's origin is always allowed.
   */
  WEBAUTHN_API_ORIGINS: z.string().optional(),

  // Mobile authenticator (lib/mobile, security.md items 18-20).
  /** How long a push waits for the phone's answer before the sign-in page offers Retry (and the passcode). */
  PUSH_TIMEOUT_SECONDS: int(60, 15, 600),
  /** Pushes per account per hour: a flood of prompts is how people are pressed into approving one. */
  PUSH_LIMIT_PER_HOUR: int(10, 1, 1000),
  /** How long a pairing key works; NIST allows at most 10 minutes, so a longer value is refused. */
  PAIRING_KEY_TTL_MINUTES: int(10, 1, 10),
  /** Wrong pairing keys per client address per hour, so keys cannot be guessed online. */
  PAIRING_FAILURES_PER_ADDRESS_PER_HOUR: int(20, 1, 100_000),

  // Device keys: browsers registered to an account (lib/device-keys, seed 002).
  /** How long "Remember this browser" skips the second factor; at most 90 days. */
  DEVICE_KEY_REMEMBER_DAYS: int(30, 1, 90),
  /** Whether "Remember this browser" is ticked when the second-factor page opens. */
  REMEMBER_BROWSER_DEFAULT: flag(false),
  /** Sign-in only from browsers registered to the account ("login from registered devices only"). */
  KNOWN_DEVICES_ONLY: flag(false),
  /** Registering a browser removes the account's other registered browsers. */
  SINGLE_DEVICE_KEY: flag(false),
  /** Registered browsers per account. */
  DEVICE_KEYS_PER_USER: int(10, 1, 100),
});

export type AppEnv = "development" | "test" | "production";

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const fields = Object.keys(z.flattenError(parsed.error).fieldErrors).join(", ");
    throw new Error(`Invalid environment configuration: ${fields}. See .env.example.`);
  }
  const env = parsed.data;
  const appEnv: AppEnv = env.APP_ENV ?? (env.NODE_ENV === "production" ? "production" : "development");
  const appUrl = env.APP_URL.replace(/\/$/, "");
  return {
    appEnv,
    appUrl,
    appOrigin: new URL(appUrl).origin,
    branding: { companyName: env.COMPANY_NAME, logoUrl: env.LOGO_URL, logoStyle: env.LOGO_STYLE },
    session: {
      lengthMinutes: env.SESSION_LENGTH_MINUTES,
      idleMinutes: env.SESSION_IDLE_MINUTES,
      reauthWindowMinutes: env.REAUTH_WINDOW_MINUTES,
    },
    features: {
      isSmsOTPEnabled: env.SMS_OTP_ENABLED,
      isEmailOTPEnabled: env.EMAIL_OTP_ENABLED,
      isFidoPasskeyEnabled: env.FIDO_PASSKEY_ENABLED,
    },
    magicLinkMinutes: env.MAGIC_LINK_MINUTES,
    emailVerificationMinutes: env.EMAIL_VERIFICATION_MINUTES,
    passwordResetMinutes: env.PASSWORD_RESET_MINUTES,
    limits: {
      signIn: {
        freeFailures: env.SIGN_IN_FREE_FAILURES,
        firstDelaySeconds: env.SIGN_IN_FIRST_DELAY_SECONDS,
        maxDelaySeconds: Math.max(env.SIGN_IN_MAX_DELAY_SECONDS, env.SIGN_IN_FIRST_DELAY_SECONDS),
        failuresPerAddress: env.SIGN_IN_FAILURES_PER_ADDRESS,
        addressWindowSeconds: env.SIGN_IN_ADDRESS_WINDOW_MINUTES * 60,
      },
      signUp: { perAddress: env.SIGN_UP_LIMIT_PER_ADDRESS_PER_HOUR, perEmail: env.SIGN_UP_LIMIT_PER_EMAIL_PER_HOUR, windowSeconds: 3600 },
      emailLink: { perAddress: env.EMAIL_LINK_LIMIT_PER_ADDRESS_PER_HOUR, perEmail: env.EMAIL_LINK_LIMIT_PER_EMAIL_PER_HOUR, windowSeconds: 3600 },
      api: { perMinute: env.API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
    },
    api: { flowIdleMinutes: env.API_FLOW_IDLE_MINUTES },
    /**
     * Only the starting value of the widget origins the admin console edits: read them through
     * lib/widget/widget-origins.ts, which stores this list on first use.
     */
    widgetAllowedOrigins: (env.WIDGET_ALLOWED_ORIGINS ?? appUrl)
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((o) => new URL(o).origin),
    trustedProxies: trustedProxies(env.TRUSTED_PROXIES),
    ipLocationHeaders: ipLocationHeaders(env.IP_LOCATION_HEADERS, env.TRUSTED_PROXIES),
    smtpUrl: env.SMTP_URL || undefined,
    emailFrom: env.EMAIL_FROM,
    /** The outbox keeps every outbound message for people and tests; never in production. */
    outboxEnabled: appEnv !== "production" || env.OUTBOX_ENABLED,
    push: { vapidSubject: env.VAPID_SUBJECT ?? defaultVapidSubject(env.EMAIL_FROM, appUrl) },
    /** Read on use, not at load, so a build (which loads config) needs no secret. */
    get authSecret() {
      return env.AUTH_SECRET ?? env.NEXTAUTH_SECRET ?? devSecret(appEnv);
    },

    otp: {
      length: env.OTP_LENGTH,
      ttlMinutes: env.OTP_TTL_MINUTES,
      maxAttempts: env.OTP_MAX_ATTEMPTS,
      maxResends: env.OTP_MAX_RESENDS,
      sendLimitPerHour: env.OTP_SEND_LIMIT_PER_HOUR,
    },
    lockout: { threshold: env.MFA_LOCKOUT_THRESHOLD, minutes: env.MFA_LOCKOUT_MINUTES },
    sms: smsSettings(env),
    webauthn: webauthnSettings(env, appUrl),
    mobile: {
      pushTimeoutSeconds: env.PUSH_TIMEOUT_SECONDS,
      pushLimitPerHour: env.PUSH_LIMIT_PER_HOUR,
      pairingKeyTtlMinutes: env.PAIRING_KEY_TTL_MINUTES,
      pairingFailuresPerAddressPerHour: env.PAIRING_FAILURES_PER_ADDRESS_PER_HOUR,
    },
    deviceKeys: {
      rememberDays: env.DEVICE_KEY_REMEMBER_DAYS,
      rememberByDefault: env.REMEMBER_BROWSER_DEFAULT,
      knownDevicesOnly: env.KNOWN_DEVICES_ONLY,
      singleDevice: env.SINGLE_DEVICE_KEY,
      maxPerUser: env.DEVICE_KEYS_PER_USER,
    },
  };
}

/** The RP ID must be the app's host or a parent domain of it, or no browser will create a credential. */
function webauthnSettings(env: z.infer<typeof schema>, appUrl: string) {
  const host = new URL(appUrl).hostname;
  const rpId = env.WEBAUTHN_RP_ID ?? host;
  if (rpId !== host && !host.endsWith(`.${rpId}`)) {
    throw new Error(
      `Invalid environment configuration: WEBAUTHN_RP_ID must be "${host}" or a parent domain of it. See .env.example.`,
    );
  }
  const apiOrigins = (env.WEBAUTHN_API_ORIGINS ?? "").split(/[\s,]+/).filter(Boolean).map((o) => new URL(o).origin);
  for (const origin of apiOrigins) {
    const originHost = new URL(origin).hostname;
    if (originHost !== rpId && !originHost.endsWith(`.${rpId}`)) {
      throw new Error(`Invalid environment configuration: WEBAUTHN_API_ORIGINS: ${origin} is not within "${rpId}". See .env.example.`);
    }
  }
  // Without WEBAUTHN_RP_NAME the stored company name is used (lib/webauthn/relying-party.ts relyingPartyName).
  return { rpId, rpName: env.WEBAUTHN_RP_NAME, apiOrigins };
}

function trustedProxies(value: string | undefined) {
  try {
    return parseTrustedProxies((value ?? "").split(/[\s,]+/).filter(Boolean));
  } catch (error) {
    throw new Error(`Invalid environment configuration: TRUSTED_PROXIES: ${(error as Error).message}. See .env.example.`);
  }
}

/**
 * A place header is as forgeable as X-Forwarded-For: anyone can send "cf-ipcountry". So it is believed
 * only from a trusted proxy, and naming one without any trusted proxy is a mistake said at start-up.
 */
function ipLocationHeaders(value: string | undefined, proxies: string | undefined): string[] {
  const names = (value ?? "").split(/[\s,]+/).filter(Boolean).map((name) => name.toLowerCase());
  for (const name of names) {
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw new Error(`Invalid environment configuration: IP_LOCATION_HEADERS: "${name}" is not a header name. See .env.example.`);
  }
  if (names.length > 0 && !(proxies ?? "").trim()) {
    throw new Error("Invalid environment configuration: IP_LOCATION_HEADERS needs TRUSTED_PROXIES, the proxy that sets those headers. See .env.example.");
  }
  return names;
}

/** All four or nothing: a half-configured provider would fail on the first message instead of at start-up. */
function smsSettings(env: z.infer<typeof schema>) {
  const { SMS_API_BASE_URL: base, SMS_ACCOUNT_SID: sid, SMS_AUTH_TOKEN: token, SMS_FROM: from } = env;
  if (!base && !sid && !token && !from) return undefined;
  if (!base || !sid || !token || !from) {
    throw new Error(
      "Invalid environment configuration: set all of SMS_API_BASE_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM, or none. See .env.example.",
    );
  }
  return { apiBaseUrl: base.replace(/\/$/, ""), accountSid: sid, authToken: token, from };
}

function isVapidSubject(value: string): boolean {
  if (/^mailto:[^\s@<>]+@[^\s@<>]+$/i.test(value)) return true;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** EMAIL_FROM's address ("Acme <no-reply@acme.com>" or a bare address), else APP_URL when https. */
export function defaultVapidSubject(emailFrom: string, appUrl: string): string {
  const address = /<([^<>]+)>\s*$/.exec(emailFrom)?.[1] ?? emailFrom;
  if (isVapidSubject(`mailto:${address.trim()}`)) return `mailto:${address.trim()}`;
  if (isVapidSubject(appUrl)) return new URL(appUrl).origin;
  return `mailto:no-reply@${new URL(appUrl).hostname}`;
}

function devSecret(appEnv: AppEnv): string {
  if (appEnv === "production") {
    throw new Error("AUTH_SECRET must be set in production (at least 32 characters). See .env.example.");
  }
  return "development-only-secret-do-not-use-in-production";
}

export type Config = ReturnType<typeof load>;

let cached: Config | undefined;
export function config(): Config {
  cached ??= load();
  return cached;
}
