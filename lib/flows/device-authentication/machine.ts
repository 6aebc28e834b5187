import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { text, type Message } from "@/lib/i18n/text";
import { browserCapabilitiesEvent, fieldError, notAvailable, parseCredentialResponse } from "@/lib/flows/section-helpers";
import type { FlowContext, FlowMachine, SectionView } from "@/lib/flows/engine";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { DEVICE_TYPES, type DeviceTypeName } from "@/lib/devices/device-types";
import { codeCheckMessage, deviceLockedMessage, formatUtc, type CodeCheckResult } from "@/lib/otp/messages";
import { emailSchema } from "@/lib/validations/auth";
import { deviceIdSchema } from "@/lib/validations/devices";
import { passcodeTemplateSchema, type PasscodeTemplate } from "@/lib/otp/passcode-template";
import { recoveryCodeMessage, type RecoveryCodeFailure } from "@/lib/recovery-codes/recovery-code-messages";

/**
 * Device Authentication subflow (../shared/seeds/004_6424acf4e61d16a2.txt), section by section:
 * Gather browser and devices data → Filter and mask devices → Check if MFA enabled and any device
 * active → Decide authentication path → Device selection | Call magic link authentication →
 * Default device enrichment → OTP | FIDO2 | Mobile push flow (→ Mobile app timed out → Mobile passcode
 * flow) → Return Success | Return Error. Used after the first factor at sign-in and as step-up before
 * sensitive changes.
 *
 * At sign-in on our pages (not as a step-up, not over the flow API) every section that asks for a
 * device also offers "Use a recovery code" (issue 14): the way in when the devices are lost. A code
 * proves the sign-in like a device would, counts its wrong tries toward the same lockout, and belongs
 * to this flow, so to the session that started it.
 *
 * The push section is one state whatever its challenge's fate: the challenge's row (lib/mobile) is the
 * truth, and the view reads it, so "Mobile App Timed Out" appears when the challenge has expired without
 * any event to move the flow there, on whichever instance reads it first.
 */
export type Browser = { webauthn: boolean; platformAuthenticator: boolean };

/** A device as the selection page may show it, before the user has fully signed in. */
export type DeviceChoice = {
  id: string;
  type: DeviceTypeName;
  typeLabel: string;
  nickname: string;
  maskedTarget: string | null;
  isDefault: boolean;
};

const OTP_TYPES: readonly DeviceTypeName[] = ["SMS", "VOICE", "EMAIL", "TOTP"];
const FIDO2_TYPES: readonly DeviceTypeName[] = ["PLATFORM", "SECURITY_KEY"];

export type DeviceAuthenticationState =
  | { section: "GATHER_BROWSER_AND_DEVICES" }
  | { section: "FILTER_AND_MASK_DEVICES"; browser: Browser }
  | { section: "CHECK_MFA_ENABLED_AND_ANY_DEVICE_ACTIVE"; browser: Browser; usable: DeviceChoice[] }
  | { section: "DECIDE_AUTHENTICATION_PATH"; browser: Browser; usable: DeviceChoice[] }
  | { section: "CALL_MAGIC_LINK_AUTHENTICATION"; browser: Browser; usable: DeviceChoice[]; sent: boolean }
  | { section: "DEVICE_SELECTION"; browser: Browser; usable: DeviceChoice[] }
  | { section: "DEFAULT_DEVICE_ENRICHMENT"; browser: Browser; usable: DeviceChoice[]; deviceId: string }
  | { section: "AUTHENTICATE_WITH_OTP"; browser: Browser; usable: DeviceChoice[]; deviceId: string; notice?: Message }
  | { section: "AUTHENTICATE_WITH_FIDO2"; browser: Browser; usable: DeviceChoice[]; deviceId: string }
  | {
      section: "AUTHENTICATE_WITH_PUSH";
      browser: Browser;
      usable: DeviceChoice[];
      deviceId: string;
      challengeId: string;
      /** The two-digit number the phone asks the person to choose (number matching). */
      number: number;
      /** ISO time. */
      expiresAt: string;
    }
  | { section: "AUTHENTICATE_WITH_MOBILE_PASSCODE"; browser: Browser; usable: DeviceChoice[]; deviceId: string }
  /** A recovery code instead of a device; `notice` says why it opened by itself (no device can be used). */
  | { section: "AUTHENTICATE_WITH_RECOVERY_CODE"; browser: Browser; usable: DeviceChoice[]; notice?: Message }
  | { section: "RETURN_SUCCESS"; authMethod: string; deviceId?: string; deviceType?: DeviceTypeName }
  | { section: "RETURN_NO_SECOND_FACTOR" }
  | { section: "RETURN_ERROR"; errorMessage: Message; errorDetails: string; lockedUntil?: string };

