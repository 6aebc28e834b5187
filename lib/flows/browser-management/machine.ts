import { z } from "zod";
import { text, type Message } from "@/lib/i18n/text";
import { AppError } from "@/lib/errors/app-error";
import { notAvailable } from "@/lib/flows/section-helpers";
import { stepUpByPassword, stepUpEnded, stepUpSubflowInput, type StepUpServices } from "@/lib/flows/step-up";
import type { FlowContext, FlowMachine, SectionView, SubflowEndedEvent } from "@/lib/flows/engine";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { DeviceKeySummary } from "@/lib/device-keys/manage-device-keys";
import { browserNameSchema, keyIdSchema } from "@/lib/validations/device-keys";

/**
 * "Your browsers" (issue 12, the person's view): the device keys of the signed-in user, renamed,
 * forgotten, blocked and unblocked from one list. A flow rather than plain server actions for one
 * reason: forgetting, blocking and unblocking need the same fresh authentication as removing an MFA
 * device (security.md item 8), and the device-management flow already does that step-up as a flow
 * (STEP_UP runs the Device Authentication subflow with purpose "step-up", applyStepUp rotates the
 * session, CONFIRM_PASSWORD for an account without a second factor). Being a flow too, this page reuses
 * all of it unchanged: the subflow, its sections on screen, the flow door that hands the browser the
 * new session's cookie, and the pending change kept on the server and replayed once the person has
 * proved who they are, so the change never rides on anything the browser re-sends after the step-up.
 *
 * Which browser is "this browser" only the browser knows (its key is in IndexedDB); the page marks it,
 * keeps it in "forget all other browsers" (keepKeyId) and, when its own key is forgotten, deletes the
 * private key too (the view's `forgotten`).
 */
export type BrowserManagementState =
  | {
      section: "DISPLAY_BROWSERS";
      notice?: Message;
      alert?: Message;
      /** Key ids the last change forgot: the browser holding one of them deletes its private key. */
      forgotten?: string[];
      /** Counts answers, so the same notice twice is still a new one to announce. */
      seq?: number;
    }
  /** A sensitive change in a stale session: prove it's you first, then the change goes ahead. */
  | { section: "STEP_UP"; subflowId: string | null; resume: BrowserChange; seq?: number }
  | { section: "CONFIRM_PASSWORD"; resume: BrowserChange; seq?: number };

export const browserManagementInput = z.object({});
export type BrowserManagementInput = z.infer<typeof browserManagementInput>;

export const browserManagementEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("RENAME"), keyId: keyIdSchema, displayName: browserNameSchema }),
  z.object({ type: z.literal("FORGET"), keyId: keyIdSchema }),
  z.object({ type: z.literal("BLOCK"), keyId: keyIdSchema }),
  z.object({ type: z.literal("UNBLOCK"), keyId: keyIdSchema }),
  /** keepKeyId: this browser's key, as the browser says; empty when it has none. Only the user's own keys are touched either way. */
  z.object({ type: z.literal("FORGET_OTHERS"), keepKeyId: z.union([keyIdSchema, z.literal("")]).optional() }),
  z.object({ type: z.literal("CONFIRM_PASSWORD"), password: z.string().min(1, { error: "Enter your password." }).max(128) }),
  z.object({ type: z.literal("CANCEL") }),
  z.object({ type: z.literal("BACK") }),
]);
export type BrowserManagementEvent = z.infer<typeof browserManagementEvent>;

/** The change that waits for a step-up, replayed once the user has proved who they are. */
export type BrowserChange = Extract<BrowserManagementEvent, { type: "FORGET" | "BLOCK" | "UNBLOCK" | "FORGET_OTHERS" }>;

/** What the flow asks of the domain (lib/device-keys); the real one is in ./services.ts, tests pass their own. */
export type BrowserManagementServices = {
  listBrowsers(userId: string): Promise<DeviceKeySummary[]>;
  /** Throws AppError NOT_FOUND for a keyId that is not this user's. */
  getOwnBrowser(userId: string, keyId: string): Promise<DeviceKeySummary>;
  renameBrowser(userId: string, keyId: string, displayName: string, meta: RequestMeta): Promise<void>;
  blockBrowser(userId: string, keyId: string, meta: RequestMeta): Promise<void>;
  unblockBrowser(userId: string, keyId: string, meta: RequestMeta): Promise<void>;
  forgetBrowser(userId: string, keyId: string, meta: RequestMeta): Promise<void>;
  /** How many were forgotten. */
  forgetOtherBrowsers(userId: string, keepKeyId: string | null, meta: RequestMeta): Promise<number>;
  /** The device-management flow's, the same function (security.md item 8). */
  isRecentlyAuthenticated(sessionId: string | null): Promise<boolean>;
  /** How long "Remember this browser" lasts (DEVICE_KEY_REMEMBER_DAYS), for the empty list's explanation. */
  /** The policy's remembered-browser window, in days. */
  rememberDays(): Promise<number>;
} & StepUpServices;

/**
 * Changes that need a fresh authentication (security.md item 8). Unblocking is one: it turns a browser
 * back into one that may skip the second factor. Renaming changes no way in, as for MFA devices.
 */
const SENSITIVE = new Set<BrowserManagementEvent["type"]>(["FORGET", "BLOCK", "UNBLOCK", "FORGET_OTHERS"]);
const isSensitive = (event: BrowserManagementEvent): event is BrowserChange => SENSITIVE.has(event.type);

type State = BrowserManagementState;
type Ctx = FlowContext<BrowserManagementInput>;

function ownerOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError("UNAUTHENTICATED", text("browsers.errors.signIn"));
  return ctx.userId;
}

