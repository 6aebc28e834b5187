import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { messageIn, text, type Message } from "@/lib/i18n/text";
import { formFlag, notAvailable } from "@/lib/flows/section-helpers";
import { stepUpByPassword, stepUpEnded, stepUpSubflowInput, type StepUpServices } from "@/lib/flows/step-up";
import type { FlowContext, FlowMachine, SectionView, SubflowEndedEvent } from "@/lib/flows/engine";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { deviceIdSchema, nicknameSchema } from "@/lib/validations/devices";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";

/**
 * Device Management – Main Flow (../shared/seeds/000_493aa910e33702d0.txt), section by section:
 * Check Pre-requisite → Enable MFA → Display User Devices ⇄ Add Device / Update Device →
 * Return Success | Return Error. The source launches it from the widget; the portal's device page
 * drives the same machine. The device list also shows the account's recovery codes (issue 14): how
 * many are left, and new ones on demand, which is a sensitive change like adding a device.
 */
export type DeviceManagementState =
  | { section: "CHECK_PREREQUISITE"; notice?: Message; alert?: Message }
  | { section: "ENABLE_MFA"; notice?: Message; alert?: Message }
  | { section: "DISPLAY_USER_DEVICES"; notice?: Message; alert?: Message }
  | { section: "UPDATE_DEVICE"; deviceId: string; confirmRemoval: boolean }
  /** `browser`: what the page that asked already found the browser can do, so the registration need not ask. */
  | { section: "ADD_DEVICE"; subflowId: string | null; browser?: BrowserCapabilities }
  /** A sensitive change in a stale session: prove it's you first, then the change goes ahead. */
  | { section: "STEP_UP"; subflowId: string | null; resume: ResumableChange }
  | { section: "CONFIRM_PASSWORD"; resume: ResumableChange }
  /** A new set of recovery codes, sealed (lib/recovery-codes/sealed-recovery-codes.ts), shown until the person goes on. */
  | { section: "SHOW_RECOVERY_CODES"; sealed: string }
  /** `cancelled`: the person left with Cancel rather than Done; the embedding page is told which. */
  | { section: "RETURN_SUCCESS"; cancelled?: boolean }
  | { section: "RETURN_ERROR"; errorCode: string; errorMessage: Message };

/** The change that waits for a step-up, replayed once the user has proved who they are. */
export type ResumableChange = { state: DeviceManagementState; event: DeviceManagementEvent };

export const deviceManagementInput = z.object({
  /** The user the embedding page expects (the source's `username` input); checked against the session. */
  username: z.string().trim().max(200).optional(),
});
export type DeviceManagementInput = z.infer<typeof deviceManagementInput>;

/**
 * The browser's capabilities, sent along with Add device (and turning MFA on) by the page, which checks
 * them as it loads: the registration then opens on its choice of devices instead of a "checking what
 * this browser can do" screen and a round trip. A claim of the browser's, like the event it replaces.
 */
const browserFields = { webauthn: formFlag.optional(), platformAuthenticator: formFlag.optional() };
type BrowserCapabilities = { webauthn: boolean; platformAuthenticator: boolean };

function browserOf(event: { webauthn?: boolean; platformAuthenticator?: boolean }): { browser?: BrowserCapabilities } {
  if (event.webauthn === undefined || event.platformAuthenticator === undefined) return {};
  return { browser: { webauthn: event.webauthn, platformAuthenticator: event.platformAuthenticator } };
}