export const deviceAuthenticationInput = z.object({
  /** The source's user id input; when given it must be the flow's owner. */
  pingOneUserId: z.string().max(64).optional(),
  /** How many times a new code may be sent in this flow (the source's required input). */
  maxResend: z.number().int().min(0).max(10),
  email: emailSchema.optional(),
  /** The MFA policy to apply; this app has one, "default", whose rules come from the configuration. */
  policy: z.string().max(64).optional(),
  allowedDeviceTypes: z.array(z.enum(DEVICE_TYPES)).optional(),
  /** For the mobile authenticator: fall back to its passcode when push times out. */
  allowOtpFallback: z.boolean().default(false),
  magicLinkEnabled: z.boolean().default(false),
  ciam_companyLogo: z.string().max(2000).optional(),
  allowCancel: z.boolean().default(false),
  /** What the second factor is for: it words the messages and binds the codes. */
  purpose: z.enum(["sign-in", "step-up"]).default("sign-in"),
  /** The browser's capabilities when the door already knows them (lib/flows/browser-hint.ts): the
   * gathering section then needs no event from the browser. */
  browser: z.object({ webauthn: z.boolean(), platformAuthenticator: z.boolean() }).optional(),
  /**
   * End the flow when the account is locked or the last code is spent, instead of staying on the code
   * section: the flow API's FAILED state, so a client learns it in one response rather than by a
   * retried request. The pages keep the section, where the user can choose another device.
   */
  failWhenStuck: z.boolean().default(false),
  /** How the passcodes of this flow are worded (the API's `template`). */
  template: passcodeTemplateSchema.optional(),
});
export type DeviceAuthenticationInput = z.infer<typeof deviceAuthenticationInput>;


export const deviceAuthenticationEvent = z.discriminatedUnion("type", [
  browserCapabilitiesEvent,
  z.object({ type: z.literal("SELECT_DEVICE"), deviceId: deviceIdSchema }),
  z.object({ type: z.literal("MAGIC_LINK") }),
  z.object({ type: z.literal("CHANGE_DEVICE") }),
  z.object({ type: z.literal("CANCEL") }),
  z.object({ type: z.literal("SUBMIT_OTP"), otp: z.string({ error: "Enter the code." }).trim().min(1, { error: "Enter the code." }).max(20) }),
  z.object({ type: z.literal("RESEND") }),
  /** Read the push challenge again (the API's push.poll; the pages listen on the live channel). */
  z.object({ type: z.literal("POLL") }),
  /** A new push after the last one timed out (Mobile App Timed Out, Mobile Passcode Flow). */
  z.object({ type: z.literal("RETRY") }),
  /** Mobile Passcode Flow: the code the app shows, when the push timed out and allowOtpFallback is on. */
  z.object({ type: z.literal("USE_PASSCODE") }),
  /** A recovery code instead of a device (sign-in on the pages only). */
  z.object({ type: z.literal("USE_RECOVERY_CODE") }),
  z.object({
    type: z.literal("SUBMIT_RECOVERY_CODE"),
    code: z.string({ error: "Enter a recovery code." }).trim().min(1, { error: "Enter a recovery code." }).max(40, { error: "That code is too long." }),
  }),
  z.object({
    type: z.literal("FIDO2_ASSERTION"),
    assertion: z.string().min(2).max(20_000),
    /** The origin the ceremony ran on, when an API application names its own. */
    origin: z.string().max(200).optional(),
  }),
]);
export type DeviceAuthenticationEvent = z.infer<typeof deviceAuthenticationEvent>;

/** Sent by the magic link's confirmation, never by a door: not part of the event schema. */
export type MagicLinkConfirmedEvent = { type: "MAGIC_LINK_CONFIRMED" };

/**
 * Sent by the phone's verified decision (lib/flows/flow-executions.ts confirmFlowByPush), never by a
 * door: not part of the event schema.
 */
export type PushDecidedEvent = { type: "PUSH_DECIDED"; challengeId: string; status: "APPROVED" | "DENIED" };

export type PushStatus = "PENDING" | "APPROVED" | "DENIED" | "EXPIRED" | "CANCELED";

