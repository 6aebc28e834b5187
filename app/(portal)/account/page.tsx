import type { Metadata } from "next";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { requireUserPage } from "@/lib/auth/require-user";
import { countActiveDevices } from "@/lib/devices/list-devices";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditLabelIn } from "@/lib/audit/audit-labels";
import { chosenLocale, requestLocale } from "@/lib/i18n/request-locale";
import { LanguageForm } from "@/components/account/language-form";
import { LocalTime } from "@/components/ui/local-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("account"))("title") };
}

export default async function AccountPage() {
  const { user } = await requireUserPage("/account");
  const [active, events, locale, reading] = await Promise.all([
    countActiveDevices({ userId: user.id }),
    listAuditEvents({ userId: user.id }),
    chosenLocale(),
    requestLocale(),
  ]);
  const t = await serverTranslator("account");
  return (
    <div className="stack">
      <div>
        <h1>{t("hello", { name: user.name ?? user.email })}</h1>
        <p className="muted">{user.email}</p>
      </div>
      <section className="card" aria-labelledby="security-heading">
        <div className="spread">
          <div>
            <h2 id="security-heading">{t("security.heading")}</h2>
            <p className="muted">{t("security.status", { on: String(user.mfaEnabled), active })}</p>
          </div>
          <a className="btn" href="/devices">
            {t("security.manage")}
          </a>
        </div>
      </section>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t("activity.heading")}</h2>
        {events.length === 0 ? (
          <p className="muted">{t("activity.empty")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("activity.what")}</th>
                <th scope="col">{t("activity.when")}</th>
                <th scope="col">{t("activity.from")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    {auditLabelIn(reading, e.action)}
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
                  <td className="muted">{[e.browser, e.ip].filter(Boolean).join(" · ") || t("activity.unknown")}</td>
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