export function createBrowserManagementFlow(
  services: BrowserManagementServices,
): FlowMachine<State, BrowserManagementEvent | SubflowEndedEvent, BrowserManagementInput> & { eventSchema: typeof browserManagementEvent } {
  const listed = (previous: State, fields: Omit<Extract<State, { section: "DISPLAY_BROWSERS" }>, "section" | "seq">): State => ({
    section: "DISPLAY_BROWSERS",
    ...fields,
    seq: (previous.seq ?? 0) + 1,
  });

  /** Carries out a change the session is fresh enough for; the list with what happened. */
  async function apply(state: State, event: BrowserManagementEvent, ctx: Ctx): Promise<State> {
    const userId = ownerOf(ctx);
    switch (event.type) {
      case "RENAME": {
        await services.getOwnBrowser(userId, event.keyId);
        await services.renameBrowser(userId, event.keyId, event.displayName, ctx.meta);
        return listed(state, { notice: text("browsers.notices.renamed", { name: event.displayName }) });
      }
      case "FORGET": {
        const key = await services.getOwnBrowser(userId, event.keyId);
        await services.forgetBrowser(userId, key.keyId, ctx.meta);
        return listed(state, {
          notice: text("browsers.notices.forgotten", { name: key.displayName }),
          forgotten: [key.keyId],
        });
      }
      case "BLOCK": {
        const key = await services.getOwnBrowser(userId, event.keyId);
        await services.blockBrowser(userId, key.keyId, ctx.meta);
        return listed(state, { notice: text("browsers.notices.blocked", { name: key.displayName }) });
      }
      case "UNBLOCK": {
        const key = await services.getOwnBrowser(userId, event.keyId);
        await services.unblockBrowser(userId, key.keyId, ctx.meta);
        return listed(state, { notice: text("browsers.notices.unblocked", { name: key.displayName }) });
      }
      case "FORGET_OTHERS": {
        const count = await services.forgetOtherBrowsers(userId, event.keepKeyId || null, ctx.meta);
        return listed(state, { notice: count === 0 ? text("browsers.notices.noOthers") : text("browsers.notices.forgotOthers", { count }) });
      }
      default:
        throw notAvailable();
    }
  }

  return {
    kind: "browser-management",
    ttlMinutes: 30,
    inputSchema: browserManagementInput,
    eventSchema: browserManagementEvent,
    initial: () => ({ section: "DISPLAY_BROWSERS" }),

    async advance(state, ctx) {
      // Step-up: the Device Authentication subflow as a second factor for this change, exactly as the
      // device-management flow starts it.
      if (state.section === "STEP_UP" && !state.subflowId) {
        return { ...state, subflowId: await ctx.startSubflow("device-authentication", await stepUpSubflowInput(services)) };
      }
      return null;
    },

    async handle(state, event, ctx) {
      const userId = ownerOf(ctx);
      switch (state.section) {
        case "DISPLAY_BROWSERS": {
          if (event.type === "SUBFLOW_ENDED" || event.type === "CONFIRM_PASSWORD" || event.type === "CANCEL" || event.type === "BACK") throw notAvailable();
          if (isSensitive(event) && !(await services.isRecentlyAuthenticated(ctx.sessionId))) {
            // Another user's (or no) browser is "not found" before any step-up is offered for it.
            if (event.type !== "FORGET_OTHERS") await services.getOwnBrowser(userId, event.keyId);
            return { section: "STEP_UP", subflowId: null, resume: event, seq: state.seq };
          }
          return apply(state, event, ctx);
        }
        case "STEP_UP": {
          if (event.type !== "SUBFLOW_ENDED" || !state.subflowId) throw notAvailable();
          const ended = await stepUpEnded(services, ctx, state.subflowId, event.result);
          if (ended.outcome === "proved") return apply(state, state.resume, ctx);
          if (ended.outcome === "password") return { section: "CONFIRM_PASSWORD", resume: state.resume, seq: state.seq };
          return listed(state, { alert: ended.alert });
        }
        case "CONFIRM_PASSWORD": {
          if (event.type === "CANCEL" || event.type === "BACK") return listed(state, { alert: text("browsers.notices.nothingChanged") });
          if (event.type !== "CONFIRM_PASSWORD") throw notAvailable();
          if ((await stepUpByPassword(services, ctx, userId, event.password)) === "second-factor") return { section: "STEP_UP", subflowId: null, resume: state.resume, seq: state.seq };
          return apply(state, state.resume, ctx);
        }
      }
    },

    async view(state, ctx): Promise<SectionView> {
      switch (state.section) {
        case "DISPLAY_BROWSERS": {
          const userId = ownerOf(ctx);
          return {
            section: state.section,
            actions: ["RENAME", "FORGET", "BLOCK", "UNBLOCK", "FORGET_OTHERS"],
            data: {
              // The page finds its own key in IndexedDB by the user's id (lib/device-keys/browser-key-store.ts).
              userId,
              browsers: await services.listBrowsers(userId),
              notice: state.notice ?? null,
              alert: state.alert ?? null,
              forgotten: state.forgotten ?? [],
              seq: state.seq ?? 0,
              rememberDays: await services.rememberDays(),
            },
          };
        }
        case "STEP_UP":
          return { section: state.section, actions: [], data: { subflowId: state.subflowId } };
        case "CONFIRM_PASSWORD":
          return { section: state.section, actions: ["CONFIRM_PASSWORD", "CANCEL"], data: {} };
      }
    },

    // The list stays open until the flow expires; leaving is just following a link.
    result: () => null,
  };
}
