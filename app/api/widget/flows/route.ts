import { openWidgetFlowResponse } from "@/lib/widget/open-widget-flow";

/** Starts the widget's flow inside its iframe, with a widget token or the portal's session; see lib/widget/open-widget-flow.ts. */
export async function POST(request: Request) {
  return openWidgetFlowResponse(request);
}