export const deviceManagementEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ENABLE_MFA"), ...browserFields }),
  z.object({ type: z.literal("SKIP") }),
  z.object({ type: z.literal("ADD"), ...browserFields }),
  z.object({ type: z.literal("SELECT_DEVICE"), deviceId: deviceIdSchema }),
  z.object({ type: z.literal("DISABLE_MFA") }),
  z.object({ type: z.literal("DONE") }),
  z.object({ type: z.literal("CANCEL") }),
  z.object({ type: z.literal("RENAME"), nickname: nicknameSchema }),
  z.object({ type: z.literal("MAKE_DEFAULT") }),
  z.object({ type: z.literal("BLOCK") }),
  z.object({ type: z.literal("UNBLOCK") }),
  z.object({ type: z.literal("REMOVE") }),
  z.object({ type: z.literal("CONFIRM_REMOVE") }),
  z.object({ type: z.literal("BACK") }),
  z.object({ type: z.literal("CONFIRM_PASSWORD"), password: z.string().min(1, { error: "Enter your password." }).max(128) }),
  /** Make a new set of recovery codes, voiding the old one. */
  z.object({ type: z.literal("NEW_RECOVERY_CODES") }),
  /** The new recovery codes are saved: back to the list. */
  z.object({ type: z.literal("CONTINUE") }),
]);
export type DeviceManagementEvent = z.infer<typeof deviceManagementEvent>;

/** What the flow asks of the domain; the real one is in ./services.ts, tests pass their own. */
export type DeviceManagementServices = {
  getUser(userId: string): Promise<{ id: string; email: string; username: string | null; mfaEnabled: boolean } | null>;
  listDevices(userId: string): Promise<DeviceSummary[]>;
  /** Throws AppError NOT_FOUND for an id that is not this user's. */
  getOwnDevice(userId: string, deviceId: string): Promise<DeviceSummary>;
  isLastActiveDevice(userId: string, deviceId: string): Promise<boolean>;
  /**
   * Why no device can be added now (the per-user limit, every kind at its limit), or null when one can.
   * `existing`: the types of the user's listed devices when the caller has just read them, saving a read.
   */
  whyNoNewDevice(userId: string, existing?: DeviceSummary["type"][]): Promise<Message | null>;
  setMfaEnabled(userId: string, enabled: boolean, meta: RequestMeta): Promise<void>;
  renameDevice(userId: string, deviceId: string, nickname: string, meta: RequestMeta): Promise<void>;
  setDefaultDevice(userId: string, deviceId: string, meta: RequestMeta): Promise<void>;
  blockDevice(userId: string, deviceId: string, meta: RequestMeta): Promise<void>;
  unblockDevice(userId: string, deviceId: string, meta: RequestMeta): Promise<void>;
  removeDevice(userId: string, deviceId: string, meta: RequestMeta): Promise<{ mfaTurnedOff: boolean }>;
  /** Whether the session proved who the user is within the policy's window (security.md item 8). */
  isRecentlyAuthenticated(sessionId: string | null): Promise<boolean>;
  /** How the account's recovery codes stand: how many are left, whether that is low. */
  recoveryCodes(userId: string): Promise<RecoveryCodeStatus>;
  /** A new set of recovery codes, the old one void from now: the codes, sealed for the flow's state. */
  newRecoveryCodes(userId: string, meta: RequestMeta): Promise<string>;
  openRecoveryCodes(sealed: string): string[] | null;
} & StepUpServices;


/**
 * Changes that need a fresh authentication at the account's highest level (security.md item 8).
 * Unblocking is one: it turns a device back into a way in. So are new recovery codes: ten new ways in.
 */
const SENSITIVE = new Set<DeviceManagementEvent["type"]>(["ENABLE_MFA", "ADD", "BLOCK", "UNBLOCK", "CONFIRM_REMOVE", "DISABLE_MFA", "NEW_RECOVERY_CODES"]);

type State = DeviceManagementState;
type Ctx = FlowContext<DeviceManagementInput>;


/** The notice and alert a section passes on, without keys for the ones it does not have. */
function messagesOf(state: { notice?: Message; alert?: Message }): { notice?: Message; alert?: Message } {
  return { ...(state.notice ? { notice: state.notice } : {}), ...(state.alert ? { alert: state.alert } : {}) };
}

function ownerOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError("UNAUTHENTICATED", text("devices.errors.signIn"));
  return ctx.userId;
}

function matchesUser(expected: string, user: { email: string; username: string | null }) {
  const wanted = expected.toLowerCase();
  return wanted === user.email.toLowerCase() || wanted === user.username?.toLowerCase();
}

