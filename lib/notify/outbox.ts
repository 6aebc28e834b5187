import "server-only";
import { db } from "@/lib/db";
import { config } from "@/lib/config";

export type Channel = "email" | "sms" | "voice" | "push";

/** Keeps a copy of an outbound message when the outbox is on (development and test only). */
export async function keepInOutbox(message: { channel: Channel; to: string; subject?: string; body: string }) {
  if (!config().outboxEnabled) return;
  await db.outboxMessage.create({
    data: { channel: message.channel, to: message.to, subject: message.subject ?? null, body: message.body },
  });
}

/** Newest first. Only callers that checked `outboxEnabled` may expose this. */
export async function listOutbox(options: { to?: string; take?: number }) {
  return db.outboxMessage.findMany({
    where: options.to ? { to: options.to.toLowerCase() } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 100,
    select: { id: true, channel: true, to: true, subject: true, body: true, createdAt: true },
  });
}
