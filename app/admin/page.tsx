import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireStaffPage, roleCan } from "@/lib/admin/admin-access";
import { OVERVIEW_DAYS, readOverview } from "@/lib/admin/read-overview";
import { deviceTypeLabel, type DeviceTypeName } from "@/lib/devices/device-types";
import { DailyBarChart } from "@/components/admin/charts/daily-bar-chart";
import { HorizontalBarChart } from "@/components/admin/charts/horizontal-bar-chart";
import { ShareRing } from "@/components/admin/charts/share-ring";
import "./overview.css";

export const metadata: Metadata = { title: "Admin overview" };

/**
 * The console's front page for administrators: who uses MFA, with which devices, and how sign-ins,
 * failed second factors and lockouts went over the last 30 days. Helpdesk staff may not read the
 * audit log these come from, so they are sent on to the users, the part of the console that is theirs.
 */
export default async function AdminOverviewPage() {
  const staff = await requireStaffPage("users.read");
  if (!roleCan(staff.user.role, "audit.read")) redirect("/admin/users");
  const overview = await readOverview();
  const { days } = overview;
  const lockouts = days.reduce((sum, d) => sum + d.lockouts, 0);
  return (
    <div className="stack">
      <div>
        <h1>Overview</h1>
        <p className="muted">The last {OVERVIEW_DAYS} days, by UTC day, from the audit log.</p>
      </div>
      <dl className="overview-figures" aria-label="At a glance">
        <div>
          <dt>Users</dt>
          <dd>{overview.users.total}</dd>
        </div>
        <div>
          <dt>With MFA on</dt>
          <dd>{overview.users.withMfa}</dd>
        </div>
        <div>
          <dt>Lockouts, {OVERVIEW_DAYS} days</dt>
          <dd>{lockouts}</dd>
        </div>
        <div>
          <dt>Devices locked now</dt>
          <dd>{overview.lockedNow}</dd>
        </div>
      </dl>
      <div className="overview-grid">
        <section className="card" aria-labelledby="adoption-heading">
          <h2 id="adoption-heading">MFA adoption</h2>
          <ShareRing id="mfa-adoption" title="Users with MFA on" part={overview.users.withMfa} whole={overview.users.total} partLabel="users with MFA on" restLabel="Users with MFA off" />
        </section>
        <section className="card" aria-labelledby="devices-heading">
          <h2 id="devices-heading">Devices by type</h2>
          <HorizontalBarChart
            id="devices-by-type"
            title="Active devices by type"
            unit="active devices"
            data={overview.devicesByType.map((d) => ({ label: deviceTypeLabel[d.type as DeviceTypeName] ?? d.type, value: d.count }))}
          />
        </section>
      </div>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Sign-ins and second factors</h2>
        <DailyBarChart id="sign-ins" title="Sign-ins per day" unit="sign-ins" data={days.map((d) => ({ day: d.day, value: d.signIns }))} />
        <DailyBarChart
          id="failed-second-factors"
          title="Failed second factors per day"
          unit="failed second factors"
          tone="danger"
          data={days.map((d) => ({ day: d.day, value: d.failedSecondFactors }))}
        />
        <DailyBarChart id="lockouts" title="Lockouts per day" unit="lockouts" tone="warning" data={days.map((d) => ({ day: d.day, value: d.lockouts }))} />
        <p className="small muted">
          A failed second factor is a wrong or reused code, a push denied or answered with the wrong number, or a passkey that looked
          copied. A lockout is a device (or every code device of an account) locked after too many of them.{" "}
          <a href="/admin/audit?action=device.locked">See the lockouts in the audit log</a>.
        </p>
      </section>
    </div>
  );
}
