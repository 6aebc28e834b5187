import type { Metadata } from "next";
import { FlowHost } from "@/components/flows/flow-host";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { callerFor } from "@/lib/auth/caller";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { clientDoorView } from "@/lib/flows/flow-door";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("confirm.title") };
}

/**
 * The admin console's "Confirm it's you" (lib/flows/re-authentication): a change refused as
 * REAUTH_REQUIRED links here with the page it came from; once the administrator has given their second
 * factor (or password), the flow door sends them back there to make the change.
 */
export default async function ConfirmIdentityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("users.read");
  const raw = (await searchParams).returnTo;
  // Only back into the console: anything else (another site, the portal) is the console's front page.
  const path = safeReturnPath(typeof raw === "string" ? raw : undefined, { origin: config().appOrigin, fallback: "/admin" });
  const returnTo = path === "/admin" || path.startsWith("/admin/") || path.startsWith("/admin?") ? path : "/admin";
  const door = await openFlowForDoor({
    kind: "re-authentication",
    userId: staff.user.id,
    door: "portal",
    input: {},
    caller: await callerFor(staff),
  });
  return (
    <div className="page-narrow">
      <FlowHost mode="portal" initial={clientDoorView(door, await requestLocale())} companyName={(await currentBranding()).companyName} returnTo={returnTo} />
    </div>
  );
}
