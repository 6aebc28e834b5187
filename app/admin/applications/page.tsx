import type { Metadata } from "next";
import { ApplicationRow } from "@/components/admin/applications/application-row";
import { CreateApplicationForm } from "@/components/admin/applications/create-application-form";
import { WidgetOrigins } from "@/components/admin/applications/widget-origins";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { listApplicationsForStaff } from "@/lib/applications/staff-applications";
import { config } from "@/lib/config";
import { widgetAllowedOrigins } from "@/lib/widget/widget-origins";
import "./applications.css";

export const metadata: Metadata = { title: "Applications" };

const moment = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (date: Date) => `${moment.format(date)} UTC`;

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

  return (
    <div className="stack applications-page">
      <div>
        <h1>Applications</h1>
        <p className="muted">
          Applications call the <a href="/developers">flow API</a> with a secret of their own. Each change here needs a recent sign-in and is
          written to the audit log.
        </p>
      </div>

      <section className="card stack" aria-labelledby="applications-title">
        <h2 id="applications-title" tabIndex={-1}>
          API applications
        </h2>
        {applications.length === 0 ? (
          <p className="muted">No applications yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="API applications, scrollable">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Client id</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Rate limit</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
          <nav className="row" aria-label="Pages of applications">
            {page > 1 && <a href={`/admin/applications?page=${page - 1}`}>Newer</a>}
            <span className="muted">
              Page {page} of {pages}
            </span>
            {page < pages && <a href={`/admin/applications?page=${page + 1}`}>Older</a>}
          </nav>
        )}
        <p className="muted small">Last used is updated at most once a minute.</p>
        <CreateApplicationForm defaultLimit={defaultLimit} />
      </section>

      <section className="card stack" id="widget" aria-labelledby="widget-title">
        <h2 id="widget-title">Widget origins</h2>
        <p className="muted">
          Sites allowed to embed the device widget (<code>/widget.js</code>): browsers let only these frame it, and it hands its result
          only to them. This portal ({appOrigin}) may always embed it. Changes apply from the next page load.
        </p>
        <WidgetOrigins origins={origins} appOrigin={appOrigin} />
      </section>
    </div>
  );
}
