import { flowLiveResponse } from "@/lib/flows/flow-live";

/** Server-sent events: `changed` whenever the owner's flow changes (lib/flows/flow-live.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return flowLiveResponse(request, (await params).id);
}
