import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Brand } from "@/components/brand";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { listOutbox } from "@/lib/notify/outbox";

export const metadata: Metadata = { title: "Outbox" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Every email, text and call the app would have sent, for development. Not found in production. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!config().outboxEnabled) notFound();
  const { to } = await searchParams;
  const messages = await listOutbox({ to: to?.slice(0, 320) });
  return (
    <>
      <header className="site-header">
        <Brand branding={await currentBranding()} href="/" />
        <span className="badge">Development outbox</span>
      </header>
      <main className="page stack">
        <div>
          <h1>Outbox</h1>
          <p className="muted">Messages the app sent, newest first. This page does not exist in production.</p>
        </div>
        <form className="row" role="search">
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="outbox-to">Recipient</label>
            <input id="outbox-to" name="to" defaultValue={to ?? ""} placeholder="email or phone number" />
          </div>
          <button className="btn btn-secondary" type="submit" style={{ alignSelf: "end" }}>
            Filter
          </button>
        </form>
        {messages.length === 0 && <p className="muted">No messages.</p>}
        {messages.map((m) => (
          <article className="card" key={m.id} aria-label={`${m.channel} to ${m.to}`}>
            <p className="small muted">
              {m.channel.toUpperCase()} to <strong>{m.to}</strong> · {when.format(m.createdAt)} UTC
            </p>
            {m.subject && <h2>{m.subject}</h2>}
            <pre className="message">{m.body}</pre>
          </article>
        ))}
      </main>
    </>
  );
}
