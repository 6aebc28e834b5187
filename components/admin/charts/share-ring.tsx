import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ChartFigure } from "./chart-figure";

const SIZE = 160;
const RADIUS = 62;
const STROKE = 20;

/** The users with MFA on among all users, as a ring, the share written in its middle. */
export function ShareRing({ locale, id, part, whole }: { locale: Locale; id: string; part: number; whole: number }) {
  const t = translatorFor(locale, "admin");
  const share = whole === 0 ? 0 : part / whole;
  const percent = Math.round(share * 100);
  const circumference = 2 * Math.PI * RADIUS;
  const title = t("charts.adoption.title");
  const summary = t("charts.adoption.summary", { percent, part, whole });
  return (
    <ChartFigure
      locale={locale}
      id={id}
      title={title}
      summary={summary}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      picture={
        <g transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}>
          <circle className="chart-track" cx={SIZE / 2} cy={SIZE / 2} r={RADIUS} strokeWidth={STROKE} fill="none" />
          <circle
            className="chart-share"
            cx={SIZE / 2}
            cy={SIZE / 2}
            r={RADIUS}
            strokeWidth={STROKE}
            fill="none"
            strokeDasharray={`${share * circumference} ${circumference}`}
          />
          <text className="chart-percent" x={SIZE / 2} y={SIZE / 2 + 9} textAnchor="middle" transform={`rotate(90 ${SIZE / 2} ${SIZE / 2})`}>
            {t("charts.adoption.percent", { percent })}
          </text>
        </g>
      }
      table={{
        caption: title,
        columns: [t("charts.adoption.users"), t("charts.adoption.count")],
        rows: [
          [t("charts.adoption.on"), part],
          [t("charts.adoption.off"), whole - part],
          [t("charts.adoption.all"), whole],
        ],
      }}
    />
  );
}
