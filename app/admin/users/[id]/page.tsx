import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage, roleCan } from "@/lib/admin/admin-access";
import { getUserOverview } from "@/lib/admin/user-overview";
import { auditLabelIn } from "@/lib/audit/audit-labels";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { translatorFor } from "@/lib/i18n/translator";
import { formatUtc } from "@/lib/otp/messages";
import { UserActions } from "@/components/admin/user-actions";
import { LocalTime } from "@/components/ui/local-time";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("user.title") };
}

const at = (d: Date) => <LocalTime value={d.toISOString()} />;
const when = (d: Date | null, none: string) => (d ? at(d) : <span className="muted">{none}</span>);

/**
 * One user, for staff (issue 13): profile, MFA, every device with what it may be asked to do, browsers
 * (device keys), live sessions and recent activity. Nothing secret reaches this page (lib/admin/user-overview.ts).
 */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("users.read");
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const kinds = translatorFor(locale, "devices");
  const { id } = await params;
  const overview = typeof id === "string" && id.length <= 64 ? await getUserOverview(id) : null;
  if (!overview) notFound();
  const { profile, devices, deviceKeys, sessions, events } = overview;
  const active = devices.filter((d) => d.status === "ACTIVE").length;
  return (
    <div className="stack">
      <p className="small">
        <a href="/admin/users">{t("user.back")}</a>
      </p>
      <div>
        <h1>{profile.email}</h1>
        <p className="muted">{profile.name ?? t("user.noName")}</p>
      </div>

      <section className="card stack" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("user.profile.heading")}</h2>
        <dl className="profile-facts">
          <dt>{t("user.profile.email")}</dt>
          <dd>
            {profile.email}{" "}
            {profile.emailVerifiedAt ? <span className="badge badge-active">{t("user.profile.confirmed")}</span> : <span className="badge">{t("user.profile.notConfirmed")}</span>}
          </dd>
          <dt>{t("user.profile.name")}</dt>
          <dd>{profile.name ?? <span className="muted">{t("user.none")}</span>}</dd>
          <dt>{t("user.profile.username")}</dt>
          <dd>{profile.username ?? <span className="muted">{t("user.none")}</span>}</dd>
          <dt>{t("user.profile.phone")}</dt>
          <dd>{profile.phone ?? <span className="muted">{t("user.none")}</span>}</dd>
          <dt>{t("user.profile.role")}</dt>
          <dd>{t("roles.any", { role: profile.role })}</dd>
          <dt>{t("user.profile.created")}</dt>
          <dd>{at(profile.createdAt)}</dd>
          <dt>{t("user.profile.lastSignIn")}</dt>
          <dd>{when(profile.lastSignInAt, t("user.never"))}</dd>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">{t("user.mfa.heading", { on: overview.mfaEnabled ? "yes" : "no" })}</h2>
        <p className="muted">{t("user.mfa.counts", { active, total: devices.length, sessions: sessions.length })}</p>
        {devices.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("user.devices.heading")}>
            <table className="table">
              <caption>{t("user.devices.heading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("user.devices.device")}</th>
                  <th scope="col">{t("user.devices.type")}</th>
                  <th scope="col">{t("user.devices.sendsTo")}</th>
                  <th scope="col">{t("user.devices.status")}</th>
                  <th scope="col">{t("user.devices.lockedUntil")}</th>
                  <th scope="col">{t("user.devices.created")}</th>
                  <th scope="col">{t("user.devices.lastUsed")}</th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.nickname} {d.isDefault && <span className="badge badge-default">{t("user.devices.default")}</span>}
                    </td>
                    <td>{kinds(`types.${d.type}`)}</td>
                    <td>{d.maskedTarget ?? <span className="muted">—</span>}</td>
                    <td>
                      <span className={d.status === "BLOCKED" ? "badge badge-blocked" : d.status === "ACTIVE" ? "badge badge-active" : "badge"}>{kinds(`statuses.${d.status}`)}</span>
                      {d.failedAttempts > 0 && <span className="muted small"> {t("user.devices.wrongCodes", { count: d.failedAttempts })}</span>}
                    </td>
                    {/* In UTC, as the lock's own field is (components/admin/user-actions.tsx): the two read alike. */}
                    <td>{d.lockedUntil ? formatUtc(d.lockedUntil) : <span className="muted">{t("user.devices.notLocked")}</span>}</td>
                    <td>{at(d.createdAt)}</td>
                    <td>{when(d.lastUsedAt, t("user.never"))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <UserActions
          userId={profile.id}
          email={profile.email}
          devices={devices.map((d) => ({ id: d.id, label: t("user.devices.label", { type: kinds(`types.${d.type}`), nickname: d.nickname }), status: d.status, locked: d.lockedUntil !== null, failedAttempts: d.failedAttempts }))}
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
        <h2 id="keys-heading">{t("user.browsers.heading")}</h2>
        {deviceKeys.length === 0 ? (
          <p className="muted">{t("user.noneYet")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("user.browsers.heading")}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("user.browsers.name")}</th>
                  <th scope="col">{t("user.browsers.status")}</th>
                  <th scope="col">{t("user.browsers.rememberedUntil")}</th>
                  <th scope="col">{t("user.browsers.registered")}</th>
                  <th scope="col">{t("user.browsers.lastSeen")}</th>
                  <th scope="col">{t("user.browsers.from")}</th>
                </tr>
              </thead>
              <tbody>
                {deviceKeys.map((k) => (
                  <tr key={k.id}>
                    <td>
                      {k.displayName}
                      {k.throughApplication && <span className="muted small"> {t("user.browsers.byApplication")}</span>}
                    </td>
                    <td>{k.status === "BLOCKED" ? <span className="badge badge-blocked">{t("user.browsers.blocked")}</span> : <span className="badge badge-active">{t("user.browsers.active")}</span>}</td>
                    <td>{when(k.rememberedUntil, t("user.browsers.notRemembered"))}</td>
                    <td>{at(k.createdAt)}</td>
                    <td>{at(k.lastSeenAt)}</td>
                    <td>{k.lastSeenIp ?? <span className="muted">{t("user.unknown")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("user.sessions.heading")}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t("user.noneYet")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("user.sessions.heading")}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("user.sessions.browser")}</th>
                  <th scope="col">{t("user.sessions.address")}</th>
                  <th scope="col">{t("user.sessions.since")}</th>
                  <th scope="col">{t("user.sessions.lastActive")}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{s.browser ?? <span className="muted">{t("user.unknown")}</span>}</td>
                    <td>{s.ip ?? <span className="muted">{t("user.unknown")}</span>}</td>
                    <td>{at(s.signedInAt)}</td>
                    <td>{at(s.lastActiveAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t("user.activity.heading")}</h2>
        {events.length === 0 ? (
          <p className="muted">{t("user.activity.nothing")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("user.activity.heading")}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("user.activity.what")}</th>
                  <th scope="col">{t("user.activity.when")}</th>
                  <th scope="col">{t("user.activity.by")}</th>
                  <th scope="col">{t("user.activity.from")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>{auditLabelIn(locale, e.action)}</td>
                    <td>{at(e.createdAt)}</td>
                    <td>{t("user.activity.actor", { by: e.by })}</td>
                    <td className="muted">{e.ip ?? t("user.unknown")}</td>
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
