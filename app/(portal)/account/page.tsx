import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/require-user";
import { countActiveDevices } from "@/lib/devices/list-devices";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditLabel } from "@/lib/audit/audit-labels";
import { chosenLocale } from "@/lib/i18n/request-locale";
import { LanguageForm } from "@/components/account/language-form";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Your account" };

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
                <th scope="col">When</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.label}
                    {e.device && (
                      <>
                        <br />
                        <span className="muted small">{e.device}</span>
                      </>
                    )}
                  </td>
                  {/* Written in the person's own time zone and language by their browser. */}
                  <td>
                    <LocalTime value={e.createdAt} />
                  </td>
                  <td className="muted">{[e.browser, e.ip].filter(Boolean).join(" · ") || "unknown"}</td>
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