export type DeviceAuthenticationServices = {
  getUser(userId: string): Promise<{ id: string; mfaEnabled: boolean } | null>;
  /** Whether the account's highest level is a second factor (MFA on, an active device). */
  requiresSecondFactor(userId: string): Promise<boolean>;
  /**
   * Active devices of allowed types, masked, default first. Never narrowed by what the browser says it
   * can do: a claim from the browser must not take a registered factor off the choice.
   */
  usableDevices(userId: string, allowed: DeviceAuthenticationInput["allowedDeviceTypes"]): Promise<DeviceChoice[]>;
  sendPasscode(options: {
    userId: string;
    deviceId: string;
    flowId: string;
    purpose: "sign-in" | "step-up";
    meta: RequestMeta;
    template?: PasscodeTemplate;
  }): Promise<void>;
  verifyPasscode(options: { userId: string; deviceId: string; flowId: string; purpose: "sign-in" | "step-up"; code: string; meta: RequestMeta }): Promise<CodeCheckResult>;
  verifyTotp(options: { userId: string; deviceId: string; code: string; meta: RequestMeta }): Promise<CodeCheckResult>;
  /** `reuseLive`: show the flow's live challenge again (the flow API, whose reads must not void it). */
  authenticationOptions(userId: string, flowId: string, deviceId: string, reuseLive?: boolean): Promise<unknown>;
  verifyAssertion(options: {
    userId: string;
    flowId: string;
    deviceId: string;
    response: unknown;
    origin?: string;
    meta: RequestMeta;
  }): Promise<{ userVerified: boolean }>;
  sendMagicLink(options: { userId: string; flowId: string; meta: RequestMeta }): Promise<void>;
  /** How many passcodes this flow has sent, whichever device they went to. */
  codesSent(flowId: string): Promise<number>;
  /** The device worked: remember when it was last used. */
  recordUse(userId: string, deviceId: string): Promise<void>;
  /**
   * Until when the device is locked (an administrator's lock, or too many wrong codes), read now: null
   * when it is not. Read as the device is chosen, since the list the flow shows may be older than the lock.
   */
  deviceLockedUntil(userId: string, deviceId: string): Promise<Date | null>;
  /**
   * A sign-in request to the user's paired phone, bound to this flow; an earlier pending one of the
   * phone is withdrawn. Throws an AppError for a blocked, removed or unpaired phone, or past the
   * account's push limit.
   */
  sendPush(options: { userId: string; deviceId: string; flowId: string; meta: RequestMeta }): Promise<{ id: string; number: number; expiresAt: Date }>;
  /** The flow's newest push challenge, an expired pending one read as EXPIRED; null when none. */
  pushStatus(options: { userId: string; flowId: string }): Promise<{ id: string; status: PushStatus } | null>;
  /** Withdraws the flow's pending push, so a late approval finds nothing to approve. */
  cancelPush(options: { userId: string; flowId: string }): Promise<void>;
  /** The passcode the paired app shows, checked like an authenticator app's code. */
  verifyMobilePasscode(options: { userId: string; deviceId: string; code: string; meta: RequestMeta }): Promise<CodeCheckResult>;
  /** How many unused recovery codes the account has, and until when wrong codes have locked them. */
  recoveryCodes(userId: string): Promise<{ left: number; lockedUntil: Date | null }>;
  /** Uses one recovery code (single use, counted toward the lockout, audited): how many are left, or why not. */
  redeemRecoveryCode(options: { userId: string; code: string; meta: RequestMeta }): Promise<{ ok: true; left: number } | ({ ok: false } & RecoveryCodeFailure)>;
};

type State = DeviceAuthenticationState;
type Ctx = FlowContext<DeviceAuthenticationInput>;
type WithDevices = Extract<State, { usable: DeviceChoice[] }>;

const NO_USABLE_DEVICE = text("authentication.flow.noUsableDevice");

const NO_MORE_CODES = text("authentication.flow.noMoreCodes");

/**
 * One budget for the whole flow: the first code plus `maxResend` more, however they are asked for
 * (resend, or choosing a device again), so switching devices cannot mint unlimited codes.
 */
async function maySend(services: DeviceAuthenticationServices, ctx: Ctx) {
  return (await services.codesSent(ctx.flowId)) <= ctx.input.maxResend;
}

/** The owner's account: as the request already read it, or read now. */
async function userOf(services: DeviceAuthenticationServices, ctx: Ctx, userId: string) {
  return ctx.knownUser?.id === userId ? ctx.knownUser : services.getUser(userId);
}

function ownerOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError("UNAUTHENTICATED", text("authentication.flow.signInFirst"));
  return ctx.userId;
}

/**
 * Recovery codes are a way to finish signing in on our pages. Not a step-up: a sensitive change asks
 * for a device. Not the flow API: its contract has no such action (its application has its own way back).
 */
