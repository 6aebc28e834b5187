import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireStaffPage, roleCan } from "@/lib/admin/admin-access";
import { OVERVIEW_DAYS, readOverview } from "@/lib/admin/read-overview";
import { DEVICE_TYPES, type DeviceTypeName } from "@/lib/devices/device-types";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { translatorFor } from "@/lib/i18n/translator";
import { DailyBarChart } from "@/components/admin/charts/daily-bar-chart";
import { HorizontalBarChart } from "@/components/admin/charts/horizontal-bar-chart";
import { ShareRing } from "@/components/admin/charts/share-ring";
import "./overview.css";
import { placed } from "@/components/i18n/placed";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("overview.title") };
}

/**
 * The console's front page for administrators: who uses MFA, with which devices, and how sign-ins,
 * failed second factors and lockouts went over the last 30 days. Helpdesk staff may not read the
 * audit log these come from, so they are sent on to the users, the part of the console that is theirs.
 */
export default async function AdminOverviewPage() {
  const staff = await requireStaffPage("users.read");
  if (!roleCan(staff.user.role, "audit.read")) redirect("/admin/users");
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const kinds = translatorFor(locale, "devices");
  const overview = await readOverview();
  const { days } = overview;
  const lockouts = days.reduce((sum, d) => sum + d.lockouts, 0);
  const typeLabel = (type: string) => ((DEVICE_TYPES as readonly string[]).includes(type) ? kinds(`types.${type as DeviceTypeName}`) : type);
  return (
    <div className="stack">
      <div>
        <h1>{t("overview.heading")}</h1>
        <p className="muted">{t("overview.intro", { days: OVERVIEW_DAYS })}</p>
      </div>
      <dl className="overview-figures" aria-label={t("overview.figures.label")}>
        <div>
          <dt>{t("overview.figures.users")}</dt>
          <dd>{overview.users.total}</dd>
        </div>
        <div>
          <dt>{t("overview.figures.withMfa")}</dt>
          <dd>{overview.users.withMfa}</dd>
        </div>
        <div>
          <dt>{t("overview.figures.lockouts", { days: OVERVIEW_DAYS })}</dt>
          <dd>{lockouts}</dd>
        </div>
        <div>
          <dt>{t("overview.figures.lockedNow")}</dt>
          <dd>{overview.lockedNow}</dd>
        </div>
      </dl>
      <div className="overview-grid">
        <section className="card" aria-labelledby="adoption-heading">
          <h2 id="adoption-heading">{t("overview.adoption")}</h2>
          <ShareRing locale={locale} id="mfa-adoption" part={overview.users.withMfa} whole={overview.users.total} />
        </section>
        <section className="card" aria-labelledby="devices-heading">
          <h2 id="devices-heading">{t("overview.devices")}</h2>
          <HorizontalBarChart locale={locale} id="devices-by-type" data={overview.devicesByType.map((d) => ({ label: typeLabel(d.type), value: d.count }))} />
        </section>
      </div>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t("overview.activity")}</h2>
        <DailyBarChart locale={locale} id="sign-ins" chart="signIns" data={days.map((d) => ({ day: d.day, value: d.signIns }))} />
        <DailyBarChart
          locale={locale}
          id="failed-second-factors"
          chart="failedSecondFactors"
          tone="danger"
          data={days.map((d) => ({ day: d.day, value: d.failedSecondFactors }))}
        />
        <DailyBarChart locale={locale} id="lockouts" chart="lockouts" tone="warning" data={days.map((d) => ({ day: d.day, value: d.lockouts }))} />
        <p className="small muted">
          {placed((v) => t("overview.explained", v), { link: <a href="/admin/audit?action=device.locked">{t("overview.seeLockouts")}</a> })}
        </p>
      </section>
    </div>
  );
}
