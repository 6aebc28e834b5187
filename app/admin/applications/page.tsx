import type { Metadata } from "next";
import { ApplicationRow } from "@/components/admin/applications/application-row";
import { CreateApplicationForm } from "@/components/admin/applications/create-application-form";
import { WidgetOrigins } from "@/components/admin/applications/widget-origins";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { listApplicationsForStaff } from "@/lib/applications/staff-applications";
import { config } from "@/lib/config";
import { widgetAllowedOrigins } from "@/lib/widget/widget-origins";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { translatorFor } from "@/lib/i18n/translator";
import "./applications.css";
import { placed } from "@/components/i18n/placed";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("applications.title") };
}

/**
 * The flow API's applications (create, rotate, revoke; the key shown once) and the origins allowed to
 * embed the widget (#widget). Administrators only: everyone else gets the 404 page.
 */
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("applications.manage");
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const [{ applications, pages }, origins] = await Promise.all([listApplicationsForStaff(staff, { page }), widgetAllowedOrigins()]);
  const { limits, appOrigin } = config();
  const defaultLimit = limits.api.perMinute;
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  // In UTC, saying so, written on the server in the reader's language: the rows are sorted and compared
  // by these times, and e2e/admin-applications.spec.ts reads them as written.
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const when = (date: Date) => t("applications.utc", { time: moment.format(date) });

  return (
    <div className="stack applications-page">
      <div>
        <h1>{t("applications.heading")}</h1>
        <p className="muted">{placed((v) => t("applications.intro", v), { link: <a href="/developers">{t("applications.flowApi")}</a> })}</p>
      </div>

      <section className="card stack" aria-labelledby="applications-title">
        <h2 id="applications-title" tabIndex={-1}>
          {t("applications.list.heading")}
        </h2>
        {applications.length === 0 ? (
          <p className="muted">{t("applications.list.none")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("applications.list.region")}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("applications.list.name")}</th>
                  <th scope="col">{t("applications.list.clientId")}</th>
                  <th scope="col">{t("applications.list.created")}</th>
                  <th scope="col">{t("applications.list.lastUsed")}</th>
                  <th scope="col">{t("applications.list.rateLimit")}</th>
                  <th scope="col">{t("applications.list.status")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("applications.list.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {applications.map((a) => (
                  <ApplicationRow
                    key={a.clientId}
                    defaultLimit={defaultLimit}
                    application={{
                      clientId: a.clientId,
                      name: a.name,
                      rateLimitPerMinute: a.rateLimitPerMinute,
                      created: when(a.createdAt),
                      lastUsed: a.lastUsedAt ? when(a.lastUsedAt) : null,
                      revoked: a.revokedAt ? when(a.revokedAt) : null,
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav className="row" aria-label={t("applications.list.pages")}>
            {page > 1 && <a href={`/admin/applications?page=${page - 1}`}>{t("applications.list.newer")}</a>}
            <span className="muted">{t("applications.list.page", { page, pages })}</span>
            {page < pages && <a href={`/admin/applications?page=${page + 1}`}>{t("applications.list.older")}</a>}
          </nav>
        )}
        <p className="muted small">{t("applications.list.lastUsedNote")}</p>
        <CreateApplicationForm defaultLimit={defaultLimit} />
      </section>

      <section className="card stack" id="widget" aria-labelledby="widget-title">
        <h2 id="widget-title">{t("applications.origins.heading")}</h2>
        <p className="muted">{placed((v) => t("applications.origins.intro", { appOrigin, ...v }), { script: <code>/widget.js</code> })}</p>
        <WidgetOrigins origins={origins} appOrigin={appOrigin} />
      </section>
    </div>
  );
}
