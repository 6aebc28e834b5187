import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { text, type Message } from "@/lib/i18n/text";
import { browserCapabilitiesEvent, fieldError, notAvailable, parseCredentialResponse } from "@/lib/flows/section-helpers";
import type { FlowContext, FlowMachine, SectionView } from "@/lib/flows/engine";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { ALLOWED_TYPE_NAMES, REGISTRABLE_TYPES, type Eligibility, type RegistrableType } from "@/lib/devices/device-eligibility";
import { codeCheckMessage, canResend, NO_MORE_RESENDS_MESSAGE, type CodeCheckResult } from "@/lib/otp/messages";
import { emailSchema } from "@/lib/validations/auth";
import { nicknameSchema } from "@/lib/validations/devices";
import { passcodeTemplateSchema, type PasscodeTemplate } from "@/lib/otp/passcode-template";

/**
 * Device Registration subflow (../shared/seeds/001_9e81d5f0f64e9f9f.txt), section by section:
 * Gather device types → User selects a device → SMS/voice: ask for the number, Email: use the known
 * address or ask → Prepare to register OTP device → Ask for OTP ⇄ Resend OTP → Activate and enable
 * MFA; authenticator app: scan, then activate; FIDO2: create, confirm, activate → Return Success |
 * Return Error. Voice, authenticator apps and the passkey/security-key split are the types of the
 * enrollment API (seed 003) that users expect here too.
 *
 * The account's first device also brings its recovery codes (issue 14): on our pages, once the first
 * device works, Show recovery codes displays them, once, before the flow returns. Over the flow API
 * the enrollment's contract ends at ENROLLED, so none are made there.
 */
export type Browser = { webauthn: boolean; platformAuthenticator: boolean };
type OtpType = "SMS" | "VOICE" | "EMAIL";
type Fido2Type = "PLATFORM" | "SECURITY_KEY";

export type DeviceRegistrationState =
  | { section: "GATHER_DEVICE_TYPES" }
  | { section: "CONFIRM_PASSWORD"; browser: Browser }
  | { section: "DECIDE_DEVICE_TYPES"; browser: Browser }
  | { section: "SELECT_DEVICE"; browser: Browser }
  | { section: "ENTER_PHONE"; browser: Browser; type: "SMS" | "VOICE" }
  | { section: "ENTER_EMAIL"; browser: Browser }
  | { section: "PREPARE_OTP_DEVICE"; browser: Browser; type: OtpType; target: string; resendCount: number; deviceId: string | null; nickname?: string }
  | { section: "ASK_FOR_OTP"; browser: Browser; type: OtpType; target: string; resendCount: number; deviceId: string; notice?: Message; nickname?: string }
  | { section: "SET_UP_AUTHENTICATOR_APP"; browser: Browser; deviceId: string }
  | { section: "REGISTER_FIDO2_DEVICE"; browser: Browser; type: Fido2Type; nickname?: string; rpName?: string }
  /** Pair the mobile authenticator: the phone uses the key shown here; `sealed` keeps it for every view. */
  | { section: "PAIR_MOBILE_DEVICE"; browser: Browser; deviceId: string; sealed: string; expiresAt: string }
  | { section: "ACTIVATE_AND_ENABLE_MFA"; deviceId: string; type: RegistrableType }
  /** The new set of recovery codes, sealed (lib/crypto/sealed-secret.ts): shown on every view until the person goes on. */
  | { section: "SHOW_RECOVERY_CODES"; deviceId: string; type: RegistrableType; sealed: string }
  | { section: "RETURN_SUCCESS"; subflowResult: "ENROLLED" | "PASSWORD" | "CANCELED"; authMethod?: RegistrableType; deviceId?: string }
  | { section: "RETURN_ERROR"; errorMessage: Message; errorDetails?: RegistrationErrorCode };

/**
 * Why a registration ended in error, for the invoking flow (REAUTH_REQUIRED makes device management
 * ask for a step-up) and for the flow API's FAILED state, where it is the error's code.
 */
export type RegistrationErrorCode =
  | "REAUTH_REQUIRED"
  | "USER_NOT_FOUND"
  | "NO_DEVICE_TYPE_AVAILABLE"
  | "TOO_MANY_RESENDS"
  | "TOO_MANY_ATTEMPTS"
  | "LOCKED";

