import { problemTypeDescription } from "@/lib/api/problem";

/**
 * GET /api/v1/problems/{type}: what a problem's `type` URL names, for the person reading a problem
 * document. Public: it describes the API, nothing about anyone's data.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string }> }) {
  return problemTypeDescription((await params).type);
}
