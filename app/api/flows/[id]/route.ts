import { flowViewResponse } from "@/lib/flows/flow-door";

/** The flow's current view for its owner, for sections that wait for something to happen elsewhere. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return flowViewResponse(request, (await params).id);
}