export const deviceRegistrationInput = z.object({
  /** The address an email device uses; the account's email when absent. */
  email: emailSchema.optional(),
  /** The source's user id input; when given it must be the flow's owner. */
  pingOneUserId: z.string().max(64).optional(),
  allowCancel: z.boolean().default(true),
  passwordlessRequired: z.boolean().default(false),
  allowedDeviceTypes: z.array(z.enum(ALLOWED_TYPE_NAMES)).optional(),
  ciam_companyLogo: z.string().max(2000).optional(),
  /**
   * The browser's capabilities when the door already knows them (the flow API derives them from
   * `webauthn.compatibility`): the gathering section then needs no event from the browser.
   */
  browser: z.object({ webauthn: z.boolean(), platformAuthenticator: z.boolean() }).optional(),
  /** The number an SMS or voice device uses when the choice names none (the API's `user.mobilePhone`). */
  mobilePhone: z.string().trim().max(30).optional(),
  /** How the passcodes of this flow are worded (the API's `template`). */
  template: passcodeTemplateSchema.optional(),
});
export type DeviceRegistrationInput = z.infer<typeof deviceRegistrationInput>;


const otpField = z.string({ error: "Enter the code." }).trim().min(1, { error: "Enter the code." }).max(20, { error: "That code is too long." });

export const deviceRegistrationEvent = z.discriminatedUnion("type", [
  browserCapabilitiesEvent,
  z.object({ type: z.literal("CONFIRM_PASSWORD"), password: z.string().min(1, { error: "Enter your password." }).max(128) }),
  z.object({
    type: z.literal("SELECT_TYPE"),
    deviceType: z.enum(REGISTRABLE_TYPES, { error: "Choose a kind of device." }),
    /**
     * The rest of the choice when the door has it at once (the flow API's device.create): the name,
     * and the number or address, so the flow goes straight on to send the code. Checked as the
     * number and address sections check them.
     */
    nickname: nicknameSchema.optional(),
    phone: z.string().trim().min(1).max(30).optional(),
    country: z.string().trim().length(2).optional(),
    email: emailSchema.optional(),
    /** The relying party's name the authenticator shows (the API's rp.name). */
    rpName: z.string().trim().min(1).max(80).optional(),
  }),
  z.object({ type: z.literal("USE_PASSWORD") }),
  z.object({ type: z.literal("CANCEL") }),
  z.object({ type: z.literal("BACK") }),
  z.object({
    type: z.literal("SUBMIT_PHONE"),
    country: z.string().trim().length(2, { error: "Choose a country." }),
    phone: z.string().trim().min(1, { error: "Enter a phone number." }).max(30, { error: "That number is too long." }),
  }),
  z.object({ type: z.literal("SUBMIT_EMAIL"), email: emailSchema }),
  z.object({ type: z.literal("SUBMIT_OTP"), otp: otpField }),
  z.object({ type: z.literal("RESEND") }),
  /** A new pairing key, when the last one expired before a phone used it. */
  z.object({ type: z.literal("RESTART") }),
  /** The recovery codes are saved: go on. */
  z.object({ type: z.literal("CONTINUE") }),
  z.object({
    type: z.literal("FIDO2_ATTESTATION"),
    attestation: z.string().min(2).max(20_000),
    nickname: z.union([z.literal(""), nicknameSchema]).optional(),
    /** The origin the ceremony ran on, when an API application names its own. */
    origin: z.string().max(200).optional(),
  }),
]);
export type DeviceRegistrationEvent = z.infer<typeof deviceRegistrationEvent>;

/** Sent when the phone has paired with this flow's key (the authenticator's pair route), never by a door. */
export type MobilePairedEvent = { type: "MOBILE_PAIRED"; deviceId: string };

