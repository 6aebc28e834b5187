import { z } from "zod";
import { text, type Message } from "@/lib/i18n/text";
import { AppError } from "@/lib/errors/app-error";
import { notAvailable } from "@/lib/flows/section-helpers";
import { stepUpByPassword, stepUpEnded, stepUpSubflowInput, type StepUpServices } from "@/lib/flows/step-up";
import type { FlowContext, FlowMachine, SectionView, SubflowEndedEvent } from "@/lib/flows/engine";

/**
 * "Confirm it's you" on its own (issue 13): the step-up the device and browser flows run before a
 * sensitive change, for pages whose changes are plain server actions (the admin console). Those
 * actions refuse a stale session (lib/admin/admin-access.ts, REAUTH_REQUIRED); the page sends the
 * person here, this flow renews the session exactly as the other flows' STEP_UP does (the Device
 * Authentication subflow with purpose "step-up", or the password for an account without a second
 * factor), and the door sends them back to the page they came from. Nothing is changed here: the
 * person repeats the change on their page, now with a fresh session.
 */
export type ReAuthenticationState =
  | { section: "STEP_UP"; subflowId: string | null }
  | { section: "CONFIRM_PASSWORD" }
  /** Nothing was proved: say why, and offer to try again. */
  | { section: "NOT_CONFIRMED"; alert: Message }
  | { section: "CONFIRMED" };

export const reAuthenticationInput = z.object({});
export type ReAuthenticationInput = z.infer<typeof reAuthenticationInput>;

export const reAuthenticationEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("CONFIRM_PASSWORD"), password: z.string().min(1, { error: "Enter your password." }).max(128) }),
  z.object({ type: z.literal("RETRY") }),
  z.object({ type: z.literal("CANCEL") }),
]);
export type ReAuthenticationEvent = z.infer<typeof reAuthenticationEvent>;

export type ReAuthenticationServices = StepUpServices;

type State = ReAuthenticationState;
type Ctx = FlowContext<ReAuthenticationInput>;

function ownerOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError("UNAUTHENTICATED", text("authentication.flow.signInFirst"));
  return ctx.userId;
}

export function createReAuthenticationFlow(
  services: ReAuthenticationServices,
): FlowMachine<State, ReAuthenticationEvent | SubflowEndedEvent, ReAuthenticationInput> & { eventSchema: typeof reAuthenticationEvent } {
  return {
    kind: "re-authentication",
    ttlMinutes: 15,
    inputSchema: reAuthenticationInput,
    eventSchema: reAuthenticationEvent,
    initial: () => ({ section: "STEP_UP", subflowId: null }),

    async advance(state, ctx) {
      if (state.section === "STEP_UP" && !state.subflowId) {
        return { section: "STEP_UP", subflowId: await ctx.startSubflow("device-authentication", await stepUpSubflowInput(services)) };
      }
      return null;
    },

    async handle(state, event, ctx) {
      const userId = ownerOf(ctx);
      switch (state.section) {
        case "STEP_UP": {
          if (event.type !== "SUBFLOW_ENDED" || !state.subflowId) throw notAvailable();
          const ended = await stepUpEnded(services, ctx, state.subflowId, event.result);
          if (ended.outcome === "proved") return { section: "CONFIRMED" };
          if (ended.outcome === "password") return { section: "CONFIRM_PASSWORD" };
          return { section: "NOT_CONFIRMED", alert: ended.alert };
        }
        case "CONFIRM_PASSWORD": {
          if (event.type === "CANCEL") return { section: "NOT_CONFIRMED", alert: text("authentication.flow.notConfirmed") };
          if (event.type !== "CONFIRM_PASSWORD") throw notAvailable();
          // A device activated meanwhile raises the bar: the second factor again, not the password.
          if ((await stepUpByPassword(services, ctx, userId, event.password)) === "second-factor") return { section: "STEP_UP", subflowId: null };
          return { section: "CONFIRMED" };
        }
        case "NOT_CONFIRMED": {
          if (event.type !== "RETRY") throw notAvailable();
          return { section: "STEP_UP", subflowId: null };
        }
        case "CONFIRMED":
          throw notAvailable();
      }
    },

    async view(state): Promise<SectionView> {
      switch (state.section) {
        case "STEP_UP":
          return { section: state.section, actions: [], data: { subflowId: state.subflowId } };
        case "CONFIRM_PASSWORD":
          return { section: state.section, actions: ["CONFIRM_PASSWORD", "CANCEL"], data: {} };
        case "NOT_CONFIRMED":
          return { section: state.section, actions: ["RETRY"], data: { alert: state.alert } };
        case "CONFIRMED":
          return { section: state.section, actions: [], data: {} };
      }
    },

    result: (state) => (state.section === "CONFIRMED" ? { status: "success", output: { ciam_subflowResult: "CONFIRMED" } } : null),
  };
}
