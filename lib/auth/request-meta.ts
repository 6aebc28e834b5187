import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/audit/record-audit-event";

/** Who is asking, for the audit log: the first forwarded address (behind a proxy) and the user agent. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: { get(name: string): string | null }): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