export type DeviceRegistrationServices = {
  getUser(userId: string): Promise<{ id: string; email: string } | null>;
  /** Whether the session proved who the user is recently enough to add a device (security.md item 8). */
  isRecentlyAuthenticated(sessionId: string | null): Promise<boolean>;
  /** Checks the password and, when right, replaces the session with a freshly authenticated one. */
  confirmPassword(userId: string, sessionId: string | null, password: string, meta: RequestMeta): Promise<{ id: string; userId: string } | null>;
  /** Whether the account's highest level is a second factor (MFA on, an active device). */
  requiresSecondFactor(userId: string): Promise<boolean>;
  eligibility(userId: string, allowed: DeviceRegistrationInput["allowedDeviceTypes"], browser: Browser): Promise<Eligibility[]>;
  /** The email addresses the user already has as email devices. */
  emailDeviceTargets(userId: string): Promise<string[]>;
  parsePhone(input: string, country: string, type: "SMS" | "VOICE"): { ok: true; e164: string } | { ok: false; field: "phone" | "country"; message: Message };
  createPendingDevice(userId: string, type: RegistrableType, target: string | null, nickname?: string): Promise<{ id: string }>;
  deletePendingDevice(userId: string, deviceId: string): Promise<void>;
  /** Issues a passcode bound to this flow and device and delivers it by the device's channel. */
  sendPasscode(options: {
    userId: string;
    deviceId: string;
    flowId: string;
    type: OtpType;
    target: string;
    meta: RequestMeta;
    template?: PasscodeTemplate;
  }): Promise<void>;
  verifyPasscode(options: { userId: string; deviceId: string; flowId: string; code: string; meta: RequestMeta }): Promise<CodeCheckResult>;
  verifyTotp(options: { userId: string; deviceId: string; code: string; meta: RequestMeta }): Promise<CodeCheckResult>;
  totpEnrolment(userId: string, deviceId: string): Promise<{ uri: string; qrDataUrl: string; secret: string }>;
  activateDevice(userId: string, deviceId: string, meta: RequestMeta): Promise<void>;
  /** `reuseLive`: show the flow's live challenge again (the flow API, whose reads must not void it). */
  registrationOptions(userId: string, flowId: string, type: Fido2Type, options?: { rpName?: string; reuseLive?: boolean }): Promise<unknown>;
  verifyRegistration(options: {
    userId: string;
    flowId: string;
    type: Fido2Type;
    response: unknown;
    nickname?: string;
    origin?: string;
    meta: RequestMeta;
  }): Promise<{ deviceId: string }>;
  maskTarget(type: OtpType, target: string): string;
  /** The policy's resends per flow, read at each step: a change applies to flows already running. */
  maxResends(): Promise<number>;
  /** A pairing key for the pending MOBILE device, bound to this flow, sealed for the flow's state. */
  startPairing(options: { userId: string; deviceId: string; flowId: string }): Promise<{ sealed: string; expiresAt: Date }>;
  /** What the pairing page shows: the key and QR while it works, or that it expired. */
  pairingView(options: { userId: string; deviceId: string; flowId: string; sealed: string }): Promise<
    { status: "PENDING"; pairingKey: string; qrDataUrl: string; qrUrl: string; expiresAt: Date; account: string } | { status: "EXPIRED" } | { status: "PAIRED" }
  >;
  /**
   * When the device just activated is the account's only active one: makes its recovery codes and
   * returns them sealed for the flow's state; null otherwise (lib/recovery-codes decides).
   */
  recoveryCodesForFirstDevice(userId: string, meta: RequestMeta): Promise<string | null>;
  /** The sealed codes as the page shows them, or null when they cannot be opened. */
  openRecoveryCodes(sealed: string): string[] | null;
};

type State = DeviceRegistrationState;
type Ctx = FlowContext<DeviceRegistrationInput>;


function ownerOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError("UNAUTHENTICATED", text("registration.errors.signIn"));
  return ctx.userId;
}

/** A failed code: a typing slip stays on the page with a message; a spent code or a lockout ends the flow. */
function afterFailedCode(result: Exclude<CodeCheckResult, { ok: true }>): State | never {
  if (result.reason === "exhausted" || result.reason === "locked") {
    return { section: "RETURN_ERROR", errorMessage: codeCheckMessage(result), errorDetails: result.reason === "locked" ? "LOCKED" : "TOO_MANY_ATTEMPTS" };
  }
  throw fieldError("otp", codeCheckMessage(result));
}