function recoveryOffered(ctx: Ctx) {
  return ctx.input.purpose === "sign-in" && ctx.door !== "api";
}

/**
 * Where a sign-in goes when the device it would use cannot be used (none left to use here, or the only
 * one locked): the recovery codes, when this flow offers them and some are left and not locked;
 * otherwise null, and the flow ends as before.
 */
async function recoveryInstead(services: DeviceAuthenticationServices, ctx: Ctx, state: WithDevices, notice: Message): Promise<State | null> {
  if (!recoveryOffered(ctx)) return null;
  const codes = await services.recoveryCodes(ownerOf(ctx));
  if (codes.left === 0 || codes.lockedUntil) return null;
  return { section: "AUTHENTICATE_WITH_RECOVERY_CODE", browser: state.browser, usable: state.usable, notice };
}

/** Device selection is worth showing when there is a choice: several devices, or one plus a link. */
function hasChoice(state: WithDevices, ctx: Ctx) {
  return state.usable.length > 1 || (state.usable.length === 1 && ctx.input.magicLinkEnabled);
}

/** Change device, from any section that authenticates with one: back to the list, when there is a choice. */
function backToSelection(state: WithDevices, ctx: Ctx): State {
  if (!hasChoice(state, ctx)) throw notAvailable();
  return { section: "DEVICE_SELECTION", browser: state.browser, usable: state.usable };
}

/**
 * The push section's challenge as its row says now. Only this state's own challenge counts: a newer one
 * of the flow (none should exist) or none at all reads as withdrawn, never as pending or approved.
 */
async function pushOutcome(services: DeviceAuthenticationServices, ctx: Ctx, state: Extract<State, { section: "AUTHENTICATE_WITH_PUSH" }>): Promise<PushStatus> {
  const current = await services.pushStatus({ userId: ownerOf(ctx), flowId: ctx.flowId });
  return current && current.id === state.challengeId ? current.status : "CANCELED";
}

/** A decided push, as the flow ends on it. */
function decided(state: Extract<State, { section: "AUTHENTICATE_WITH_PUSH" }>, status: "APPROVED" | "DENIED", device: DeviceChoice): State {
  if (status === "APPROVED") return { section: "RETURN_SUCCESS", authMethod: "push", deviceId: device.id, deviceType: device.type };
  return { section: "RETURN_ERROR", errorMessage: text("authentication.flow.pushDenied"), errorDetails: "PUSH_DENIED" };
}

/**
 * A locked device is refused before anything is sent to it, with the time it unlocks (security.md
 * item 6; issue 13's lock by an administrator). With another way to confirm, the choice stays open and
 * the message shows on it; with none (or for the flow API's failWhenStuck) the flow ends on LOCKED, with
 * `lockedUntil` for the API and the message for the pages. Null when the device may be used.
 */
async function lockedOut(services: DeviceAuthenticationServices, ctx: Ctx, state: WithDevices, deviceId: string): Promise<State | null> {
  const until = await services.deviceLockedUntil(ownerOf(ctx), deviceId);
  if (!until) return null;
  if (hasChoice(state, ctx) && !ctx.input.failWhenStuck) throw new AppError("LOCKED", deviceLockedMessage(until, true));
  const recovery = await recoveryInstead(services, ctx, state, text("authentication.flow.lockedUseRecovery", { until: formatUtc(until) }));
  if (recovery) return recovery;
  return { section: "RETURN_ERROR", errorMessage: deviceLockedMessage(until, hasChoice(state, ctx)), errorDetails: "LOCKED", lockedUntil: until.toISOString() };
}

/** Sends a push to the phone and waits for it: the Mobile Push Flow section. */
async function startPush(services: DeviceAuthenticationServices, ctx: Ctx, base: { browser: Browser; usable: DeviceChoice[]; deviceId: string }): Promise<State> {
  const challenge = await services.sendPush({ userId: ownerOf(ctx), deviceId: base.deviceId, flowId: ctx.flowId, meta: ctx.meta });
  return { section: "AUTHENTICATE_WITH_PUSH", ...base, challengeId: challenge.id, number: challenge.number, expiresAt: challenge.expiresAt.toISOString() };
}

/**
 * A wrong code, the same for every kind of code: the flow API's FAILED on a lockout or a spent last
 * code with nothing else to try (failWhenStuck), else the message on the code field.
 */
