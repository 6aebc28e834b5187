import { z } from "zod";
import { config } from "@/lib/config";
import { listOutbox } from "@/lib/notify/outbox";
import { isDatabaseUnavailable, serviceBusyResponse } from "@/lib/database/unavailable";

const query = z.object({ to: z.string().trim().max(320).optional() });

/** Outbound messages for tests and people, newest first. Not found in production. */
export async function GET(request: Request) {
  if (!config().outboxEnabled) return new Response("Not found", { status: 404 });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Invalid query" }, { status: 400 });
  try {
    const messages = await listOutbox({ to: parsed.data.to });
    return Response.json(messages, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return serviceBusyResponse();
    throw error;
  }
}