export function createDeviceRegistrationFlow(
  services: DeviceRegistrationServices,
): FlowMachine<State, DeviceRegistrationEvent | MobilePairedEvent, DeviceRegistrationInput> & { eventSchema: typeof deviceRegistrationEvent } {
  async function offered(ctx: Ctx, browser: Browser) {
    return services.eligibility(ownerOf(ctx), ctx.input.allowedDeviceTypes, browser);
  }

  /** The device works: its recovery codes first when it is the account's first device, else Return Success. */
  async function enrolled(ctx: Ctx, type: RegistrableType, deviceId: string): Promise<State> {
    if (ctx.door !== "api") {
      const sealed = await services.recoveryCodesForFirstDevice(ownerOf(ctx), ctx.meta);
      if (sealed) return { section: "SHOW_RECOVERY_CODES", deviceId, type, sealed };
    }
    return { section: "RETURN_SUCCESS", subflowResult: "ENROLLED", authMethod: type, deviceId };
  }

  return {
    kind: "device-registration",
    ttlMinutes: 30,
    inputSchema: deviceRegistrationInput,
    eventSchema: deviceRegistrationEvent,
    initial: () => ({ section: "GATHER_DEVICE_TYPES" }),

    async advance(state, ctx) {
      switch (state.section) {
        case "GATHER_DEVICE_TYPES": {
          // The user's record must be this flow's owner; the browser's capabilities arrive as an event.
          const user = ctx.userId ? await services.getUser(ctx.userId) : null;
          if (!user) return { section: "RETURN_ERROR", errorMessage: text("registration.errors.signIn"), errorDetails: "USER_NOT_FOUND" };
          if (ctx.input.pingOneUserId && ctx.input.pingOneUserId !== user.id) {
            return { section: "RETURN_ERROR", errorMessage: text("registration.errors.otherAccount"), errorDetails: "USER_NOT_FOUND" };
          }
          return ctx.input.browser ? { section: "DECIDE_DEVICE_TYPES", browser: ctx.input.browser } : null;
        }
        // The policy decision: recent enough sign-in, then which types are left to add.
        case "DECIDE_DEVICE_TYPES": {
          // Over the API the application signed its user in itself and vouches for it with its key
          // (it reaches only users it provisioned); there is no session of ours to be recent.
          if (ctx.door !== "api" && !(await services.isRecentlyAuthenticated(ctx.sessionId))) {
            // The password is a step-up only where it is the account's highest level; otherwise the
            // invoking flow asks for a second factor and starts the registration again.
            if (await services.requiresSecondFactor(ownerOf(ctx))) {
              return { section: "RETURN_ERROR", errorMessage: text("registration.errors.reauth"), errorDetails: "REAUTH_REQUIRED" };
            }
            return { section: "CONFIRM_PASSWORD", browser: state.browser };
          }
          const eligibility = await offered(ctx, state.browser);
          if (!eligibility.some((e) => e.available)) {
            const reason = eligibility.find((e) => e.reason)?.reason;
            return {
              section: "RETURN_ERROR",
              errorMessage: reason ?? text("registration.errors.noKind"),
              errorDetails: "NO_DEVICE_TYPE_AVAILABLE",
            };
          }
          return { section: "SELECT_DEVICE", browser: state.browser };
        }
        // Prepare to register OTP device: create it pending, keep its id, send a passcode.
        case "PREPARE_OTP_DEVICE": {
          const userId = ownerOf(ctx);
          if (state.deviceId) await services.deletePendingDevice(userId, state.deviceId);
          const device = await services.createPendingDevice(userId, state.type, state.target, state.nickname);
          await services.sendPasscode({
            userId,
            deviceId: device.id,
            flowId: ctx.flowId,
            type: state.type,
            target: state.target,
            meta: ctx.meta,
            template: ctx.input.template,
          });
          return {
            section: "ASK_FOR_OTP",
            browser: state.browser,
            type: state.type,
            target: state.target,
            resendCount: state.resendCount,
            deviceId: device.id,
            notice: state.deviceId ? text("registration.errors.newCodeSent") : undefined,
            nickname: state.nickname,
          };
        }
        case "ACTIVATE_AND_ENABLE_MFA":
          await services.activateDevice(ownerOf(ctx), state.deviceId, ctx.meta);
          return enrolled(ctx, state.type, state.deviceId);
        default:
          return null;
      }
    },

    async handle(state, event, ctx) {
      const userId = ownerOf(ctx);
      // The device is added and the codes are made: leaving this page in any way keeps both.
      if (state.section === "SHOW_RECOVERY_CODES") {
        if (event.type !== "CONTINUE" && event.type !== "CANCEL") throw notAvailable();
        return { section: "RETURN_SUCCESS", subflowResult: "ENROLLED", authMethod: state.type, deviceId: state.deviceId };
      }
      if (event.type === "CANCEL") {
        if (!ctx.input.allowCancel) throw notAvailable();
        if ("deviceId" in state && state.deviceId && state.section !== "ACTIVATE_AND_ENABLE_MFA") {
          await services.deletePendingDevice(userId, state.deviceId);
        }
        return { section: "RETURN_SUCCESS", subflowResult: "CANCELED" };
      }
      switch (state.section) {
        case "GATHER_DEVICE_TYPES":
          if (event.type !== "BROWSER_CAPABILITIES") throw notAvailable();
          return { section: "DECIDE_DEVICE_TYPES", browser: { webauthn: event.webauthn, platformAuthenticator: event.platformAuthenticator } };

        case "CONFIRM_PASSWORD":
          if (event.type !== "CONFIRM_PASSWORD") throw notAvailable();
          {
            const renewed = await services.confirmPassword(userId, ctx.sessionId, event.password, ctx.meta);
            if (!renewed) throw fieldError("password", text("registration.errors.wrongPassword"));
            await ctx.adoptSession(renewed);
          }
          // DECIDE_DEVICE_TYPES checks again, so a device activated meanwhile still raises the bar.
          return { section: "DECIDE_DEVICE_TYPES", browser: state.browser };

        // User select device to register with.
        case "SELECT_DEVICE": {
          if (event.type === "USE_PASSWORD") {
            if (ctx.input.passwordlessRequired) throw notAvailable();
            return { section: "RETURN_SUCCESS", subflowResult: "PASSWORD" };
          }
          if (event.type !== "SELECT_TYPE") throw notAvailable();
          const choice = (await offered(ctx, state.browser)).find((e) => e.type === event.deviceType);
          if (!choice) throw notAvailable();
          if (!choice.available) throw new AppError("CONFLICT", choice.reason ?? text("registration.errors.kindUnavailable"));
          const { browser } = state;
          const { nickname } = event;
          switch (event.deviceType) {
            case "SMS":
            case "VOICE": {
              const given = event.phone ?? ctx.input.mobilePhone;
              if (!given) return { section: "ENTER_PHONE", browser, type: event.deviceType };
              // A number given with the choice is checked as the number section checks it; without a
              // country it must be international, since no country can be guessed for it.
              if (!event.country && !given.startsWith("+")) {
                throw fieldError("phone", text("registration.errors.internationalFormat"));
              }
              const phone = services.parsePhone(given, event.country ?? "US", event.deviceType);
              if (!phone.ok) throw fieldError(phone.field, phone.message);
              return { section: "PREPARE_OTP_DEVICE", browser, type: event.deviceType, target: phone.e164, resendCount: 0, deviceId: null, nickname };
            }
            // User selected email: use the known address unless it is already an email device.
            case "EMAIL": {
              const taken = await services.emailDeviceTargets(userId);
              if (event.email) {
                if (taken.includes(event.email)) throw fieldError("email", text("registration.errors.emailTakenApi"));
                return { section: "PREPARE_OTP_DEVICE", browser, type: "EMAIL", target: event.email, resendCount: 0, deviceId: null, nickname };
              }
              const known = ctx.input.email ?? (await services.getUser(userId))?.email;
              if (!known || taken.includes(known)) return { section: "ENTER_EMAIL", browser };
              return { section: "PREPARE_OTP_DEVICE", browser, type: "EMAIL", target: known, resendCount: 0, deviceId: null, nickname };
            }
            case "TOTP": {
              const device = await services.createPendingDevice(userId, "TOTP", null, nickname);
              return { section: "SET_UP_AUTHENTICATOR_APP", browser, deviceId: device.id };
            }
            case "PLATFORM":
            case "SECURITY_KEY":
              return { section: "REGISTER_FIDO2_DEVICE", browser, type: event.deviceType, nickname, rpName: event.rpName };
            // The phone pairs with a key shown here; the device is active once it has (pair route).
            case "MOBILE": {
              const device = await services.createPendingDevice(userId, "MOBILE", null, nickname);
              const pairing = await services.startPairing({ userId, deviceId: device.id, flowId: ctx.flowId });
              return { section: "PAIR_MOBILE_DEVICE", browser, deviceId: device.id, sealed: pairing.sealed, expiresAt: pairing.expiresAt.toISOString() };
            }
          }
          throw notAvailable();
        }

        case "ENTER_PHONE": {
          if (event.type === "BACK") return { section: "SELECT_DEVICE", browser: state.browser };
          if (event.type !== "SUBMIT_PHONE") throw notAvailable();
          const phone = services.parsePhone(event.phone, event.country, state.type);
          if (!phone.ok) throw fieldError(phone.field, phone.message);
          return { section: "PREPARE_OTP_DEVICE", browser: state.browser, type: state.type, target: phone.e164, resendCount: 0, deviceId: null };
        }

        case "ENTER_EMAIL": {
          if (event.type === "BACK") return { section: "SELECT_DEVICE", browser: state.browser };
          if (event.type !== "SUBMIT_EMAIL") throw notAvailable();
          if ((await services.emailDeviceTargets(userId)).includes(event.email)) {
            throw fieldError("email", text("registration.errors.emailTaken"));
          }
          return { section: "PREPARE_OTP_DEVICE", browser: state.browser, type: "EMAIL", target: event.email, resendCount: 0, deviceId: null };
        }

        // Ask for OTP: the code activates the device; Resend OTP replaces the device and its code.
        case "ASK_FOR_OTP": {
          if (event.type === "BACK") {
            await services.deletePendingDevice(userId, state.deviceId);
            return { section: "SELECT_DEVICE", browser: state.browser };
          }
          if (event.type === "RESEND") {
            if (!canResend(state.resendCount, await services.maxResends())) {
              await services.deletePendingDevice(userId, state.deviceId);
              return { section: "RETURN_ERROR", errorMessage: NO_MORE_RESENDS_MESSAGE, errorDetails: "TOO_MANY_RESENDS" };
            }
            return { ...state, section: "PREPARE_OTP_DEVICE", resendCount: state.resendCount + 1 };
          }
          if (event.type !== "SUBMIT_OTP") throw notAvailable();
          const result = await services.verifyPasscode({ userId, deviceId: state.deviceId, flowId: ctx.flowId, code: event.otp, meta: ctx.meta });
          if (!result.ok) return afterFailedCode(result);
          return { section: "ACTIVATE_AND_ENABLE_MFA", deviceId: state.deviceId, type: state.type };
        }

        case "SET_UP_AUTHENTICATOR_APP": {
          if (event.type === "BACK") {
            await services.deletePendingDevice(userId, state.deviceId);
            return { section: "SELECT_DEVICE", browser: state.browser };
          }
          if (event.type !== "SUBMIT_OTP") throw notAvailable();
          const result = await services.verifyTotp({ userId, deviceId: state.deviceId, code: event.otp, meta: ctx.meta });
          if (!result.ok) return afterFailedCode(result);
          return { section: "ACTIVATE_AND_ENABLE_MFA", deviceId: state.deviceId, type: "TOTP" };
        }

        // Pair mobile device: the phone paired (the device is active and audited), or start again.
        case "PAIR_MOBILE_DEVICE": {
          if (event.type === "MOBILE_PAIRED") {
            if (event.deviceId !== state.deviceId) throw notAvailable();
            return enrolled(ctx, "MOBILE", state.deviceId);
          }
          if (event.type === "BACK") {
            await services.deletePendingDevice(userId, state.deviceId);
            return { section: "SELECT_DEVICE", browser: state.browser };
          }
          if (event.type !== "RESTART") throw notAvailable();
          const pairing = await services.startPairing({ userId, deviceId: state.deviceId, flowId: ctx.flowId });
          return { ...state, sealed: pairing.sealed, expiresAt: pairing.expiresAt.toISOString() };
        }

        // Register FIDO2 device: the browser created a credential; verify it, then the device is active.
        case "REGISTER_FIDO2_DEVICE": {
          if (event.type === "BACK") return { section: "SELECT_DEVICE", browser: state.browser };
          if (event.type !== "FIDO2_ATTESTATION") throw notAvailable();
          const response = parseCredentialResponse(event.attestation);
          const { deviceId } = await services.verifyRegistration({
            userId,
            flowId: ctx.flowId,
            type: state.type,
            response,
            nickname: event.nickname || state.nickname,
            origin: event.origin,
            meta: ctx.meta,
          });
          // verifyRegistration activates the device (and turns MFA on) as part of storing the credential.
          return enrolled(ctx, state.type, deviceId);
        }

        default:
          throw notAvailable();
      }
    },

    async view(state, ctx): Promise<SectionView> {
      const cancel = ctx.input.allowCancel ? ["CANCEL"] : [];
      switch (state.section) {
        case "GATHER_DEVICE_TYPES":
          return { section: state.section, actions: ["BROWSER_CAPABILITIES", ...cancel], data: {} };
        case "CONFIRM_PASSWORD":
          return { section: state.section, actions: ["CONFIRM_PASSWORD", ...cancel], data: {} };
        case "SELECT_DEVICE": {
          const eligibility = await offered(ctx, state.browser);
          return {
            section: state.section,
            actions: ["SELECT_TYPE", ...(ctx.input.passwordlessRequired ? [] : ["USE_PASSWORD"]), ...cancel],
            data: { eligibility, allowPassword: !ctx.input.passwordlessRequired, allowCancel: ctx.input.allowCancel },
          };
        }
        case "ENTER_PHONE":
          return { section: state.section, actions: ["SUBMIT_PHONE", "BACK", ...cancel], data: { deviceType: state.type } };
        case "ENTER_EMAIL":
          return { section: state.section, actions: ["SUBMIT_EMAIL", "BACK", ...cancel], data: {} };
        case "ASK_FOR_OTP": {
          const maxResends = await services.maxResends();
          return {
            section: state.section,
            actions: ["SUBMIT_OTP", ...(canResend(state.resendCount, maxResends) ? ["RESEND"] : []), "BACK", ...cancel],
            data: {
              deviceType: state.type,
              maskedTarget: services.maskTarget(state.type, state.target),
              notice: state.notice ?? null,
              resendsLeft: Math.max(maxResends - state.resendCount, 0),
            },
          };
        }
        case "SET_UP_AUTHENTICATOR_APP": {
          const enrolment = await services.totpEnrolment(ownerOf(ctx), state.deviceId);
          return { section: state.section, actions: ["SUBMIT_OTP", "BACK", ...cancel], data: enrolment };
        }
        case "PAIR_MOBILE_DEVICE": {
          const pairing = await services.pairingView({ userId: ownerOf(ctx), deviceId: state.deviceId, flowId: ctx.flowId, sealed: state.sealed });
          if (pairing.status === "EXPIRED") {
            return { section: state.section, actions: ["RESTART", "BACK", ...cancel], data: { status: "EXPIRED" } };
          }
          // PAIRED: the phone has paired and the flow's own event is on its way; keep waiting.
          return {
            section: state.section,
            actions: ["BACK", ...cancel],
            data: pairing.status === "PENDING" ? { ...pairing, expiresAt: pairing.expiresAt.toISOString() } : { status: "PAIRED" },
          };
        }
        case "REGISTER_FIDO2_DEVICE": {
          // A fresh challenge each time the confirmation page is shown; the newest one is the only valid one.
          const options = await services.registrationOptions(ownerOf(ctx), ctx.flowId, state.type, { rpName: state.rpName, reuseLive: ctx.door === "api" });
          return { section: state.section, actions: ["FIDO2_ATTESTATION", "BACK", ...cancel], data: { deviceType: state.type, options } };
        }
        case "SHOW_RECOVERY_CODES": {
          const codes = services.openRecoveryCodes(state.sealed);
          return { section: state.section, actions: ["CONTINUE"], data: { codes: codes ?? [] } };
        }
        default:
          return { section: state.section, actions: [], data: {} };
      }
    },

    result(state) {
      if (state.section === "RETURN_SUCCESS") {
        return {
          status: "success",
          output: {
            ciam_subflowResult: state.subflowResult,
            ...(state.authMethod ? { ciam_authMethod: state.authMethod } : {}),
            ...(state.deviceId ? { device: { id: state.deviceId, type: state.authMethod } } : {}),
          },
        };
      }
      if (state.section === "RETURN_ERROR") {
        return {
          status: "error",
          output: { ciam_subflowResult: "ERROR", ciam_errorMessage: state.errorMessage, ...(state.errorDetails ? { ciam_errorDetails: state.errorDetails } : {}) },
        };
      }
      return null;
    },
  };
}