async function codeRefused(services: DeviceAuthenticationServices, ctx: Ctx, state: WithDevices, result: Exclude<CodeCheckResult, { ok: true }>): Promise<State> {
  if (ctx.input.failWhenStuck && result.reason === "locked") {
    return { section: "RETURN_ERROR", errorMessage: codeCheckMessage(result), errorDetails: "LOCKED", lockedUntil: result.lockedUntil.toISOString() };
  }
  if (ctx.input.failWhenStuck && result.reason === "exhausted" && !(await maySend(services, ctx)) && !hasChoice(state, ctx)) {
    return { section: "RETURN_ERROR", errorMessage: codeCheckMessage(result), errorDetails: "TOO_MANY_ATTEMPTS" };
  }
  throw fieldError("otp", codeCheckMessage(result));
}

function chosen(state: WithDevices, deviceId: string): DeviceChoice {
  const device = state.usable.find((d) => d.id === deviceId);
  // An id not in this flow's own list is not found, whoever it belongs to (security.md item 11).
  if (!device) throw new AppError("NOT_FOUND", text("authentication.flow.deviceNotFound"));
  return device;
}

export function createDeviceAuthenticationFlow(
  services: DeviceAuthenticationServices,
): FlowMachine<State, DeviceAuthenticationEvent | MagicLinkConfirmedEvent | PushDecidedEvent, DeviceAuthenticationInput> & {
  eventSchema: typeof deviceAuthenticationEvent;
} {
  return {
    kind: "device-authentication",
    ttlMinutes: 15,
    inputSchema: deviceAuthenticationInput,
    eventSchema: deviceAuthenticationEvent,
    initial: () => ({ section: "GATHER_BROWSER_AND_DEVICES" }),

    async advance(state, ctx) {
      switch (state.section) {
        case "GATHER_BROWSER_AND_DEVICES": {
          const user = ctx.userId ? await userOf(services, ctx, ctx.userId) : null;
          if (!user || (ctx.input.pingOneUserId && ctx.input.pingOneUserId !== user.id)) {
            return { section: "RETURN_ERROR", errorMessage: text("authentication.flow.signInAgain"), errorDetails: "USER_NOT_FOUND" };
          }
          return ctx.input.browser ? { section: "FILTER_AND_MASK_DEVICES", browser: ctx.input.browser } : null;
        }
        case "FILTER_AND_MASK_DEVICES": {
          const usable = await services.usableDevices(ownerOf(ctx), ctx.input.allowedDeviceTypes);
          return { section: "CHECK_MFA_ENABLED_AND_ANY_DEVICE_ACTIVE", browser: state.browser, usable };
        }
        case "CHECK_MFA_ENABLED_AND_ANY_DEVICE_ACTIVE": {
          const user = await userOf(services, ctx, ownerOf(ctx));
          if (user?.mfaEnabled && state.usable.length > 0) return { ...state, section: "DECIDE_AUTHENTICATION_PATH" };
          if (ctx.input.magicLinkEnabled) return { ...state, section: "CALL_MAGIC_LINK_AUTHENTICATION", sent: false };
          // An account with a second factor it cannot use here is not an account without one: it is
          // sent to another device or a recovery path, never back to the password alone.
          if (await services.requiresSecondFactor(ownerOf(ctx))) {
            const recovery = await recoveryInstead(services, ctx, state, text("authentication.flow.noUsableDeviceRecovery"));
            return recovery ?? { section: "RETURN_ERROR", errorMessage: NO_USABLE_DEVICE, errorDetails: "NO_USABLE_DEVICE" };
          }
          return { section: "RETURN_NO_SECOND_FACTOR" };
        }
        case "DECIDE_AUTHENTICATION_PATH": {
          if (hasChoice(state, ctx)) return { ...state, section: "DEVICE_SELECTION" };
          const only = state.usable.find((d) => d.isDefault) ?? state.usable[0]!;
          return { ...state, section: "DEFAULT_DEVICE_ENRICHMENT", deviceId: only.id };
        }
        case "CALL_MAGIC_LINK_AUTHENTICATION":
          if (state.sent) return null;
          await services.sendMagicLink({ userId: ownerOf(ctx), flowId: ctx.flowId, meta: ctx.meta });
          return { ...state, sent: true };
        // Default device enrichment: what the chosen device needs next.
        case "DEFAULT_DEVICE_ENRICHMENT": {
          const device = chosen(state, state.deviceId);
          const locked = await lockedOut(services, ctx, state, device.id);
          if (locked) return locked;
          const base = { browser: state.browser, usable: state.usable, deviceId: device.id };
          if (FIDO2_TYPES.includes(device.type)) return { section: "AUTHENTICATE_WITH_FIDO2", ...base };
          if (OTP_TYPES.includes(device.type)) {
            if (device.type !== "TOTP") {
              // With the budget spent, the last code sent is still the way in: show its page, send nothing.
              if (!(await maySend(services, ctx))) return { section: "AUTHENTICATE_WITH_OTP", ...base, notice: NO_MORE_CODES };
              await services.sendPasscode({ userId: ownerOf(ctx), deviceId: device.id, flowId: ctx.flowId, purpose: ctx.input.purpose, meta: ctx.meta, template: ctx.input.template });
            }
            return { section: "AUTHENTICATE_WITH_OTP", ...base };
          }
          // A blocked or removed phone is refused here, before anything is sent (security.md item 10):
          // the error stays on the section that chose it, like a blocked device's passcode.
          if (device.type === "MOBILE") return startPush(services, ctx, base);
          return { section: "RETURN_ERROR", errorMessage: text("authentication.flow.unsupportedDevice"), errorDetails: "UNSUPPORTED_DEVICE_TYPE" };
        }
        default:
          return null;
      }
    },

    async handle(state, event, ctx) {
      const userId = ownerOf(ctx);
      if (event.type === "CANCEL") {
        if (!ctx.input.allowCancel) throw notAvailable();
        if (state.section === "AUTHENTICATE_WITH_PUSH") await services.cancelPush({ userId, flowId: ctx.flowId });
        return { section: "RETURN_ERROR", errorMessage: text("authentication.flow.cancelled"), errorDetails: "CANCELED" };
      }
      if (event.type === "MAGIC_LINK_CONFIRMED") {
        if (state.section !== "CALL_MAGIC_LINK_AUTHENTICATION") throw notAvailable();
        return { section: "RETURN_SUCCESS", authMethod: "magic_link" };
      }
      if (event.type === "PUSH_DECIDED") {
        // A decision on an earlier challenge of this flow (retried since) is not this section's answer.
        if (state.section !== "AUTHENTICATE_WITH_PUSH" || event.challengeId !== state.challengeId) throw notAvailable();
        return decided(state, event.status, chosen(state, state.deviceId));
      }
      if (event.type === "USE_RECOVERY_CODE") {
        if (!recoveryOffered(ctx) || !("usable" in state) || state.section === "AUTHENTICATE_WITH_RECOVERY_CODE") throw notAvailable();
        // The phone stops listing a request nobody waits for.
        if (state.section === "AUTHENTICATE_WITH_PUSH") await services.cancelPush({ userId, flowId: ctx.flowId });
        return { section: "AUTHENTICATE_WITH_RECOVERY_CODE", browser: state.browser, usable: state.usable };
      }
      switch (state.section) {
        case "GATHER_BROWSER_AND_DEVICES":
          if (event.type !== "BROWSER_CAPABILITIES") throw notAvailable();
          return { section: "FILTER_AND_MASK_DEVICES", browser: { webauthn: event.webauthn, platformAuthenticator: event.platformAuthenticator } };

        case "DEVICE_SELECTION":
          if (event.type === "MAGIC_LINK") {
            if (!ctx.input.magicLinkEnabled) throw notAvailable();
            return { ...state, section: "CALL_MAGIC_LINK_AUTHENTICATION", sent: false };
          }
          if (event.type !== "SELECT_DEVICE") throw notAvailable();
          return { ...state, section: "DEFAULT_DEVICE_ENRICHMENT", deviceId: chosen(state, event.deviceId).id };

        case "CALL_MAGIC_LINK_AUTHENTICATION":
          if (event.type === "CHANGE_DEVICE" && state.usable.length > 0) return { ...state, section: "DEVICE_SELECTION" };
          throw notAvailable();

        // Handle TOTP, SMS, voice and email OTP authentication: enter the code, resend, or change device.
        case "AUTHENTICATE_WITH_OTP": {
          const device = chosen(state, state.deviceId);
          if (event.type === "CHANGE_DEVICE") return backToSelection(state, ctx);
          if (event.type === "RESEND") {
            if (device.type === "TOTP") throw notAvailable();
            if (!(await maySend(services, ctx))) throw new AppError("RATE_LIMITED", NO_MORE_CODES);
            await services.sendPasscode({ userId, deviceId: device.id, flowId: ctx.flowId, purpose: ctx.input.purpose, meta: ctx.meta, template: ctx.input.template });
            return { ...state, notice: text("authentication.flow.newCodeSent") };
          }
          if (event.type !== "SUBMIT_OTP") throw notAvailable();
          const result =
            device.type === "TOTP"
              ? await services.verifyTotp({ userId, deviceId: device.id, code: event.otp, meta: ctx.meta })
              : await services.verifyPasscode({ userId, deviceId: device.id, flowId: ctx.flowId, purpose: ctx.input.purpose, code: event.otp, meta: ctx.meta });
          if (!result.ok) return codeRefused(services, ctx, state, result);
          // verifyTotp records the use in the statement that accepts the code.
          if (device.type !== "TOTP") await services.recordUse(userId, device.id);
          return { section: "RETURN_SUCCESS", authMethod: device.type === "TOTP" ? "totp" : "otp", deviceId: device.id, deviceType: device.type };
        }

        // Handle FIDO2 authentication: continue with this device, or pick another.
        case "AUTHENTICATE_WITH_FIDO2": {
          const device = chosen(state, state.deviceId);
          if (event.type === "CHANGE_DEVICE") return backToSelection(state, ctx);
          if (event.type !== "FIDO2_ASSERTION") throw notAvailable();
          const response = parseCredentialResponse(event.assertion);
          await services.verifyAssertion({ userId, flowId: ctx.flowId, deviceId: device.id, response, origin: event.origin, meta: ctx.meta });
          return { section: "RETURN_SUCCESS", authMethod: "webauthn", deviceId: device.id, deviceType: device.type };
        }

        // Mobile push flow, and Mobile app timed out when its challenge has expired.
        case "AUTHENTICATE_WITH_PUSH": {
          const device = chosen(state, state.deviceId);
          const base = { browser: state.browser, usable: state.usable, deviceId: device.id };
          if (event.type === "CHANGE_DEVICE") {
            const selection = backToSelection(state, ctx);
            // The phone stops listing a request nobody waits for.
            await services.cancelPush({ userId, flowId: ctx.flowId });
            return selection;
          }
          const status = await pushOutcome(services, ctx, state);
          if (event.type === "POLL") {
            // Normally the phone's decision arrives as PUSH_DECIDED. Should that event have been lost
            // (its request failed after the decision was stored), the stored decision, which only a
            // verified signature could write, still ends the wait here.
            return status === "APPROVED" || status === "DENIED" ? decided(state, status, device) : state;
          }
          // "Push configuration required" (the app has not subscribed to pushes yet) keeps waiting: the
          // open app's poll and live channel deliver the request. Retry and the passcode only after a timeout.
          if (status === "PENDING" || status === "APPROVED" || status === "DENIED") throw notAvailable();
          if (event.type === "RETRY") return (await lockedOut(services, ctx, state, device.id)) ?? startPush(services, ctx, base);
          if (event.type === "USE_PASSCODE") {
            if (!ctx.input.allowOtpFallback) throw notAvailable();
            return { section: "AUTHENTICATE_WITH_MOBILE_PASSCODE", ...base };
          }
          throw notAvailable();
        }

        // Mobile passcode flow: the code the app shows, another push, or another device.
        case "AUTHENTICATE_WITH_MOBILE_PASSCODE": {
          const device = chosen(state, state.deviceId);
          if (event.type === "CHANGE_DEVICE") return backToSelection(state, ctx);
          if (event.type === "RETRY") {
            return (await lockedOut(services, ctx, state, device.id)) ?? startPush(services, ctx, { browser: state.browser, usable: state.usable, deviceId: device.id });
          }
          if (event.type !== "SUBMIT_OTP") throw notAvailable();
          const result = await services.verifyMobilePasscode({ userId, deviceId: device.id, code: event.otp, meta: ctx.meta });
          if (!result.ok) return codeRefused(services, ctx, state, result);
          // The check records the use in the statement that accepts the code, as for an authenticator app.
          return { section: "RETURN_SUCCESS", authMethod: "mobile_passcode", deviceId: device.id, deviceType: device.type };
        }

        // A recovery code: used up by the check that accepts it; back to the devices, when there are any.
        case "AUTHENTICATE_WITH_RECOVERY_CODE": {
          if (event.type === "CHANGE_DEVICE") {
            if (state.usable.length === 0) throw notAvailable();
            return { section: "DEVICE_SELECTION", browser: state.browser, usable: state.usable };
          }
          if (event.type !== "SUBMIT_RECOVERY_CODE") throw notAvailable();
          const result = await services.redeemRecoveryCode({ userId, code: event.code, meta: ctx.meta });
          if (!result.ok) throw fieldError("code", recoveryCodeMessage(result));
          return { section: "RETURN_SUCCESS", authMethod: "recovery_code" };
        }

        default:
          throw notAvailable();
      }
    },

    async view(state, ctx): Promise<SectionView> {
      const cancel = ctx.input.allowCancel ? ["CANCEL"] : [];
      // Every section that asks for a device offers the recovery codes too, where the flow offers them.
      const recovery = recoveryOffered(ctx) ? ["USE_RECOVERY_CODE"] : [];
      switch (state.section) {
        case "GATHER_BROWSER_AND_DEVICES":
          return { section: state.section, actions: ["BROWSER_CAPABILITIES", ...cancel], data: {} };
        case "DEVICE_SELECTION":
          return {
            section: state.section,
            actions: ["SELECT_DEVICE", ...(ctx.input.magicLinkEnabled ? ["MAGIC_LINK"] : []), ...recovery, ...cancel],
            data: { devices: state.usable, magicLinkEnabled: ctx.input.magicLinkEnabled },
          };
        case "CALL_MAGIC_LINK_AUTHENTICATION":
          return {
            section: state.section,
            actions: [...(state.usable.length > 0 ? ["CHANGE_DEVICE"] : []), ...recovery, ...cancel],
            data: {},
          };
        case "AUTHENTICATE_WITH_OTP": {
          const device = chosen(state, state.deviceId);
          const resend = device.type !== "TOTP" && (await maySend(services, ctx));
          return {
            section: state.section,
            actions: ["SUBMIT_OTP", ...(resend ? ["RESEND"] : []), ...(hasChoice(state, ctx) ? ["CHANGE_DEVICE"] : []), ...recovery, ...cancel],
            data: { device, notice: state.notice ?? null },
          };
        }
        case "AUTHENTICATE_WITH_FIDO2": {
          const device = chosen(state, state.deviceId);
          const options = await services.authenticationOptions(ownerOf(ctx), ctx.flowId, device.id, ctx.door === "api");
          return {
            section: state.section,
            actions: ["FIDO2_ASSERTION", ...(hasChoice(state, ctx) ? ["CHANGE_DEVICE"] : []), ...recovery, ...cancel],
            data: { device, options },
          };
        }
        case "AUTHENTICATE_WITH_PUSH": {
          const device = chosen(state, state.deviceId);
          const change = hasChoice(state, ctx) ? ["CHANGE_DEVICE"] : [];
          const status = await pushOutcome(services, ctx, state);
          if (status === "EXPIRED" || status === "CANCELED") {
            return {
              section: state.section,
              actions: ["RETRY", ...change, ...(ctx.input.allowOtpFallback ? ["USE_PASSCODE"] : []), ...recovery, ...cancel],
              data: { device, timedOut: true },
            };
          }
          // Decided but not heard (PUSH_DECIDED on its way, or a wrong number that denied it, which sends
          // no event): `decided` tells the waiting page to send POLL, which ends the flow on it.
          return {
            section: state.section,
            actions: ["POLL", ...change, ...recovery, ...cancel],
            data: { device, number: state.number, expiresAt: state.expiresAt, timedOut: false, decided: status !== "PENDING" },
          };
        }
        case "AUTHENTICATE_WITH_MOBILE_PASSCODE": {
          const device = chosen(state, state.deviceId);
          return {
            section: state.section,
            actions: ["SUBMIT_OTP", "RETRY", ...(hasChoice(state, ctx) ? ["CHANGE_DEVICE"] : []), ...recovery, ...cancel],
            data: { device },
          };
        }
        case "AUTHENTICATE_WITH_RECOVERY_CODE": {
          const codes = await services.recoveryCodes(ownerOf(ctx));
          return {
            section: state.section,
            actions: [...(codes.left > 0 ? ["SUBMIT_RECOVERY_CODE"] : []), ...(state.usable.length > 0 ? ["CHANGE_DEVICE"] : []), ...cancel],
            data: { notice: state.notice ?? null, left: codes.left },
          };
        }
        default:
          return { section: state.section, actions: [], data: {} };
      }
    },

    result(state) {
      switch (state.section) {
        case "RETURN_SUCCESS":
          return {
            status: "success",
            output: { ciam_subflowResult: "AUTHENTICATED", ciam_authMethod: state.authMethod, ...(state.deviceId ? { ciam_deviceId: state.deviceId } : {}) },
          };
        case "RETURN_NO_SECOND_FACTOR":
          return { status: "success", output: { ciam_subflowResult: "NO_SECOND_FACTOR" } };
        case "RETURN_ERROR":
          return {
            status: "error",
            output: {
              ciam_errorMessage: state.errorMessage,
              ciam_errorDetails: state.errorDetails,
              ...(state.lockedUntil ? { ciam_lockedUntil: state.lockedUntil } : {}),
            },
          };
        default:
          return null;
      }
    },
  };
}
