import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage, roleCan } from "@/lib/admin/admin-access";
import { getUserOverview } from "@/lib/admin/user-overview";
import { formatUtc } from "@/lib/otp/messages";
import { UserActions } from "@/components/admin/user-actions";
import {
  blockUserDeviceAction,
  lockUserDeviceAction,
  removeUserDeviceAction,
  resetUserMfaAction,
  signOutUserEverywhereAction,
  unblockUserDeviceAction,
  unlockUserDeviceAction,
} from "./actions";
import "../users.css";

export const metadata: Metadata = { title: "User" };

const actorLabel = { user: "The user", staff: "Staff", application: "An application", unknown: "—" } as const;

const when = (d: Date | null, none = "never") => (d ? formatUtc(d) : <span className="muted">{none}</span>);

/**
 * One user, for staff (issue 13): profile, MFA, every device with what it may be asked to do, browsers
 * (device keys), live sessions and recent activity. Nothing secret reaches this page (lib/admin/user-overview.ts).
 */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("users.read");
  const { id } = await params;
  const overview = typeof id === "string" && id.length <= 64 ? await getUserOverview(id) : null;
  if (!overview) notFound();
  const { profile, devices, deviceKeys, sessions, events } = overview;
  const active = devices.filter((d) => d.status === "ACTIVE").length;
  return (
    <div className="stack">
      <p className="small">
        <a href="/admin/users">← Users</a>
      </p>
      <div>
        <h1>{profile.email}</h1>
        <p className="muted">{profile.name ?? "No name"}</p>
      </div>

      <section className="card stack" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="profile-facts">
          <dt>Email</dt>
          <dd>
            {profile.email} {profile.emailVerifiedAt ? <span className="badge badge-active">confirmed</span> : <span className="badge">not confirmed</span>}
          </dd>
          <dt>Name</dt>
          <dd>{profile.name ?? <span className="muted">none</span>}</dd>
          <dt>Username</dt>
          <dd>{profile.username ?? <span className="muted">none</span>}</dd>
          <dt>Phone</dt>
          <dd>{profile.phone ?? <span className="muted">none</span>}</dd>
          <dt>Role</dt>
          <dd>{profile.role === "ADMIN" ? "Administrator" : profile.role === "HELPDESK" ? "Helpdesk" : "User"}</dd>
          <dt>Created</dt>
          <dd>{formatUtc(profile.createdAt)}</dd>
          <dt>Last sign-in</dt>
          <dd>{when(profile.lastSignInAt)}</dd>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">Two-step verification: {overview.mfaEnabled ? "On" : "Off"}</h2>
        <p className="muted">
          {active} active {active === 1 ? "device" : "devices"} of {devices.length} · {sessions.length} active{" "}
          {sessions.length === 1 ? "session" : "sessions"}
        </p>
        {devices.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Devices">
            <table className="table">
              <caption>Devices</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Type</th>
                  <th scope="col">Sends to</th>
                  <th scope="col">Status</th>
                  <th scope="col">Locked until (UTC)</th>
                  <th scope="col">Created (UTC)</th>
                  <th scope="col">Last used (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.nickname} {d.isDefault && <span className="badge badge-default">Default</span>}
                    </td>
                    <td>{d.typeLabel}</td>
                    <td>{d.maskedTarget ?? <span className="muted">—</span>}</td>
                    <td>
                      <span className={d.status === "BLOCKED" ? "badge badge-blocked" : d.status === "ACTIVE" ? "badge badge-active" : "badge"}>{d.statusLabel}</span>
                      {d.failedAttempts > 0 && <span className="muted small"> {d.failedAttempts} wrong {d.failedAttempts === 1 ? "code" : "codes"}</span>}
                    </td>
                    <td>{when(d.lockedUntil, "not locked")}</td>
                    <td>{formatUtc(d.createdAt)}</td>
                    <td>{when(d.lastUsedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <UserActions
          userId={profile.id}
          email={profile.email}
          devices={devices.map((d) => ({ id: d.id, label: `${d.typeLabel} "${d.nickname}"`, status: d.status, locked: d.lockedUntil !== null, failedAttempts: d.failedAttempts }))}
          activeDevices={active}
          totalDevices={devices.length}
          sessions={sessions.length}
          mfaEnabled={overview.mfaEnabled}
          canManageDevices={roleCan(staff.user.role, "devices.manage")}
          canManageUser={roleCan(staff.user.role, "users.manage")}
          actions={{
            block: blockUserDeviceAction,
            unblock: unblockUserDeviceAction,
            unlock: unlockUserDeviceAction,
            remove: removeUserDeviceAction,
            lock: lockUserDeviceAction,
            resetMfa: resetUserMfaAction,
            signOutEverywhere: signOutUserEverywhereAction,
          }}
        />
      </section>

      <section className="card stack" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Registered browsers</h2>
        {deviceKeys.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Registered browsers">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Remembered until (UTC)</th>
                  <th scope="col">Registered (UTC)</th>
                  <th scope="col">Last seen (UTC)</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {deviceKeys.map((k) => (
                  <tr key={k.id}>
                    <td>
                      {k.displayName}
                      {k.throughApplication && <span className="muted small"> (by an application)</span>}
                    </td>
                    <td>{k.status === "BLOCKED" ? <span className="badge badge-blocked">Blocked</span> : <span className="badge badge-active">Active</span>}</td>
                    <td>{when(k.rememberedUntil, "not remembered")}</td>
                    <td>{formatUtc(k.createdAt)}</td>
                    <td>{formatUtc(k.lastSeenAt)}</td>
                    <td>{k.lastSeenIp ?? <span className="muted">unknown</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Active sessions</h2>
        {sessions.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Active sessions">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Browser</th>
                  <th scope="col">Address</th>
                  <th scope="col">Since (UTC)</th>
                  <th scope="col">Last active (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{s.browser ?? <span className="muted">unknown</span>}</td>
                    <td>{s.ip ?? <span className="muted">unknown</span>}</td>
                    <td>{formatUtc(s.signedInAt)}</td>
                    <td>{formatUtc(s.lastActiveAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        {events.length === 0 ? (
          <p className="muted">Nothing yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Recent activity">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">By</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>{e.label}</td>
                    <td>{formatUtc(e.createdAt)}</td>
                    <td>{actorLabel[e.by]}</td>
                    <td className="muted">{e.ip ?? "unknown"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
