import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { AUDIT_ACTIONS, auditLabelsIn } from "@/lib/audit/audit-labels";
import { searchAuditEvents, type AuditPage, type AuditRow } from "@/lib/audit/search-audit-events";
import { DEVICE_TYPES, type DeviceTypeName } from "@/lib/devices/device-types";
import { AppError } from "@/lib/errors/app-error";
import { wordValidationMessage } from "@/lib/validations/word-validation";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { translate } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";
import { auditFiltersSchema, filterParams, firstFilterError, queryValues, type AuditFilters } from "@/lib/validations/audit";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { FocusOnLoad } from "@/components/admin/focus-on-load";
import { LocalTime } from "@/components/ui/local-time";
import "./audit.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("audit.title") };
}

type T = ReturnType<typeof translatorFor<"admin">>;

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Who did what: every audit row, newest first, filtered by user, actor, action and days through a GET
 * form (so a filtered view is a link), a page at a time, and exported with the same filters.
 */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("audit.read");
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const label = auditLabelsIn(locale);
  // The actions in the order a person looks for them: by label, in their language.
  const actionChoices = AUDIT_ACTIONS.map((action) => ({ action, label: label(action) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  const values = queryValues(await searchParams);
  const parsed = auditFiltersSchema.safeParse(values);
  let page: AuditPage | null = null;
  let problem: string | null = null;
  if (!parsed.success) problem = wordValidationMessage(firstFilterError(parsed.error), locale);
  else if (values.cursor !== undefined && typeof values.cursor !== "string") problem = t("audit.invalidCursor");
  else {
    try {
      page = await searchAuditEvents({ filters: parsed.data, cursor: values.cursor });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "VALIDATION")) throw error;
      problem = error.text ? translate(locale, error.text) : wordValidationMessage(error.message, locale);
    }
  }
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  const asked = Object.keys(values).length > 0;
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const withFilters = (extra: Record<string, string> = {}) => {
    const params = filterParams(filters);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return params.toString();
  };

  return (
    <div className="stack">
      <div>
        <h1>{t("audit.heading")}</h1>
        <p className="muted">{t("audit.intro")}</p>
      </div>
      <form className="card audit-filters" role="search" aria-label={t("audit.filters.label")} method="get" action="/admin/audit">
        <div className="field">
          <label htmlFor="audit-user">{t("audit.filters.user")}</label>
          <input id="audit-user" name="user" defaultValue={text("user")} aria-describedby="audit-user-hint" autoComplete="off" />
          <span id="audit-user-hint" className="hint">
            {t("audit.filters.userHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("audit.filters.actor")}</label>
          <input id="audit-actor" name="actor" defaultValue={text("actor")} aria-describedby="audit-actor-hint" autoComplete="off" />
          <span id="audit-actor-hint" className="hint">
            {t("audit.filters.actorHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("audit.filters.action")}</label>
          <select id="audit-action" name="action" defaultValue={text("action")}>
            <option value="">{t("audit.filters.anyAction")}</option>
            {actionChoices.map((choice) => (
              <option key={choice.action} value={choice.action}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("audit.filters.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={text("from")} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("audit.filters.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={text("to")} />
        </div>
        <div className="audit-filter-actions">
          <button className="btn" type="submit">
            {t("audit.filters.submit")}
          </button>
          <a className="btn btn-secondary" href="/admin/audit">
            {t("audit.filters.clear")}
          </a>
        </div>
      </form>

      {problem !== null ? (
        <FocusedNotice tone="error" message={problem}>
          {" "}
          <a href="/admin/audit">{t("audit.showNewest")}</a>
        </FocusedNotice>
      ) : (
        page && (
          <section className="audit-results" id="audit-results" tabIndex={-1} aria-labelledby="audit-results-heading">
            {asked && <FocusOnLoad targetId="audit-results" />}
            <div className="spread">
              <div>
                <h2 id="audit-results-heading">{t("audit.events")}</h2>
                <p className="muted small" role="status">
                  {t("audit.showing", { count: page.events.length })}
                </p>
              </div>
              <div className="row">
                <a className="btn btn-secondary btn-small" href={`/admin/audit/export?${withFilters({ format: "csv" })}`} download>
                  {t("audit.exportCsv")}
                </a>
                <a className="btn btn-secondary btn-small" href={`/admin/audit/export?${withFilters({ format: "json" })}`} download>
                  {t("audit.exportJson")}
                </a>
              </div>
            </div>
            {page.events.length > 0 && (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t("audit.table")}>
                <table className="table audit-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("audit.columns.time")}</th>
                      <th scope="col">{t("audit.columns.action")}</th>
                      <th scope="col">{t("audit.columns.user")}</th>
                      <th scope="col">{t("audit.columns.actor")}</th>
                      <th scope="col">{t("audit.columns.device")}</th>
                      <th scope="col">{t("audit.columns.address")}</th>
                      <th scope="col">{t("audit.columns.details")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.events.map((event) => (
                      <EventRow key={event.id} event={event} t={t} locale={locale} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <nav className="audit-pages" aria-label={t("audit.pages")}>
              {page.newer ? (
                <a className="btn btn-secondary btn-small" href={`/admin/audit?${withFilters({ cursor: page.newer })}`}>
                  {t("audit.newer")}
                </a>
              ) : (
                <span />
              )}
              {page.older && (
                <a className="btn btn-secondary btn-small" href={`/admin/audit?${withFilters({ cursor: page.older })}`}>
                  {t("audit.older")}
                </a>
              )}
            </nav>
          </section>
        )
      )}
    </div>
  );
}

function EventRow({ event, t, locale }: { event: AuditRow; t: T; locale: Locale }) {
  const type = event.deviceType !== null && (DEVICE_TYPES as readonly string[]).includes(event.deviceType) ? translatorFor(locale, "devices")(`types.${event.deviceType as DeviceTypeName}`) : event.deviceType;
  return (
    <tr>
      <td>
        <LocalTime value={event.createdAt.toISOString()} />
      </td>
      <td>
        {auditLabelsIn(locale)(event.action)}
        <span className="audit-action-code">{event.action}</span>
      </td>
      <td>{event.userId ? <a href={`/admin/audit?user=${encodeURIComponent(event.userId)}`}>{event.userEmail ?? event.userId}</a> : "—"}</td>
      <td>{actorOf(event, t)}</td>
      <td>
        {event.deviceId === null
          ? "—"
          : event.deviceNickname === null
            ? t("audit.removedDevice")
            : t("audit.device", { nickname: event.deviceNickname, type: type ?? "" })}
      </td>
      <td>{event.ip ?? "—"}</td>
      <td>
        <Details event={event} t={t} />
      </td>
    </tr>
  );
}

function actorOf(event: AuditRow, t: T): string {
  if (event.applicationId) return t("audit.application", { name: event.applicationName ?? event.applicationId });
  if (event.actorId === null) return "—";
  if (event.actorId === event.userId) return t("audit.theUser");
  return event.actorEmail ?? event.actorId;
}

/** The row's details as stored: their keys are the audit record's own (machine) names, shown as they are. */
function Details({ event, t }: { event: AuditRow; t: T }) {
  const pairs: [string, string][] = [];
  if (event.details) {
    try {
      const parsed = JSON.parse(event.details) as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        for (const [key, value] of Object.entries(parsed)) pairs.push([key, typeof value === "string" ? value : JSON.stringify(value)]);
      } else pairs.push(["details", event.details]);
    } catch {
      pairs.push(["details", event.details]);
    }
  }
  if (event.userAgent) pairs.push([t("audit.browser"), event.userAgent]);
  if (pairs.length === 0) return <>—</>;
  return (
    <ul className="audit-details">
      {pairs.map(([key, value]) => (
        <li key={key}>
          <b>{key}</b>: {value}
        </li>
      ))}
    </ul>
  );
}
