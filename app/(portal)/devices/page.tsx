import type { Metadata } from "next";
import { FlowHost } from "@/components/flows/flow-host";
import { requireUserPage } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";
import { clientDoorView } from "@/lib/flows/flow-door";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { isText, translate } from "@/lib/i18n/text";
import { currentBranding } from "@/lib/branding/current-branding";
import { recoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import { recoveredNoticeText } from "@/lib/recovery-codes/recovery-code-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("devices"))("list.heading") };
}

/**
 * The portal's door to the Device Management flow. A sign-in with a recovery code lands here
 * (lib/flows/flow-door.ts) and is told what to do next; only a session that did sign in with one gets
 * that notice, whatever the address says.
 */
export default async function DevicesPage({ searchParams }: { searchParams: Promise<{ recovered?: string | string[] }> }) {
  const session = await requireUserPage("/devices");
  const door = await openFlowForDoor({
    kind: "device-management",
    userId: session.user.id,
    door: "portal",
    input: {},
    caller: await callerFor(session),
  });
  const locale = await requestLocale();
  const notice =
    (await searchParams).recovered === "1" && session.authMethods.split(",").includes("recovery_code")
      ? recoveredNoticeText((await recoveryCodeStatus({ userId: session.user.id })).left)
      : null;
  // The notice's words are the sign-in's (recovery-code-messages.ts): worded here in the reader's language when they are a Text.
  const recovered = notice === null ? null : isText(notice) ? translate(locale, notice) : notice;
  return <FlowHost mode="portal" initial={clientDoorView(door, locale)} companyName={(await currentBranding()).companyName} recovered={recovered} />;
}
