import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Brand } from "@/components/brand";
import { FlowHost } from "@/components/flows/flow-host";
import { Notice } from "@/components/ui/notice";
import { currentSession } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { currentBranding } from "@/lib/branding/current-branding";
import { getFlow, startFlow } from "@/lib/flows/flow-executions";
import { AppError } from "@/lib/errors/app-error";
import { withSubflow } from "@/lib/flows/open-flow-for-door";
import { clientDoorView } from "@/lib/flows/flow-door";
import { WIDGET_FLOWS, widgetParams, type WidgetFlow } from "@/lib/widget/widget-params";
import { mayEmbedWidget } from "@/lib/widget/widget-origins";

export const metadata: Metadata = { title: "Devices" };

/**
 * The widget's door: the flow rendered inside the host page's iframe. The first load starts the flow
 * and puts its id in the URL, so a reload inside the iframe resumes it.
 */
export default async function WidgetPage({
  params,
  searchParams,
}: {
  params: Promise<{ flow: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { flow: kind } = await params;
  const query = widgetParams.safeParse(await searchParams);
  if (!WIDGET_FLOWS.includes(kind as WidgetFlow)) notFound();
  const allowed = query.success && (await mayEmbedWidget(query.data.parentOrigin));
  if (!query.success || !allowed) {
    return (
      <main className="widget-body">
        <Notice tone="error">This page cannot be embedded here. Ask the site owner to allow its origin.</Notice>
      </main>
    );
  }

  // A session still waiting for its second factor counts as none here.
  const live = await currentSession();
  const session = live && !live.secondFactorPending ? live : null;
  const userId = session?.user.id ?? null;
  const caller = await callerFor(session);
  if (!query.data.flowId) {
    const started = await startFlow({ kind: kind as WidgetFlow, userId, input: { username: query.data.username }, door: "widget", caller });
    const next = new URLSearchParams({ parentOrigin: query.data.parentOrigin, flowId: started.id });
    if (query.data.username) next.set("username", query.data.username);
    redirect(`/widget/${kind}?${next}`);
  }

  // An unknown flow id and another user's look the same: not found (security.md item 11).
  const flowId = query.data.flowId;
  const door = await getFlow({ id: flowId, userId, caller })
    .then((flow) => withSubflow(flow, userId, caller))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  const branding = await currentBranding();
  // The flow host renders the section, and the result (handed to the host page) once there is one.
  return (
    <main className="widget-body stack">
      <Brand branding={branding} />
      <FlowHost mode="widget" initial={clientDoorView(door)} parentOrigin={query.data.parentOrigin} companyName={branding.companyName} />
    </main>
  );
}
