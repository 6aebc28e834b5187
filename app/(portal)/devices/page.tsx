import type { Metadata } from "next";
import { FlowHost } from "@/components/flows/flow-host";
import { requireUserPage } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";
import { clientDoorView } from "@/lib/flows/flow-door";
import { currentBranding } from "@/lib/branding/current-branding";

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
  return <FlowHost mode="portal" initial={clientDoorView(door)} companyName={(await currentBranding()).companyName} />;
}