export function createDeviceManagementFlow(
  services: DeviceManagementServices,
): FlowMachine<State, DeviceManagementEvent | SubflowEndedEvent, DeviceManagementInput> & { eventSchema: typeof deviceManagementEvent } {
  return {
    kind: "device-management",
    ttlMinutes: 30,
    inputSchema: deviceManagementInput,
    eventSchema: deviceManagementEvent,
    initial: () => ({ section: "CHECK_PREREQUISITE" }),

    async advance(state, ctx) {
      switch (state.section) {
        // Check Pre-requisite for Device Management: a session, the user's record, then MFA status.
        case "CHECK_PREREQUISITE": {
          if (!ctx.userId) {
            return { section: "RETURN_ERROR", errorCode: "SESSION_REQUIRED", errorMessage: text("devices.errors.signIn") };
          }
          const user = await services.getUser(ctx.userId);
          if (!user) return { section: "RETURN_ERROR", errorCode: "USER_NOT_FOUND", errorMessage: text("devices.errors.userNotFound") };
          if (ctx.input.username && !matchesUser(ctx.input.username, user)) {
            return {
              section: "RETURN_ERROR",
              errorCode: "USER_MISMATCH",
              errorMessage: text("devices.errors.userMismatch"),
            };
          }
          return { section: user.mfaEnabled ? "DISPLAY_USER_DEVICES" : "ENABLE_MFA", ...messagesOf(state) };
        }
        // Step-up: the Device Authentication subflow, as a second factor for this change.
        case "STEP_UP":
          if (state.subflowId) return null;
          return { ...state, subflowId: await ctx.startSubflow("device-authentication", await stepUpSubflowInput(services)) };
        // Add Device: invoke the registration subflow once; its end comes back as SUBFLOW_ENDED.
        case "ADD_DEVICE":
          if (state.subflowId) return null;
          return {
            section: "ADD_DEVICE",
            subflowId: await ctx.startSubflow("device-registration", {
              allowCancel: true,
              // The API's client does its own WebAuthn ceremonies: every kind is on offer there.
              ...(ctx.door === "api" ? { browser: { webauthn: true, platformAuthenticator: true } } : state.browser ? { browser: state.browser } : {}),
            }),
          };
        default:
          return null;
      }
    },

    async handle(state, event, ctx) {
      const userId = ownerOf(ctx);
      const machine = this;
      // Over the API the application vouches for its user (it authenticated them itself, and reaches
      // only users it provisioned): there is no session of ours to step up.
      const stale = ctx.door !== "api" && !(await services.isRecentlyAuthenticated(ctx.sessionId));
      if (event.type !== "SUBFLOW_ENDED" && SENSITIVE.has(event.type) && stale) {
        if (event.type === "CONFIRM_REMOVE" && !(state.section === "UPDATE_DEVICE" && state.confirmRemoval)) throw notAvailable();
        return { section: "STEP_UP", subflowId: null, resume: { state, event } };
      }
      switch (state.section) {
        case "STEP_UP": {
          if (event.type !== "SUBFLOW_ENDED" || !state.subflowId) throw notAvailable();
          const ended = await stepUpEnded(services, ctx, state.subflowId, event.result);
          if (ended.outcome === "proved") return machine.handle(state.resume.state, state.resume.event, ctx);
          if (ended.outcome === "password") return { section: "CONFIRM_PASSWORD", resume: state.resume };
          return { section: "CHECK_PREREQUISITE", alert: ended.alert };
        }
        case "CONFIRM_PASSWORD":
          if (event.type === "CANCEL" || event.type === "BACK") return { section: "CHECK_PREREQUISITE", alert: text("devices.notices.nothingChanged") };
          if (event.type !== "CONFIRM_PASSWORD") throw notAvailable();
          if ((await stepUpByPassword(services, ctx, userId, event.password)) === "second-factor") return { section: "STEP_UP", subflowId: null, resume: state.resume };
          return machine.handle(state.resume.state, state.resume.event, ctx);
        case "ENABLE_MFA":
          // Two-step verification is on only once a device works: turning it on goes straight to
          // adding the first device, whose activation turns it on (lib/devices/activate-device.ts).
          if (event.type === "ENABLE_MFA") {
            const refusal = await services.whyNoNewDevice(userId);
            if (refusal) throw new AppError("CONFLICT", refusal);
            return { section: "ADD_DEVICE", subflowId: null, ...browserOf(event) };
          }
          if (event.type === "SKIP") return { section: "RETURN_SUCCESS" };
          if (event.type === "CANCEL") return { section: "RETURN_SUCCESS", cancelled: true };
          throw notAvailable();

        case "DISPLAY_USER_DEVICES":
          switch (event.type) {
            case "ADD":
              const refusal = await services.whyNoNewDevice(userId);
              if (refusal) throw new AppError("CONFLICT", refusal);
              return { section: "ADD_DEVICE", subflowId: null, ...browserOf(event) };
            case "SELECT_DEVICE":
              await services.getOwnDevice(userId, event.deviceId);
              return { section: "UPDATE_DEVICE", deviceId: event.deviceId, confirmRemoval: false };
            case "DISABLE_MFA":
              await services.setMfaEnabled(userId, false, ctx.meta);
              return { section: "CHECK_PREREQUISITE", notice: text("devices.notices.mfaOff") };
            case "NEW_RECOVERY_CODES":
              if (ctx.door === "api") throw notAvailable();
              return { section: "SHOW_RECOVERY_CODES", sealed: await services.newRecoveryCodes(userId, ctx.meta) };
            case "DONE":
              return { section: "RETURN_SUCCESS" };
            case "CANCEL":
              return { section: "RETURN_SUCCESS", cancelled: true };
            default:
              throw notAvailable();
          }

        // Update Device: Save (rename), Default, Remove (confirmed first), then back to the list.
        case "UPDATE_DEVICE": {
          const device = await services.getOwnDevice(userId, state.deviceId);
          switch (event.type) {
            case "RENAME":
              await services.renameDevice(userId, device.id, event.nickname, ctx.meta);
              return { section: "DISPLAY_USER_DEVICES", notice: text("devices.notices.renamed", { name: event.nickname }) };
            case "MAKE_DEFAULT":
              await services.setDefaultDevice(userId, device.id, ctx.meta);
              return { section: "DISPLAY_USER_DEVICES", notice: text("devices.notices.madeDefault", { name: device.nickname }) };
            case "BLOCK":
              await services.blockDevice(userId, device.id, ctx.meta);
              return { section: "DISPLAY_USER_DEVICES", notice: text("devices.notices.blocked", { name: device.nickname }) };
            case "UNBLOCK":
              await services.unblockDevice(userId, device.id, ctx.meta);
              return { section: "DISPLAY_USER_DEVICES", notice: text("devices.notices.unblocked", { name: device.nickname }) };
            case "REMOVE":
              return { ...state, confirmRemoval: true };
            case "CONFIRM_REMOVE": {
              if (!state.confirmRemoval) throw notAvailable();
              const { mfaTurnedOff } = await services.removeDevice(userId, device.id, ctx.meta);
              const notice = mfaTurnedOff
                ? text("devices.notices.removedLast", { name: device.nickname })
                : text("devices.notices.removed", { name: device.nickname });
              return { section: "CHECK_PREREQUISITE", notice };
            }
            case "BACK":
            case "CANCEL":
              return state.confirmRemoval ? { ...state, confirmRemoval: false } : { section: "DISPLAY_USER_DEVICES" };
            default:
              throw notAvailable();
          }
        }

        // The codes are made; whatever the person does next, the list says the old ones are void.
        case "SHOW_RECOVERY_CODES":
          if (event.type !== "CONTINUE" && event.type !== "BACK" && event.type !== "CANCEL") throw notAvailable();
          return { section: "DISPLAY_USER_DEVICES", notice: text("recoveryCodes.notices.ready") };

        case "ADD_DEVICE":
          if (event.type !== "SUBFLOW_ENDED") throw notAvailable();
          // The registration outlived the authentication window: prove it's you again, then add.
          if (event.result.status === "error" && event.result.output.ciam_errorDetails === "REAUTH_REQUIRED") {
            return { section: "STEP_UP", subflowId: null, resume: { state: { section: "DISPLAY_USER_DEVICES" }, event: { type: "ADD" } } };
          }
          // Back through the pre-requisite check: an account whose first device was not added is still off.
          if (event.result.status === "error") {
            return { section: "CHECK_PREREQUISITE", alert: messageIn(event.result.output.ciam_errorMessage) ?? text("devices.notices.noDeviceAdded") };
          }
          return event.result.output.ciam_subflowResult === "ENROLLED"
            ? { section: "CHECK_PREREQUISITE", notice: text("devices.notices.deviceReady") }
            : { section: "CHECK_PREREQUISITE" };

        default:
          throw notAvailable();
      }
    },

    async view(state, ctx): Promise<SectionView> {
      switch (state.section) {
        case "ENABLE_MFA":
          return { section: state.section, actions: ["ENABLE_MFA", "SKIP"], data: { notice: state.notice ?? null, alert: state.alert ?? null } };
        case "DISPLAY_USER_DEVICES": {
          const userId = ownerOf(ctx);
          // One read of the devices serves both the list and whether another may be added.
          const devices = await services.listDevices(userId);
          const cannotAdd = await services.whyNoNewDevice(userId, devices.map((d) => d.type));
          const canAdd = cannotAdd === null;
          // Recovery codes are the pages' (portal and widget): the flow API's contract has no such action.
          const recoveryCodes = ctx.door === "api" ? null : await services.recoveryCodes(userId);
          return {
            section: state.section,
            actions: [...(canAdd ? ["ADD"] : []), "SELECT_DEVICE", ...(recoveryCodes ? ["NEW_RECOVERY_CODES"] : []), "DISABLE_MFA", "DONE", "CANCEL"],
            data: { notice: state.notice ?? null, alert: state.alert ?? null, devices, canAdd, cannotAdd, recoveryCodes },
          };
        }
        case "UPDATE_DEVICE": {
          const userId = ownerOf(ctx);
          const device = await services.getOwnDevice(userId, state.deviceId);
          const lastActive = device.status === "ACTIVE" && (await services.isLastActiveDevice(userId, device.id));
          const actions = state.confirmRemoval
            ? ["CONFIRM_REMOVE", "BACK"]
            : [
                "RENAME",
                ...(device.status === "ACTIVE" && !device.isDefault ? ["MAKE_DEFAULT"] : []),
                device.status === "BLOCKED" ? "UNBLOCK" : "BLOCK",
                "REMOVE",
                "BACK",
              ];
          return { section: state.section, actions, data: { device, confirmRemoval: state.confirmRemoval, lastActive } };
        }
        case "ADD_DEVICE":
        case "STEP_UP":
          return { section: state.section, actions: [], data: { subflowId: state.subflowId } };
        case "CONFIRM_PASSWORD":
          return { section: state.section, actions: ["CONFIRM_PASSWORD", "CANCEL"], data: {} };
        case "SHOW_RECOVERY_CODES":
          return { section: state.section, actions: ["CONTINUE"], data: { codes: services.openRecoveryCodes(state.sealed) ?? [] } };
        case "RETURN_SUCCESS":
        case "RETURN_ERROR":
        case "CHECK_PREREQUISITE":
          return { section: state.section, actions: [], data: {} };
      }
    },

    result(state) {
      if (state.section === "RETURN_SUCCESS") return { status: "success", output: { result: state.cancelled ? "cancelled" : "success" } };
      if (state.section === "RETURN_ERROR") {
        return { status: "error", output: { ciam_errorCode: state.errorCode, ciam_errorMessage: state.errorMessage } };
      }
      return null;
    },
  };
}
