import type { Metadata } from "next";
import { DemoHost } from "@/components/widget/demo-host";
import { currentSession } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Widget demo" };

/**
 * A stand-in for a customer's site embedding the device widget. It passes the signed-in user's
 * email as `username`, as a host page that knows its user would; ?username= overrides it.
 */
export default async function WidgetDemoPage({ searchParams }: { searchParams: Promise<{ username?: string }> }) {
  const session = await currentSession();
  const { username } = await searchParams;
  return (
    <main className="page stack">
      <div>
        <h1>Widget demo host page</h1>
        <p className="muted">
          This page plays a customer&apos;s site: it loads <code>/widget.js</code>, opens the device-management flow in an iframe
          and prints the JSON result the widget hands back.
        </p>
      </div>
      <DemoHost username={username ?? session?.user.email ?? ""} />
    </main>
  );
}
