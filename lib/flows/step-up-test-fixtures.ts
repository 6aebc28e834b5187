import type { StepUpServices } from "@/lib/flows/step-up";

/**
 * The session side of a machine test that guards changes with a step-up: the session starts fresh or
 * stale (`recent`), and a proved step-up (any subflow) or the password "right" makes it fresh and
 * answers a new session, as lib/auth does. Each step-up is recorded in `calls` as `step-up:<subflowId>`.
 */
export function fakeStepUp(options: { calls: string[]; recent?: boolean; requiresSecondFactor: () => boolean }) {
  let fresh = options.recent ?? true;
  const services: StepUpServices & { isRecentlyAuthenticated(sessionId: string | null): Promise<boolean> } = {
    isRecentlyAuthenticated: async () => fresh,
    applyStepUp: async (_s, subflowId) => {
      options.calls.push(`step-up:${subflowId}`);
      fresh = true;
      return { id: "s2", userId: "u1" };
    },
    confirmPassword: async (_u, _s, password) => {
      if (password !== "right") return null;
      fresh = true;
      return { id: "s3", userId: "u1" };
    },
    requiresSecondFactor: async () => options.requiresSecondFactor(),
    stepUpRules: async () => ({ maxResend: 3, allowOtpFallback: true }),
  };
  return services;
}
