import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/require-user";
import { countActiveDevices } from "@/lib/devices/list-devices";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditLabel } from "@/lib/audit/audit-labels";
import { chosenLocale } from "@/lib/i18n/request-locale";
import { LanguageForm } from "@/components/account/language-form";

export const metadata: Metadata = { title: "Your account" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const { user } = await requireUserPage("/account");
  const [active, events, locale] = await Promise.all([countActiveDevices({ userId: user.id }), listAuditEvents({ userId: user.id }), chosenLocale()]);
  return (
    <div className="stack">
      <div>
        <h1>Hello, {user.name ?? user.email}</h1>
        <p className="muted">{user.email}</p>
      </div>
      <section className="card" aria-labelledby="security-heading">
        <div className="spread">
          <div>
            <h2 id="security-heading">Two-step verification</h2>
            <p className="muted">
              {user.mfaEnabled ? "On" : "Off"} · {active} active {active === 1 ? "device" : "devices"}
            </p>
          </div>
          <a className="btn" href="/devices">
            Manage devices
          </a>
        </div>
      </section>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent security activity</h2>
        {events.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">When (UTC)</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{auditLabel(e.action)}</td>
                  <td>{when.format(e.createdAt)}</td>
                  <td className="muted">{e.ip ?? "unknown"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <LanguageForm chosen={locale} />
    </div>
  );
}
