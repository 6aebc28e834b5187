import type { Metadata } from "next";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { FlowHost } from "@/components/flows/flow-host";
import { requireUserPage } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";
import { clientDoorView } from "@/lib/flows/flow-door";
import { requestLocale } from "@/lib/i18n/request-locale";
import { currentBranding } from "@/lib/branding/current-branding";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("browsers"))("title") };
}

/**
 * The portal's door to the Browser Management flow (lib/flows/browser-management): the list, its
 * changes, and the step-up some of them need, all through the flow door as on the devices page.
 */
export default async function BrowsersPage() {
  const session = await requireUserPage("/browsers");
  const door = await openFlowForDoor({
    kind: "browser-management",
    userId: session.user.id,
    door: "portal",
    input: {},
    caller: await callerFor(session),
  });
  return <FlowHost mode="portal" initial={clientDoorView(door, await requestLocale())} companyName={(await currentBranding()).companyName} />;
}
