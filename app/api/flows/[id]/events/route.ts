import { flowEventResponse } from "@/lib/flows/flow-door";

/** A user's event to a flow, as JSON; see lib/flows/flow-door.ts. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return flowEventResponse(request, (await params).id);
}
