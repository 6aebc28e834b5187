import type { Metadata } from "next";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { notFound } from "next/navigation";
import { Brand } from "@/components/brand";
import { Notice } from "@/components/ui/notice";
import { WidgetLauncher } from "@/components/widget/widget-launcher";
import { currentBranding } from "@/lib/branding/current-branding";
import { WIDGET_FLOWS, widgetParams, type WidgetFlow } from "@/lib/widget/widget-params";
import { mayEmbedWidget } from "@/lib/widget/widget-origins";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("widget"))("title") };
}

/**
 * The widget's door: the page inside the host page's iframe. It renders no flow itself: the launcher
 * shakes hands with the host (widget.js) by postMessage and starts the flow with the widget token or
 * username the host hands over, so nothing about the user or a credential is in this page's URL.
 */
export default async function WidgetPage({
  params,
  searchParams,
}: {
  params: Promise<{ flow: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { flow: kind } = await params;
  if (!WIDGET_FLOWS.includes(kind as WidgetFlow)) notFound();
  const query = widgetParams.safeParse(await searchParams);
  const allowed = query.success && (await mayEmbedWidget(query.data.parentOrigin));
  if (!query.success || !allowed) {
    return (
      <main className="widget-body">
        <Notice tone="error">{(await serverTranslator("widget"))("notEmbeddable")}</Notice>
      </main>
    );
  }
  const branding = await currentBranding();
  return (
    <main className="widget-body widget-frame stack">
      <Brand branding={branding} />
      <WidgetLauncher flow={kind} parentOrigin={query.data.parentOrigin} companyName={branding.companyName} />
    </main>
  );
}
