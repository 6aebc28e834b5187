import type { Metadata } from "next";
import { FlowView } from "@/components/flows/flow-view";
import { requireUserPage } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Your devices" };

/** The portal's door to the Device Management flow. */
export default async function DevicesPage() {
  const session = await requireUserPage("/devices");
  const door = await openFlowForDoor({
    kind: "device-management",
    userId: session.user.id,
    door: "portal",
    input: {},
    caller: await callerFor(session),
  });
  return <FlowView door={door} companyName={config().branding.companyName} />;
}
