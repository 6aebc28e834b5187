import type { RequestMeta } from "@/lib/audit/record-audit-event";
import type { FlowContext, FlowResult } from "@/lib/flows/engine";
import { fieldError, notAvailable } from "@/lib/flows/section-helpers";
import { messageIn, text, type Message } from "@/lib/i18n/text";

/**
 * The fresh authentication a sensitive change needs (security.md item 8), one rule for every flow that
 * guards changes (device management, browser management): the Device Authentication subflow as a
 * second factor, or the password for an account whose highest level it is. A success replaces the
 * session with a new one (item 21), which the flow adopts before replaying the change it held.
 */
export type RenewedSession = { id: string; userId: string };

export type StepUpServices = {
  /**
   * The policy's rules for a step-up's subflow, read when it starts: how many new codes it may send,
   * and whether a phone that timed out offers its passcode.
   */
  stepUpRules(): Promise<{ maxResend: number; allowOtpFallback: boolean }>;
  /** Redeems a finished authentication subflow as a step-up: the new session, or null when nothing was proved. */
  applyStepUp(sessionId: string | null, subflowId: string, meta: RequestMeta): Promise<RenewedSession | null>;
  /** The password as a step-up, for accounts whose highest level it is; the new session, or null. */
  confirmPassword(userId: string, sessionId: string | null, password: string, meta: RequestMeta): Promise<RenewedSession | null>;
  /** Whether the account's highest level is a second factor (MFA on, an active device). */
  requiresSecondFactor(userId: string): Promise<boolean>;
};

/** The input the step-up subflow is started with. */
export async function stepUpSubflowInput(services: Pick<StepUpServices, "stepUpRules">) {
  const { maxResend, allowOtpFallback } = await services.stepUpRules();
  return { maxResend, purpose: "step-up" as const, magicLinkEnabled: false, allowCancel: true, allowOtpFallback };
}

export type StepUpOutcome = { outcome: "proved" } | { outcome: "password" } | { outcome: "refused"; alert: Message };

/**
 * What the step-up subflow's end means. `proved`: the session is renewed and adopted, replay the
 * change. `password`: the account has no second factor (MFA off, no active device), ask its password.
 * `refused`: nothing was proved, nothing changes; an account with a second factor it cannot use here
 * gets the subflow's own reason, never the password instead.
 */
export async function stepUpEnded(services: StepUpServices, ctx: FlowContext<unknown>, subflowId: string, result: FlowResult): Promise<StepUpOutcome> {
  const outcome = result.output.ciam_subflowResult;
  if (result.status === "success" && outcome === "AUTHENTICATED") {
    const renewed = await services.applyStepUp(ctx.sessionId, subflowId, ctx.meta);
    // Not this session's to redeem, or the session is gone: this door stays shut.
    if (!renewed) throw notAvailable();
    await ctx.adoptSession(renewed);
    return { outcome: "proved" };
  }
  if (result.status === "success" && outcome === "NO_SECOND_FACTOR") return { outcome: "password" };
  const unusable = result.output.ciam_errorDetails === "NO_USABLE_DEVICE";
  return { outcome: "refused", alert: (unusable && messageIn(result.output.ciam_errorMessage)) || text("authentication.flow.notConfirmed") };
}

/**
 * The password as the step-up. `second-factor`: a device was activated since the step-up began, which
 * raises the bar, so the password no longer does. A wrong password is a field error on `password`.
 */
export async function stepUpByPassword(services: StepUpServices, ctx: FlowContext<unknown>, userId: string, password: string): Promise<"proved" | "second-factor"> {
  if (await services.requiresSecondFactor(userId)) return "second-factor";
  const renewed = await services.confirmPassword(userId, ctx.sessionId, password, ctx.meta);
  if (!renewed) throw fieldError("password", text("authentication.flow.wrongPassword"));
  await ctx.adoptSession(renewed);
  return "proved";
}
