import { config } from "@/lib/config";
import { sqlStatementCount } from "@/lib/database/statement-log";

/**
 * How many SQL statements this server process has sent so far, for tests and people measuring what a
 * request costs: read it before and after. Like the outbox, not found in production.
 */
export async function GET() {
  if (!config().outboxEnabled) return new Response("Not found", { status: 404 });
  return Response.json({ count: sqlStatementCount() }, { headers: { "Cache-Control": "no-store" } });
}
