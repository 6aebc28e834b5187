import "server-only";
import { db } from "@/lib/db";
import { widgetAllowedOrigins } from "@/lib/widget/widget-origins";

/**
 * The host pages a ceremony of this flow may run framed in: the allowed widget origins when the
 * flow was opened through the widget (public/widget.js grants the iframe publickey-credentials-*),
 * else none, so a cross-origin response is refused (security.md item 14). The door is read from the
 * flow's own row, never from the browser.
 */
export async function allowedTopOrigins(options: { flowExecutionId: string }): Promise<string[]> {
  const flow = await db.flowExecution.findUnique({ where: { id: options.flowExecutionId }, select: { door: true } });
  return flow?.door === "widget" ? widgetAllowedOrigins() : [];
}
