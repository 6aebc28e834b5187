import type { Metadata } from "next";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { SessionList } from "@/components/sessions/session-list";
import { requireUserPage } from "@/lib/auth/require-user";
import { listSessions } from "@/lib/auth/list-sessions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("sessions"))("title") };
}

/** "Your sessions": where the account is signed in, and a way to end any of it but this browser. */
export default async function SessionsPage() {
  const session = await requireUserPage("/sessions");
  const sessions = await listSessions({ userId: session.user.id, currentSessionId: session.id });
  return (
    <SessionList
      sessions={sessions.map((s) => ({ ...s, signedInAt: s.signedInAt.toISOString(), lastActiveAt: s.lastActiveAt.toISOString() }))}
    />
  );
}
