import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { AUDIT_ACTIONS, auditActionLabel, auditLabel } from "@/lib/audit/audit-labels";
import { searchAuditEvents, type AuditPage, type AuditRow } from "@/lib/audit/search-audit-events";
import { deviceTypeLabel, type DeviceTypeName } from "@/lib/devices/device-types";
import { AppError } from "@/lib/errors/app-error";
import { auditFiltersSchema, filterParams, firstFilterError, queryValues, type AuditFilters } from "@/lib/validations/audit";
import { FocusedNotice } from "@/components/ui/focused-notice";
import { FocusOnLoad } from "@/components/admin/focus-on-load";
import "./audit.css";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** The actions in the order a person looks for them: by label. */
const ACTION_CHOICES = [...AUDIT_ACTIONS].sort((a, b) => auditActionLabel[a].localeCompare(auditActionLabel[b]));

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Who did what: every audit row, newest first, filtered by user, actor, action and days through a GET
 * form (so a filtered view is a link), a page at a time, and exported with the same filters.
 */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("audit.read");
  const values = queryValues(await searchParams);
  const parsed = auditFiltersSchema.safeParse(values);
  let page: AuditPage | null = null;
  let problem: string | null = null;
  if (!parsed.success) problem = firstFilterError(parsed.error);
  else if (values.cursor !== undefined && typeof values.cursor !== "string") problem = "This page link is not valid. Start again from the newest events.";
  else {
    try {
      page = await searchAuditEvents({ filters: parsed.data, cursor: values.cursor });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "VALIDATION")) throw error;
      problem = error.message;
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
        <h1>Audit log</h1>
        <p className="muted">Who did what to whose account, newest first. Times are UTC.</p>
      </div>
      <form className="card audit-filters" role="search" aria-label="Filter the audit log" method="get" action="/admin/audit">
        <div className="field">
          <label htmlFor="audit-user">User</label>
          <input id="audit-user" name="user" defaultValue={text("user")} aria-describedby="audit-user-hint" autoComplete="off" />
          <span id="audit-user-hint" className="hint">
            Email address or id of the account
          </span>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Actor</label>
          <input id="audit-actor" name="actor" defaultValue={text("actor")} aria-describedby="audit-actor-hint" autoComplete="off" />
          <span id="audit-actor-hint" className="hint">
            Who acted: a person&apos;s email or id, or an application&apos;s client id
          </span>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={text("action")}>
            <option value="">Any action</option>
            {ACTION_CHOICES.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC day)</label>
          <input id="audit-from" name="from" type="date" defaultValue={text("from")} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC day, included)</label>
          <input id="audit-to" name="to" type="date" defaultValue={text("to")} />
        </div>
        <div className="audit-filter-actions">
          <button className="btn" type="submit">
            Filter
          </button>
          <a className="btn btn-secondary" href="/admin/audit">
            Clear filters
          </a>
        </div>
      </form>

      {problem !== null ? (
        <FocusedNotice tone="error" message={problem}>
          {" "}
          <a href="/admin/audit">Show the newest events</a>
        </FocusedNotice>
      ) : (
        page && (
          <section className="audit-results" id="audit-results" tabIndex={-1} aria-labelledby="audit-results-heading">
            {asked && <FocusOnLoad targetId="audit-results" />}
            <div className="spread">
              <div>
                <h2 id="audit-results-heading">Events</h2>
                <p className="muted small" role="status">
                  {page.events.length === 0
                    ? "No events match these filters."
                    : `Showing ${page.events.length} ${page.events.length === 1 ? "event" : "events"}, newest first.`}
                </p>
              </div>
              <div className="row">
                <a className="btn btn-secondary btn-small" href={`/admin/audit/export?${withFilters({ format: "csv" })}`} download>
                  Export CSV
                </a>
                <a className="btn btn-secondary btn-small" href={`/admin/audit/export?${withFilters({ format: "json" })}`} download>
                  Export JSON
                </a>
              </div>
            </div>
            {page.events.length > 0 && (
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit events">
                <table className="table audit-table">
                  <thead>
                    <tr>
                      <th scope="col">Time (UTC)</th>
                      <th scope="col">Action</th>
                      <th scope="col">User</th>
                      <th scope="col">Actor</th>
                      <th scope="col">Device</th>
                      <th scope="col">Address</th>
                      <th scope="col">Details</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.events.map((event) => (
                      <EventRow key={event.id} event={event} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <nav className="audit-pages" aria-label="Audit log pages">
              {page.newer ? (
                <a className="btn btn-secondary btn-small" href={`/admin/audit?${withFilters({ cursor: page.newer })}`}>
                  ← Newer events
                </a>
              ) : (
                <span />
              )}
              {page.older && (
                <a className="btn btn-secondary btn-small" href={`/admin/audit?${withFilters({ cursor: page.older })}`}>
                  Older events →
                </a>
              )}
            </nav>
          </section>
        )
      )}
    </div>
  );
}

function EventRow({ event }: { event: AuditRow }) {
  return (
    <tr>
      <td>
        <time dateTime={event.createdAt.toISOString()}>{when.format(event.createdAt)}</time>
      </td>
      <td>
        {auditLabel(event.action)}
        <span className="audit-action-code">{event.action}</span>
      </td>
      <td>{event.userId ? <a href={`/admin/audit?user=${encodeURIComponent(event.userId)}`}>{event.userEmail ?? event.userId}</a> : "—"}</td>
      <td>{actorOf(event)}</td>
      <td>
        {event.deviceId === null
          ? "—"
          : event.deviceNickname === null
            ? "A removed device"
            : `${event.deviceNickname} (${deviceTypeLabel[event.deviceType as DeviceTypeName] ?? event.deviceType})`}
      </td>
      <td>{event.ip ?? "—"}</td>
      <td>
        <Details event={event} />
      </td>
    </tr>
  );
}

function actorOf(event: AuditRow): string {
  if (event.applicationId) return `Application ${event.applicationName ?? event.applicationId}`;
  if (event.actorId === null) return "—";
  if (event.actorId === event.userId) return "The user";
  return event.actorEmail ?? event.actorId;
}

function Details({ event }: { event: AuditRow }) {
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
  if (event.userAgent) pairs.push(["browser", event.userAgent]);
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
