import "server-only";
import type { RequestMeta } from "@/lib/audit/record-audit-event";
import { confirmFlowByPairing, confirmFlowByPush } from "@/lib/flows/flow-executions";
import { flowOfPairedDevice, flowOfPushChallenge } from "@/lib/mobile/waiting-flow";

/**
 * After a phone paired or decided, the flow that waits hears of it. The phone's own answer is already
 * committed and is what the phone gets: if telling the flow fails (the flow ended, the database
 * stumbled), the pairing or the decision still stands and the flow still sees it when it next reads
 * the device or the challenge. So a failure here is logged, never thrown at the phone.
 */
export async function tellFlowOfPairing(options: { deviceId: string; meta: RequestMeta }): Promise<void> {
  try {
    const flow = await flowOfPairedDevice(options.deviceId);
    if (flow) await confirmFlowByPairing({ ...flow, deviceId: options.deviceId, meta: options.meta });
  } catch (error) {
    console.error("authenticator: the flow could not be told of a pairing", { deviceId: options.deviceId }, error);
  }
}

export async function tellFlowOfPushDecision(options: { challengeId: string; status: "APPROVED" | "DENIED"; meta: RequestMeta }): Promise<void> {
  try {
    const flow = await flowOfPushChallenge(options.challengeId);
    if (flow) await confirmFlowByPush({ ...flow, challengeId: options.challengeId, status: options.status, meta: options.meta });
  } catch (error) {
    console.error("authenticator: the flow could not be told of a push decision", { challengeId: options.challengeId }, error);
  }
}
