import { signInResponse } from "@/lib/flows/flow-door";

/** Finishes a sign-in whose second factor was confirmed without an event of this page's; see lib/flows/flow-door.ts. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return signInResponse(request, (await params).id);
}
